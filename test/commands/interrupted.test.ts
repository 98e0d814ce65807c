// Runs cancelled as CI cancels them (SIGTERM) and as a developer does (Ctrl-C: SIGINT), in real
// child processes of the bundled bin: the process ends by that signal (a shell reports 143, 130)
// and at once, says what may have happened (above all: an install that may be running on AEM),
// and leaves no temporary file or unfinished key set behind. The file-system cases signal the bin
// on entering a given link(), symlink() or rename(), with strace (as keygen-kill.test.ts does).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, runInProcess, startBin } from '../helpers/cli.ts';
import { hasTool } from '../helpers/tools.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { EXAMPLE_ENV, writeExampleProject } from '../build/example-project.ts';
import { closedPort } from '../ims/loopback-proxy.ts';
import { PASSWORD, USER } from '../deploy/connection.ts';
import { startPackmgrStandIn, type PackmgrStandIn } from '../deploy/packmgr-stand-in.ts';
import { writeExamplePackage } from '../deploy/packages.ts';

const ZIP = 'eventproxy-config-1.0.0.zip';
const ENV = { AEM_USER: USER, AEM_PASSWORD: PASSWORD };
const INSTALLING = 'the install was sent and AEM had not answered: it may still be running on AEM; look at Package Manager before you deploy again, do not send it again blindly';
const NOT_SENT = 'the package was not sent; nothing was installed';

interface Context {
  dir: string;
  standIn?: PackmgrStandIn;
}

const deploySuite = suite<Context>('deploy, cancelled', { dir: '' });

deploySuite.before.each(async (ctx) => {
  ctx.dir = makeTempDir();
  await writeExamplePackage(ctx.dir);
  ctx.standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
});
deploySuite.after.each(async (ctx) => {
  await ctx.standIn?.close();
  removeTempDir(ctx.dir);
});

deploySuite('SIGTERM while AEM installs on one target and the other waits: ends by SIGTERM, one note a target, the install sent once', async (ctx) => {
  const release = ctx.standIn!.hold();
  const waiting = `http://127.0.0.1:${await closedPort()}`;
  const bin = startBin(['deploy', ZIP, '-t', ctx.standIn!.url, '-t', waiting, '--retries', '5'], { cwd: ctx.dir, env: ENV });
  await ctx.standIn!.installArrived();
  await bin.stderrShows(`${waiting}: waiting for Package Manager`);
  bin.child.kill('SIGTERM');
  const ended = await bin.ended;
  release();
  assert.equal([ended.code, ended.signal, ended.stdout], [null, 'SIGTERM', '']);
  assert.ok(ended.stderr.endsWith(`error: interrupted by SIGTERM\n  ${ctx.standIn!.url}: ${INSTALLING}\n  ${waiting}: ${NOT_SENT}\n`), ended.stderr);
  assert.is(ctx.standIn!.installs(), 1);
});

deploySuite('SIGINT during the readiness back-off: ends by SIGINT; nothing was sent', async (ctx) => {
  ctx.standIn!.startingFor(1000);
  const bin = startBin(['deploy', ZIP, '-t', ctx.standIn!.url], { cwd: ctx.dir, env: ENV });
  await bin.stderrShows('next try in');
  bin.child.kill('SIGINT');
  const ended = await bin.ended;
  assert.equal([ended.code, ended.signal, ended.stdout], [null, 'SIGINT', '']);
  assert.ok(ended.stderr.endsWith(`error: interrupted by SIGINT\n  ${ctx.standIn!.url}: ${NOT_SENT}\n`), ended.stderr);
  assert.is(ctx.standIn!.installs(), 0);
});

deploySuite('--json, SIGTERM while AEM installs: one JSON object that names the signal and the note', async (ctx) => {
  const release = ctx.standIn!.hold();
  const bin = startBin(['deploy', ZIP, '-t', ctx.standIn!.url, '--json'], { cwd: ctx.dir, env: ENV });
  await ctx.standIn!.installArrived();
  bin.child.kill('SIGTERM');
  const ended = await bin.ended;
  release();
  const note = `${ctx.standIn!.url}: ${INSTALLING}`;
  assert.equal(JSON.parse(ended.stdout), { ok: false, error: { code: 'E_INTERRUPTED', message: `interrupted by SIGTERM: ${note}` }, signal: 'SIGTERM', notes: [note] });
  assert.is(ended.signal, 'SIGTERM');
});

