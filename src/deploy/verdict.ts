/**
 * The verdict on one Package Manager answer: success needs the answer's own status, not only the
 * HTTP status (README, "Deploying, and the Maven route"): HTTP 2xx, `<status code="200">` or `"success":true`,
 * a log that says the package was imported, and no `E` line or "with errors" in it. An HTML page
 * where XML or JSON was expected is never a success.
 */
import type { ExitCode } from '../errors.ts';
import { redact } from '../http/redact.ts';
import type { HttpAnswer } from '../http/send-request.ts';
import { getHtmlTitle, isHtmlPage } from './html-page.ts';
import { hasInstallErrors, parseInstallLog, type InstallCounts } from './install-log.ts';
import { parseCrxEnvelope } from './service-jsp.ts';
import { parsePackmgrJsonAnswer } from './service-json.ts';
import { describeStart, judgeCutAnswer, judgeGatewayAnswer } from './unknown-outcome.ts';

/** How an install on one target ended. */
export type InstallOutcome =
  /** Installed, clean log. Exit 0. */
  | 'installed'
  /** Installed, but the log has `E` lines or "with errors". Exit 1 (0 with `allowInstallErrors`). */
  | 'installed-with-errors'
  /** Package Manager said no: `<status code≠200>`, `"success":false`, an HTTP error. Exit 1. */
  | 'refused'
  /** 401/403: the credentials were refused. Exit 1. */
  | 'unauthorized'
  /** An HTML page or unreadable text where the XML or JSON answer was expected. Exit 1. */
  | 'unexpected-answer'
  /** Package Manager was still starting (404) when the retries ran out. Exit 3. */
  | 'not-ready'
  /** No connection (refused after the retries, DNS, TLS, proxy). Exit 3. */
  | 'unreachable'
  /** No answer within `--timeout`, or a proxy's 504 in its place; the install is never sent again. Exit 3. */
  | 'timed-out'
  /**
   * The connection broke after the request went out, the answer stopped before its verdict or was
   * empty, or a proxy's 502 came back: the install may have run; it is never sent again. Exit 3.
   */
  | 'connection-lost'
  /** The answer went past the cap on answers (4 MiB) and was cut there: its verdict was not read. Exit 3. */
  | 'answer-too-large';

/** The exit code of each outcome (README, "Exit codes"). */
export const OUTCOME_EXIT_CODES: Readonly<Record<InstallOutcome, ExitCode>> = {
  installed: 0,
  'installed-with-errors': 1,
  refused: 1,
  unauthorized: 1,
  'unexpected-answer': 1,
  'not-ready': 3,
  unreachable: 3,
  'timed-out': 3,
  'connection-lost': 3,
  'answer-too-large': 3,
};

/** The verdict on an answer. */
export interface InstallVerdict {
  readonly outcome: InstallOutcome;
  /** One line, secrets blanked out. */
  readonly message: string;
  readonly httpStatus?: number;
  /** `<status code>` of the XML answer. */
  readonly statusCode?: string;
  /** Node counts of the install log; `null` when the answer has no log (the JSON API). */
  readonly counts: InstallCounts | null;
  /** The first error lines of the log. */
  readonly errorLines: readonly string[];
  /** AEM's "Package installed in …ms.", if given. */
  readonly installedInMs?: number;
}

/** Judges the answer of `service.jsp`; `secrets` are blanked out of everything kept. */
export function judgeServiceJspAnswer(answer: HttpAnswer, secrets: readonly string[]): InstallVerdict {
  // service.jsp installs in the same request: an answer without the verdict leaves the install unknown.
  const early = judgeHttp(answer, 'the <crx> XML answer', secrets, true) ?? judgeCutAnswer(answer, 'crx', 'the install', secrets);
  if (early) return early;
  const envelope = parseCrxEnvelope(answer.text);
  const httpStatus = answer.status;
  if (envelope === undefined || envelope.statusCode === undefined) {
    return unexpected(httpStatus, `the answer is not Package Manager's <crx> XML (it starts ${describeStart(answer.text, secrets)})`);
  }
  const statusText = firstLine(redact(envelope.statusText, secrets));
  const log = parseInstallLog(redact(envelope.log ?? '', secrets));
  const base = { httpStatus, statusCode: envelope.statusCode, counts: log.counts, errorLines: log.errorLines, ...(log.installedInMs !== undefined && { installedInMs: log.installedInMs }) };
  if (envelope.statusCode !== '200' || httpStatus < 200 || httpStatus >= 300) {
    return { ...base, outcome: 'refused', message: `Package Manager answered status ${envelope.statusCode} (HTTP ${httpStatus}): ${statusText || 'no reason given'}` };
  }
  if (hasInstallErrors(log)) {
    return { ...base, outcome: 'installed-with-errors', message: `installed with errors: ${log.counts.errors} E line${log.counts.errors === 1 ? '' : 's'}${log.withErrors ? ', "Package imported (with errors, check logs!)"' : ''}` };
  }
  if (!log.imported) {
    return { ...base, outcome: 'unexpected-answer', message: 'Package Manager answered ok, but its log does not say the package was imported ("Package imported." is missing)' };
  }
  return { ...base, outcome: 'installed', message: 'installed' };
}

