import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInProcess, type CliRun } from '../helpers/cli.ts';
import { fakeClock, type FakeClock } from '../helpers/fake-clock.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { closedPort } from '../ims/loopback-proxy.ts';
import { startImsStandIn, type ImsStandIn } from '../ims/ims-stand-in.ts';
import { CLIENT_SECRET, EXAMPLE_ENV, exampleImsBinding, KEYSTORE_PASSWORD, writeExampleProject } from '../build/example-project.ts';
import { BASIC, PASSWORD, USER } from '../deploy/connection.ts';
import { startPackmgrStandIn, type PackmgrStandIn } from '../deploy/packmgr-stand-in.ts';

const JWT_MESSAGE = 'IMS exchange failed: 400 invalid_signature: Could not match JWT signature to any of the bindings';
const ZIP = 'dist/eventproxy-config-1.0.0.zip';
const STORE_PASSWORD = 'aem-Store-pass-1';
const PACKAGE_PATH = '/etc/packages/aem-ioevents/eventproxy-config-1.0.0.zip';

// Every run's output is searched for every secret.
const runs: CliRun[] = [];

interface Context {
  dir: string;
  clock: FakeClock;
  ims?: ImsStandIn;
  aem: PackmgrStandIn[];
}

async function up(ctx: Context, args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const run = await runInProcess(['up', '--quiet', ...args], { cwd: ctx.dir, env: { ...EXAMPLE_ENV, AEM_USER: USER, AEM_PASSWORD: PASSWORD, IOEVENTS_IMS_URL: ctx.ims!.url, ...env }, now: ctx.clock.now, timers: ctx.clock });
  runs.push(run);
  return run;
}

// Another cloud service title: other content in the package.
const retitle = (dir: string) => writeFileSync(join(dir, 'aem-ioevents.yaml'), readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('  title: Adobe I/O Events\n', '  title: Adobe I/O Events (renamed)\n'));
const targetsOf = (ctx: Context) => ctx.aem.flatMap((aem) => ['--target', aem.url]);
const posts = (aem: PackmgrStandIn) => aem.requests.filter((r) => r.method === 'POST').length;

const upCommand = suite<Context>('aem-ioevents up', { dir: '', clock: fakeClock(), aem: [] });

upCommand.before.each(async (ctx) => {
  ctx.dir = makeTempDir();
  ctx.clock = fakeClock();
  await writeExampleProject(ctx.dir);
  ctx.ims = await startImsStandIn({ bindings: [await exampleImsBinding()], now: ctx.clock.now });
  ctx.aem = [await startPackmgrStandIn({ user: USER, password: PASSWORD }), await startPackmgrStandIn({ user: USER, password: PASSWORD })];
  for (const aem of ctx.aem) aem.checks.installConnector();
});
upCommand.after.each(async (ctx) => {
  await ctx.ims?.close();
  for (const aem of ctx.aem) await aem.close();
  removeTempDir(ctx.dir);
});

upCommand('two targets: verify, build, one install each, checks OK, exit 0; a second up sends no POST and ends with the checks', async (ctx) => {
  const first = await up(ctx, targetsOf(ctx));
  assert.is(first.code, 0, first.stdout + first.stderr);
  assert.equal(ctx.aem.map((aem) => aem.installs()), [1, 1]);
  assert.ok(ctx.ims!.requests.length > 0);
  const sent = ctx.aem.map((aem) => aem.requests.length);
  const second = await up(ctx, [...targetsOf(ctx), '--json']);
  assert.is(second.code, 0, second.stdout + second.stderr);
  // After the first run: no POST at all, only the probe (GET of the zip, list.jsp) and the checks.
  assert.equal(ctx.aem.map(posts), [1, 1]);
  const later = ctx.aem.map((aem, i) => aem.requests.slice(sent[i]).map((r) => `${r.method} ${r.path}`));
  for (const requests of later) assert.equal(requests, [`GET ${PACKAGE_PATH}`, 'GET /crx/packmgr/list.jsp', 'GET /system/health.json']);
  const json = JSON.parse(second.stdout) as { ok: boolean; steps: { step: string; outcome: string }[]; targets: { url: string; steps: { step: string; outcome: string; ok: boolean }[] }[] };
  assert.is(json.ok, true);
  assert.equal(json.steps.map((s) => [s.step, s.outcome]), [['keys', 'present'], ['verify', 'accepted'], ['build', 'unchanged']]);
  assert.equal(json.targets.map((t) => [t.url, t.steps.map((s) => [s.step, s.outcome, s.ok])]), ctx.aem.map((aem) => [aem.url, [['deploy', 'unchanged', true], ['check', 'ok', true]]]));
});

