import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { installPackage, type InstallPackageOptions, type PackmgrApi } from '../../src/deploy/install-package.ts';
import { UPLOAD_CHUNK_BYTES, type OpenFile } from '../../src/deploy/multipart.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { connection, installOptions, PASSWORD, recordingSleep, USER } from './connection.ts';
import { startPackmgrStandIn, type PackmgrFault, type PackmgrStandIn } from './packmgr-stand-in.ts';
import { writeExamplePackage, writeLargePackage, writeNotContentPackage } from './packages.ts';

const EXAMPLE_PATHS = [
  '/etc/cloudservices/eventproxy/ioevents',
  '/etc/cloudservices/eventproxy/ioevents/jcr:content',
  '/home/users/system/eventproxy/eventproxy-service/keystore',
  '/home/users/system/eventproxy/eventproxy-service/keystore/store.p12',
];

interface Context {
  dir: string;
  file: string;
  standIn?: PackmgrStandIn;
}

const context: Context = { dir: '', file: '' };

function options(ctx: Context, overrides: Partial<InstallPackageOptions> = {}): InstallPackageOptions {
  return installOptions(ctx.standIn?.url ?? '', ctx.file, overrides);
}

function setUp(name: string) {
  const test = suite<Context>(name, { ...context });
  test.before.each(async (ctx) => {
    ctx.dir = makeTempDir();
    ctx.file = await writeExamplePackage(ctx.dir);
    ctx.standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
  });
  test.after.each(async (ctx) => {
    await ctx.standIn?.close();
    removeTempDir(ctx.dir);
  });
  return test;
}

const jspSuite = setUp('installPackage through service.jsp');

jspSuite('a clean install: installed, the stand-in read the package and logged A per node', async (ctx) => {
  const install = await installPackage(options(ctx));
  assert.is(install.verdict.outcome, 'installed');
  assert.equal(install.verdict.counts, { added: 4, updated: 0, deleted: 0, replaced: 0, unchanged: 0, missing: 0, errors: 0 });
  assert.is(install.verdict.installedInMs, 42);
  assert.equal([...(ctx.standIn?.repository ?? [])], EXAMPLE_PATHS);
  assert.equal({ probes: install.probes, installRequests: install.installRequests }, { probes: 1, installRequests: 1 });
  const upload = ctx.standIn?.requests[1];
  assert.equal(upload?.fields, { force: 'true', install: 'true' });
  assert.equal(upload?.files.map((f) => [f.field, f.filename, f.sha256]), [['file', 'eventproxy-config-1.0.0.zip', createHash('sha256').update(readFileSync(ctx.file)).digest('hex')]]);
});

jspSuite('installed again: every node U (modified)', async (ctx) => {
  await installPackage(options(ctx));
  const again = await installPackage(options(ctx));
  assert.equal(again.verdict.counts, { added: 0, updated: 4, deleted: 0, replaced: 0, unchanged: 0, missing: 0, errors: 0 });
});

const faults: ReadonlyArray<readonly [string, PackmgrFault, string, string]> = [
  ['HTTP 200 with <status code="500">', { kind: 'status500' }, 'refused', "Package Manager answered status 500 (HTTP 200): java.io.IOException: Zip File is not a content package. Missing 'jcr_root'."],
  ['HTTP 200 with E lines and "with errors"', { kind: 'installErrors' }, 'installed-with-errors', 'installed with errors: 1 E line, "Package imported (with errors, check logs!)"'],
  ['401 on the install', { kind: 'unauthorized' }, 'unauthorized', 'Package Manager refused the credentials (HTTP 401); check AEM_USER and AEM_PASSWORD, and that the user may install packages'],
  ['an HTML page', { kind: 'html' }, 'unexpected-answer', "an HTML page ('Content modified /crx/packmgr/service.jsp/file') came back (HTTP 200) where the <crx> XML answer was expected; Sling's POST servlet took the request instead of Package Manager and stored it as content at /crx/packmgr/service.jsp/file: delete that node (CRXDE), and check that Package Manager is active; nothing was installed"],
];
for (const [title, fault, outcome, message] of faults) {
  jspSuite(`${title}: ${outcome}, sent once`, async (ctx) => {
    ctx.standIn?.fail(fault);
    const install = await installPackage(options(ctx));
    assert.is(install.verdict.outcome, outcome);
    assert.is(install.verdict.message, message);
    assert.is(ctx.standIn?.installs(), 1);
  });
}

