import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runInProcess, type CliRun } from '../helpers/cli.ts';
import { fakeClock, type FakeClock } from '../helpers/fake-clock.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { closedPort } from '../ims/loopback-proxy.ts';
import { CLIENT_SECRET } from '../build/example-project.ts';
import { BASIC, PASSWORD, USER } from '../deploy/connection.ts';
import { startPackmgrStandIn, type PackmgrStandIn } from '../deploy/packmgr-stand-in.ts';
import { ADDON_PATHS } from '../deploy/aem-stand-in-checks.ts';

const ENV = { AEM_USER: USER, AEM_PASSWORD: PASSWORD, IOEVENTS_CLIENT_SECRET: CLIENT_SECRET };
const JWT_MESSAGE = 'IMS exchange failed: 400 invalid_signature: Could not match JWT signature to any of the bindings';
const JWT_CAUSE =
  "the keystore's certificate is not the one on the credential: upload the certificate of the key in the service user's keystore to the Developer Console credential, or install the credential's key with aem-ioevents deploy --keystore --replace-key";
const NOTHING_INSTALLED =
  '404 on every check path: the eventproxy connector or the Adobe I/O Events add-on is not installed on this instance (or the health-check servlet is disabled: see the Web Console, /system/console/healthcheck)';

// Every run's output is searched for every secret.
const runs: CliRun[] = [];

async function check(ctx: Context, args: string[], options: { env?: Record<string, string | undefined>; clock?: FakeClock } = {}): Promise<CliRun> {
  const clock = options.clock ?? fakeClock();
  const run = await runInProcess(['check', ...args], { cwd: ctx.dir, env: options.env ?? ENV, now: clock.now, timers: clock });
  runs.push(run);
  return run;
}

interface Context {
  dir: string;
  aem?: PackmgrStandIn;
}

const checkCommand = suite<Context>('aem-ioevents check', { dir: '' });

checkCommand.before.each(async (ctx) => {
  ctx.dir = makeTempDir();
  ctx.aem = await startPackmgrStandIn({ user: USER, password: PASSWORD });
});
checkCommand.after.each(async (ctx) => {
  await ctx.aem?.close();
  removeTempDir(ctx.dir);
});

checkCommand('the connector installed and working: exit 0, each check listed, one request to the health servlet without waiting', async (ctx) => {
  ctx.aem!.checks.installConnector();
  const run = await check(ctx, ['--target', ctx.aem!.url]);
  assert.is(run.code, 0, run.stderr);
  assert.is(
    run.stdout,
    [
      'check: template cloudservice-6.3',
      `ok      ${ctx.aem!.url} (0.0 s)`,
      '          OK          conf-events',
      '                      OK ok',
      '          OK          ims-events',
      '                      OK ok',
      '          OK          csm-events',
      '                      OK ok',
      '',
    ].join('\n'),
  );
  assert.is(run.stderr, '');
  assert.equal(
    ctx.aem!.requests.map((r) => [r.method, r.path, r.query]),
    [['GET', '/system/health.json', { tags: 'conf-events,ims-events,csm-events', forceInstantExecution: 'true' }]],
  );
});

checkCommand('ims-events CRITICAL with the JWT signature message: exit 1, the message and its cause; the others stay OK', async (ctx) => {
  ctx.aem!.checks.installConnector();
  ctx.aem!.checks.health.set('ims-events', { status: 'CRITICAL', message: JWT_MESSAGE, exception: 'com.adobe.granite.auth.oauth.AccessTokenProviderException: invalid_signature' });
  const run = await check(ctx, ['-t', ctx.aem!.url, '--wait', '0']);
  assert.is(run.code, 1, run.stderr);
  assert.is(
    run.stdout,
    [
      'check: template cloudservice-6.3',
      `FAILED  ${ctx.aem!.url} (0.0 s)`,
      '          OK          conf-events',
      '                      OK ok',
      '          CRITICAL    ims-events',
      `                      CRITICAL ${JWT_MESSAGE} (com.adobe.granite.auth.oauth.AccessTokenProviderException: invalid_signature)`,
      `                      cause: ${JWT_CAUSE}`,
      '          OK          csm-events',
      '                      OK ok',
      '',
    ].join('\n'),
  );
});

