import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { collectWarnings, findLiteralSecrets } from '../../src/config/warnings.ts';
import { ENV, parse, PASSPHRASE, PROTECTED, SECRET, withChanges } from './valid-config.ts';

const LITERAL_CLIENT_SECRET = 'cloudService.clientSecret is written in the configuration file; keep secrets out of files: write clientSecret: ${IOEVENTS_CLIENT_SECRET} and set that variable';
const LITERAL_KEYSTORE_PASSWORD = 'keystore.password is written in the configuration file; keep secrets out of files: write password: ${IOEVENTS_KEYSTORE_PASSWORD} and set that variable';
const LITERAL_PASSPHRASE = 'ims.passphrase is written in the configuration file; keep secrets out of files: write passphrase: ${IOEVENTS_KEY_PASSPHRASE} and set that variable';
const NO_PROTECTED_PASSWORD =
  'keystore.include is true but keystore.protectedPassword is not set: AEM cannot open the packaged store.p12 without its password protected by the target instance; ' +
  "set protectedPassword, or set include: false and install the key with 'aem-ioevents deploy --keystore', which works on any instance";

const collectWarningsSuite = suite('collectWarnings');

collectWarningsSuite('secrets from variables draw no warning', () => {
  const parsed = parse(withChanges({ keystore: { file: 'k', password: '${IOEVENTS_KEYSTORE_PASSWORD}' }, ims: { privateKey: 'k.pem', passphrase: '${PASS}' } }), { env: { ...ENV, PASS: PASSPHRASE } });
  assert.equal(parsed.warnings, []);
  assert.equal(parsed.literalSecrets, []);
  assert.equal(parsed.fromVariables, ['cloudService.clientSecret', 'keystore.password', 'ims.passphrase']);
});

collectWarningsSuite('each literal secret draws a warning naming the field and the variable to use', () => {
  const parsed = parse(withChanges({ cloudService: { clientSecret: SECRET }, keystore: { file: 'k', password: 'admin' }, ims: { privateKey: 'k.pem', passphrase: PASSPHRASE } }));
  assert.equal(parsed.literalSecrets, ['cloudService.clientSecret', 'keystore.password', 'ims.passphrase']);
  assert.equal(parsed.warnings, [LITERAL_CLIENT_SECRET, LITERAL_KEYSTORE_PASSWORD, LITERAL_PASSPHRASE]);
});

collectWarningsSuite('a secret only partly from a variable is still written in the file', () => {
  const parsed = parse(withChanges({ cloudService: { clientSecret: 'p8e-${IOEVENTS_CLIENT_SECRET}' } }));
  assert.equal(parsed.literalSecrets, ['cloudService.clientSecret']);
  assert.equal(parsed.warnings, [LITERAL_CLIENT_SECRET]);
});

collectWarningsSuite('a protected value is not a literal secret', () => {
  const parsed = parse(withChanges({ cloudService: { clientSecret: undefined, clientSecretProtected: PROTECTED }, keystore: { file: 'k', include: true, protectedPassword: PROTECTED } }));
  assert.equal(parsed.warnings, []);
});

// AEM as a Cloud Service fills these from Cloud Manager variables at run time: the file names a variable.
const cloudManagerReferences = [
  ['$[secret:aio_client_secret]', []],
  ['$[env:AIO_CLIENT_SECRET]', []],
  ['$[secret:aio_client_secret;default=p8e-x]', ['cloudService.clientSecret']],
  ['p8e-$[secret:aio_client_secret]', ['cloudService.clientSecret']],
  ['$[secret:]', ['cloudService.clientSecret']],
] as const;
for (const [clientSecret, literal] of cloudManagerReferences) {
  collectWarningsSuite(`a client secret of ${clientSecret} is ${literal.length === 0 ? 'a Cloud Manager reference, not' : 'still'} a literal secret`, () => {
    const parsed = parse(withChanges({ cloudService: { clientSecret } }));
    assert.equal(parsed.literalSecrets, [...literal]);
    assert.equal(parsed.warnings, literal.length === 0 ? [] : [LITERAL_CLIENT_SECRET]);
  });
}

collectWarningsSuite('a Cloud Manager reference as the keystore password is still a literal secret: build needs the password itself', () => {
  assert.equal(parse(withChanges({ keystore: { file: 'k', password: '$[secret:keystore_password]' } })).literalSecrets, ['keystore.password']);
});

collectWarningsSuite('a packaged keystore without protectedPassword warns that AEM cannot open it', () => {
  assert.equal(parse(withChanges({ keystore: { file: 'k', include: true } })).warnings, [NO_PROTECTED_PASSWORD]);
});

collectWarningsSuite('protectedPassword without include, and an alias other than eventproxy, warn', () => {
  assert.equal(parse(withChanges({ keystore: { file: 'k', alias: 'mykey', protectedPassword: PROTECTED } })).warnings, [
    'keystore.protectedPassword is set but keystore.include is not true: the password is only used for a packaged store.p12',
    "keystore.alias is 'mykey': the Adobe I/O Events connector looks its key up under the alias 'eventproxy'",
  ]);
});

collectWarningsSuite('warnings come in a stable order: literal secrets first', () => {
  const { config } = parse(withChanges({ cloudService: { clientSecret: SECRET }, keystore: { file: 'k', include: true } }));
  assert.equal(collectWarnings(config, findLiteralSecrets(config, [])), [LITERAL_CLIENT_SECRET, NO_PROTECTED_PASSWORD]);
});

collectWarningsSuite.run();
