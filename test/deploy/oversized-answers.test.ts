// Answers too large to read from Package Manager and the keystore API (issue 11), through the
// fetch deploy really uses (undici, stream bodies through request()), at the real 4 MiB cap.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { installPackage, type InstallPackageOptions } from '../../src/deploy/install-package.ts';
import { getCertificateIdentity, installServiceUserKey } from '../../src/deploy/keystore-install.ts';
import { readPkcs12Keystore } from '../../src/crypto/keystore.ts';
import type { HttpFetch } from '../../src/http/http-fetch.ts';
import { createStreamingFetch } from '../../src/http/streaming-fetch.ts';
import { exampleKeystore, KEYSTORE_PASSWORD } from '../build/example-project.ts';
import { MAX_SENT_BYTES, type OversizedKind } from '../helpers/oversized-answer.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { connection, installOptions, PASSWORD, recordingSleep, USER } from './connection.ts';
import { SERVICE_USER_HOME, startPackmgrStandIn, type PackmgrStandIn, type RequestKind } from './packmgr-stand-in.ts';
import { writeExamplePackage } from './packages.ts';

interface Context {
  dir: string;
  file: string;
  standIn?: PackmgrStandIn;
  http?: HttpFetch;
}

const test = suite<Context>('deploy: answers over the 4 MiB cap', { dir: '', file: '' });
test.before.each(async (ctx) => {
  ctx.dir = makeTempDir();
  ctx.file = await writeExamplePackage(ctx.dir);
  ctx.standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
  ctx.http = await createStreamingFetch({});
});
test.after.each(async (ctx) => {
  await ctx.http?.close();
  await ctx.standIn?.close();
  removeTempDir(ctx.dir);
});

// Deadlines far beyond what the tests take: an answer must be cut at the cap, not by them.
function options(ctx: Context, overrides: Partial<InstallPackageOptions> = {}): InstallPackageOptions {
  return installOptions(ctx.standIn!.url, ctx.file, { connection: connection(PASSWORD, ctx.http!.fetch as typeof fetch), timeoutMs: 60_000, probeTimeoutMs: 60_000, ...overrides });
}

// Stopped by the client at the cap: the connection dropped long before the stand-in gives up.
async function assertCutShort(standIn: PackmgrStandIn): Promise<void> {
  const sent = await standIn.oversized[0];
  assert.ok(sent?.dropped, 'the client dropped the connection');
  assert.ok((sent?.bytes ?? MAX_SENT_BYTES) < MAX_SENT_BYTES, `the stand-in gave up after ${sent?.bytes} bytes`);
}

const CHECK = '; it may still be running on AEM: look at Package Manager before you deploy again (aem-ioevents never sends an install twice)';
const ENDLESS = 'went past 4 MiB; aem-ioevents stopped reading it there';
const DECLARED = 'declared 2147483648 bytes (content-length), more than 4 MiB; aem-ioevents did not read it';

const installCases: ReadonlyArray<readonly [string, 'jsp' | 'json', RequestKind, OversizedKind, string, string]> = [
  ['service.jsp, an endless install log', 'jsp', 'service.jsp', 'endless', '/crx/packmgr/service.jsp', `${ENDLESS}: the verdict was not read, so the install cannot be called a success${CHECK}`],
  ['service.jsp, a declared 2 GB', 'jsp', 'service.jsp', 'declared', '/crx/packmgr/service.jsp', `${DECLARED}: the verdict was not read, so the install cannot be called a success${CHECK}`],
  ['the JSON upload, endless', 'json', 'json-upload', 'endless', '/crx/packmgr/service/.json/?cmd=upload', `${ENDLESS}: the verdict was not read, so the upload cannot be called a success; nothing was installed`],
  ['the JSON install, a declared 2 GB', 'json', 'json-install', 'declared', '/crx/packmgr/service/.json/etc/packages/aem-ioevents/eventproxy-config-1.0.0.zip?cmd=install', `${DECLARED}: the verdict was not read, so the install cannot be called a success${CHECK}`],
];
for (const [title, api, kind, size, path, tail] of installCases) {
  test(`${title}: answer-too-large (exit 3), sent once, cut at the cap`, async (ctx) => {
    ctx.standIn!.oversize(kind, size);
    const { sleep, waits } = recordingSleep();
    const install = await installPackage(options(ctx, { api, sleep }));
    assert.is(install.verdict.outcome, 'answer-too-large');
    assert.is(install.verdict.message, `the answer from ${ctx.standIn!.url}${path} (HTTP 200) ${tail}`);
    assert.is(ctx.standIn!.installs(), api === 'json' && kind === 'json-upload' ? 0 : 1);
    assert.equal(waits, []);
    await assertCutShort(ctx.standIn!);
  });
}

