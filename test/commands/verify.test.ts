import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInProcess, type CliRun } from '../helpers/cli.ts';
import { ADDON_CLOUD_SERVICE_WARNING, ADDON_SCOPES_WARNING } from '../helpers/setup-warnings.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { startImsStandIn, type ImsStandIn, type StandInFault } from '../ims/ims-stand-in.ts';
import { strangerKey } from '../ims/credentials.ts';
import { CLIENT_SECRET, EXAMPLE_ENV, KEYSTORE_PASSWORD, exampleImsBinding, writeExampleProject } from '../build/example-project.ts';

const NOW = new Date('2026-11-23T12:00:00.000Z');

const binding = exampleImsBinding;

function assertNoSecret(run: CliRun): void {
  for (const secret of [CLIENT_SECRET, KEYSTORE_PASSWORD, 'BEGIN PRIVATE KEY']) {
    assert.not.ok(run.stdout.includes(secret) || run.stderr.includes(secret), `no ${secret} in output`);
  }
  assert.not.ok(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/.test(run.stdout + run.stderr), 'no token in output');
}

const verifyCommand = suite('aem-ioevents verify', { dir: '', ims: undefined as ImsStandIn | undefined });

verifyCommand.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});

verifyCommand.after.each(async (context) => {
  await context.ims?.close();
  context.ims = undefined;
  removeTempDir(context.dir);
});

const verify = (dir: string, args: string[], env: Record<string, string | undefined> = EXAMPLE_ENV) =>
  runInProcess(['verify', ...args], { cwd: dir, env, now: NOW });

verifyCommand('IMS accepts the keystore\'s JWT: exit 0, the token type and expiry, never the token', async (context) => {
  context.ims = await startImsStandIn({ bindings: [await binding()], now: () => NOW });
  const run = await verify(context.dir, ['--ims-url', context.ims.url]);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.ok(run.stdout.includes(`JWT exchange: POST ${context.ims.url}/ims/exchange/jwt → 200 accepted`));
  assert.ok(run.stdout.includes('  token: bearer, expires in 86399 s (2026-11-24T11:59:59.999Z)'));
  assert.is(context.ims.requests.length, 1);
  assert.is(context.ims.requests[0]!.fields.client_id, '0123456789abcdef0123456789abcdef');
  assertNoSecret(run);
});

verifyCommand('a certificate that is not on the credential: exit 1 with the cause', async (context) => {
  context.ims = await startImsStandIn({ bindings: [await binding({ certificates: [strangerKey().certificatePem] })], now: () => NOW });
  const run = await verify(context.dir, ['--ims-url', context.ims.url]);
  assert.is(run.code, 1);
  assert.ok(run.stdout.includes('IMS: invalid_token "Could not match JWT signature to any of the bindings"'));
  assert.match(run.stdout, /cause: .*certificate/);
  assertNoSecret(run);
});

verifyCommand('a wrong client secret: exit 1, and the secret is not shown', async (context) => {
  context.ims = await startImsStandIn({ bindings: [await binding({ clientSecrets: ['p8e-another-secret'] })], now: () => NOW });
  const run = await verify(context.dir, ['--ims-url', context.ims.url, '--json']);
  assert.is(run.code, 1);
  const json = JSON.parse(run.stdout) as { ok: boolean; steps: { imsError: string; diagnosis: { reason: string } }[] };
  assert.is(json.ok, false);
  assert.is(json.steps[0]!.imsError, 'invalid_client');
  assert.is(json.steps[0]!.diagnosis.reason, 'client_secret_wrong');
  assertNoSecret(run);
});

