// Issue 11, point 2, without any seam: the bundled bin is killed with SIGKILL by strace on
// entering the n-th symlink() or rename() of keygen (strace's `inject=…:signal=SIGKILL:when=n`
// counts per thread; UV_THREADPOOL_SIZE=1 puts every file call on one thread). Whatever the
// instant, the four names show the old set, or the new one, or nothing; the next run completes.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BIN, runInProcess } from '../helpers/cli.ts';
import { hasTool } from '../helpers/tools.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const env = { IOEVENTS_KEYSTORE_PASSWORD: 'Keystore-Pa55word!' };
const FILES = ['private.key', 'certificate_pub.crt', 'keystore.p12', 'private.key.pkcs8.b64'];

/** Runs `aem-ioevents keygen …args` under strace, killed on entering the `when`-th `syscall`; returns how it ended. */
function keygenKilledAt(cwd: string, args: string[], syscall: 'symlink' | 'rename', when: number): string {
  const calls = syscall === 'symlink' ? 'symlink,symlinkat' : 'rename,renameat,renameat2';
  const strace = ['-f', '-qq', '-o', '/dev/null', '-e', `trace=${calls}`, '-e', `inject=${calls}:signal=SIGKILL:when=${when}`];
  const result = spawnSync('strace', [...strace, process.execPath, BIN, 'keygen', ...args], {
    cwd,
    env: { PATH: process.env.PATH, UV_THREADPOOL_SIZE: '1', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return result.signal ?? `exit ${result.status}: ${result.stderr}`;
}

/** The bytes the four names show, or undefined for a name that shows nothing; and the set folders the links among them lead into. */
function shown(keys: string): { bytes: (Buffer | undefined)[]; from: Set<string> } {
  const paths = FILES.map((name) => join(keys, name));
  return {
    bytes: paths.map((path) => (existsSync(path) ? readFileSync(path) : undefined)),
    from: new Set(paths.filter((path) => existsSync(path)).map((path) => dirname(realpathSync(path))).filter((folder) => folder !== realpathSync(keys))),
  };
}

const straceWorks = hasTool('strace') && spawnSync('strace', ['-o', '/dev/null', 'true']).status === 0;

interface Case {
  readonly before: 'nothing' | 'keygen' | 'plain files';
  readonly syscall: 'symlink' | 'rename';
  readonly when: number;
  readonly shows: 'nothing' | 'the old set' | 'the new set';
}

// Fresh: symlinks 1-4 are the names, 5 the swap. Over keygen's set: symlink 1 makes the new
// pointer, rename 1 swaps it. Over plain files: rename 1 keeps them as the set in use, 2-5 put the
// links over them, 6 swaps.
const cases: Case[] = [
  { before: 'nothing', syscall: 'symlink', when: 1, shows: 'nothing' },
  { before: 'nothing', syscall: 'symlink', when: 3, shows: 'nothing' },
  { before: 'nothing', syscall: 'symlink', when: 5, shows: 'nothing' },
  { before: 'keygen', syscall: 'symlink', when: 1, shows: 'the old set' },
  { before: 'keygen', syscall: 'rename', when: 1, shows: 'the old set' },
  { before: 'plain files', syscall: 'rename', when: 1, shows: 'the old set' },
  { before: 'plain files', syscall: 'rename', when: 3, shows: 'the old set' },
  { before: 'plain files', syscall: 'rename', when: 6, shows: 'the old set' },
];

const killSuite = suite('keygen, killed with SIGKILL');

for (const c of cases) {
  killSuite(`over ${c.before}, killed entering ${c.syscall} #${c.when}: shows ${c.shows}; the next run leaves one set and no old key`, async () => {
    if (!straceWorks) return;
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
      assert.is(keygenKilledAt(cwd, c.before === 'nothing' ? [] : ['--force'], c.syscall, c.when), 'SIGKILL');
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
