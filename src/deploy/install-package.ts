/**
 * Installing the package on one target, as a list of steps: wait until Package Manager is ready,
 * send the package, judge the answer. Only a refused connection (nothing reached AEM) and "not
 * ready" (404) go round again, with back-off, within `--retries`. After a timeout or a dropped
 * connection the install may be running on AEM, so it is never sent again (AEMaaCS: "Do not
 * retry the installation", peers.md §2.5).
 */
import { callAem, describeAemFailure, getConnectionSecrets, type AemConnection, type AemTransportFailure } from './aem-request.ts';
import { RetryBudget, type Sleep } from './backoff.ts';
import { createMultipartBody, type MultipartBody, type OpenFile } from './multipart.ts';
import { waitUntilReady, type ReadinessProbe } from './readiness.ts';
import { SERVICE_JSP_FIELDS, SERVICE_JSP_PATH } from './service-jsp.ts';
import { getInstallPath, getUploadPath, isPackagePath } from './service-json.ts';
import { targetPath, type DeployTarget } from './targets.ts';
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
export interface InstallPackageOptions {
  readonly target: DeployTarget;
  readonly connection: AemConnection;
  readonly package: PackageFile;
  readonly api: PackmgrApi;
  /** Milliseconds for the install call (upload, install, answer). */
  readonly timeoutMs: number;
  /** Milliseconds for one readiness probe. */
  readonly probeTimeoutMs: number;
  readonly retries: number;
  readonly sleep: Sleep;
  /** File bytes handed to the connection so far. */
  readonly onProgress?: ((sentFileBytes: number) => void) | undefined;
  /** Multipart boundary and file reader; tests pin them. */
  readonly boundary?: string | undefined;
  readonly openFile?: OpenFile | undefined;
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

/** Installs the package on the target and judges the answer; never throws for a remote's failure. */
export async function installPackage(options: InstallPackageOptions): Promise<PackageInstall> {
  const budget = new RetryBudget(options.retries, options.sleep);
  const counter = { probes: 0, installRequests: 0 };
  // Bounded: each pass returns, or spends one retry of a finite budget.
  for (;;) {
    const probe = await waitUntilReady({ target: options.target, connection: options.connection, timeoutMs: options.probeTimeoutMs, budget });
    counter.probes += probe.probes;
    if (probe.state !== 'ready') return { verdict: verdictOfProbe(probe), ...counter };
    const sent = options.api === 'jsp' ? await sendServiceJsp(options, counter) : await sendServiceJson(options, counter);
    if (!sent.again || !(await budget.wait())) return { verdict: sent.verdict, ...counter };
  }
}

async function sendServiceJsp(options: InstallPackageOptions, counter: { installRequests: number }): Promise<Sent> {
  const body = createPackageBody(options, 'file', SERVICE_JSP_FIELDS);
  counter.installRequests += 1;
  const result = await postBody(options, targetPath(options.target, SERVICE_JSP_PATH), body);
  if (!result.ok) return afterFailure(result.failure, options, true);
  const verdict = judgeServiceJspAnswer(result.answer, getConnectionSecrets(options.connection));
  return { again: verdict.outcome === 'not-ready', verdict };
}

async function sendServiceJson(options: InstallPackageOptions, counter: { installRequests: number }): Promise<Sent> {
  const secrets = getConnectionSecrets(options.connection);
  const body = createPackageBody(options, 'package', [{ name: 'force', value: 'true' }]);
  const uploaded = await postBody(options, targetPath(options.target, getUploadPath()), body);
  if (!uploaded.ok) return afterFailure(uploaded.failure, options, false);
  const upload = judgeServiceJsonAnswer(uploaded.answer, 'upload', secrets);
  if ('outcome' in upload) return { again: upload.outcome === 'not-ready', verdict: upload };
  if (upload.path === undefined || !isPackagePath(upload.path)) {
    const shown = upload.path === undefined ? 'no path' : JSON.stringify(upload.path);
    return { again: false, verdict: { outcome: 'unexpected-answer', message: `Package Manager accepted the upload but named ${shown} as its place; not installed`, counts: null, errorLines: [] } };
  }
  counter.installRequests += 1;
  const url = targetPath(options.target, getInstallPath(upload.path));
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

function postBody(options: InstallPackageOptions, url: string, body: MultipartBody) {
  return callAem(options.connection, {
    url,
    method: 'POST',
    headers: { 'content-type': body.contentType, 'content-length': String(body.contentLength) },
    body: body.stream(options.onProgress),
    timeoutMs: options.timeoutMs,
  });
}

// A refused connection proves nothing arrived: go round again. Anything else after the request
// went out may have started the install: never again.
function afterFailure(failure: AemTransportFailure, options: InstallPackageOptions, installing: boolean): Sent {
  const base = { counts: null, errorLines: [] };
  if (failure.kind === 'refused') return { again: true, verdict: { ...base, outcome: 'unreachable', message: `the connection was refused (${failure.text}) and no retry is left` } };
  const what = installing ? 'the install' : 'the upload';
  const check = installing ? '; it may still be running on AEM: look at Package Manager before you deploy again (aem-ioevents never sends an install twice)' : '; nothing was installed';
  // The verdict is at the end of the install log (filevault-format.md §7.1): a cut answer may have lost it.
  if (failure.kind === 'too-large') return { again: false, verdict: { ...base, outcome: 'answer-too-large', message: `${failure.text}: the verdict was not read, so ${what} cannot be called a success${check}` } };
  if (failure.kind === 'timed-out') return { again: false, verdict: { ...base, outcome: 'timed-out', message: `no answer to ${what} within ${options.timeoutMs / 1000} s${check}` } };
  if (failure.kind === 'lost' || failure.kind === 'other') return { again: false, verdict: { ...base, outcome: 'connection-lost', message: `the connection broke during ${what} (${failure.text})${check}` } };
  return { again: false, verdict: { ...base, outcome: 'unreachable', message: `could not connect: ${describeAemFailure(failure)}` } };
}

function verdictOfProbe(probe: ReadinessProbe & { readonly probes: number }): InstallVerdict {
  const base = { counts: null, errorLines: [], ...(probe.status !== undefined && { httpStatus: probe.status }) };
  const tries = `${probe.probes} probe${probe.probes === 1 ? '' : 's'}`;
  switch (probe.state) {
    case 'not-ready':
      return { ...base, outcome: 'not-ready', message: `Package Manager was not ready after ${tries} (${probe.detail}); nothing was sent` };
    case 'refused':
      return { ...base, outcome: 'unreachable', message: `the connection was refused after ${tries} (${probe.detail}); nothing was sent` };
    case 'unauthorized':
      return { ...base, outcome: 'unauthorized', message: `the credentials were refused (${probe.detail}); check AEM_USER and AEM_PASSWORD; nothing was sent` };
    case 'timed-out':
      return { ...base, outcome: 'timed-out', message: `the readiness probe got no answer (${probe.detail}); nothing was sent` };
    case 'too-large':
      return { ...base, outcome: 'answer-too-large', message: `the readiness probe failed: ${probe.detail}; nothing was sent` };
    case 'unreachable':
      return { ...base, outcome: 'unreachable', message: `could not connect (${probe.detail}); nothing was sent` };
    default:
      return { ...base, outcome: 'unexpected-answer', message: `${probe.detail}; nothing was sent` };
  }
}