jspSuite('a dropped connection: connection-lost, and the install is not sent again', async (ctx) => {
  ctx.standIn?.fail({ kind: 'drop' });
  const { sleep, waits } = recordingSleep();
  const install = await installPackage(options(ctx, { sleep }));
  assert.is(install.verdict.outcome, 'connection-lost');
  assert.match(install.verdict.message, /^the connection broke during the install \(.+\); it may still be running on AEM: look at Package Manager before you deploy again \(aem-ioevents never sends an install twice\)$/);
  assert.is(ctx.standIn?.installs(), 1);
  assert.is(install.installRequests, 1);
  assert.equal(waits, []);
});

// After the install went out, an answer without Package Manager's verdict leaves the outcome
// unknown (filevault-format.md §7.1: the verdict is the <status> near the end of the streamed body).
const MAY_STILL_RUN = 'it may still be running on AEM: look at Package Manager before you deploy again (aem-ioevents never sends an install twice)';
const LAST_NODE = '/home/users/system/eventproxy/eventproxy-service/keystore/store.p12';
const unknown: ReadonlyArray<readonly [string, PackmgrFault, string, string]> = [
  ['the answer stops before its <status> and the connection closes cleanly', { kind: 'cut' }, 'connection-lost', `the answer to the install broke off before Package Manager's verdict (HTTP 200; the log stops at "A ${LAST_NODE}"); ${MAY_STILL_RUN}`],
  ['HTTP 200 with an empty body', { kind: 'empty' }, 'connection-lost', `the answer to the install was empty (HTTP 200): Package Manager's verdict never came; ${MAY_STILL_RUN}`],
  ["a proxy's 504 page after AEM installed", { kind: 'gateway' }, 'timed-out', `a proxy in front of AEM answered HTTP 504 ('504 Gateway Time-out') instead of Package Manager's verdict; ${MAY_STILL_RUN}`],
];
for (const [title, fault, outcome, message] of unknown) {
  jspSuite(`${title}: ${outcome} (exit 3), the install not sent again`, async (ctx) => {
    ctx.standIn?.fail(fault);
    const { sleep, waits } = recordingSleep();
    const install = await installPackage(options(ctx, { retries: 5, sleep }));
    assert.equal({ outcome: install.verdict.outcome, message: install.verdict.message }, { outcome, message });
    assert.equal([...(ctx.standIn?.repository ?? [])], EXAMPLE_PATHS);
    assert.is(ctx.standIn?.installs(), 1);
    assert.equal(waits, []);
  });
}

jspSuite('a slow install past the timeout: timed-out, never sent again although retries are left', async (ctx) => {
  ctx.standIn?.fail({ kind: 'slow', delayMs: 1500 });
  const { sleep, waits } = recordingSleep();
  const install = await installPackage(options(ctx, { timeoutMs: 300, retries: 5, sleep }));
  assert.is(install.verdict.outcome, 'timed-out');
  assert.is(install.verdict.message, 'no answer to the install within 0.3 s; it may still be running on AEM: look at Package Manager before you deploy again (aem-ioevents never sends an install twice)');
  assert.is(install.installRequests, 1);
  assert.is(ctx.standIn?.installs(), 1);
  assert.equal(waits, []);
  assert.equal(
    ctx.standIn?.requests.map((r) => r.kind),
    ['probe', 'service.jsp'],
  );
});

