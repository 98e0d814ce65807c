import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { type FileSystem, writeFilesTogether } from '../../src/crypto/write-files-together.ts';
import { FILE_NAMES, fileSet } from './file-set-files.ts';
import { snapshot, visible } from './file-set-snapshot.ts';
import { inputFailureAsync } from './fixtures.ts';

const files = fileSet('new');
const umasked = (mode: number) => (mode & ~process.umask()).toString(8);

/** The folder after a complete run with `label`: the links, the one set, and `extra` entries of the user. */
function complete(label: string, extra: string[] = []): string[] {
  return [
    '.keygen/: dir 700',
    `.keygen/current -> set[${label}]`,
    `.keygen/set[${label}]/: dir 700`,
    `.keygen/set[${label}]/public.crt: file ${umasked(0o644)} ${label} public`,
    `.keygen/set[${label}]/secret.key: file 600 ${label}`,
    `.keygen/set[${label}]/store.p12: file 600 ${label} store`,
    ...extra,
    'public.crt -> .keygen/current/public.crt',
    'secret.key -> .keygen/current/secret.key',
    'store.p12 -> .keygen/current/store.p12',
  ].sort();
}

/** Plain files as an earlier keygen (or the user) left them. */
function writePlainFiles(dir: string, label: string): void {
  writeFileSync(join(dir, 'secret.key'), label, { mode: 0o600 });
  writeFileSync(join(dir, 'public.crt'), `${label} public`);
  writeFileSync(join(dir, 'store.p12'), `${label} store`, { mode: 0o600 });
}

/** A file system whose `operation` fails on its `nth` call (1-based). */
function failing(operation: 'rename' | 'symlink' | 'open', nth: number): FileSystem {
  let calls = 0;
  const fail = async (...args: unknown[]) => {
    calls += 1;
    if (calls === nth) throw Object.assign(new Error(`${operation} failed`), { code: 'EIO' });
    return (fs[operation] as (...a: unknown[]) => Promise<unknown>)(...args);
  };
  return { ...fs, [operation]: fail } as FileSystem;
}

const writeSuite = suite('writeFilesTogether', { dir: '' });
writeSuite.before.each((context) => {
  context.dir = makeTempDir();
});
writeSuite.after.each((context) => removeTempDir(context.dir));

writeSuite('writes every file with its mode into a new folder (0700), as links through .keygen/current, leaving no temporary file', async ({ dir }) => {
  const keys = join(dir, 'a', 'keys');
  assert.equal(await writeFilesTogether(keys, files), FILE_NAMES.map((name) => join(keys, name)));
  assert.equal(snapshot(keys), complete('new'));
  assert.equal(visible(keys, FILE_NAMES), ['secret.key: new', 'public.crt: new public', 'store.p12: new store']);
  assert.equal(snapshot(join(dir, 'a')), [`keys/: dir ${umasked(0o700)}`, ...complete('new').map((line) => `keys/${line}`)].sort());
});

writeSuite('the other files of the folder stay as they are', async ({ dir }) => {
  writeFileSync(join(dir, 'README'), 'keys of the project');
  writeFileSync(join(dir, '.gitignore'), '*');
  await writeFilesTogether(dir, files);
  await writeFilesTogether(dir, fileSet('newer'), { force: true });
  assert.equal(snapshot(dir), complete('newer', [`.gitignore: file ${umasked(0o666)} *`, `README: file ${umasked(0o666)} keys of the project`]));
});

writeSuite('refuses to replace existing files without force, naming them, and writes nothing', async ({ dir }) => {
  writeFileSync(join(dir, 'secret.key'), 'old secret');
  writeFileSync(join(dir, 'store.p12'), 'old store');
  const before = snapshot(dir);
  assert.equal(await inputFailureAsync(() => writeFilesTogether(dir, files)), {
    code: 'E_EXISTS',
    message: `'${dir}' already holds secret.key and store.p12; nothing was written. Use --force to replace them`,
  });
  assert.equal(snapshot(dir), before);
});

writeSuite('refuses its own earlier set without force', async ({ dir }) => {
  await writeFilesTogether(dir, fileSet('old'));
  assert.equal(await inputFailureAsync(() => writeFilesTogether(dir, files)), {
    code: 'E_EXISTS',
    message: `'${dir}' already holds secret.key, public.crt and store.p12; nothing was written. Use --force to replace them`,
  });
  assert.equal(snapshot(dir), complete('old'));
});

