import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../src/errors.ts';
import { readKeystoreFile, readPrivateKeyFile } from '../../src/crypto/key-sources.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

const readKeystoreFileSuite = suite('readKeystoreFile', { dir: '' });

readKeystoreFileSuite.before.each((context) => {
  context.dir = makeTempDir();
  mkdirSync(join(context.dir, 'keys'));
  writeFileSync(join(context.dir, 'keys', 'keystore.p12'), Buffer.from([1, 2, 3]));
});

readKeystoreFileSuite.after.each((context) => removeTempDir(context.dir));

readKeystoreFileSuite('reads the bytes and names the file relative to cwd', async ({ dir }) => {
  const read = await readKeystoreFile({ file: join(dir, 'keys', 'keystore.p12'), password: 'pw', cwd: dir, usedBy: 'build' });
  assert.equal([...read.bytes], [1, 2, 3]);
  assert.is(read.password, 'pw');
  assert.is(read.label, join('keys', 'keystore.p12'));
});

readKeystoreFileSuite('no password: bad input saying which variable and who needs it', async ({ dir }) => {
  const error = await rejection(readKeystoreFile({ file: join(dir, 'keys', 'keystore.p12'), password: undefined, cwd: dir, usedBy: 'deploy --keystore' }));
  assert.is(error.message, 'keystore.password is not set; set it to ${IOEVENTS_KEYSTORE_PASSWORD} so deploy --keystore can open keys/keystore.p12');
  assert.is(error.code, 'E_KEYSTORE');
});

readKeystoreFileSuite('no file: bad input pointing at keygen', async ({ dir }) => {
  const error = await rejection(readKeystoreFile({ file: join(dir, 'keys', 'missing.p12'), password: 'pw', cwd: dir, usedBy: 'verify' }));
  assert.is(error.message, 'cannot read keystore.file keys/missing.p12: no such file; make one with aem-ioevents keygen');
});

readKeystoreFileSuite('a folder in place of the file: bad input with the reason', async ({ dir }) => {
  const error = await rejection(readKeystoreFile({ file: join(dir, 'keys'), password: 'pw', cwd: dir, usedBy: 'build' }));
  assert.match(error.message, /^cannot read keystore\.file keys: EISDIR/);
});

readKeystoreFileSuite.run();

// ---

const readPrivateKeyFileSuite = suite('readPrivateKeyFile', { dir: '' });

readPrivateKeyFileSuite.before.each((context) => {
  context.dir = makeTempDir();
});

readPrivateKeyFileSuite.after.each((context) => removeTempDir(context.dir));

readPrivateKeyFileSuite('reads the text; a missing file is bad input naming ims.privateKey', async ({ dir }) => {
  writeFileSync(join(dir, 'private.key'), 'PEM TEXT');
  assert.equal(await readPrivateKeyFile(join(dir, 'private.key'), dir), { text: 'PEM TEXT', label: 'private.key' });
  const error = await rejection(readPrivateKeyFile(join(dir, 'none.key'), dir));
  assert.is(error.message, 'cannot read ims.privateKey none.key: no such file');
  assert.is(error.code, 'E_KEY_FILE');
});

readPrivateKeyFileSuite.run();