jspSuite('404 while starting: probed with back-off until ready, then installed once', async (ctx) => {
  ctx.standIn?.startingFor(2);
  const { sleep, waits } = recordingSleep();
  const install = await installPackage(options(ctx, { sleep }));
  assert.is(install.verdict.outcome, 'installed');
  assert.equal(waits, [1000, 2000]);
  assert.is(install.probes, 3);
  assert.is(ctx.standIn?.installs(), 1);
});

jspSuite('still starting when the retries run out: not-ready, nothing sent', async (ctx) => {
  ctx.standIn?.startingFor(100);
  const install = await installPackage(options(ctx, { retries: 1 }));
  assert.is(install.verdict.outcome, 'not-ready');
  assert.is(install.verdict.message, `Package Manager was not ready after 2 probes (${ctx.standIn?.url}/crx/packmgr/service/script.html answered 404); nothing was sent`);
  assert.is(install.installRequests, 0);
});

jspSuite('a wrong password: the probe says so and nothing is uploaded', async (ctx) => {
  const install = await installPackage(options(ctx, { connection: connection('wrong') }));
  assert.is(install.verdict.outcome, 'unauthorized');
  assert.is(install.installRequests, 0);
  assert.equal(ctx.standIn?.requests.map((r) => r.kind), ['probe']);
});

jspSuite('the install connection refused after a ready probe: nothing arrived, so it goes round again', async (ctx) => {
  const standIn = ctx.standIn!;
  let stopped = false;
  const fetchStoppingBeforeInstall: typeof fetch = async (url, init) => {
    if (init?.method === 'POST' && !stopped) {
      stopped = true;
      await standIn.stop();
    }
    return fetch(url, init);
  };
  const { sleep, waits } = recordingSleep(async () => standIn.restart());
  const install = await installPackage(options(ctx, { connection: connection(PASSWORD, fetchStoppingBeforeInstall), sleep }));
  assert.is(install.verdict.outcome, 'installed');
  assert.equal(waits, [1000]);
  assert.is(install.installRequests, 2);
  assert.is(standIn.installs(), 1);
});

jspSuite('a zip without jcr_root sent anyway: the stand-in refuses it as AEM does', async (ctx) => {
  ctx.file = await writeNotContentPackage(ctx.dir);
  const install = await installPackage(options(ctx));
  assert.is(install.verdict.outcome, 'refused');
  assert.is(install.verdict.message, "Package Manager answered status 500 (HTTP 200): java.io.IOException: Zip File is not a content package. Missing 'jcr_root'.");
});

jspSuite('a large package streams from disk in 64 KiB chunks with an exact Content-Length', async (ctx) => {
  ctx.file = await writeLargePackage(ctx.dir, 6 * 1024 * 1024);
  const size = statSync(ctx.file).size;
  const chunks: number[] = [];
  const openFile: OpenFile = async function* (path) {
    for await (const chunk of createReadStream(path, { highWaterMark: UPLOAD_CHUNK_BYTES })) {
      chunks.push((chunk as Buffer).length);
      yield chunk as Buffer;
    }
  };
  const progress: number[] = [];
  const install = await installPackage(options(ctx, { openFile, onProgress: (p) => p.kind === 'uploading' && progress.push(p.sentBytes) }));
  assert.is(install.verdict.outcome, 'installed');
  assert.is(chunks.length, Math.ceil(size / UPLOAD_CHUNK_BYTES));
  assert.ok(chunks.every((length) => length <= UPLOAD_CHUNK_BYTES));
  assert.is(progress.at(-1), size);
  const upload = ctx.standIn?.requests.find((r) => r.kind === 'service.jsp');
  assert.is(upload?.transferEncoding, undefined);
  assert.ok(Number(upload?.contentLength) > size);
  assert.is(upload?.files[0]?.size, size);
  assert.is(upload?.files[0]?.sha256, createHash('sha256').update(readFileSync(ctx.file)).digest('hex'));
});

