import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, runInProcess, type CliRun } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { EXAMPLE_ENV, exampleKeyMaterial, KEYSTORE_PASSWORD, writeExampleProject } from '../build/example-project.ts';
import { closedPort } from '../ims/loopback-proxy.ts';
import { BASIC, PASSWORD, USER } from '../deploy/connection.ts';
import { SERVICE_USER_HOME, startPackmgrStandIn, type PackmgrFault, type PackmgrStandIn } from '../deploy/packmgr-stand-in.ts';
import { writeExamplePackage, writeNotContentPackage } from '../deploy/packages.ts';
import { rawZip } from '../inspect/zip-bytes.ts';
import { fakeClock, type FakeClock } from '../helpers/fake-clock.ts';
import { keystoreJson, storedKeyOf } from '../deploy/stand-in-keystore.ts';
import { createKeyMaterial } from '../../src/crypto/key-material.ts';
import { getCertificateIdentity } from '../../src/deploy/keystore-state.ts';
import { X509Certificate } from 'node:crypto';
import { FIXTURE_KEY, fixedRandom } from '../crypto/fixtures.ts';

const ZIP = 'eventproxy-config-1.0.0.zip';
// The size of the example package as packages.ts zips it (deterministic).
const SIZE = 6146;
const ENV = { AEM_USER: USER, AEM_PASSWORD: PASSWORD };
const STORE_PASSWORD = 'aem-Store-pass-1';
const SECRETS = [PASSWORD, BASIC, `${USER}:${PASSWORD}`, KEYSTORE_PASSWORD, STORE_PASSWORD];

// Every run's output is searched for every secret, in every form.
const runs: CliRun[] = [];

async function deploy(dir: string, args: string[], env: Record<string, string | undefined> = ENV, clock?: FakeClock): Promise<CliRun> {
  const run = await runInProcess(['deploy', ...args], { cwd: dir, env, ...(clock && { now: clock.now, timers: clock }) });
  runs.push(run);
  return run;
}

interface Context {
  dir: string;
  standIn?: PackmgrStandIn;
}

const deployCommand = suite<Context>('aem-ioevents deploy', { dir: '' });

deployCommand.before.each(async (ctx) => {
  ctx.dir = makeTempDir();
  await writeExamplePackage(ctx.dir);
  ctx.standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
});
deployCommand.after.each(async (ctx) => {
  await ctx.standIn?.close();
  removeTempDir(ctx.dir);
});

deployCommand('a clean install: exit 0, the verdict, the counts and the time per target', async (ctx) => {
  const run = await deploy(ctx.dir, [ZIP, '--target', ctx.standIn!.url]);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stdout, [`deploy ${ZIP} (aem-ioevents:eventproxy-config:1.0.0, ${SIZE} bytes) through service.jsp`, `ok      ${ctx.standIn!.url} (0.0 s): installed: 4 added, 0 updated, 0 deleted`, ''].join('\n'));
  assert.is(run.stderr, '');
});

const failures: ReadonlyArray<readonly [string, PackmgrFault, number, string]> = [
  ['HTTP 200 with <status code="500">', { kind: 'status500' }, 1, "Package Manager answered status 500 (HTTP 200): java.io.IOException: Zip File is not a content package. Missing 'jcr_root'."],
  ['HTTP 200 with E lines and "Package imported (with errors"', { kind: 'installErrors' }, 1, 'installed with errors: 1 E line, "Package imported (with errors, check logs!)"; nodes: 4 added, 0 updated, 0 deleted, 1 errors'],
  ['401', { kind: 'unauthorized' }, 1, 'Package Manager refused the credentials (HTTP 401); check AEM_USER and AEM_PASSWORD, and that the user may install packages'],
  ['an HTML page', { kind: 'html' }, 1, "an HTML page ('Content modified /crx/packmgr/service.jsp/file') came back (HTTP 200) where the <crx> XML answer was expected; Sling's POST servlet took the request instead of Package Manager and stored it as content at /crx/packmgr/service.jsp/file: delete that node (CRXDE), and check that Package Manager is active; nothing was installed"],
  ['a dropped connection', { kind: 'drop' }, 3, 'the connection broke during the install'],
];
for (const [title, fault, code, message] of failures) {
  deployCommand(`${title}: exit ${code}, FAILED with the reason`, async (ctx) => {
    ctx.standIn?.fail(fault);
    const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url]);
    assert.is(run.code, code);
    assert.ok(run.stdout.includes(`FAILED  ${ctx.standIn!.url} (0.0 s): ${message}`), run.stdout);
    assert.is(ctx.standIn?.installs(), 1);
  });
}