writeSuite('with force replaces its own earlier set, and the old set (the old private key) is gone', async ({ dir }) => {
  await writeFilesTogether(dir, fileSet('old'));
  await writeFilesTogether(dir, files, { force: true });
  assert.equal(snapshot(dir), complete('new'));
});

writeSuite('with force replaces plain files, and no copy of the old ones is left', async ({ dir }) => {
  writePlainFiles(dir, 'old');
  await writeFilesTogether(dir, files, { force: true });
  assert.equal(snapshot(dir), complete('new'));
});

writeSuite('refuses a folder where a file belongs, even with force', async ({ dir }) => {
  mkdirSync(join(dir, 'store.p12'));
  assert.equal(await inputFailureAsync(() => writeFilesTogether(dir, files, { force: true })), {
    code: 'E_EXISTS',
    message: `'${join(dir, 'store.p12')}' is a folder; remove it or choose another output folder`,
  });
  assert.equal(readdirSync(dir), ['store.p12']);
});

writeSuite('a failure while placing the third link removes everything it made', async ({ dir }) => {
  const result = await inputFailureAsync(() => writeFilesTogether(dir, files, { fileSystem: failing('symlink', 3) }));
  assert.equal(result, { code: 'E_WRITE', message: `could not write the files into '${dir}' (EIO); nothing was written` });
  assert.equal(readdirSync(dir), []);
});

writeSuite('a system that refuses symbolic links (Windows without Developer Mode, FAT) is named, with what to do; nothing is written', async ({ dir }) => {
  const refusing = { ...fs, symlink: async (target: string, path: string) => Promise.reject(Object.assign(new Error(`EPERM: operation not permitted, symlink '${target}' -> '${path}'`), { code: 'EPERM', syscall: 'symlink' })) } as FileSystem;
  const keys = join(dir, 'keys');
  const result = await inputFailureAsync(() => writeFilesTogether(keys, files, { fileSystem: refusing }));
  assert.equal(result, {
    code: 'E_WRITE',
    message: `could not write the files into '${keys}' (EPERM): the system or the file system refuses the symbolic links keygen's files are; on Windows turn on Developer Mode, else choose --out on another file system; nothing was written`,
  });
  assert.equal(readdirSync(dir), []);
});

writeSuite('with force, a failure before the swap leaves the old files showing, and no new set', async ({ dir }) => {
  writePlainFiles(dir, 'old');
  // Renames: 1 `current` to the kept old files, 2-4 the links over the plain files, 5 the swap (fails).
  const result = await inputFailureAsync(() => writeFilesTogether(dir, files, { force: true, fileSystem: failing('rename', 5) }));
  assert.is(result.code, 'E_WRITE');
  assert.equal(visible(dir, FILE_NAMES), ['secret.key: old', 'public.crt: old public', 'store.p12: old store']);
  assert.equal(snapshot(dir), complete('old'));
});

writeSuite('a failure while writing a file leaves nothing, and removes the folders it created', async ({ dir }) => {
  const keys = join(dir, 'new', 'keys');
  const result = await inputFailureAsync(() => writeFilesTogether(keys, files, { fileSystem: failing('open', 2) }));
  assert.is(result.code, 'E_WRITE');
  assert.equal(readdirSync(dir), []);
});

writeSuite('a file that appears between the check and the link is not replaced', async ({ dir }) => {
  const fileSystem = {
    ...fs,
    symlink: async (target: string, path: string) => {
      if (path === join(dir, 'public.crt')) writeFileSync(path, 'someone else');
      return fs.symlink(target, path);
    },
  } as FileSystem;
  assert.equal(await inputFailureAsync(() => writeFilesTogether(dir, files, { fileSystem })), {
    code: 'E_EXISTS',
    message: `'${join(dir, 'public.crt')}' appeared while writing; nothing was written`,
  });
  assert.equal(snapshot(dir), [`public.crt: file ${umasked(0o666)} someone else`]);
});