// Each known message, as the connector passes IMS's answer on, and the cause check gives.
const KNOWN: readonly [string, string][] = [
  [JWT_MESSAGE, JWT_CAUSE],
  ['Could not load keystore of user eventproxy-service: keystore not found', 'the service user has no keystore, or no key under the alias: install it with aem-ioevents deploy --keystore (AEM_KEYSTORE_PASSWORD creates a missing store)'],
  ['IMS exchange failed: 401 invalid_client: invalid client_secret parameter', 'IMS refused the API key or the client secret: compare them with the Developer Console credential (aem-ioevents verify)'],
  ['IMS exchange failed: 400 invalid_scope', 'IMS refused the scopes: add the I/O Events and I/O Management APIs to the Developer Console workspace (aem-ioevents verify)'],
  ['token request failed: unsupported_grant_type', 'this AEM does not know the OAuth Server-to-Server grant: it needs AEM 6.5 SP20 (SP11 to SP19 with a Granite hotfix)'],
  ['something else broke', "the token exchange with IMS fails: the keystore must match the credential's certificate, and the API key, technical account, organization and client secret the Developer Console's (aem-ioevents verify)"],
];
checkCommand('each known ims-events message gets its cause (--json)', async (ctx) => {
  ctx.aem!.checks.installConnector();
  for (const [message, cause] of KNOWN) {
    ctx.aem!.checks.health.set('ims-events', { status: 'CRITICAL', message });
    const run = await check(ctx, ['-t', ctx.aem!.url, '--wait', '0', '--json']);
    assert.is(run.code, 1, message);
    const ims = JSON.parse(run.stdout).targets[0].checks[1];
    assert.equal([ims.name, ims.status, ims.messages, ims.cause], ['ims-events', 'CRITICAL', [{ status: 'CRITICAL', message }], cause]);
  }
});

// Apache Felix Health Checks (AEM 6.5) answer a failing overall result with 503 or 500 and the same
// JSON (httpStatusMapping's default); the older Sling servlet with 200. Either way the JSON is AEM's verdict.
const FAILING_ANSWERS: readonly [status: 'CRITICAL' | 'HEALTH_CHECK_ERROR' | 'TEMPORARILY_UNAVAILABLE', mapping: 'felix' | 'always-200', http: number, exit: number][] = [
  ['CRITICAL', 'felix', 503, 1],
  ['CRITICAL', 'always-200', 200, 1],
  ['HEALTH_CHECK_ERROR', 'felix', 500, 1],
  ['TEMPORARILY_UNAVAILABLE', 'felix', 503, 3],
];
checkCommand("a failing health result answered with 503 or 500 and its JSON: read as AEM's verdict (its status, message, cause), not as 'not ready'", async (ctx) => {
  ctx.aem!.checks.installConnector();
  for (const [status, mapping, http, exit] of FAILING_ANSWERS) {
    ctx.aem!.checks.httpStatusMapping = mapping;
    ctx.aem!.checks.health.set('ims-events', { status, message: JWT_MESSAGE });
    assert.is((await fetch(`${ctx.aem!.url}/system/health.json?tags=ims-events`)).status, http, status);
    const run = await check(ctx, ['-t', ctx.aem!.url, '--wait', '0', '--json']);
    assert.is(run.code, exit, status);
    const ims = JSON.parse(run.stdout).targets[0].checks[1];
    assert.equal(ims, { name: 'ims-events', kind: 'health', status, ok: false, checks: ['Adobe I/O Events IMS Token Exchange'], messages: [{ status, message: JWT_MESSAGE }], cause: JWT_CAUSE, attempts: 1 }, status);
  }
});