/** Which call of the JSON API answered. */
export type JsonStep = 'upload' | 'install';

/** Judges an answer of the JSON API: for a good upload the package's path, else the verdict. */
export function judgeServiceJsonAnswer(answer: HttpAnswer, step: 'install', secrets: readonly string[]): InstallVerdict;
export function judgeServiceJsonAnswer(answer: HttpAnswer, step: 'upload', secrets: readonly string[]): InstallVerdict | { readonly path: string | undefined };
export function judgeServiceJsonAnswer(answer: HttpAnswer, step: JsonStep, secrets: readonly string[]): InstallVerdict | { readonly path: string | undefined } {
  const early = judgeHttp(answer, `the JSON answer to cmd=${step}`, secrets, step === 'install') ?? (step === 'install' ? judgeCutAnswer(answer, 'json', 'cmd=install', secrets) : undefined);
  if (early) return early;
  const json = parsePackmgrJsonAnswer(answer.text);
  const httpStatus = answer.status;
  if (json === undefined || json.success === undefined) {
    return unexpected(httpStatus, `the answer to cmd=${step} is not Package Manager's {"success":…} JSON (it starts ${describeStart(answer.text, secrets)})`);
  }
  const msg = firstLine(redact(json.msg ?? '', secrets));
  const base = { httpStatus, counts: null, errorLines: [] };
  if (!json.success || httpStatus < 200 || httpStatus >= 300) {
    return { ...base, outcome: 'refused', message: `Package Manager answered success:false to cmd=${step} (HTTP ${httpStatus}): ${msg || 'no message'}` };
  }
  if (step === 'upload') return { path: json.path };
  if (/with errors/i.test(msg)) return { ...base, errorLines: [msg], outcome: 'installed-with-errors', message: `installed with errors: ${msg}` };
  return { ...base, outcome: 'installed', message: 'installed' };
}

// What the HTTP status alone decides: credentials refused, an HTML page, not ready, a proxy's
// answer in place of an install's verdict.
function judgeHttp(answer: HttpAnswer, expected: string, secrets: readonly string[], installs: boolean): InstallVerdict | undefined {
  const { status: httpStatus, text } = answer;
  const base = { httpStatus, counts: null, errorLines: [] };
  if (httpStatus === 401 || httpStatus === 403) {
    return { ...base, outcome: 'unauthorized', message: `Package Manager refused the credentials (HTTP ${httpStatus}); check AEM_USER and AEM_PASSWORD, and that the user may install packages` };
  }
  if (httpStatus === 404) return { ...base, outcome: 'not-ready', message: 'Package Manager is not there (HTTP 404): AEM is still starting, or the URL is not an AEM instance' };
  if (httpStatus >= 300 && httpStatus < 400) {
    return unexpected(httpStatus, `Package Manager redirected (HTTP ${httpStatus}${describeLocation(answer, secrets)}); give the URL AEM answers on directly`);
  }
  const gateway = installs ? judgeGatewayAnswer(answer, secrets) : undefined;
  if (gateway) return gateway;
  if (isHtmlPage(text, answer.headers.get('content-type'))) {
    const title = getHtmlTitle(text, secrets);
    return unexpected(httpStatus, `an HTML page${title ? ` ('${title}')` : ''} came back (HTTP ${httpStatus}) where ${expected} was expected; ${describeHtmlOutcome(httpStatus, title, installs)}`);
  }
  return undefined;
}

// What an HTML page in place of the verdict means for the repository.
function describeHtmlOutcome(httpStatus: number, title: string, installs: boolean): string {
  // Sling's POST servlet answers "Content modified <path>" when it, not Package Manager, took the
  // request: it stored the form as nodes at that path (Package Manager's servlet is not active).
  const stored = /^Content modified (\/\S+)/.exec(title)?.[1];
  if (stored !== undefined) return `Sling's POST servlet took the request instead of Package Manager and stored it as content at ${stored}: delete that node (CRXDE), and check that Package Manager is active; nothing was installed`;
  // AEM's own error page: the servlet failed while it handled the install, which may have begun.
  if (installs && httpStatus >= 500) return 'AEM failed while it handled the install, which may have begun: look at Package Manager before you deploy again';
  return 'nothing says the package was installed';
}

function unexpected(httpStatus: number, message: string): InstallVerdict {
  return { outcome: 'unexpected-answer', message, httpStatus, counts: null, errorLines: [] };
}

function describeLocation(answer: HttpAnswer, secrets: readonly string[]): string {
  const location = answer.headers.get('location');
  return location ? ` to ${redact(location, secrets)}` : '';
}

function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}