upCommand('the human report: one line per step with its outcome and time', async (ctx) => {
  const run = await up(ctx, ['--target', ctx.aem[0]!.url]);
  assert.is(run.code, 0, run.stderr);
  const lines = run.stdout.split('\n');
  assert.is(lines[0], 'up');
  assert.is(lines[1], '  ok      keys     present     keys/keystore.p12 (0.0 s)');
  assert.match(lines[2]!, /^ {2}ok {6}verify {3}accepted {4}/);
  const size = statSync(join(ctx.dir, ZIP)).size;
  assert.is(lines[3], `  ok      build    written     ${ZIP} (aem-ioevents:eventproxy-config:1.0.0, ${size} bytes) (0.0 s)`);
  assert.is(lines[4], `ok      ${ctx.aem[0]!.url}`);
  assert.is(lines[5], `  ok      deploy   installed   installed (${PACKAGE_PATH} is not there) (0.0 s)`);
  assert.is(lines[6], '  ok      check    ok          conf-events OK, ims-events OK, csm-events OK (0.0 s)');
});

upCommand('IMS refuses the credentials: exit 1, nothing sent to any AEM', async (ctx) => {
  await ctx.ims!.close();
  ctx.ims = await startImsStandIn({ bindings: [await exampleImsBinding({ clientSecrets: ['another-secret-entirely'] })], now: ctx.clock.now });
  const run = await up(ctx, [...targetsOf(ctx), '--json']);
  assert.is(run.code, 1);
  assert.equal(ctx.aem.map((aem) => aem.requests.length), [0, 0]);
  const json = JSON.parse(run.stdout) as { steps: { step: string; outcome: string }[]; targets: { steps: unknown[]; exitCode: number }[] };
  assert.equal(json.steps.map((s) => [s.step, s.outcome]), [['keys', 'present'], ['verify', 'refused']]);
  assert.equal(json.targets.map((t) => [t.steps, t.exitCode]), [[[], 1], [[], 1]]);
});

upCommand('IMS fails (500 internal_error): exit 3, not a refusal; nothing sent to any AEM', async (ctx) => {
  ctx.ims!.injectFault({ kind: 'internal_error' });
  const run = await up(ctx, [...targetsOf(ctx), '--json']);
  assert.is(run.code, 3, run.stdout + run.stderr);
  assert.equal(ctx.aem.map((aem) => aem.requests.length), [0, 0]);
  const json = JSON.parse(run.stdout) as { steps: { step: string; outcome: string }[]; targets: { steps: unknown[]; exitCode: number }[] };
  assert.equal(json.steps.map((s) => [s.step, s.outcome]), [['keys', 'present'], ['verify', 'unavailable']]);
  assert.equal(json.targets.map((t) => [t.steps, t.exitCode]), [[[], 3], [[], 3]]);
});

upCommand('no keystore: exit 2 naming keygen, nothing sent to IMS or AEM', async (ctx) => {
  rmSync(join(ctx.dir, 'keys', 'keystore.p12'));
  const run = await up(ctx, targetsOf(ctx));
  assert.is(run.code, 2);
  assert.is(run.stdout, '');
  assert.match(run.stderr, 'cannot read keystore.file keys/keystore.p12: no such file; make one with aem-ioevents keygen');
  assert.is(ctx.ims!.requests.length, 0);
  assert.equal(ctx.aem.map((aem) => aem.requests.length), [0, 0]);
});

upCommand('bad input before anything is sent: --wait out of range, no AEM_PASSWORD (exit 2)', async (ctx) => {
  const wait = await up(ctx, [...targetsOf(ctx), '--wait', '-1']);
  assert.is(wait.code, 2);
  assert.match(wait.stderr, 'Expected --wait to be a number of seconds from 0 to 3600, got -1');
  const password = await up(ctx, targetsOf(ctx), { AEM_PASSWORD: undefined });
  assert.is(password.code, 2);
  assert.is(ctx.ims!.requests.length, 0);
  assert.equal(ctx.aem.map((aem) => aem.requests.length), [0, 0]);
});

