import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../src/errors.ts';
import { readUserFile, readUserFileSync, USER_FILE_MAX_BYTES, type ReadUserFileOptions } from '../../src/fs/read-user-file.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const readUserFileSuite = suite('readUserFile', { dir: '' });

readUserFileSuite.before.each((context) => {
  context.dir = makeTempDir();
});

readUserFileSuite.after.each((context) => removeTempDir(context.dir));

// A FIFO opened without O_NONBLOCK waits for a writer forever: the reads run in a child process
// with a timeout, so a regression fails the test instead of hanging the suite.
function readInChild(file: string, kind: 'async' | 'sync'): unknown {
  const script = `
    import { readUserFile, readUserFileSync } from ${JSON.stringify(new URL('../../src/fs/read-user-file.ts', import.meta.url).href)};
    const options = { name: 'x.file ' + process.argv[1], kind: 'config', code: 'E_TEST', describeError: (e) => new Error(e.code) };
    try {
      const bytes = ${kind === 'sync' ? 'readUserFileSync' : 'await readUserFile'}(process.argv[1], options);
      console.log(JSON.stringify({ bytes: bytes.length }));
    } catch (error) {
      console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message }));
    }`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file], { encoding: 'utf8', timeout: 30_000 });
  return JSON.parse(out);
}

function options(name: string): ReadUserFileOptions {
  return { name, kind: 'config', code: 'E_TEST', describeError: (error) => new InputError(`described ${error.code}`) };
}

async function refusal(file: string, name: string): Promise<{ async: string; sync: string }> {
  const message = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      assert.instance(error, InputError);
      return (error as Error).message;
    }
    return assert.unreachable('expected an InputError') as never;
  };
  let async = '';
  await readUserFile(file, options(name)).then(
    () => assert.unreachable('expected an InputError'),
    (error: Error) => (async = error.message),
  );
  return { async, sync: message(() => readUserFileSync(file, options(name))) };
}

readUserFileSuite('a regular file of exactly the limit is read whole; one byte more is refused, naming the key and the file', async ({ dir }) => {
  const limit = USER_FILE_MAX_BYTES.config;
  assert.is(limit, 1024 * 1024);
  const file = join(dir, 'c.yaml');
  writeFileSync(file, Buffer.alloc(limit, 0x61));
  assert.is((await readUserFile(file, options('--config c.yaml'))).length, limit);
  assert.is(readUserFileSync(file, options('--config c.yaml')).length, limit);
  writeFileSync(file, Buffer.alloc(limit + 1, 0x61));
  const expected = '--config c.yaml is larger than 1048576 bytes (1 MiB), the limit for this file';
  assert.equal(await refusal(file, '--config c.yaml'), { async: expected, sync: expected });
});

readUserFileSuite('the bytes come back unchanged, across the growing buffer', async ({ dir }) => {
  const file = join(dir, 'k.p12');
  const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7) % 256));
  writeFileSync(file, bytes);
  assert.ok((await readUserFile(file, options('keystore.file k.p12'))).equals(bytes));
  assert.ok(readUserFileSync(file, options('keystore.file k.p12')).equals(bytes));
});

readUserFileSuite('/dev/zero and /dev/urandom are refused before a byte is read', async () => {
  for (const device of ['/dev/zero', '/dev/urandom']) {
    const expected = `keystore.file ${device} is a character device, not a regular file; name a file`;
    assert.equal(await refusal(device, `keystore.file ${device}`), { async: expected, sync: expected });
  }
});

readUserFileSuite('a FIFO without a writer is refused at once, not waited on', ({ dir }) => {
  const fifo = join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
  for (const kind of ['async', 'sync'] as const) {
    assert.equal(readInChild(fifo, kind), { name: 'InputError', code: 'E_TEST', message: `x.file ${fifo} is a named pipe (FIFO), not a regular file; name a file` });
  }
});

readUserFileSuite("a folder or a missing file gets the caller's words (EISDIR, ENOENT)", async ({ dir }) => {
  mkdirSync(join(dir, 'folder'));
  assert.equal(await refusal(join(dir, 'folder'), '--config folder'), { async: 'described EISDIR', sync: 'described EISDIR' });
  assert.equal(await refusal(join(dir, 'missing'), '--config missing'), { async: 'described ENOENT', sync: 'described ENOENT' });
});

readUserFileSuite.run();
