// Issue 11, point 2, without any seam: the bundled bin is killed with SIGKILL by strace on
// entering the n-th symlink() or rename() of keygen (strace's `inject=…:signal=SIGKILL:when=n`
// counts per thread; UV_THREADPOOL_SIZE=1 puts every file call on one thread). Whatever the
// instant, the four names show the old set, or the new one, or nothing; the next run completes.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { binSignalledAt, runInProcess, straceWorks } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const env = { IOEVENTS_KEYSTORE_PASSWORD: 'Keystore-Pa55word!' };
const FILES = ['private.key', 'certificate_pub.crt', 'keystore.p12', 'private.key.pkcs8.b64'];

/** Runs `aem-ioevents keygen …args` under strace, sent `signal` on entering the `when`-th `syscall`; returns how it ended and its standard error. */
function keygenSignalledAt(cwd: string, args: string[], signal: 'SIGKILL' | 'SIGTERM', syscall: 'symlink' | 'rename', when: number): { ended: string; stderr: string } {
  return binSignalledAt(cwd, ['keygen', ...args], env, signal, syscall === 'symlink' ? 'symlink,symlinkat' : 'rename,renameat,renameat2', when);
}

/** The bytes the four names show, or undefined for a name that shows nothing; and the set folders the links among them lead into. */
function shown(keys: string): { bytes: (Buffer | undefined)[]; from: Set<string> } {
  const paths = FILES.map((name) => join(keys, name));
  return {
    bytes: paths.map((path) => (existsSync(path) ? readFileSync(path) : undefined)),
    from: new Set(paths.filter((path) => existsSync(path)).map((path) => dirname(realpathSync(path))).filter((folder) => folder !== realpathSync(keys))),
  };
}

interface Case {
  readonly before: 'nothing' | 'keygen' | 'plain files';
  readonly syscall: 'symlink' | 'rename';
  readonly when: number;
  readonly shows: 'nothing' | 'the old set' | 'the new set';
}

// Symlink 1 takes the folder's lock. Fresh: symlinks 2-5 are the names, 6 the swap. Over keygen's
// set: symlink 2 makes the new pointer, rename 1 swaps it. Over plain files: rename 1 keeps them as
// the set in use, 2-5 put the links over them, 6 swaps.
const cases: Case[] = [
  { before: 'nothing', syscall: 'symlink', when: 1, shows: 'nothing' },
  { before: 'nothing', syscall: 'symlink', when: 2, shows: 'nothing' },
  { before: 'nothing', syscall: 'symlink', when: 4, shows: 'nothing' },
  { before: 'nothing', syscall: 'symlink', when: 6, shows: 'nothing' },
  { before: 'keygen', syscall: 'symlink', when: 2, shows: 'the old set' },
  { before: 'keygen', syscall: 'rename', when: 1, shows: 'the old set' },
  { before: 'plain files', syscall: 'rename', when: 1, shows: 'the old set' },
  { before: 'plain files', syscall: 'rename', when: 3, shows: 'the old set' },
  { before: 'plain files', syscall: 'rename', when: 6, shows: 'the old set' },
];

const killSuite = suite('keygen, killed with SIGKILL');