upCommand('a check CRITICAL on one target: exit 1 for it with the cause, the other ok; an unreachable target: exit 3', async (ctx) => {
  ctx.aem[1]!.checks.health.set('ims-events', { status: 'CRITICAL', message: JWT_MESSAGE });
  const run = await up(ctx, [...targetsOf(ctx), '--wait', '0', '--json']);
  assert.is(run.code, 1);
  const json = JSON.parse(run.stdout) as { targets: { exitCode: number; steps: { step: string; ok: boolean; message: string }[] }[] };
  assert.equal(json.targets.map((t) => [t.exitCode, t.steps.map((s) => [s.step, s.ok])]), [[0, [['deploy', true], ['check', true]]], [1, [['deploy', true], ['check', false]]]]);
  assert.match(json.targets[1]!.steps[1]!.message, "ims-events: the keystore's certificate is not the one on the credential");
  const port = await closedPort();
  const unreachable = await up(ctx, ['--target', `http://127.0.0.1:${port}`, '--wait', '0']);
  assert.is(unreachable.code, 3, unreachable.stdout);
  assert.match(unreachable.stdout, `FAILED  http://127.0.0.1:${port}`);
});

upCommand('Package Manager refuses the install: exit 1, the deploy step says why, no check asked', async (ctx) => {
  ctx.aem[0]!.fail({ kind: 'status500' });
  const run = await up(ctx, ['--target', ctx.aem[0]!.url, '--json']);
  assert.is(run.code, 1);
  const json = JSON.parse(run.stdout) as { targets: { steps: { step: string; ok: boolean; outcome: string }[] }[] };
  assert.equal(json.targets[0]!.steps.map((s) => [s.step, s.ok, s.outcome]), [['deploy', false, 'refused']]);
  assert.not.ok(ctx.aem[0]!.requests.some((r) => r.path.startsWith('/system/health')));
});

upCommand("deploy's flags pass through: an install with errors is exit 1, with --allow-install-errors exit 0 and checked; a bad --timeout is exit 2, nothing sent", async (ctx) => {
  const aem = ctx.aem[0]!;
  aem.fail({ kind: 'installErrors' });
  const strict = await up(ctx, ['--target', aem.url, '--json']);
  assert.is(strict.code, 1, strict.stdout);
  const steps = (JSON.parse(strict.stdout) as { targets: { steps: { step: string; ok: boolean }[] }[] }).targets[0]!.steps;
  assert.equal(steps.map((s) => [s.step, s.ok]), [['deploy', false]]);
  aem.fail({ kind: 'installErrors' });
  // Other content, so up installs again rather than finding it unchanged.
  retitle(ctx.dir);
  const allowed = await up(ctx, ['--target', aem.url, '--allow-install-errors', '--json']);
  assert.is(allowed.code, 0, allowed.stdout + allowed.stderr);
  const allowedSteps = (JSON.parse(allowed.stdout) as { targets: { steps: { step: string; ok: boolean }[] }[] }).targets[0]!.steps;
  assert.equal(allowedSteps.map((s) => [s.step, s.ok]), [['deploy', true], ['check', true]]);
  const sent = aem.requests.length;
  const badTimeout = await up(ctx, ['--target', aem.url, '--timeout', '0']);
  assert.is(badTimeout.code, 2, badTimeout.stderr);
  assert.is(badTimeout.stderr, 'error: Expected --timeout to be a positive number of seconds, got 0 (number)\n');
  assert.is(aem.requests.length, sent);
});