checkCommand('--json: one object with ok, and per target each check with its name, status and messages', async (ctx) => {
  ctx.aem!.checks.installConnector();
  const run = await check(ctx, ['-t', ctx.aem!.url, '--json']);
  assert.is(run.code, 0);
  const ok = (name: string, check: string) => ({ name, kind: 'health', status: 'OK', ok: true, checks: [check], messages: [{ status: 'OK', message: 'ok' }], cause: null, attempts: 1 });
  assert.equal(JSON.parse(run.stdout), {
    ok: true,
    exitCode: 0,
    template: 'cloudservice-6.3',
    strict: false,
    targets: [
      {
        url: ctx.aem!.url,
        ok: true,
        exitCode: 0,
        checks: [ok('conf-events', 'Adobe I/O Events Configurations'), ok('ims-events', 'Adobe I/O Events IMS Token Exchange'), ok('csm-events', 'Adobe I/O Events Provider Registration')],
        durationMs: 0,
      },
    ],
    warnings: [],
  });
});

checkCommand('checks that fail for their first 10 s: asked again with back-off (1, 2, 4, 8 s) and OK at 15 s, exit 0', async (ctx) => {
  const clock = fakeClock();
  ctx.aem!.checks.installConnector();
  ctx.aem!.checks.failUntil(10_000, clock.now, 'not yet');
  const run = await check(ctx, ['-t', ctx.aem!.url], { clock });
  assert.is(run.code, 0, run.stdout);
  assert.match(run.stdout, `ok      ${ctx.aem!.url} (15.0 s)\n          OK          conf-events (5 attempts)\n`);
  assert.is(ctx.aem!.requests.length, 5);
  const note = (s: number) => `waiting ${ctx.aem!.url}: conf-events CRITICAL, ims-events CRITICAL, csm-events CRITICAL; asking again in ${s} s\n`;
  assert.is(run.stderr, [1, 2, 4, 8].map(note).join(''));
});

checkCommand('--wait ends the retries: the last answer is reported at the deadline, exit 1', async (ctx) => {
  const clock = fakeClock();
  ctx.aem!.checks.installConnector();
  ctx.aem!.checks.failUntil(10_000, clock.now, 'not yet');
  const run = await check(ctx, ['-t', ctx.aem!.url, '--wait', '5'], { clock });
  assert.is(run.code, 1);
  // Asked at 0, 1, 3 and, the last wait cut to the deadline, 5 s.
  assert.match(run.stdout, `FAILED  ${ctx.aem!.url} (5.0 s)\n          CRITICAL    conf-events (4 attempts)\n                      CRITICAL not yet\n`);
  assert.is(ctx.aem!.requests.length, 4);
});

checkCommand('nothing installed: 404 on every path, asked until --wait (120 s by default), then exit 1 saying so', async (ctx) => {
  const clock = fakeClock();
  ctx.aem!.checks.servlet = 'absent';
  const run = await check(ctx, ['-t', ctx.aem!.url, '--json'], { clock });
  assert.is(run.code, 1);
  const target = JSON.parse(run.stdout).targets[0];
  assert.is(target.durationMs, 120_000);
  // 0, 1, 3, 7, 15, 31, 61, 91 and 120 s.
  assert.equal(
    target.checks.map((c: { name: string; status: string; attempts: number; cause: string }) => [c.name, c.status, c.attempts, c.cause]),
    ['conf-events', 'ims-events', 'csm-events'].map((name) => [name, 'missing', 9, NOTHING_INSTALLED]),
  );
});