deployCommand('a slow install past --timeout: exit 3, and no install is sent twice', async (ctx) => {
  ctx.standIn?.fail({ kind: 'slow', delayMs: 2000 });
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--timeout', '0.3', '--retries', '5']);
  assert.is(run.code, 3);
  assert.ok(run.stdout.includes('no answer to the install within 0.3 s; it may still be running on AEM'), run.stdout);
  assert.is(ctx.standIn?.installs(), 1);
});

deployCommand('404 while AEM starts and no retries left: exit 3, nothing uploaded', async (ctx) => {
  ctx.standIn?.startingFor(10);
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--retries', '0']);
  assert.is(run.code, 3);
  assert.ok(run.stdout.includes('Package Manager was not ready after 1 probe'), run.stdout);
  assert.is(ctx.standIn?.installs(), 0);
});

deployCommand('a wrong password: exit 1 from the probe, nothing uploaded', async (ctx) => {
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url], { AEM_USER: USER, AEM_PASSWORD: 'wrong-password' });
  assert.is(run.code, 1);
  assert.ok(run.stdout.includes('the credentials were refused'), run.stdout);
  assert.is(ctx.standIn?.installs(), 0);
});

deployCommand('nothing listening: exit 3', async (ctx) => {
  const run = await deploy(ctx.dir, [ZIP, '-t', `http://127.0.0.1:${await closedPort()}`, '--retries', '0']);
  assert.is(run.code, 3);
  assert.ok(run.stdout.includes('the connection was refused after 1 probe'), run.stdout);
});

deployCommand('https:// to AEM\'s plain-HTTP port: exit 3, "use http://" instead of OpenSSL\'s text, nothing sent', async (ctx) => {
  const target = ctx.standIn!.url.replace('http://', 'https://');
  const run = await deploy(ctx.dir, [ZIP, '-t', target, '--retries', '0']);
  assert.is(run.code, 3);
  assert.is(
    run.stdout.split('\n')[1],
    `FAILED  ${target} (0.0 s): could not connect (${target}/crx/packmgr/service/script.html: the server answered without TLS (OpenSSL: wrong version number); this port speaks plain HTTP (as AEM does on 4502 unless TLS is set up): give the target with http://, or the port where AEM serves https); nothing was sent`,
  );
  assert.is(ctx.standIn?.requests.length, 0);
});

deployCommand('--allow-install-errors: an install with errors is a warning on standard error, exit 0', async (ctx) => {
  ctx.standIn?.fail({ kind: 'installErrors' });
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--allow-install-errors']);
  assert.is(run.code, 0);
  assert.ok(run.stdout.includes(`WARNING ${ctx.standIn!.url}`), run.stdout);
  assert.is(run.stderr, `warning: ${ctx.standIn!.url}: installed with errors: 1 E line, "Package imported (with errors, check logs!)" (accepted by --allow-install-errors)\n`);
});

deployCommand('AEM_URL is the target when no --target is given', async (ctx) => {
  const run = await deploy(ctx.dir, [ZIP], { ...ENV, AEM_URL: ctx.standIn!.url });
  assert.is(run.code, 0, run.stdout);
  assert.is(ctx.standIn?.installs(), 1);
});

