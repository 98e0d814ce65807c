import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SECRET_FIELDS } from '../../src/config/schema.ts';
import { AEM_PASSWORD_VARIABLE } from '../../src/deploy/credentials.ts';
import { AEM_KEYSTORE_PASSWORD_VARIABLE } from '../../src/deploy/service-user-key.ts';
import { KEYSTORE_PASSWORD_VARIABLE } from '../../src/crypto/keystore-password.ts';
import { createSecretRegistry, SECRET_VARIABLES, SecretRegistry } from '../../src/secrets/secret-registry.ts';

const registrySuite = suite('SecretRegistry');

registrySuite('blanks out a secret as written, as a JSON string carries it and URL-encoded', () => {
  const registry = new SecretRegistry();
  registry.add('q"uo\\te/Secret 9', 'IOEVENTS_CLIENT_SECRET');
  assert.is(registry.redact('a q"uo\\te/Secret 9 b'), 'a *** b');
  assert.is(registry.redact('a "q\\"uo\\\\te/Secret 9" b'), 'a "***" b');
  assert.is(registry.redact('a=q%22uo%5Cte%2FSecret%209&b'), 'a=***&b');
});

registrySuite('blanks out what an IMS or AEM echoing the request shows: the form body (! ( ) ~ encoded) and the HTML-escaped page', () => {
  const registry = new SecretRegistry();
  registry.add("p8e-Cl!ent(Secret)~*42 <x>&'y'", 'IOEVENTS_CLIENT_SECRET');
  assert.is(registry.redact('bad body: client_secret=p8e-Cl%21ent%28Secret%29%7E*42+%3Cx%3E%26%27y%27&jwt_token=x'), 'bad body: client_secret=***&jwt_token=x');
  assert.is(registry.redact('<pre>p8e-Cl!ent(Secret)~*42 &lt;x&gt;&amp;&#39;y&#39;</pre>'), '<pre>***</pre>');
});

registrySuite('a secret with a lone surrogate (no URL-encoded form) is blanked out as written and JSON-escaped', () => {
  const registry = new SecretRegistry();
  registry.add('half-\ud800-secret', 'cloudService.clientSecret');
  assert.is(registry.redact('a half-\ud800-secret b'), 'a *** b');
  assert.is(registry.stringify(['half-\ud800-secret']), '[\n  "***"\n]');
});

registrySuite('undefined and empty values are no secrets; without secrets the text is unchanged', () => {
  const registry = new SecretRegistry();
  registry.add(undefined, 'AEM_PASSWORD');
  registry.add('', 'AEM_PASSWORD');
  assert.is(registry.redact('any text'), 'any text');
  assert.is(registry.stringify({ a: '' }), '{\n  "a": ""\n}');
  assert.equal(registry.shortSecretWarnings(), []);
});

registrySuite('stringify blanks out values and keys before serializing: valid JSON for a secret with " and \\', () => {
  const secret = 'q"uo\\te-Secret-9';
  const registry = new SecretRegistry();
  registry.add(secret, 'IOEVENTS_CLIENT_SECRET');
  const text = registry.stringify({ message: `cannot read ${secret}`, list: [secret, 1, null], [secret]: true, nested: { escaped: JSON.stringify(secret) } });
  assert.equal(JSON.parse(text), { message: 'cannot read ***', list: ['***', 1, null], '***': true, nested: { escaped: '"***"' } });
  assert.not.ok(text.includes('uo\\'), 'neither the secret nor its escaped form');
});

registrySuite('stringify applies toJSON first, then blanks out what it returns', () => {
  const registry = new SecretRegistry();
  registry.add('Tok-Secret-123', 'AEM_PASSWORD');
  assert.is(registry.stringify({ c: { toJSON: () => 'user Tok-Secret-123' } }), '{\n  "c": "user ***"\n}');
});

registrySuite('a secret of 1-3 characters is blanked out where it stands alone, and warned about once by its first source', () => {
  const registry = new SecretRegistry();
  registry.add('abc', 'IOEVENTS_CLIENT_SECRET');
  registry.add('abc', 'cloudService.clientSecret');
  registry.add('p', 'AEM_PASSWORD');
  assert.is(registry.redact('cannot read keystore.file abc: the abcd of p in pp'), 'cannot read keystore.file ***: the abcd of *** in pp');
  assert.equal(registry.shortSecretWarnings(), [
    'IOEVENTS_CLIENT_SECRET is shorter than 4 characters: too weak for a secret, and the output can only hide it where it stands alone; use a longer one',
    'AEM_PASSWORD is shorter than 4 characters: too weak for a secret, and the output can only hide it where it stands alone; use a longer one',
  ]);
});

registrySuite.run();

// ---

const createSuite = suite('createSecretRegistry');

createSuite('registers every secret variable of the environment, and nothing else', () => {
  const registry = createSecretRegistry({ IOEVENTS_CLIENT_SECRET: 'Client-Secret-1', AEM_PASSWORD: 'Aem-Password-2', IOEVENTS_KEYSTORE_PASSWORD: 'Store-Password-3', IOEVENTS_KEY_PASSPHRASE: 'Pass-Phrase-4', AEM_KEYSTORE_PASSWORD: 'Aem-Store-5', AEM_USER: 'admin-user' });
  assert.is(registry.redact('Client-Secret-1 Aem-Password-2 Store-Password-3 Pass-Phrase-4 Aem-Store-5 admin-user'), '*** *** *** *** *** admin-user');
});

createSuite('only own variables count: an inherited one is not read', () => {
  const env = Object.create({ AEM_PASSWORD: 'Inherited-Value' }) as Record<string, string>;
  assert.is(createSecretRegistry(env).redact('Inherited-Value'), 'Inherited-Value');
});

createSuite('SECRET_VARIABLES names the same variables as the modules that read them', () => {
  const read = [...Object.values(SECRET_FIELDS), KEYSTORE_PASSWORD_VARIABLE, AEM_PASSWORD_VARIABLE, AEM_KEYSTORE_PASSWORD_VARIABLE];
  assert.equal([...new Set(read)].sort(), [...SECRET_VARIABLES].sort());
});

createSuite.run();
