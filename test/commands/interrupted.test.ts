// Runs cancelled as CI cancels them (SIGTERM) and as a developer does (Ctrl-C: SIGINT), in real
// child processes of the bundled bin: the process ends by that signal (a shell reports 143, 130)
// and at once, says what may have happened (above all: an install that may be running on AEM),
// and leaves no temporary file behind. The build case signals the bin on entering its link(), with
// strace; keygen's cases are in keygen-kill.test.ts.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { binSignalledAt, runInProcess, startBin, straceWorks } from '../helpers/cli.ts';
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

const fsSuite = suite('build, cancelled (SIGTERM); keygen: keygen-kill.test.ts');

fsSuite('build, signalled entering the link() that places its zip: no temporary file left; the zip is whole or absent', async () => {
  if (!straceWorks()) return;
  const dir = makeTempDir();
  const whole = makeTempDir();
  try {
    await writeExampleProject(dir);
    await writeExampleProject(whole);
    assert.is((await runInProcess(['build'], { cwd: whole, env: EXAMPLE_ENV })).code, 0);
    const ended = binSignalledAt(dir, ['build'], EXAMPLE_ENV, 'SIGTERM', 'link,linkat', 1);
    assert.equal(ended, { ended: 'SIGTERM', stderr: 'error: interrupted by SIGTERM\n' });
    const left = readdirSync(join(dir, 'dist'));
    assert.ok(left.length === 0 || (left.length === 1 && left[0] === ZIP), left.join(', '));
    if (left.length === 1) assert.ok(readFileSync(join(dir, 'dist', ZIP)).equals(readFileSync(join(whole, 'dist', ZIP))));
  } finally {
    removeTempDir(dir);
    removeTempDir(whole);
  }
});

fsSuite.run();