deployCommand('--api json: installed, with the warning that the JSON answer cannot show errors', async (ctx) => {
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--api', 'json']);
  assert.is(run.code, 0);
  assert.is(run.stderr, "warning: --api json: Package Manager's JSON answer does not report an install with errors; the default service.jsp gives the strict verdict\n");
});

const badInput: ReadonlyArray<readonly [string, (dir: string, url: string) => Promise<string[]>, Record<string, string | undefined>, string]> = [
  ['a missing file', async (_dir, url) => ['missing.zip', '-t', url], ENV, 'error: cannot read package missing.zip: no such file; build it first (aem-ioevents build)\n'],
  ['a URL with credentials', async (_dir, url) => [ZIP, '-t', url.replace('http://', `http://${USER}:${PASSWORD}@`)], ENV, "error: --target for host '127.0.0.1:PORT' has a user or password in it; give the URL without them and set AEM_USER and AEM_PASSWORD (credentials in URLs end up in logs and process lists)\n"],
  ['a file that is no zip', async (dir, url) => (writeFileSync(join(dir, 'x.zip'), 'not a zip'), ['x.zip', '-t', url]), ENV, 'error: x.zip is not a readable zip: End of central directory record signature not found. Either not a zip file, or file is truncated.\n'],
  ['a zip that is no content package', async (dir, url) => ['no-jcr-root.zip', '-t', url, (await writeNotContentPackage(dir), '--retries')!, '0'], ENV, "error: no-jcr-root.zip is not a content package Package Manager accepts: Given archive is not a content package. Missing 'jcr_root'.\n"],
  ['a zip whose local header names another file than its central directory', async (dir, url) => (writeFileSync(join(dir, 'hostile.zip'), rawZip([{ name: 'jcr_root/apps/x.txt', data: 'hello', local: { name: '../../etc/cron.d/x' } }])), ['hostile.zip', '-t', url]), ENV, `error: hostile.zip: entry "jcr_root/apps/x.txt" has name "../../etc/cron.d/x" in its local header but "jcr_root/apps/x.txt" in the central directory; Java's ZipInputStream (AEM's upload) reads the local headers and would see another package: refusing to read the package\n`],
  ['no AEM_PASSWORD', async (_dir, url) => [ZIP, '-t', url], { AEM_USER: USER }, 'error: The AEM password is not set: set AEM_PASSWORD (there is no flag, so it never shows in process lists)\n'],
  ['a timeout of 0', async (_dir, url) => [ZIP, '-t', url, '--timeout', '0'], ENV, 'error: Expected --timeout to be a positive number of seconds, got 0 (number)\n'],
];
for (const [title, args, env, message] of badInput) {
  deployCommand(`${title}: exit 2, nothing sent`, async (ctx) => {
    const run = await deploy(ctx.dir, await args(ctx.dir, ctx.standIn!.url), env);
    assert.is(run.code, 2);
    assert.is(run.stderr.replace(`:${ctx.standIn!.port}'`, ":PORT'"), message);
    assert.is(ctx.standIn?.requests.length, 0);
  });
}

deployCommand('several targets at once, each with its own result; the exit code is the worst', async (ctx) => {
  const second = await startPackmgrStandIn({ user: USER, password: PASSWORD });
  try {
    // Each stand-in holds its install until both have arrived: a one-by-one deploy would time out.
    const releases = [ctx.standIn!.hold(), second.hold()];
    void Promise.all([ctx.standIn!.installArrived(), second.installArrived()]).then(() => releases.forEach((release) => release()));
    second.fail({ kind: 'status500' });
    const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '-t', second.url, '--timeout', '10', '--json']);
    assert.is(run.code, 1);
    const json = JSON.parse(run.stdout) as { exitCode: number; targets: { target: string; outcome: string; exitCode: number }[] };
    assert.is(json.exitCode, 1);
    assert.equal(
      json.targets.map((t) => [t.target, t.outcome, t.exitCode]),
      [
        [ctx.standIn!.url, 'installed', 0],
        [second.url, 'refused', 1],
      ],
    );
  } finally {
    await second.close();
  }
});