checkCommand('the health-check servlet disabled (404): the Web Console page, with OR and the admin login; its HTML read back to the same verdicts', async (ctx) => {
  ctx.aem!.checks.servlet = 'absent';
  ctx.aem!.checks.console = 'present';
  ctx.aem!.checks.installConnector();
  ctx.aem!.checks.health.set('ims-events', { status: 'CRITICAL', message: `${JWT_MESSAGE} <client 'a' & "b">`, exception: 'java.io.IOException: boom' });
  const run = await check(ctx, ['-t', ctx.aem!.url, '--wait', '0', '--json']);
  assert.is(run.code, 1, run.stdout);
  assert.equal(
    ctx.aem!.requests.map((r) => [r.path, r.query, r.authorization === `Basic ${BASIC}`]),
    [
      ['/system/health.json', { tags: 'conf-events,ims-events,csm-events', forceInstantExecution: 'true' }, true],
      ['/system/console/healthcheck', { tags: 'conf-events,ims-events,csm-events', combineTagsWithOr: 'true', forceInstantExecution: 'true', overrideGlobalTimeout: '40000' }, true],
    ],
  );
  const checks = JSON.parse(run.stdout).targets[0].checks;
  assert.equal(
    checks.map((c: { name: string; status: string; checks: string[]; messages: unknown[]; cause: string | null }) => [c.name, c.status, c.checks, c.messages, c.cause]),
    [
      ['conf-events', 'OK', ['Adobe I/O Events Configurations'], [{ status: 'OK', message: 'ok' }], null],
      ['ims-events', 'CRITICAL', ['Adobe I/O Events IMS Token Exchange'], [{ status: 'CRITICAL', message: `${JWT_MESSAGE} <client 'a' & "b"> java.io.IOException: boom` }], JWT_CAUSE],
      ['csm-events', 'OK', ['Adobe I/O Events Provider Registration'], [{ status: 'OK', message: 'ok' }], null],
    ],
  );
  const refused = await check(ctx, ['-t', ctx.aem!.url, '--wait', '0'], { env: { ...ENV, AEM_USER: 'author' } });
  assert.is(refused.code, 1);
  assert.match(refused.stdout, `          unauthorized conf-events
                      error ${ctx.aem!.url}/system/console/healthcheck?tags=conf-events,ims-events,csm-events&combineTagsWithOr=true&forceInstantExecution=true&overrideGlobalTimeout=40000 answered HTTP 401
                      cause: AEM refused the credentials: check AEM_USER and AEM_PASSWORD
`);
});

checkCommand('the servlet answers but no check carries the tags: the connector is not installed, exit 1', async (ctx) => {
  const run = await check(ctx, ['-t', ctx.aem!.url, '--wait', '0', '--json']);
  assert.is(run.code, 1);
  const checks = JSON.parse(run.stdout).targets[0].checks;
  assert.equal(checks[0], { name: 'conf-events', kind: 'health', status: 'missing', ok: false, checks: [], messages: [], cause: 'no health check carries this tag: the eventproxy connector is not installed, or too old for this check', attempts: 1 });
});

checkCommand('WARN passes; with --strict it fails (exit 1)', async (ctx) => {
  ctx.aem!.checks.installConnector();
  ctx.aem!.checks.health.set('csm-events', { status: 'WARN', message: 'provider registered, no event metadata yet' });
  assert.is((await check(ctx, ['-t', ctx.aem!.url])).code, 0);
  const strict = await check(ctx, ['-t', ctx.aem!.url, '--strict', '--wait', '0']);
  assert.is(strict.code, 1);
  assert.match(strict.stdout, 'check: template cloudservice-6.3, --strict\n');
  assert.match(strict.stdout, '          WARN        csm-events\n                      WARN provider registered, no event metadata yet\n                      cause: the provider is not registered');
});