verifyCommand('--flow oauth uses ims.scopes at /ims/token/v3', async (context) => {
  context.ims = await startImsStandIn({ bindings: [await binding()], now: () => NOW });
  const file = join(context.dir, 'aem-ioevents.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('  metascopes: [event_receiver_api, ent_adobeio_sdk]', '  metascopes: [event_receiver_api, ent_adobeio_sdk]\n  scopes: [openid, AdobeID, read_organizations]'));
  const run = await verify(context.dir, ['--ims-url', context.ims.url, '--flow', 'oauth']);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.is(context.ims.requests[0]!.path, '/ims/token/v3');
  assert.is(context.ims.requests[0]!.fields.scope, 'openid,AdobeID,read_organizations');
  assertNoSecret(run);
});

verifyCommand('--flow oauth without scopes is bad input', async ({ dir }) => {
  const run = await verify(dir, ['--flow', 'oauth']);
  assert.is(run.code, 2);
  assert.is(run.stderr, "error: --flow oauth needs the credential's scopes in ims.scopes; none were given.\n");
});

verifyCommand('IMS unreachable: exit 3', async ({ dir }) => {
  const run = await verify(dir, ['--ims-url', 'http://127.0.0.1:9', '--timeout', '2']);
  assert.is(run.code, 3);
  assert.match(run.stderr, /^error: Could not reach IMS at http:\/\/127\.0\.0\.1:9\/ims\/exchange\/jwt/);
});

// README "Exit codes": 1 is a refused credential, 3 a remote that could not answer. IMS failing
// (5xx, or 429 throttling) says nothing about the credential: exit 3, with the report and x-debug-id.
const imsTrouble: ReadonlyArray<readonly [string, StandInFault, number, RegExp]> = [
  ['500 internal_error', { kind: 'internal_error' }, 3, /cause: IMS failed with HTTP 500 internal_error \("Please try again later"\)/],
  ['429 with Retry-After', { kind: 'throttle', retryAfterSeconds: 30 }, 3, /next step: Wait 30 s \(Retry-After\) before the next try/],
  ['a 503 HTML page of a gateway', { kind: 'raw', status: 503, contentType: 'text/html', body: '<html><h1>503 Service Unavailable</h1></html>' }, 3, /cause: IMS answered HTTP 503, which is not a token, nor an IMS error/],
  ['a 403 HTML page (an answer, not a failure)', { kind: 'raw', status: 403, contentType: 'text/html', body: '<html><h1>403 Forbidden</h1></html>' }, 1, /cause: IMS answered HTTP 403, which is not a token\./],
];
for (const [what, fault, code, report] of imsTrouble) {
  verifyCommand(`IMS answers ${what}: exit ${code}, the report on stdout`, async (context) => {
    context.ims = await startImsStandIn({ bindings: [await binding()], now: () => NOW });
    context.ims.injectFault(fault, 2);
    const run = await verify(context.dir, ['--ims-url', context.ims.url]);
    assert.is(run.code, code, run.stdout + run.stderr);
    assert.match(run.stdout, report);
    assert.ok(run.stdout.includes(`  x-debug-id: ${context.ims.requests[0]!.debugId}`));
    assert.is(context.ims.requests.length, 1);
    const json = await verify(context.dir, ['--ims-url', context.ims.url, '--json']);
    assert.is(json.code, code);
    assert.equal((JSON.parse(json.stdout) as { ok: boolean; exitCode: number }), { ...(JSON.parse(json.stdout) as object), ok: false, exitCode: code });
    assertNoSecret(run);
  });
}

// --ims-url overrides ims.url and IOEVENTS_IMS_URL, so it obeys their rule (README, ims.url):
// https, http only on loopback, no path; else the client secret would cross the network in clear.
verifyCommand('--ims-url with plain http to another host is bad input, as ims.url is: exit 2, before any check', async ({ dir }) => {
  const run = await verify(dir, ['--ims-url', 'http://ims.corp.example', '--offline']);
  assert.is(run.code, 2, run.stdout);
  assert.is(run.stdout, '');
  assert.is(run.stderr, "error: --ims-url: expected an https URL (http only for 127.0.0.1 or localhost), got 'http://ims.corp.example'; give the IMS base URL only, like https://ims-na1.adobelogin.com\n");
});

verifyCommand('--ims-url with a password names its host only', async ({ dir }) => {
  const run = await verify(dir, ['--ims-url', 'https://admin:hunter2-pw@ims.example', '--offline']);
  assert.is(run.code, 2);
  assert.is(run.stderr, "error: --ims-url: expected a URL without user name or password, got a URL with a user or password for host 'ims.example'; give the IMS base URL only, like https://ims-na1.adobelogin.com\n");
});

verifyCommand('--ims-url with a path is bad input: nothing is sent to it', async (context) => {
  context.ims = await startImsStandIn({ bindings: [await binding()], now: () => NOW });
  const run = await verify(context.dir, ['--ims-url', `${context.ims.url}/ims/exchange/jwt`]);
  assert.is(run.code, 2, run.stdout);
  assert.match(run.stderr, /^error: --ims-url: expected a URL without path, query or fragment \(the tool adds \/ims\/token\/v3 and \/ims\/exchange\/jwt\)/);
  assert.is(context.ims.requests.length, 0);
});

verifyCommand('--offline with a wrong keystore password: the failed check, exit 1, no network', async ({ dir }) => {
  const run = await verify(dir, ['--offline'], { ...EXAMPLE_ENV, IOEVENTS_KEYSTORE_PASSWORD: 'not-the-password' });
  assert.is(run.code, 1);
  assert.ok(run.stdout.includes('  fail  keys/keystore.p12: the keystore password is wrong'));
  assert.not.ok(run.stdout.includes('not-the-password'));
});

verifyCommand('--offline with good keys: exit 0 and every check listed', async ({ dir }) => {
  const run = await verify(dir, ['--offline', '--json']);
  assert.is(run.code, 0, run.stderr);
  const json = JSON.parse(run.stdout) as { ok: boolean; offline: boolean; steps: unknown[]; checks: { id: string; outcome: string }[] };
  assert.is(json.ok, true);
  assert.equal(json.steps, []);
  assert.equal(json.checks.map((c) => `${c.id} ${c.outcome}`), [
    'keystore pass',
    'certificate-dates pass',
    'ims-url pass',
    'client-id pass',
    'client-secret pass',
    'organization-id pass',
    'technical-account-id pass',
    'metascopes pass',
    'jwt-signature pass',
  ]);
  assertNoSecret(run);
});

verifyCommand('a protected client secret alone needs IOEVENTS_CLIENT_SECRET', async ({ dir }) => {
  const file = join(dir, 'aem-ioevents.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('clientSecret: ${IOEVENTS_CLIENT_SECRET}', "clientSecretProtected: '{00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff}'"));
  const without = await verify(dir, ['--offline'], { ...EXAMPLE_ENV, IOEVENTS_CLIENT_SECRET: undefined });
  assert.is(without.code, 2);
  assert.match(without.stderr, /set IOEVENTS_CLIENT_SECRET/);
  const withSecret = await verify(dir, ['--offline']);
  assert.is(withSecret.code, 0, withSecret.stdout + withSecret.stderr);
});

verifyCommand('a Cloud Manager reference as the client secret needs IOEVENTS_CLIENT_SECRET, and uses it', async (context) => {
  const file = join(context.dir, 'aem-ioevents.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('clientSecret: ${IOEVENTS_CLIENT_SECRET}', "clientSecret: '$[secret:aio_client_secret]'"));
  const without = await verify(context.dir, ['--offline'], { ...EXAMPLE_ENV, IOEVENTS_CLIENT_SECRET: undefined });
  assert.is(without.code, 2);
  assert.is(
    without.stderr,
    'error: verify needs the plain client secret, but cloudService.clientSecret is the Cloud Manager reference $[secret:aio_client_secret] (AEM as a Cloud Service fills it in at run time); set IOEVENTS_CLIENT_SECRET\n',
  );
  context.ims = await startImsStandIn({ bindings: [await binding()], now: () => NOW });
  const run = await verify(context.dir, ['--ims-url', context.ims.url]);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.is(context.ims.requests[0]!.fields.client_secret, CLIENT_SECRET);
  assertNoSecret(run);
});

verifyCommand.run();

// ---

const addOnSuite = suite('verify and the Adobe I/O Events add-on (issue 12, point 8)', { dir: '' });

addOnSuite.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});
addOnSuite.after.each((context) => removeTempDir(context.dir));

addOnSuite('a workspace section: the Cloud Service deprecation, and for osgi.flow oauth the add-on 2.0.0 notice, on stderr and in the JSON', async ({ dir }) => {
  const oauth = await verify(dir, ['--offline', '--env', 'oauth', '--json']);
  assert.is(oauth.code, 0, oauth.stdout + oauth.stderr);
  assert.equal(JSON.parse(oauth.stdout).warnings, [ADDON_SCOPES_WARNING, ADDON_CLOUD_SERVICE_WARNING]);
  assert.is(oauth.stderr, `warning: ${ADDON_SCOPES_WARNING}\nwarning: ${ADDON_CLOUD_SERVICE_WARNING}\n`);
  const jwt = await verify(dir, ['--offline', '--json']);
  assert.is(jwt.code, 0, jwt.stdout + jwt.stderr);
  assert.equal(JSON.parse(jwt.stdout).warnings, [ADDON_CLOUD_SERVICE_WARNING]);
});

addOnSuite('no workspace section (the eventproxy connector): no add-on notice', async ({ dir }) => {
  const config = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace(/workspace:.*\n(?: {2}.*\n)+/, '');
  writeFileSync(join(dir, 'aem-ioevents.yaml'), config);
  const run = await verify(dir, ['--offline', '--env', 'oauth', '--json']);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.equal(JSON.parse(run.stdout).warnings, []);
  assert.is(run.stderr, '');
});

addOnSuite.run();