deployCommand('--json: one object with the package, the API and every target', async (ctx) => {
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--json']);
  assert.is(run.code, 0);
  const json = JSON.parse(run.stdout) as Record<string, unknown>;
  assert.equal(json, {
    ok: true,
    exitCode: 0,
    dryRun: false,
    package: { file: ZIP, packageId: 'aem-ioevents:eventproxy-config:1.0.0', size: SIZE, sha256: createHash('sha256').update(readFileSync(join(ctx.dir, ZIP))).digest('hex') },
    api: 'jsp',
    allowInstallErrors: false,
    targets: [
      {
        target: ctx.standIn!.url,
        ok: true,
        exitCode: 0,
        outcome: 'installed',
        message: 'installed',
        httpStatus: 200,
        statusCode: '200',
        counts: { added: 4, updated: 0, deleted: 0, replaced: 0, unchanged: 0, missing: 0, errors: 0 },
        errorLines: [],
        installedInMs: 42,
        probes: 1,
        installRequests: 1,
        durationMs: 0,
        keystore: null,
      },
    ],
    warnings: [],
  });
});

deployCommand('--dry-run: the curl commands exactly, the password as $AEM_PASSWORD, nothing sent', async (ctx) => {
  const run = await deploy(ctx.dir, [ZIP, '-t', 'http://localhost:4502', '--dry-run'], { AEM_USER: USER });
  assert.is(run.code, 0);
  assert.is(
    run.stdout,
    [
      '# http://localhost:4502: wait for 405 (404 while AEM starts), then upload and install (HTTP 200 for a failed install too: the verdict is the answer\'s <status code> and its E lines)',
      `curl -sS -o /dev/null -w '%{http_code}\\n' -u "${USER}:$AEM_PASSWORD" 'http://localhost:4502/crx/packmgr/service/script.html'`,
      `curl -sS --fail-with-body -u "${USER}:$AEM_PASSWORD" -F 'file=@${ZIP};type=application/zip' -F force=true -F install=true 'http://localhost:4502/crx/packmgr/service.jsp'`,
      '',
    ].join('\n'),
  );
  assert.is(ctx.standIn?.requests.length, 0);
});

deployCommand('--dry-run commands run in bash against Package Manager: the install goes through; a wrong password fails the step (curl exit 22)', async (ctx) => {
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--dry-run'], { AEM_USER: USER });
  assert.is(run.code, 0);
  const upload = run.stdout.split('\n').find((line) => line.includes('service.jsp'))!;
  // Asynchronously: the stand-in answers from this process.
  const bash = (password: string) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile('bash', ['--noprofile', '--norc', '-c', upload], { cwd: ctx.dir, env: { PATH: process.env.PATH, AEM_PASSWORD: password }, encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
    });
  const good = await bash(PASSWORD);
  assert.is(good.status, 0, good.stderr);
  assert.match(good.stdout, '<status code="200">ok</status>');
  assert.is(ctx.standIn!.installs(), 1);
  // A 401: without --fail-with-body curl would exit 0 here.
  const refused = await bash('wrong-Password-99');
  assert.is(refused.status, 22);
});

