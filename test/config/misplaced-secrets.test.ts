import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError } from '../../src/config/config-error.ts';
import type { Environment } from '../../src/config/types.ts';
import { ENV, failure, KEYSTORE_PASSWORD, parse, PASSPHRASE, problemOf, SECRET, validTree, withChanges, type Tree } from './valid-config.ts';

const misplacedSuite = suite('parseConfig: a secret in a field that is not a secret’s');

const ADVICE = 'this field is shown, packaged and sent as it is: put the value it asks for here, and a secret only in cloudService.clientSecret, keystore.password, ims.passphrase (from their variables)';
const KEY_ADVICE = 'holds a private key (not shown); give the key as a file: keystore.file (a PKCS#12 keystore) or ims.privateKey (the path of private.key)';
const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';
const PKCS8_BASE64 = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4';
const AEM_PASSWORD = 'Aem-Admin-Passw0rd';
const KEYSTORE = { file: 'k.p12', password: '${IOEVENTS_KEYSTORE_PASSWORD}' };

// [name, changes, the one problem, extra variables]
const cases: [string, Tree, string, Environment?][] = [
  ['the client secret as apiKey (the IMS client_id)', { cloudService: { apiKey: '${IOEVENTS_CLIENT_SECRET}' } }, `cloudService.apiKey at line 5, column 5: holds the secret of cloudService.clientSecret (not shown); ${ADVICE}`],
  ['the client secret written as technicalAccountId', { cloudService: { technicalAccountId: SECRET } }, `cloudService.technicalAccountId at line 6, column 5: holds the secret of cloudService.clientSecret (not shown); ${ADVICE}`],
  ['the client secret inside a longer title', { cloudService: { title: `Events ${SECRET}` } }, `cloudService.title at line 4, column 5: holds the secret of cloudService.clientSecret (not shown); ${ADVICE}`],
  ['the keystore password as keystore.alias (AEM form field alias)', { keystore: { ...KEYSTORE, alias: KEYSTORE_PASSWORD } }, `keystore.alias at line 13, column 5: holds the secret of keystore.password (not shown); ${ADVICE}`],
  ['the key passphrase in a metascope', { ims: { privateKey: 'p.key', passphrase: '${PASS}', metascopes: ['event_receiver_api', PASSPHRASE] } }, `ims.metascopes[1] at line 15, column 7: holds the secret of ims.passphrase (not shown); ${ADVICE}`, { PASS: PASSPHRASE }],
  ['AEM_PASSWORD, a variable no field uses, as package.description', { package: { description: AEM_PASSWORD } }, `package.description at line 11, column 5: holds the secret of AEM_PASSWORD (not shown); ${ADVICE}`, { AEM_PASSWORD }],
  ['AEM_KEYSTORE_PASSWORD as package.name (the zip and the /etc/packages path)', { package: { name: '${AEM_KEYSTORE_PASSWORD}' } }, `package.name at line 11, column 5: holds the secret of AEM_KEYSTORE_PASSWORD (not shown); ${ADVICE}`, { AEM_KEYSTORE_PASSWORD: AEM_PASSWORD }],
  ['a private key PEM as cloudService.title', { cloudService: { title: PEM } }, `cloudService.title at line 4, column 5: ${KEY_ADVICE}`],
  ['private.key.pkcs8.b64 as organizationId', { cloudService: { organizationId: PKCS8_BASE64 } }, `cloudService.organizationId at line 7, column 5: ${KEY_ADVICE}`],
];

for (const [name, changes, problem, variables] of cases) {
  misplacedSuite(`${name}: exit 2 naming the field, never the value`, () => {
    const env = { ...ENV, ...variables };
    assert.is(problemOf(changes, { env }), problem);
    const error = failure(withChanges(changes), { env });
    assert.instance(error, ConfigError);
    for (const value of [SECRET, KEYSTORE_PASSWORD, PASSPHRASE, AEM_PASSWORD, PEM, PKCS8_BASE64]) assert.not.ok(error.message.includes(value), `the message holds ${value}`);
  });
}

misplacedSuite('a secret shorter than 8 characters is refused only as a whole value, not inside another one', () => {
  const env = { ...ENV, IOEVENTS_CLIENT_SECRET: 'auth' };
  assert.is(parse(withChanges({ cloudService: { externalizer: 'author' } }), { env }).config.cloudService.externalizer, 'author');
  assert.is(problemOf({ cloudService: { externalizer: 'auth' } }, { env }), `cloudService.externalizer at line 9, column 5: holds the secret of cloudService.clientSecret (not shown); ${ADVICE}`);
});

misplacedSuite('the secret fields themselves, the same secret in two of them, and a Cloud Manager reference are fine', () => {
  const env = { ...ENV, IOEVENTS_KEYSTORE_PASSWORD: SECRET };
  assert.is(parse(withChanges({ keystore: KEYSTORE }), { env }).config.keystore?.password, SECRET);
  const reference = withChanges({ cloudService: { clientSecret: '$[secret:aio_client_secret]', title: '$[secret:aio_client_secret]' } });
  assert.is(parse(reference).config.cloudService.title, '$[secret:aio_client_secret]');
  assert.is(parse(validTree()).config.cloudService.apiKey, '0123456789abcdef0123456789abcdef');
});

misplacedSuite.run();
