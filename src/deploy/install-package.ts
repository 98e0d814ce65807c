/**
 * Installing the package on one target, as a list of steps: wait until Package Manager is ready,
 * send the package, judge the answer. Only a refused connection (nothing reached AEM) and "not
 * ready" (404) go round again, with back-off, within `--retries`. After a timeout or a dropped
 * connection the install may be running on AEM, so it is never sent again (AEMaaCS: "Do not
 * retry the installation").
 */
import { callAem, describeAemFailure, getConnectionSecrets, type AemTransportFailure } from './aem-request.ts';
import { createInstallProgress, every as realEvery, type Every, type InstallProgress } from './deploy-progress.ts';
import type { OnStage } from './interrupted-deploy.ts';
import { createMultipartBody, type MultipartBody, type OpenFile } from './multipart.ts';
import { describeRetryAnswer } from './readiness.ts';
import { SERVICE_JSP_FIELDS, SERVICE_JSP_PATH } from './service-jsp.ts';
import { getInstallPath, getUploadPath, isPackagePath } from './service-json.ts';
import { awaitReadiness, verdictOfProbe, type ReadinessWaitOptions, type TargetReadiness } from './target-readiness.ts';
import { targetPath } from './targets.ts';
import { MAY_STILL_RUN } from './unknown-outcome.ts';
import { judgeServiceJsonAnswer, judgeServiceJspAnswer, type InstallVerdict } from './verdict.ts';

/** Which Package Manager API installs: `service.jsp` (XML, default) or `service/.json`. */
export type PackmgrApi = 'jsp' | 'json';

/** The zip to install. */
export interface PackageFile {
  /** Absolute path. */
  readonly file: string;
  /** The file name sent to AEM. */
  readonly filename: string;
  readonly size: number;
}

/** Options of {@link installPackage}. */
export interface InstallPackageOptions extends ReadinessWaitOptions {
  readonly package: PackageFile;
  readonly api: PackmgrApi;
  /** Milliseconds for the install call (upload, install, answer). */
  readonly timeoutMs: number;
  /** The clock of the `installing` events. @default the system clock */
  readonly now?: (() => Date) | undefined;
  /** The interval of the `installing` events. @default a real, unref'd interval */
  readonly every?: Every | undefined;
  /** Multipart boundary and file reader; tests pin them. */
  readonly boundary?: string | undefined;
  readonly openFile?: OpenFile | undefined;
  /** Told where the install stands, for what a cancelled run says (`interrupted-deploy.ts`). */
  readonly onStage?: OnStage | undefined;
}

/** How the install on one target went. */
export interface PackageInstall {
  readonly verdict: InstallVerdict;
  /** Readiness probes sent. */
  readonly probes: number;
  /** Requests that carried an install (`service.jsp`, or `cmd=install`). */
  readonly installRequests: number;
}

type Sent = { readonly again: false; readonly verdict: InstallVerdict } | { readonly again: true; readonly verdict: InstallVerdict };

/**
 * Installs the package on the target and judges the answer; never throws for a remote's failure.
 * `readiness` is the wait already done (deploy waits for every target first); without it the
 * install waits itself.
 */
export async function installPackage(options: InstallPackageOptions, readiness?: TargetReadiness): Promise<PackageInstall> {
  const { budget, probe: first } = readiness ?? (await awaitReadiness(options));
  const counter = { probes: first.probes, installRequests: 0 };
  const progress = createInstallProgress(options.target.url, options.onProgress, options.now ?? (() => new Date()), options.every ?? realEvery);
  let probe = first;
  // Bounded: each pass returns, or spends one retry of a finite budget.
  for (;;) {
    if (probe.state !== 'ready') return { verdict: verdictOfProbe(probe), ...counter };
    const sent = await send(options, counter, progress);
    if (!sent.again) return { verdict: sent.verdict, ...counter };
    // Nothing reached AEM (or it was not ready): waiting again.
    options.onStage?.('waiting');
    if (!(await budget.wait(describeRetryAnswer(sent.verdict.httpStatus)))) return { verdict: sent.verdict, ...counter };
    ({ probe } = await awaitReadiness(options, budget));
    counter.probes += probe.probes;
  }
}

async function send(options: InstallPackageOptions, counter: { installRequests: number }, progress: InstallProgress): Promise<Sent> {
  try {
    return options.api === 'jsp' ? await sendServiceJsp(options, counter, progress) : await sendServiceJson(options, counter, progress);
  } finally {
    progress.stop();
  }
}