deploySuite('a run that ended is not reported as interrupted: no listener is left behind', async (ctx) => {
  const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
  const listening: string[] = [];
  const run = await runInProcess(['deploy', ZIP, '-t', ctx.standIn!.url], { cwd: ctx.dir, env: ENV, onInterrupt: () => (listening.push('on'), () => listening.push('off')) });
  assert.is(run.code, 0, run.stderr);
  assert.equal(listening, ['on', 'off']);
  assert.equal([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')], before);
});

deploySuite.run();

// --- the file system: strace signals the bin on entering the n-th call -------------------------

const straceWorks = hasTool('strace') && spawnSync('strace', ['-o', '/dev/null', 'true']).status === 0;

/** Runs the bin under strace, sent SIGTERM on entering the `when`-th of `calls`; returns how it ended and its standard error. */
function signalledAt(cwd: string, args: string[], env: Record<string, string>, calls: string, when: number): { signal: string | null; stderr: string } {
  const strace = ['-f', '-qq', '-o', '/dev/null', '-e', `trace=${calls}`, '-e', `inject=${calls}:signal=SIGTERM:when=${when}`];
  const result = spawnSync('strace', [...strace, process.execPath, BIN, ...args], { cwd, env: { PATH: process.env.PATH, UV_THREADPOOL_SIZE: '1', ...env }, encoding: 'utf8', timeout: 120_000 });
  return { signal: result.signal ?? (result.status === 128 + 15 ? 'SIGTERM' : `exit ${result.status}`), stderr: result.stderr };
}

const fsSuite = suite('build and keygen, cancelled (SIGTERM)');

fsSuite('build, signalled entering the link() that places its zip: no temporary file left; the zip is whole or absent', async () => {
  if (!straceWorks) return;
  const dir = makeTempDir();
  const whole = makeTempDir();
  try {
    await writeExampleProject(dir);
    await writeExampleProject(whole);
    assert.is((await runInProcess(['build'], { cwd: whole, env: EXAMPLE_ENV })).code, 0);
    const ended = signalledAt(dir, ['build'], EXAMPLE_ENV, 'link,linkat', 1);
    assert.equal(ended, { signal: 'SIGTERM', stderr: 'error: interrupted by SIGTERM\n' });
    const left = readdirSync(join(dir, 'dist'));
    assert.ok(left.length === 0 || (left.length === 1 && left[0] === ZIP), left.join(', '));
    if (left.length === 1) assert.ok(readFileSync(join(dir, 'dist', ZIP)).equals(readFileSync(join(whole, 'dist', ZIP))));
  } finally {
    removeTempDir(dir);
    removeTempDir(whole);
  }
});

const KEY_ENV = { IOEVENTS_KEYSTORE_PASSWORD: 'Keystore-Pa55word!' };
const FILES = ['private.key', 'certificate_pub.crt', 'keystore.p12', 'private.key.pkcs8.b64'];

interface KeygenCase {
  readonly before: 'nothing' | 'keygen';
  readonly calls: 'symlink,symlinkat' | 'rename,renameat,renameat2';
  readonly when: number;
  readonly shows: 'nothing' | 'the old set' | 'the new set';
}

// Symlink 1 takes the folder's lock. Fresh: symlinks 2-5 make the names, 6 is the swap. Over
// keygen's set (--force): symlink 2 makes the new pointer, rename 1 swaps it.
const keygenCases: KeygenCase[] = [
  { before: 'nothing', calls: 'symlink,symlinkat', when: 1, shows: 'nothing' },
  { before: 'nothing', calls: 'symlink,symlinkat', when: 2, shows: 'nothing' },
  { before: 'nothing', calls: 'symlink,symlinkat', when: 5, shows: 'nothing' },
  { before: 'nothing', calls: 'symlink,symlinkat', when: 6, shows: 'the new set' },
  { before: 'keygen', calls: 'symlink,symlinkat', when: 2, shows: 'the old set' },
  { before: 'keygen', calls: 'rename,renameat,renameat2', when: 1, shows: 'the new set' },
];

for (const c of keygenCases) {
  fsSuite(`keygen over ${c.before}, signalled entering ${c.calls.split(',')[0]} #${c.when}: shows ${c.shows}; no other set is left`, async () => {
    if (!straceWorks) return;
    const cwd = makeTempDir();
    try {
      const keys = join(cwd, 'keys');
      if (c.before === 'keygen') assert.is((await runInProcess(['keygen'], { env: KEY_ENV, cwd })).code, 0);
      const old = c.before === 'keygen' ? readlinkSync(join(keys, '.keygen', 'current')) : undefined;
      const ended = signalledAt(cwd, c.before === 'nothing' ? ['keygen'] : ['keygen', '--force'], KEY_ENV, c.calls, c.when);
      assert.equal(ended, { signal: 'SIGTERM', stderr: 'error: interrupted by SIGTERM\n' });
      const sets = readdirSync(join(keys, '.keygen')).filter((entry) => entry !== 'current');
      const current = existsSync(join(keys, '.keygen', 'current')) ? readlinkSync(join(keys, '.keygen', 'current')) : undefined;
      // Only the set in use is left: no unfinished set, no replaced set with the old private key, no temporary link, no lock.
      assert.equal(sets, current === undefined ? [] : [current]);
      if (c.shows === 'nothing') assert.is(current, undefined);
      if (c.shows === 'the old set') assert.is(current, old);
      if (c.shows === 'the new set') assert.ok(current !== undefined && current !== old, String(current));
      for (const name of FILES) assert.is(existsSync(join(keys, name)), c.shows !== 'nothing', name);
    } finally {
      removeTempDir(cwd);
    }
  });
}

fsSuite.run();