test('the readiness probe answering 2 GB: answer-too-large, nothing sent', async (ctx) => {
  ctx.standIn!.oversize('probe', 'declared');
  const install = await installPackage(options(ctx));
  assert.is(install.verdict.outcome, 'answer-too-large');
  assert.is(install.verdict.message, `the readiness probe failed: the answer from ${ctx.standIn!.url}/crx/packmgr/service/script.html (HTTP 405) ${DECLARED}; nothing was sent`);
  assert.equal(ctx.standIn!.requests.map((r) => r.kind), ['probe']);
});

test('an install answer exactly at a pinned cap is judged as usual; one byte less and it is cut', async (ctx) => {
  const first = await installPackage(options(ctx));
  assert.is(first.verdict.outcome, 'installed');
  const bytes = ctx.standIn!.requests.find((r) => r.kind === 'service.jsp')?.answerBytes ?? 0;
  // Installed again, the log says U where it said A: the same length.
  const pinned = (maxAnswerBytes: number) => options(ctx, { connection: { ...connection(PASSWORD, ctx.http!.fetch as typeof fetch), maxAnswerBytes } });
  const atCap = await installPackage(pinned(bytes));
  assert.is(atCap.verdict.outcome, 'installed');
  assert.equal(atCap.verdict.counts, { added: 0, updated: 4, deleted: 0, replaced: 0, unchanged: 0, missing: 0, errors: 0 });
  assert.is(ctx.standIn!.requests.filter((r) => r.kind === 'service.jsp')[1]?.answerBytes, bytes);
  const overCap = await installPackage(pinned(bytes - 1));
  assert.is(overCap.verdict.outcome, 'answer-too-large');
  assert.is(overCap.verdict.message, `the answer from ${ctx.standIn!.url}/crx/packmgr/service.jsp (HTTP 200) went past ${bytes - 1} bytes; aem-ioevents stopped reading it there: the verdict was not read, so the install cannot be called a success${CHECK}`);
});

const keystoreCases: ReadonlyArray<readonly [string, RequestKind, OversizedKind, string]> = [
  ['reading .ks.json, endless', 'ks.json', 'endless', `reading the keystore state: the answer from {url}${SERVICE_USER_HOME}.ks.json (HTTP 200) ${ENDLESS}`],
  ['posting to .ks.html, a declared 2 GB', 'ks.html', 'declared', `creating the keystore: the answer from {url}${SERVICE_USER_HOME}.ks.html (HTTP 200) ${DECLARED}; look at the user's keystore in AEM before you deploy again`],
];
for (const [title, kind, size, message] of keystoreCases) {
  test(`the keystore API, ${title}: answer-too-large (exit 3), cut at the cap`, async (ctx) => {
    ctx.standIn!.oversize(kind, size);
    const bytes = await exampleKeystore();
    const certificate = getCertificateIdentity(readPkcs12Keystore({ bytes, password: KEYSTORE_PASSWORD, alias: 'eventproxy' }).certificate);
    const key = { home: SERVICE_USER_HOME, alias: 'eventproxy', keystore: bytes, keystoreFilename: 'keystore.p12', password: KEYSTORE_PASSWORD, certificate };
    const result = await installServiceUserKey({ target: { url: ctx.standIn!.url }, connection: connection(PASSWORD, ctx.http!.fetch as typeof fetch), key, storePassword: 'aem-Store-pass-1', replace: false, timeoutMs: 60_000 });
    assert.equal({ outcome: result.outcome, exitCode: result.exitCode, message: result.message }, { outcome: 'answer-too-large', exitCode: 3, message: message.replace('{url}', ctx.standIn!.url) });
    await assertCutShort(ctx.standIn!);
  });
}

test.run();