writeSuite('a set another writer put in use meanwhile is not replaced without force', async ({ dir }) => {
  // A writer that takes no lock (an earlier version): its set is written elsewhere and moved in.
  const other = join(dir, 'elsewhere');
  const fileSystem = {
    ...fs,
    symlink: async (target: string, path: string) => {
      if (path.endsWith('current')) {
        await writeFilesTogether(other, fileSet('other run'));
        const set = await fs.readlink(join(other, '.keygen', 'current'));
        await fs.rename(join(other, '.keygen', set), join(dir, '.keygen', set));
        await fs.rm(other, { recursive: true });
        await fs.symlink(set, join(dir, '.keygen', 'current'));
      }
      return fs.symlink(target, path);
    },
  } as FileSystem;
  assert.equal(await inputFailureAsync(() => writeFilesTogether(dir, files, { fileSystem })), {
    code: 'E_EXISTS',
    message: `'${join(dir, '.keygen', 'current')}' appeared while writing; nothing was written`,
  });
  assert.equal(snapshot(dir), complete('other run'));
});

writeSuite('one run at a time: a second run while one writes stops (E_BUSY) and writes nothing; the first completes', async ({ dir }) => {
  let second: Promise<unknown> | undefined;
  await writeFilesTogether(dir, files, {
    onStep: (step) => {
      if (step === 'staged') second = inputFailureAsync(() => writeFilesTogether(dir, fileSet('second'), { force: true }));
      return second;
    },
  });
  assert.equal(await second, {
    code: 'E_BUSY',
    message: `'${dir}' is being written by another run (process ${process.pid}); nothing was written. Run again when it has ended (if none runs, remove '${join(dir, '.keygen', 'lock')}')`,
  });
  assert.equal(snapshot(dir), complete('new'));
});

writeSuite("a killed run's lock is taken over; a lock held by a running process is not", async ({ dir }) => {
  mkdirSync(join(dir, '.keygen'), { mode: 0o700 });
  await fs.symlink('lock-999999999-0123456789ab', join(dir, '.keygen', 'lock'));
  await writeFilesTogether(dir, files);
  assert.equal(snapshot(dir), complete('new'));
  await fs.symlink('lock-1-0123456789ab', join(dir, '.keygen', 'lock'));
  assert.equal(await inputFailureAsync(() => writeFilesTogether(dir, fileSet('second'), { force: true })), {
    code: 'E_BUSY',
    message: `'${dir}' is being written by another run (process 1); nothing was written. Run again when it has ended (if none runs, remove '${join(dir, '.keygen', 'lock')}')`,
  });
  assert.equal(snapshot(dir), [...complete('new'), '.keygen/lock -> lock'].sort());
});

writeSuite('removes what runs that no longer run left, and the temporary files of earlier versions; keeps what a running one writes', async ({ dir }) => {
  mkdirSync(join(dir, '.keygen'), { mode: 0o700 });
  mkdirSync(join(dir, '.keygen', 'set-999999999-0123456789ab'));
  writeFileSync(join(dir, '.keygen', 'set-999999999-0123456789ab', 'secret.key'), 'killed');
  await fs.symlink('set-x', join(dir, '.keygen', 'next-999999999-0123456789ab'));
  mkdirSync(join(dir, '.keygen', `set-${process.pid}-0123456789ab`));
  writeFileSync(join(dir, '.secret.key.0123456789ab.tmp'), 'old version', { mode: 0o600 });
  writeFileSync(join(dir, '.secret.key.0123456789ab.tmp.old'), 'older version', { mode: 0o600 });
  writeFileSync(join(dir, '.notes.0123456789ab.tmp'), 'not ours');
  await writeFilesTogether(dir, files);
  assert.equal(snapshot(dir), complete('new', [`.keygen/set[-]/: dir ${umasked(0o777)}`, `.notes.0123456789ab.tmp: file ${umasked(0o666)} not ours`]));
});

writeSuite('an output path that is a file: says the folder cannot be created', async ({ dir }) => {
  writeFileSync(join(dir, 'keys'), 'a file');
  assert.equal(await inputFailureAsync(() => writeFilesTogether(join(dir, 'keys'), files)), {
    code: 'E_WRITE',
    message: `the output folder '${join(dir, 'keys')}' cannot be created (EEXIST)`,
  });
});

writeSuite.run();
