import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { inspect } from 'node:util';
import { InputError } from '../../src/errors.ts';
import { AemCredentials, readAemCredentials } from '../../src/deploy/credentials.ts';

const aemCredentialsSuite = suite('AemCredentials');

aemCredentialsSuite('the Authorization header is Basic base64(user:password) in UTF-8 (RFC 7617)', () => {
  assert.is(new AemCredentials('admin', 'admin').authorization(), 'Basic YWRtaW46YWRtaW4=');
  assert.is(new AemCredentials('ü', 'p€').authorization(), `Basic ${Buffer.from('ü:p€', 'utf8').toString('base64')}`);
});

aemCredentialsSuite('JSON, util.inspect and template strings never show the password', () => {
  const credentials = new AemCredentials('deployer', 'pa55-word');
  assert.is(JSON.stringify({ credentials }), '{"credentials":{"user":"deployer"}}');
  assert.not.ok(inspect(credentials, { showHidden: true, depth: 5 }).includes('pa55-word'));
  assert.not.ok(`${String(credentials)}`.includes('pa55-word'));
});

aemCredentialsSuite('secrets() lists every form the password may take in text', () => {
  const credentials = new AemCredentials('deployer', 'p@ss word');
  assert.equal(credentials.secrets(), ['p@ss word', 'p%40ss%20word', 'deployer:p@ss word', Buffer.from('deployer:p@ss word').toString('base64')]);
});

aemCredentialsSuite.run();

// ---

const readAemCredentialsSuite = suite('readAemCredentials');

readAemCredentialsSuite('user from AEM_USER, password from AEM_PASSWORD; --user wins over AEM_USER', () => {
  assert.is(readAemCredentials({ env: { AEM_USER: 'a', AEM_PASSWORD: 'p' } }).authorization(), `Basic ${Buffer.from('a:p').toString('base64')}`);
  assert.is(readAemCredentials({ user: 'flag', env: { AEM_USER: 'a', AEM_PASSWORD: 'p' } }).user, 'flag');
});

const missing: ReadonlyArray<readonly [string, { user?: string; env: Record<string, string> }, string]> = [
  ['no user', { env: { AEM_PASSWORD: 'p' } }, 'The AEM user is not set: set AEM_USER or pass --user (admin on a local SDK)'],
  ['no password', { env: { AEM_USER: 'a' } }, 'The AEM password is not set: set AEM_PASSWORD (there is no flag, so it never shows in process lists)'],
  ['an empty password (a CI secret not defined here)', { env: { AEM_USER: 'a', AEM_PASSWORD: '' } }, 'AEM_PASSWORD is set but empty: set it to the AEM password (there is no flag, so it never shows in process lists)'],
  ['user:password in AEM_USER', { env: { AEM_USER: 'admin:s3cret', AEM_PASSWORD: 'p' } }, "The AEM user 'admin…' contains ':'; basic auth cannot carry it. Give the user alone and the password in AEM_PASSWORD"],
];
for (const [title, options, message] of missing) {
  readAemCredentialsSuite(`${title}: InputError, exit 2`, () => {
    try {
      readAemCredentials(options);
      assert.unreachable('should throw');
    } catch (error) {
      assert.instance(error, InputError);
      assert.is((error as InputError).message, message);
      assert.is((error as InputError).exitCode, 2);
    }
  });
}

readAemCredentialsSuite.run();