checkCommand('the add-on: its status servlets with AEM credentials; publish_ping only with --ping; details (with the client secret) never shown', async (ctx) => {
  ctx.aem!.checks.installAddon();
  const run = await check(ctx, ['-t', ctx.aem!.url, '--template', 'aio-aem-events']);
  assert.is(run.code, 0, run.stdout);
  assert.is(
    run.stdout,
    ['check: template aio-aem-events', `ok      ${ctx.aem!.url} (0.0 s)`, ...ADDON_PATHS.slice(0, 4).map((p) => `          up          ${p}`), ''].join('\n'),
  );
  assert.ok(ctx.aem!.requests.every((r) => r.authorization === `Basic ${BASIC}`));
  assert.equal(ctx.aem!.requests.map((r) => r.path).sort(), ADDON_PATHS.slice(0, 4).toSorted());
  const ping = await check(ctx, ['-t', ctx.aem!.url, '--template', 'aio-aem-events', '--ping', '--json']);
  assert.is(ping.code, 0);
  assert.equal(JSON.parse(ping.stdout).targets[0].checks[4], { name: '/bin/aio/events/publish_ping.json', kind: 'status', status: 'up', ok: true, checks: ['version 1.0.8'], messages: [], cause: null, attempts: 1 });
  assert.not.match(run.stdout + ping.stdout, ctx.aem!.checks.clientSecret);
});

checkCommand('the add-on down: its error and the cause, exit 1; its absence (404) says the add-on is not installed', async (ctx) => {
  ctx.aem!.checks.installAddon();
  ctx.aem!.checks.addon.set('/bin/aio/workspace.json', { status: 'down', error: 'IllegalArgumentException: Workspace is missing aio.project.id' });
  ctx.aem!.checks.addon.delete('/bin/aio/events/provider.json');
  const run = await check(ctx, ['-t', ctx.aem!.url, '--template', 'aio-aem-events', '--wait', '0']);
  assert.is(run.code, 1);
  assert.match(
    run.stdout,
    [
      '          down        /bin/aio/workspace.json',
      '                      error IllegalArgumentException: Workspace is missing aio.project.id',
      "                      cause: the add-on's Workspace Configuration is incomplete or wrong: aem-ioevents verify, then build and deploy it again",
      '          up          /bin/aio/events/provider_config.json',
      '          missing     /bin/aio/events/provider.json',
      `                      error ${ctx.aem!.url}/bin/aio/events/provider.json answered HTTP 404`,
      '                      cause: the servlet is not there (404): the Adobe I/O Events add-on is not installed',
    ].join('\n'),
  );
  assert.not.match(run.stdout, ctx.aem!.checks.clientSecret);
});

checkCommand('wrong AEM password: 401 on the add-on servlets, not asked again, exit 1', async (ctx) => {
  ctx.aem!.checks.installAddon();
  const run = await check(ctx, ['-t', ctx.aem!.url, '--template', 'aio-aem-events'], { env: { ...ENV, AEM_PASSWORD: 'wrong-Password-99' } });
  assert.is(run.code, 1);
  assert.is(ctx.aem!.requests.length, 4);
  assert.match(run.stdout, `          unauthorized /bin/aio/workspace.json\n                      error ${ctx.aem!.url}/bin/aio/workspace.json answered HTTP 401\n                      cause: AEM refused the credentials: check AEM_USER and AEM_PASSWORD\n`);
});

