import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { redactConfig, REDACTED } from '../../src/config/redact-config.ts';
import { KEYSTORE_PASSWORD, parse, PASSPHRASE, PROTECTED, SECRET, validTree, withChanges } from './valid-config.ts';

const redactConfigSuite = suite('redactConfig');

redactConfigSuite('every secret and protected value is replaced; the rest is kept', () => {
  const { config } = parse(
    withChanges({ keystore: { file: 'k', password: '${IOEVENTS_KEYSTORE_PASSWORD}', include: true, protectedPassword: PROTECTED }, ims: { privateKey: 'k.pem', passphrase: '${PASS}' } }),
    { env: { IOEVENTS_CLIENT_SECRET: SECRET, IOEVENTS_KEYSTORE_PASSWORD: KEYSTORE_PASSWORD, PASS: PASSPHRASE } },
  );
  const redacted = redactConfig(config);
  assert.is(redacted.cloudService.clientSecret, REDACTED);
  assert.is(redacted.keystore?.password, REDACTED);
  assert.is(redacted.keystore?.protectedPassword, REDACTED);
  assert.is(redacted.ims.passphrase, REDACTED);
  assert.is(redacted.ims.privateKey, '/cfg/k.pem');
  assert.equal(redacted.package, config.package);
  const printed = JSON.stringify(redacted);
  for (const secret of [SECRET, KEYSTORE_PASSWORD, PASSPHRASE, PROTECTED]) assert.not.ok(printed.includes(secret));
  assert.is(config.cloudService.clientSecret, SECRET, 'the original is unchanged');
  assert.ok(Object.isFrozen(redacted) && Object.isFrozen(redacted.cloudService));
});

redactConfigSuite('absent secrets stay absent', () => {
  const { config } = parse(withChanges({ cloudService: { clientSecret: undefined, clientSecretProtected: PROTECTED } }));
  const redacted = redactConfig(config);
  assert.equal(redacted.cloudService.clientSecretProtected, REDACTED);
  assert.ok(!('clientSecret' in redacted.cloudService));
  assert.ok(!('keystore' in redacted));
  assert.ok(!('passphrase' in redacted.ims));
  assert.equal(redactConfig(parse(validTree()).config).cloudService.clientSecret, REDACTED);
});

redactConfigSuite.run();