jspSuite.run();

// ---

const jsonSuite = setUp('installPackage through the JSON API');

const json = (ctx: Context, overrides: Partial<InstallPackageOptions> = {}) => options(ctx, { api: 'json' as PackmgrApi, ...overrides });

jsonSuite('upload, then install by the path the upload answered', async (ctx) => {
  const install = await installPackage(json(ctx));
  assert.is(install.verdict.outcome, 'installed');
  assert.is(install.verdict.counts, null);
  assert.equal(ctx.standIn?.requests.map((r) => `${r.kind} ${r.path}`), [
    'probe /crx/packmgr/service/script.html',
    'json-upload /crx/packmgr/service/.json/',
    'json-install /crx/packmgr/service/.json/etc/packages/aem-ioevents/eventproxy-config-1.0.0.zip',
  ]);
  assert.equal(ctx.standIn?.requests[1]?.fields, { force: 'true' });
  assert.equal([...(ctx.standIn?.repository ?? [])], EXAMPLE_PATHS);
});

jsonSuite('success:false on install: refused', async (ctx) => {
  ctx.standIn?.fail({ kind: 'status500' });
  const install = await installPackage(json(ctx));
  assert.is(install.verdict.outcome, 'refused');
  assert.is(install.verdict.message, "Package Manager answered success:false to cmd=install (HTTP 200): java.io.IOException: Zip File is not a content package. Missing 'jcr_root'.");
});

jsonSuite('errors during the install stay hidden behind "Package installed": the JSON API\'s known blind spot', async (ctx) => {
  ctx.standIn?.fail({ kind: 'installErrors' });
  assert.is((await installPackage(json(ctx))).verdict.outcome, 'installed');
});

jsonSuite('a zip without jcr_root: refused at the upload, no install call', async (ctx) => {
  ctx.file = await writeNotContentPackage(ctx.dir);
  const install = await installPackage(json(ctx));
  assert.is(install.verdict.message, "Package Manager answered success:false to cmd=upload (HTTP 200): Zip File is not a content package. Missing 'jcr_root'.");
  assert.is(install.installRequests, 0);
});

const jsonUnknown: ReadonlyArray<readonly [string, PackmgrFault, string, string]> = [
  ['cmd=install answered with JSON cut half-way', { kind: 'cut' }, 'connection-lost', `the answer to cmd=install broke off before Package Manager's verdict (HTTP 200; it starts ${JSON.stringify('{"success":true,"msg"')}); ${MAY_STILL_RUN}`],
  ['cmd=install answered HTTP 200 with an empty body', { kind: 'empty' }, 'connection-lost', `the answer to cmd=install was empty (HTTP 200): Package Manager's verdict never came; ${MAY_STILL_RUN}`],
  ["cmd=install answered by a proxy's 504 page", { kind: 'gateway' }, 'timed-out', `a proxy in front of AEM answered HTTP 504 ('504 Gateway Time-out') instead of Package Manager's verdict; ${MAY_STILL_RUN}`],
];
for (const [title, fault, outcome, message] of jsonUnknown) {
  jsonSuite(`${title}: ${outcome}, not sent again`, async (ctx) => {
    ctx.standIn?.fail(fault);
    const { sleep, waits } = recordingSleep();
    const install = await installPackage(json(ctx, { retries: 5, sleep }));
    assert.equal({ outcome: install.verdict.outcome, message: install.verdict.message }, { outcome, message });
    assert.is(ctx.standIn?.installs(), 1);
    assert.equal(waits, []);
  });
}

jsonSuite('a slow install call: timed-out and not sent again', async (ctx) => {
  ctx.standIn?.fail({ kind: 'slow', delayMs: 1500 });
  const install = await installPackage(json(ctx, { timeoutMs: 300, retries: 5 }));
  assert.is(install.verdict.outcome, 'timed-out');
  assert.is(ctx.standIn?.installs(), 1);
});

jsonSuite.run();