checkCommand("AEM's login redirect (302 to login.html): named as deploy names it, with the URL to give instead, not asked again, exit 1", async (ctx) => {
  let requests = 0;
  const login = createServer((request, response) => (requests += 1) && response.writeHead(302, { location: `/libs/granite/core/content/login.html?resource=${encodeURIComponent(request.url ?? '')}` }).end());
  await new Promise<void>((resolve) => login.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(login.address() as AddressInfo).port}`;
    // Asking again cannot change a redirect: one round, not --wait's 120 s of them.
    const run = await check(ctx, ['-t', url]);
    assert.is(run.code, 1);
    assert.is(requests, 1);
    const asked = `${url}/system/health.json?tags=conf-events,ims-events,csm-events&forceInstantExecution=true`;
    assert.ok(
      run.stdout.includes(`          unexpected  conf-events\n                      error ${asked} answered 302, a redirect to /libs/granite/core/content/login.html?resource=${encodeURIComponent(asked.slice(url.length))}; give the URL AEM answers on directly (aem-ioevents logs in with basic auth, not a login page)\n`),
      run.stdout,
    );
  } finally {
    login.close();
  }
});

// A 200 that is not the servlet's answer (a login page or a site page served by a proxy, a JSON of
// another shape) stays so: one round, not --wait's 120 s of them.
const NOT_THE_SERVLET: readonly [contentType: string, body: string][] = [
  ['text/html;charset=utf-8', '<!DOCTYPE html><html><head><title>AEM Sign In</title></head><body><form action="/libs/granite/core/content/login.html/j_security_check"></form></body></html>'],
  ['application/json', '{"status":"UP"}'],
];
checkCommand("a 200 that is not the servlet's answer (a login page, another JSON): named with its type, not asked again, exit 1", async (ctx) => {
  for (const [contentType, body] of NOT_THE_SERVLET) {
    let requests = 0;
    const page = createServer((_request, response) => (requests += 1) && response.writeHead(200, { 'content-type': contentType }).end(body));
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
      const run = await check(ctx, ['-t', url, '--json']);
      assert.is(run.code, 1, contentType);
      assert.is(requests, 1, contentType);
      const asked = `${url}/system/health.json?tags=conf-events,ims-events,csm-events&forceInstantExecution=true`;
      assert.equal(JSON.parse(run.stdout).targets[0].checks[0], {
        name: 'conf-events',
        kind: 'health',
        status: 'unexpected',
        ok: false,
        checks: [],
        messages: [{ status: 'error', message: `${asked} did not answer in its servlet's format (HTTP 200, ${contentType})` }],
        cause: 'AEM answered in no format this check knows: is the URL the instance itself, not a login page or a proxy?',
        attempts: 1,
      });
    } finally {
      page.close();
    }
  }
});

checkCommand('an answer past the 4 MiB cap: unexpected, not asked again, exit 1', async (ctx) => {
  let requests = 0;
  const big = createServer((_request, response) => (requests += 1) && response.writeHead(200, { 'content-type': 'application/json' }).end(`{"overallResult":"OK","results":[${'{}'.padEnd(5 * 1024 * 1024, ' ')}]}`));
  await new Promise<void>((resolve) => big.listen(0, '127.0.0.1', resolve));
  try {
    const run = await check(ctx, ['-t', `http://127.0.0.1:${(big.address() as AddressInfo).port}`, '--json']);
    assert.is(run.code, 1);
    assert.is(requests, 1);
    const conf = JSON.parse(run.stdout).targets[0].checks[0];
    assert.equal([conf.status, conf.attempts], ['unexpected', 1]);
  } finally {
    big.close();
  }
});

checkCommand('https:// to a plain-HTTP port: named, not asked again (it cannot change), exit 3', async (ctx) => {
  const url = ctx.aem!.url.replace('http://', 'https://');
  const run = await check(ctx, ['-t', url, '--json']);
  assert.is(run.code, 3);
  const checks = JSON.parse(run.stdout).targets[0].checks;
  assert.equal(checks.map((c: { status: string; attempts: number }) => [c.status, c.attempts]), [['unreachable', 1], ['unreachable', 1], ['unreachable', 1]]);
  assert.match(checks[0].messages[0].message, 'the server answered without TLS (OpenSSL: wrong version number)');
});

checkCommand('a target that refuses connections: asked until --wait, then exit 3', async (ctx) => {
  const port = await closedPort();
  const run = await check(ctx, ['-t', `http://127.0.0.1:${port}`, '--wait', '3', '--json']);
  assert.is(run.code, 3);
  const checks = JSON.parse(run.stdout).targets[0].checks;
  assert.equal(checks.map((c: { status: string; attempts: number }) => [c.status, c.attempts]), [['unreachable', 3], ['unreachable', 3], ['unreachable', 3]]);
});