for (const c of cases) {
  killSuite(`over ${c.before}, killed entering ${c.syscall} #${c.when}: shows ${c.shows}; the next run leaves one set and no old key`, async () => {
    if (!straceWorks()) return;
    const cwd = makeTempDir();
    try {
      const keys = join(cwd, 'keys');
      if (c.before === 'keygen') assert.is((await runInProcess(['keygen'], { env, cwd })).code, 0);
      if (c.before === 'plain files') {
        assert.is((await runInProcess(['keygen', '--out', 'made'], { env, cwd })).code, 0);
        mkdirSync(keys);
        for (const name of FILES) writeFileSync(join(cwd, 'keys', name), readFileSync(join(cwd, 'made', name)), { flag: 'wx', mode: 0o600 });
      }
      const old = c.before === 'nothing' ? FILES.map(() => undefined) : shown(keys).bytes;
      mkdirSync(keys, { recursive: true });
      writeFileSync(join(keys, 'README'), 'keep me');
      assert.is(keygenSignalledAt(cwd, c.before === 'nothing' ? [] : ['--force'], 'SIGKILL', c.syscall, c.when).ended, 'SIGKILL');
      const after = shown(keys);
      assert.equal(after.bytes, old, c.shows);
      assert.ok(after.from.size <= 1, 'the links lead into one set');
      const next = await runInProcess(['keygen', ...(c.shows === 'nothing' ? [] : ['--force'])], { env, cwd });
      assert.is(next.code, 0, next.stderr);
      assert.equal(readdirSync(keys).sort(), ['.keygen', 'README', ...[...FILES].sort()]);
      const sets = readdirSync(join(keys, '.keygen')).sort();
      assert.is(sets.length, 2, sets.join(' '));
      assert.is(sets[0], 'current');
      const oldKey = old[0];
      if (oldKey !== undefined) for (const name of readdirSync(join(keys, '.keygen', sets[1]!))) assert.not.equal(readFileSync(join(keys, '.keygen', sets[1]!, name)), oldKey);
      assert.is(readFileSync(join(keys, 'README'), 'utf8'), 'keep me');
    } finally {
      removeTempDir(cwd);
    }
  });
}

killSuite.run();

// SIGTERM (a CI system's cancel) is handled: the run undoes what it was writing (interruption.ts)
// and ends by the signal. Nothing is left for the next run but the set in use.
const termCases: Case[] = [
  { before: 'nothing', syscall: 'symlink', when: 1, shows: 'nothing' },
  { before: 'nothing', syscall: 'symlink', when: 2, shows: 'nothing' },
  { before: 'nothing', syscall: 'symlink', when: 5, shows: 'nothing' },
  { before: 'nothing', syscall: 'symlink', when: 6, shows: 'the new set' },
  { before: 'keygen', syscall: 'symlink', when: 2, shows: 'the old set' },
  { before: 'keygen', syscall: 'rename', when: 1, shows: 'the new set' },
];

const termSuite = suite('keygen, cancelled with SIGTERM');

for (const c of termCases) {
  termSuite(`over ${c.before}, signalled entering ${c.syscall} #${c.when}: shows ${c.shows}; only the set in use is left, no lock`, async () => {
    if (!straceWorks()) return;
    const cwd = makeTempDir();
    try {
      const keys = join(cwd, 'keys');
      if (c.before === 'keygen') assert.is((await runInProcess(['keygen'], { env, cwd })).code, 0);
      const old = c.before === 'keygen' ? readlinkSync(join(keys, '.keygen', 'current')) : undefined;
      const ended = keygenSignalledAt(cwd, c.before === 'nothing' ? [] : ['--force'], 'SIGTERM', c.syscall, c.when);
      assert.equal(ended, { ended: 'SIGTERM', stderr: 'error: interrupted by SIGTERM\n' });
      const current = existsSync(join(keys, '.keygen', 'current')) ? readlinkSync(join(keys, '.keygen', 'current')) : undefined;
      // No unfinished set, no replaced set with the old private key, no temporary link, no lock.
      assert.equal(readdirSync(join(keys, '.keygen')).filter((entry) => entry !== 'current'), current === undefined ? [] : [current]);
      if (c.shows === 'nothing') assert.is(current, undefined);
      if (c.shows === 'the old set') assert.is(current, old);
      if (c.shows === 'the new set') assert.ok(current !== undefined && current !== old, String(current));
      for (const name of FILES) assert.is(existsSync(join(keys, name)), c.shows !== 'nothing', name);
    } finally {
      removeTempDir(cwd);
    }
  });
}

termSuite.run();