deployCommand('--dry-run behind a proxy: each command takes the way deploy takes, the proxy by its variable, its password never shown', async (ctx) => {
  const env = { AEM_USER: USER, HTTP_PROXY: 'http://proxyuser:pr0xy-secret@proxy.corp:3128', no_proxy: 'localhost,10.0.0.0/8' };
  const run = await deploy(ctx.dir, [ZIP, '-t', 'https://aem.example', '-t', 'http://10.1.2.3:4502', '--dry-run'], env);
  assert.is(run.code, 0);
  const lines = run.stdout.split('\n');
  assert.equal([lines[0], lines[2]], ['# https://aem.example through the proxy in $HTTP_PROXY, as deploy goes', `curl -sS -o /dev/null -w '%{http_code}\\n' -u "${USER}:$AEM_PASSWORD" --proxy "$HTTP_PROXY" --noproxy '' 'https://aem.example/crx/packmgr/service/script.html'`]);
  assert.equal([lines[4], lines[6]], ['# http://10.1.2.3:4502 directly, as deploy goes (NO_PROXY names it, or no proxy is set for its scheme)', `curl -sS -o /dev/null -w '%{http_code}\\n' -u "${USER}:$AEM_PASSWORD" --noproxy '*' 'http://10.1.2.3:4502/crx/packmgr/service/script.html'`]);
  assert.not.match(run.stdout + run.stderr, 'pr0xy-secret');
});

deployCommand('--dry-run --json: the commands in one object', async (ctx) => {
  const run = await deploy(ctx.dir, [ZIP, '-t', 'http://localhost:4502', '--dry-run', '--json', '--api', 'json']);
  const json = JSON.parse(run.stdout) as { dryRun: boolean; commands: string[]; targets: string[] };
  assert.is(json.dryRun, true);
  assert.equal(json.targets, ['http://localhost:4502']);
  assert.is(json.commands.at(-1), `curl -sS --fail-with-body -u "${USER}:$AEM_PASSWORD" -X POST 'http://localhost:4502/crx/packmgr/service/.json/etc/packages/aem-ioevents/eventproxy-config-1.0.0.zip?cmd=install'`);
});

deployCommand('--keystore: the package, then the key of the configuration; a second run finds it there', async (ctx) => {
  await writeExampleProject(ctx.dir);
  const env = { ...ENV, ...EXAMPLE_ENV, AEM_KEYSTORE_PASSWORD: STORE_PASSWORD };
  const first = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--keystore']);
  assert.is(first.code, 2, 'without the configuration variables the configuration does not read');
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--keystore'], env);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, `          keystore: created: created the keystore and added the key under alias 'eventproxy' (serial `);
  const again = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--keystore', '--json'], env);
  const json = JSON.parse(again.stdout) as { targets: { keystore: { outcome: string; home: string; alias: string } }[] };
  assert.equal([json.targets[0]?.keystore.outcome, json.targets[0]?.keystore.home, json.targets[0]?.keystore.alias], ['unchanged', SERVICE_USER_HOME, 'eventproxy']);
});

// --- progress on standard error (issue 12, point 5); the fake clock moves, no real time passes

deployCommand('progress: each readiness retry on standard error; --json keeps standard output one object', async (ctx) => {
  ctx.standIn?.startingFor(2);
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--json'], ENV, fakeClock());
  assert.is(run.code, 0, run.stderr);
  const url = ctx.standIn!.url;
  assert.is(run.stderr, `${url}: waiting for Package Manager: AEM answered HTTP 404; next try in 1 s (retry 1 of 10)\n${url}: waiting for Package Manager: AEM answered HTTP 404; next try in 2 s (retry 2 of 10)\n`);
  const json = JSON.parse(run.stdout) as { ok: boolean; targets: { probes: number; durationMs: number }[] };
  assert.equal([json.ok, json.targets[0]?.probes, json.targets[0]?.durationMs], [true, 3, 3000]);
});

deployCommand('progress: "installing…" every 15 s while Package Manager works', async (ctx) => {
  const release = ctx.standIn!.hold();
  const clock = fakeClock();
  const running = deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url], ENV, clock);
  await ctx.standIn!.installArrived();
  await clock.ticking();
  clock.advance(45_000);
  release();
  const run = await running;
  assert.is(run.code, 0);
  assert.is(run.stderr, ['installing… 15 s', 'installing… 30 s', 'installing… 45 s', ''].map((line) => line && `${ctx.standIn!.url}: ${line}`).join('\n'));
  assert.match(run.stdout, `ok      ${ctx.standIn!.url} (45.0 s): installed`);
});