checkCommand('two targets at once: one OK, one CRITICAL (exit 1); CRITICAL outranks unreachable (1 before 3)', async (ctx) => {
  const other = await startPackmgrStandIn({ user: USER, password: PASSWORD });
  try {
    ctx.aem!.checks.installConnector();
    other.checks.installConnector();
    other.checks.health.set('conf-events', { status: 'CRITICAL', message: 'no configuration found' });
    const run = await check(ctx, ['-t', ctx.aem!.url, '-t', other.url, '--wait', '0']);
    assert.is(run.code, 1);
    assert.match(run.stdout, `ok      ${ctx.aem!.url} (0.0 s)\n`);
    assert.match(run.stdout, `FAILED  ${other.url} (0.0 s)\n          CRITICAL    conf-events\n                      CRITICAL no configuration found\n`);
    const port = await closedPort();
    const mixed = await check(ctx, ['-t', `http://127.0.0.1:${port}`, '-t', other.url, '--wait', '0', '--json']);
    assert.is(mixed.code, 1);
    assert.equal(JSON.parse(mixed.stdout).targets.map((t: { exitCode: number }) => t.exitCode), [3, 1]);
  } finally {
    await other.close();
  }
});

checkCommand('bad input is exit 2 and sends nothing: no credentials, a bad --wait, a template without checks, a URL with a password', async (ctx) => {
  const own = join(ctx.dir, 'mytpl');
  mkdirSync(own);
  writeFileSync(join(own, 'template.yaml'), 'name: mytpl\ntitle: no checks\nfilters: []\nnodes: []\n');
  const cases: [string[], Record<string, string>, string][] = [
    [['-t', ctx.aem!.url], { AEM_USER: USER }, 'error: The AEM password is not set: set AEM_PASSWORD (there is no flag, so it never shows in process lists)\n'],
    [['-t', ctx.aem!.url, '--wait', '-1'], ENV, "error: Expected --wait to be a number of seconds from 0 to 3600, got -1 (number)\n"],
    [['-t', ctx.aem!.url, '--template', './mytpl'], ENV, 'error: template mytpl names no checks: add a checks: section to its template.yaml (a Sling health-check tag, or an add-on status servlet path; see the built-in templates)\n'],
    [['-t', `http://admin:${PASSWORD}@127.0.0.1:4502`], ENV, "error: --target for host '127.0.0.1:4502' has a user or password in it; give the URL without them and set AEM_USER and AEM_PASSWORD (credentials in URLs end up in logs and process lists)\n"],
  ];
  for (const [args, env, stderr] of cases) {
    const run = await check(ctx, args, { env });
    assert.is(run.code, 2, args.join(' '));
    assert.is(run.stderr, stderr);
    assert.is(run.stdout, '');
  }
  assert.is(ctx.aem!.requests.length, 0);
});

checkCommand('a secret that AEM quotes in a message is blanked out', async (ctx) => {
  ctx.aem!.checks.installConnector();
  ctx.aem!.checks.health.set('ims-events', { status: 'CRITICAL', message: `invalid_client: client_secret ${CLIENT_SECRET} rejected; auth ${BASIC}` });
  const run = await check(ctx, ['-t', ctx.aem!.url, '--wait', '0']);
  assert.is(run.code, 1);
  assert.match(run.stdout, 'CRITICAL invalid_client: client_secret ');
});

checkCommand('no secret in any output of these runs', () => {
  assert.ok(runs.length > 10);
  for (const run of runs) {
    for (const secret of [PASSWORD, BASIC, `${USER}:${PASSWORD}`, CLIENT_SECRET, 'addon-details-Secret-not-for-output-42']) {
      assert.not.ok(run.stdout.includes(secret) || run.stderr.includes(secret), `a secret in: ${run.stdout}${run.stderr}`);
    }
  }
});

checkCommand.run();