upCommand('a rebuild without SOURCE_DATE_EPOCH a minute later (only the build date differs): no POST, the deploy step says so', async (ctx) => {
  const aem = ctx.aem[0]!;
  const undated = { SOURCE_DATE_EPOCH: undefined };
  assert.is((await up(ctx, ['--target', aem.url], undated)).code, 0);
  const sent = posts(aem);
  ctx.clock.advance(60_000);
  const again = await up(ctx, ['--target', aem.url, '--json'], undated);
  assert.is(again.code, 0, again.stdout + again.stderr);
  assert.is(posts(aem), sent);
  const json = JSON.parse(again.stdout) as { steps: { step: string; outcome: string }[]; targets: { steps: { step: string; outcome: string; message: string }[] }[] };
  // The zip in dist/ was rebuilt with the new date: other bytes, the same content.
  assert.equal(json.steps[2]!.outcome, 'replaced');
  assert.equal(json.targets[0]!.steps.map((s) => [s.step, s.outcome, s.message]), [
    ['deploy', 'unchanged', `${PACKAGE_PATH} has the same content (only the build date differs) and is installed`],
    ['check', 'ok', 'conf-events OK, ims-events OK, csm-events OK'],
  ]);
});

upCommand('other content under the package path (the configuration changed): up installs again and says which entry differs', async (ctx) => {
  const aem = ctx.aem[0]!;
  assert.is((await up(ctx, ['--target', aem.url])).code, 0);
  retitle(ctx.dir);
  const again = await up(ctx, ['--target', aem.url]);
  assert.is(again.code, 0, again.stdout);
  assert.is(aem.installs(), 2);
  assert.match(again.stdout, `  ok      deploy   installed   installed (${PACKAGE_PATH} holds other content (jcr_root/`);
});

upCommand("a group with characters a URL gives a meaning ('#', '?', '%', ' '): the probe asks for that package, and a second up sends no POST", async (ctx) => {
  const aem = ctx.aem[0]!;
  const group = 'team #1?%';
  writeFileSync(join(ctx.dir, 'aem-ioevents.yaml'), readFileSync(join(ctx.dir, 'aem-ioevents.yaml'), 'utf8').replace('  group: aem-ioevents\n', `  group: "${group}"\n`));
  assert.is((await up(ctx, ['--target', aem.url])).code, 0);
  const sent = posts(aem);
  const again = await up(ctx, ['--target', aem.url]);
  assert.is(again.code, 0, again.stdout + again.stderr);
  assert.is(posts(aem), sent);
  assert.match(again.stdout, `  ok      deploy   unchanged   /etc/packages/${group}/eventproxy-config-1.0.0.zip has the same bytes and is installed`);
});

upCommand('a check failing for the first 30 s is asked again until it passes, within --wait', async (ctx) => {
  for (const aem of ctx.aem) aem.checks.failUntil(30_000, ctx.clock.now);
  const run = await up(ctx, [...targetsOf(ctx), '--wait', '120']);
  assert.is(run.code, 0, run.stdout);
});

upCommand('--keystore: the first up installs package and key; the second finds both unchanged and sends no POST', async (ctx) => {
  const aem = ctx.aem[0]!;
  const env = { AEM_KEYSTORE_PASSWORD: STORE_PASSWORD };
  const first = await up(ctx, ['--target', aem.url, '--keystore', '--json'], env);
  assert.is(first.code, 0, first.stdout + first.stderr);
  const firstJson = JSON.parse(first.stdout) as { targets: { deploy: { keystore: { outcome: string } } }[] };
  assert.is(firstJson.targets[0]!.deploy.keystore.outcome, 'created');
  const postsBefore = posts(aem);
  const second = await up(ctx, ['--target', aem.url, '--keystore', '--json'], env);
  assert.is(second.code, 0, second.stdout + second.stderr);
  assert.is(posts(aem), postsBefore);
  const json = JSON.parse(second.stdout) as { targets: { steps: { step: string; outcome: string; ok: boolean }[] }[] };
  assert.equal(json.targets[0]!.steps.map((s) => [s.step, s.outcome, s.ok]), [['deploy', 'unchanged', true], ['keystore', 'unchanged', true], ['check', 'ok', true]]);
});

upCommand('no secret in any output: client secret, keystore password, AEM password, its basic form', () => {
  assert.ok(runs.length >= 8);
  for (const run of runs) {
    for (const secret of [CLIENT_SECRET, KEYSTORE_PASSWORD, PASSWORD, BASIC, STORE_PASSWORD]) {
      assert.not.ok(run.stdout.includes(secret) || run.stderr.includes(secret), `a secret in ${run.stdout}${run.stderr}`);
    }
  }
});

upCommand.run();