deployCommand('--quiet: no progress at all, the report as usual', async (ctx) => {
  ctx.standIn?.startingFor(2);
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--quiet'], ENV, fakeClock());
  assert.is(run.code, 0);
  assert.is(run.stderr, '');
  assert.match(run.stdout, `ok      ${ctx.standIn!.url} (3.0 s): installed`);
});

// --- --keystore keeps the exit-code contract (issue 12, point 6): every refusal before the first POST

const posts = (standIn: PackmgrStandIn | undefined) => standIn?.requests.filter((r) => r.method === 'POST').length;
const KEYSTORE_ENV = { ...ENV, ...EXAMPLE_ENV };
const REFUSED = 'error: --keystore cannot succeed, so nothing was installed: ';
const NO_STORE = `${SERVICE_USER_HOME} has no keystore yet; set AEM_KEYSTORE_PASSWORD to the password AEM should give it, then deploy again`;

deployCommand('--keystore, no store on AEM, no AEM_KEYSTORE_PASSWORD: exit 2 before the first POST, naming the target and the variable', async (ctx) => {
  await writeExampleProject(ctx.dir);
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--keystore'], KEYSTORE_ENV);
  assert.is(run.code, 2);
  assert.is(run.stderr, `${REFUSED}${ctx.standIn!.url}: ${NO_STORE}\n`);
  assert.is(run.stdout, '');
  assert.is(posts(ctx.standIn), 0);
  assert.equal(ctx.standIn?.requests.map((r) => r.kind), ['probe', 'ks.json']);
  assert.equal(ctx.standIn?.repository.size, 0);
});

deployCommand('--keystore, another certificate under the alias, no --replace-key: exit 2 before the first POST, naming the flag', async (ctx) => {
  await writeExampleProject(ctx.dir);
  const other = await createKeyMaterial({ password: KEYSTORE_PASSWORD, privateKey: FIXTURE_KEY, now: new Date('2026-11-01T00:00:00Z'), randomBytes: fixedRandom('another-keystore') });
  const store = ctx.standIn!.keystores.get(SERVICE_USER_HOME)!;
  Object.assign(store, { exists: true, password: STORE_PASSWORD });
  store.keys.set('eventproxy', storedKeyOf(other.certificatePem));
  const listed = (JSON.parse(String(keystoreJson(store, `${SERVICE_USER_HOME}.ks.json`).body).replace(/("serialNumber":)(\d+)/, '$1"$2"')) as { aliases: { chain: { serialNumber: string; notAfter: string }[] }[] }).aliases[0]!.chain[0]!;
  const ours = getCertificateIdentity(new X509Certificate((await exampleKeyMaterial()).certificatePem));
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--keystore'], { ...KEYSTORE_ENV, AEM_KEYSTORE_PASSWORD: STORE_PASSWORD });
  assert.is(run.code, 2);
  assert.is(
    run.stderr,
    `${REFUSED}${ctx.standIn!.url}: alias 'eventproxy' in ${SERVICE_USER_HOME} holds another certificate (serial ${listed.serialNumber}, subject CN=eventproxy, valid until ${listed.notAfter}); ours is serial ${ours.serialNumber}, SHA-256 ${ours.fingerprint256}. Run with --replace-key to replace it\n`,
  );
  assert.is(posts(ctx.standIn), 0);
  assert.equal(ctx.standIn?.repository.size, 0);
});

deployCommand('--keystore on two targets, one without a store: nothing POSTed to either, the message names that one', async (ctx) => {
  await writeExampleProject(ctx.dir);
  const second = await startPackmgrStandIn({ user: USER, password: PASSWORD });
  try {
    Object.assign(ctx.standIn!.keystores.get(SERVICE_USER_HOME)!, { exists: true, password: STORE_PASSWORD });
    const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '-t', second.url, '--keystore', '--json'], KEYSTORE_ENV);
    assert.is(run.code, 2);
    assert.is(run.stderr, `${REFUSED}${second.url}: ${NO_STORE}\n`);
    assert.equal(JSON.parse(run.stdout), { ok: false, error: { code: 'E_DEPLOY_KEYSTORE', message: `${REFUSED.slice('error: '.length)}${second.url}: ${NO_STORE}` } });
    assert.equal([posts(ctx.standIn), posts(second)], [0, 0]);
  } finally {
    await second.close();
  }
});

