import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/fs/write-file-atomic.ts';
import { InputError } from '../../src/errors.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const writeFileAtomicSuite = suite('writeFileAtomic', { dir: '' });

writeFileAtomicSuite.before.each((context) => {
  context.dir = makeTempDir();
});

writeFileAtomicSuite.after.each((context) => removeTempDir(context.dir));

const bytes = (s: string) => new TextEncoder().encode(s);

writeFileAtomicSuite('writes a new file, creating its folder, and leaves no temporary file', async ({ dir }) => {
  const file = join(dir, 'out', 'a.zip');
  assert.is(await writeFileAtomic(file, bytes('one')), 'written');
  assert.is(readFileSync(file, 'utf8'), 'one');
  assert.equal(readdirSync(join(dir, 'out')), ['a.zip']);
  assert.is(statSync(file).mode & 0o777, 0o644);
});

writeFileAtomicSuite('the same bytes again leave the file alone', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  await writeFileAtomic(file, bytes('one'));
  assert.is(await writeFileAtomic(file, bytes('one')), 'unchanged');
});

writeFileAtomicSuite('other bytes without force: bad input, the file untouched', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  writeFileSync(file, 'precious');
  try {
    await writeFileAtomic(file, bytes('new'), { label: 'dist/a.zip' });
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as Error).message, 'dist/a.zip exists with other content; pass --force to replace it');
  }
  assert.is(readFileSync(file, 'utf8'), 'precious');
  assert.equal(readdirSync(dir), ['a.zip']);
});

writeFileAtomicSuite('other bytes with force replace the file', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  writeFileSync(file, 'old');
  assert.is(await writeFileAtomic(file, bytes('new'), { force: true }), 'replaced');
  assert.is(readFileSync(file, 'utf8'), 'new');
});

writeFileAtomicSuite('a folder in the way is bad input', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  mkdirSync(file);
  try {
    await writeFileAtomic(file, bytes('x'));
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as Error).message, /a\.zip is a folder, not a file/);
  }
});

writeFileAtomicSuite.run();