async function sendServiceJsp(options: InstallPackageOptions, counter: { installRequests: number }, progress: InstallProgress): Promise<Sent> {
  const body = createPackageBody(options, 'file', SERVICE_JSP_FIELDS);
  counter.installRequests += 1;
  options.onStage?.('uploading');
  // One request uploads and installs: once the file is out, AEM is installing.
  const result = await postBody(options, targetPath(options.target, SERVICE_JSP_PATH), body, (sent, total) => {
    progress.uploaded(sent, total);
    if (sent !== total) return;
    options.onStage?.('installing');
    progress.installing();
  });
  if (!result.ok) return afterFailure(result.failure, options, true);
  const verdict = judgeServiceJspAnswer(result.answer, getConnectionSecrets(options.connection));
  return { again: verdict.outcome === 'not-ready', verdict };
}

async function sendServiceJson(options: InstallPackageOptions, counter: { installRequests: number }, progress: InstallProgress): Promise<Sent> {
  const secrets = getConnectionSecrets(options.connection);
  const body = createPackageBody(options, 'package', [{ name: 'force', value: 'true' }]);
  options.onStage?.('uploading');
  const uploaded = await postBody(options, targetPath(options.target, getUploadPath()), body, (sent, total) => progress.uploaded(sent, total));
  if (!uploaded.ok) return afterFailure(uploaded.failure, options, false);
  const upload = judgeServiceJsonAnswer(uploaded.answer, 'upload', secrets);
  if ('outcome' in upload) return { again: upload.outcome === 'not-ready', verdict: upload };
  if (upload.path === undefined || !isPackagePath(upload.path)) {
    const shown = upload.path === undefined ? 'no path' : JSON.stringify(upload.path);
    return { again: false, verdict: { outcome: 'unexpected-answer', message: `Package Manager accepted the upload but named ${shown} as its place; not installed`, counts: null, errorLines: [] } };
  }
  counter.installRequests += 1;
  const url = targetPath(options.target, getInstallPath(upload.path));
  options.onStage?.('installing');
  progress.installing();
  const installed = await callAem(options.connection, { url, method: 'POST', timeoutMs: options.timeoutMs });
  if (!installed.ok) return afterFailure(installed.failure, options, true);
  const verdict = judgeServiceJsonAnswer(installed.answer, 'install', secrets);
  return { again: verdict.outcome === 'not-ready', verdict };
}

function createPackageBody(options: InstallPackageOptions, field: string, fields: readonly { name: string; value: string }[]): MultipartBody {
  const { file, filename, size } = options.package;
  return createMultipartBody([{ name: field, path: file, filename, size, contentType: 'application/zip' }, ...fields], {
    ...(options.boundary !== undefined && { boundary: options.boundary }),
    ...(options.openFile !== undefined && { openFile: options.openFile }),
  });
}

function postBody(options: InstallPackageOptions, url: string, body: MultipartBody, onSent: (sentBytes: number, totalBytes: number) => void) {
  return callAem(options.connection, {
    url,
    method: 'POST',
    headers: { 'content-type': body.contentType, 'content-length': String(body.contentLength) },
    body: body.stream((sent) => onSent(sent, body.fileBytes)),
    timeoutMs: options.timeoutMs,
  });
}

// A refused connection proves nothing arrived: go round again. Anything else after the request
// went out may have started the install: never again.
function afterFailure(failure: AemTransportFailure, options: InstallPackageOptions, installing: boolean): Sent {
  const base = { counts: null, errorLines: [] };
  if (failure.kind === 'refused') return { again: true, verdict: { ...base, outcome: 'unreachable', message: `the connection was refused (${failure.text}) and no retry is left` } };
  const what = installing ? 'the install' : 'the upload';
  const check = installing ? `; ${MAY_STILL_RUN}` : '; nothing was installed';
  // The verdict is at the end of the install log (Adobe's Package Manager HTTP service documentation): a cut answer may have lost it.
  if (failure.kind === 'too-large') return { again: false, verdict: { ...base, outcome: 'answer-too-large', message: `${failure.text}: the verdict was not read, so ${what} cannot be called a success${check}` } };
  if (failure.kind === 'timed-out') return { again: false, verdict: { ...base, outcome: 'timed-out', message: `no answer to ${what} within ${options.timeoutMs / 1000} s${check}` } };
  if (failure.kind === 'lost' || failure.kind === 'other') return { again: false, verdict: { ...base, outcome: 'connection-lost', message: `the connection broke during ${what} (${failure.text})${check}` } };
  return { again: false, verdict: { ...base, outcome: 'unreachable', message: `could not connect: ${describeAemFailure(failure)}` } };
}