deployCommand('--keystore with a keystore password that does not open the PKCS#12: exit 2, nothing sent at all', async (ctx) => {
  await writeExampleProject(ctx.dir);
  const run = await deploy(ctx.dir, [ZIP, '-t', ctx.standIn!.url, '--keystore'], { ...KEYSTORE_ENV, IOEVENTS_KEYSTORE_PASSWORD: 'not-the-Password-1', AEM_KEYSTORE_PASSWORD: STORE_PASSWORD });
  assert.is(run.code, 2);
  assert.is(run.stderr, "error: keys/keystore.p12: the keystore password is wrong (the keystore's integrity check failed); keystore.password (or IOEVENTS_KEYSTORE_PASSWORD, which the configuration usually reads it from) must be the password the keystore was exported with\n");
  assert.is(ctx.standIn?.requests.length, 0);
});

deployCommand('--keystore --dry-run names every missing variable at once', async (ctx) => {
  await writeExampleProject(ctx.dir);
  const run = await deploy(ctx.dir, [ZIP, '-t', 'http://localhost:4502', '--keystore', '--dry-run', '--json'], EXAMPLE_ENV);
  assert.is(run.code, 0);
  assert.is(run.stderr, 'warning: the commands need variables that are not set: AEM_USER (or --user), AEM_PASSWORD, AEM_KEYSTORE_PASSWORD (needed if the target has no keystore yet)\n');
  assert.equal((JSON.parse(run.stdout) as { missingVariables: string[] }).missingVariables, ['AEM_USER', 'AEM_PASSWORD', 'AEM_KEYSTORE_PASSWORD']);
  const set = await deploy(ctx.dir, [ZIP, '-t', 'http://localhost:4502', '--keystore', '--dry-run', '--user', 'admin'], { ...EXAMPLE_ENV, AEM_PASSWORD: PASSWORD });
  assert.is(set.stderr, 'warning: the commands need variables that are not set: AEM_KEYSTORE_PASSWORD (needed if the target has no keystore yet)\n');
  assert.is(ctx.standIn?.requests.length, 0);
});

deployCommand('--keystore --dry-run: the keystore commands too, every password a variable', async (ctx) => {
  await writeExampleProject(ctx.dir);
  const run = await deploy(ctx.dir, [ZIP, '-t', 'http://localhost:4502', '--keystore', '--dry-run'], { ...EXAMPLE_ENV, AEM_USER: USER });
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stdout, `--form-string "keyStorePass=$IOEVENTS_KEYSTORE_PASSWORD"`);
  assert.match(run.stdout, `-F 'keyStore=@keys/keystore.p12;type=application/x-pkcs12'`);
});

deployCommand('the bundled bin deploys as a CI step would', async (ctx) => {
  const run = await runBinAsync([ZIP, '-t', ctx.standIn!.url], ctx.dir, ENV);
  runs.push(run);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stdout, `ok      ${ctx.standIn!.url} (`);
});

deployCommand('no credential reaches any output of any run above', () => {
  assert.ok(runs.length > 20);
  for (const run of runs) {
    for (const secret of SECRETS) {
      assert.not.ok(run.stdout.includes(secret), `a secret on stdout: ${run.stdout}`);
      assert.not.ok(run.stderr.includes(secret), `a secret on stderr: ${run.stderr}`);
    }
  }
});

deployCommand.run();

// The real bin in a child process, without blocking this process (the stand-in answers from here).
function runBinAsync(args: readonly string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'deploy', ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}
