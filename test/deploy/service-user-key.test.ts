import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../src/errors.ts';
import { readAemKeystorePassword, readServiceUserKey } from '../../src/deploy/service-user-key.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { EXAMPLE_ENV, exampleKeystore, KEYSTORE_PASSWORD, writeExampleProject } from '../build/example-project.ts';

const NOW = new Date('2026-11-23T12:00:00Z');

const readSuite = suite('readServiceUserKey', { dir: '' });

readSuite.before.each(async (ctx) => {
  ctx.dir = makeTempDir();
  await writeExampleProject(ctx.dir);
});
readSuite.after.each((ctx) => removeTempDir(ctx.dir));

readSuite('the example configuration: home, alias, the checked PKCS#12 and its certificate', async ({ dir }) => {
  const loaded = await readServiceUserKey({ cwd: dir, env: EXAMPLE_ENV, now: NOW });
  assert.is(loaded.key.home, '/home/users/system/eventproxy/eventproxy-service');
  assert.is(loaded.key.alias, 'eventproxy');
  assert.is(loaded.key.keystoreFilename, 'keystore.p12');
  assert.equal(Buffer.from(loaded.key.keystore), await exampleKeystore());
  assert.is(loaded.key.password, KEYSTORE_PASSWORD);
  assert.match(loaded.key.certificate.serialNumber, /^\d+$/);
  assert.is(loaded.file, join('keys', 'keystore.p12'));
  assert.equal(loaded.secrets, [KEYSTORE_PASSWORD]);
});

async function refusal(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    assert.instance(error, InputError);
    return error as InputError;
  }
  return assert.unreachable('should throw') as never;
}

readSuite('a configuration without a keystore section says what --keystore needs', async ({ dir }) => {
  const config = 'cloudService:\n  name: ioevents\n  title: T\n  apiKey: 0123456789abcdef0123456789abcdef\n  technicalAccountId: 0123456789ABCDEF01234567@techacct.adobe.com\n  organizationId: 0123456789ABCDEF01234567@AdobeOrg\n  clientSecret: ${IOEVENTS_CLIENT_SECRET}\n';
  writeFileSync(join(dir, 'aem-ioevents.yaml'), config);
  const error = await refusal(() => readServiceUserKey({ cwd: dir, env: EXAMPLE_ENV, now: NOW }));
  assert.is(error.message, '--keystore needs the keystore section (file, password, alias) in aem-ioevents.yaml');
});

readSuite('a wrong keystore password: refused by the keystore reader, the password never shown', async ({ dir }) => {
  const error = await refusal(() => readServiceUserKey({ cwd: dir, env: { ...EXAMPLE_ENV, IOEVENTS_KEYSTORE_PASSWORD: 'wrong-password-1' }, now: NOW }));
  assert.not.ok(error.message.includes('wrong-password-1'));
});

readSuite('a missing keystore file names it and says how to make one', async ({ dir }) => {
  writeFileSync(join(dir, 'aem-ioevents.yaml'), (await import('node:fs')).readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('keys/keystore.p12', 'keys/missing.p12'));
  const error = await refusal(() => readServiceUserKey({ cwd: dir, env: EXAMPLE_ENV, now: NOW }));
  assert.is(error.message, `cannot read keystore.file ${join('keys', 'missing.p12')}: no such file; make one with aem-ioevents keygen`);
});

readSuite.run();

// ---

const storePasswordSuite = suite('readAemKeystorePassword');

storePasswordSuite('unset is undefined; set is checked like any PKCS#12 password Java opens', () => {
  assert.is(readAemKeystorePassword({}), undefined);
  assert.is(readAemKeystorePassword({ AEM_KEYSTORE_PASSWORD: 'fine-1' }), 'fine-1');
  assert.throws(() => readAemKeystorePassword({ AEM_KEYSTORE_PASSWORD: 'pässword' }), (error: Error) => error instanceof InputError && error.message.startsWith('AEM_KEYSTORE_PASSWORD contains a character outside printable ASCII'));
  assert.throws(() => readAemKeystorePassword({ AEM_KEYSTORE_PASSWORD: '' }), (error: Error) => error instanceof InputError);
});

storePasswordSuite.run();
