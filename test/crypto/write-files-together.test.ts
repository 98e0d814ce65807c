import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { type FileSystem, type FileToWrite, writeFilesTogether } from '../../src/crypto/write-files-together.ts';
import { inputFailureAsync } from './fixtures.ts';

const files: readonly FileToWrite[] = [
  { name: 'secret.key', data: 'new secret', mode: 0o600 },
  { name: 'public.crt', data: 'new public', mode: 0o644 },
  { name: 'store.p12', data: Buffer.from([1, 2, 3]), mode: 0o600 },
];

/** A file system whose `operation` fails on its `nth` call (1-based). */
function failing(operation: 'rename' | 'link' | 'open', nth: number): FileSystem {
  let calls = 0;
  const fail = async (...args: unknown[]) => {
    calls += 1;
    if (calls === nth) throw Object.assign(new Error(`${operation} failed`), { code: 'EIO' });
    return (fs[operation] as (...a: unknown[]) => Promise<unknown>)(...args);
  };
  return { ...fs, [operation]: fail } as FileSystem;
}

const writeSuite = suite('writeFilesTogether');

writeSuite('writes every file with its mode into a new folder (0700), leaving no temporary file', async () => {
  const root = makeTempDir();
  try {
    const dir = join(root, 'a', 'keys');
    const paths = await writeFilesTogether(dir, files);
    assert.equal(paths, files.map((file) => join(dir, file.name)));
    assert.equal(readdirSync(dir).sort(), ['public.crt', 'secret.key', 'store.p12']);
    assert.is(readFileSync(join(dir, 'secret.key'), 'utf8'), 'new secret');
    assert.equal(readFileSync(join(dir, 'store.p12')), Buffer.from([1, 2, 3]));
    assert.is(statSync(join(dir, 'secret.key')).mode & 0o777, 0o600);
    assert.is(statSync(join(dir, 'store.p12')).mode & 0o777, 0o600);
    assert.is(statSync(join(dir, 'public.crt')).mode & 0o777, 0o644 & ~process.umask());
    assert.is(statSync(dir).mode & 0o777, 0o700 & ~process.umask());
  } finally {
    removeTempDir(root);
  }
});

writeSuite('refuses to replace existing files without force, naming them, and writes nothing', async () => {
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'secret.key'), 'old secret');
    writeFileSync(join(dir, 'store.p12'), 'old store');
    assert.equal(await inputFailureAsync(() => writeFilesTogether(dir, files)), {
      code: 'E_EXISTS',
      message: `'${dir}' already holds secret.key and store.p12; nothing was written. Use --force to replace them`,
    });
    assert.equal(readdirSync(dir).sort(), ['secret.key', 'store.p12']);
    assert.is(readFileSync(join(dir, 'secret.key'), 'utf8'), 'old secret');
  } finally {
    removeTempDir(dir);
  }
});

writeSuite('replaces existing files with force', async () => {
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'secret.key'), 'old secret');
    await writeFilesTogether(dir, files, { force: true });
    assert.is(readFileSync(join(dir, 'secret.key'), 'utf8'), 'new secret');
    assert.equal(readdirSync(dir).sort(), ['public.crt', 'secret.key', 'store.p12']);
  } finally {
    removeTempDir(dir);
  }
});

writeSuite('refuses a folder where a file belongs, even with force', async () => {
  const dir = makeTempDir();
  try {
    mkdirSync(join(dir, 'store.p12'));
    assert.equal(await inputFailureAsync(() => writeFilesTogether(dir, files, { force: true })), {
      code: 'E_EXISTS',
      message: `'${join(dir, 'store.p12')}' is a folder; remove it or choose another output folder`,
    });
    assert.equal(readdirSync(dir), ['store.p12']);
  } finally {
    removeTempDir(dir);
  }
});

writeSuite('a failure while placing the third file removes the first two and every temporary file', async () => {
  const dir = makeTempDir();
  try {
    const result = await inputFailureAsync(() => writeFilesTogether(dir, files, { fileSystem: { ...failing('link', 3), rename: failing('rename', 1).rename } }));
    assert.equal(result, { code: 'E_WRITE', message: `could not write the files into '${dir}' (EIO); nothing was written` });
    assert.equal(readdirSync(dir), []);
  } finally {
    removeTempDir(dir);
  }
});

writeSuite('with force, a failure while placing puts the old files back', async () => {
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'secret.key'), 'old secret');
    writeFileSync(join(dir, 'public.crt'), 'old public');
    writeFileSync(join(dir, 'store.p12'), 'old store');
    // Renames: 1 secret.key into place, 2 public.crt into place, 3 store.p12 into place (fails).
    const result = await inputFailureAsync(() => writeFilesTogether(dir, files, { force: true, fileSystem: failing('rename', 3) }));
    assert.is(result.code, 'E_WRITE');
    assert.equal(readdirSync(dir).sort(), ['public.crt', 'secret.key', 'store.p12']);
    assert.is(readFileSync(join(dir, 'secret.key'), 'utf8'), 'old secret');
    assert.is(readFileSync(join(dir, 'public.crt'), 'utf8'), 'old public');
    assert.is(readFileSync(join(dir, 'store.p12'), 'utf8'), 'old store');
  } finally {
    removeTempDir(dir);
  }
});

writeSuite('a failure while writing a temporary file leaves nothing, and removes the folder it created', async () => {
  const root = makeTempDir();
  try {
    const dir = join(root, 'new', 'keys');
    const result = await inputFailureAsync(() => writeFilesTogether(dir, files, { fileSystem: failing('open', 2) }));
    assert.is(result.code, 'E_WRITE');
    assert.equal(readdirSync(root), []);
  } finally {
    removeTempDir(root);
  }
});

writeSuite('a file that appears between the check and the write is not replaced', async () => {
  const dir = makeTempDir();
  try {
    let planted = false;
    const fileSystem = {
      ...fs,
      link: async (from: string, to: string) => {
        if (!planted && to.endsWith('public.crt')) {
          planted = true;
          writeFileSync(to, 'someone else');
        }
        return fs.link(from, to);
      },
    } as FileSystem;
    assert.equal(await inputFailureAsync(() => writeFilesTogether(dir, files, { fileSystem })), {
      code: 'E_EXISTS',
      message: `'${join(dir, 'public.crt')}' appeared while writing; nothing was written`,
    });
    assert.equal(readdirSync(dir), ['public.crt']);
    assert.is(readFileSync(join(dir, 'public.crt'), 'utf8'), 'someone else');
  } finally {
    removeTempDir(dir);
  }
});

writeSuite('an output path that is a file: says the folder cannot be created', async () => {
  const root = makeTempDir();
  try {
    writeFileSync(join(root, 'keys'), 'a file');
    assert.equal(await inputFailureAsync(() => writeFilesTogether(join(root, 'keys'), files)), {
      code: 'E_WRITE',
      message: `the output folder '${join(root, 'keys')}' cannot be created (EEXIST)`,
    });
  } finally {
    removeTempDir(root);
  }
});

writeSuite.run();
