/**
 * One round of questions to one target: the health-check servlet once for all pending tags (the
 * Web Console's health-check page where the servlet is disabled), and
 * each pending add-on status servlet, at once. Every answer becomes a status per check; nothing
 * here throws for what AEM answers or fails to answer. Calls go through deploy's `callAem`
 * (basic auth, deadline, no redirects, the 4 MiB cap on answers) and AEM's texts are redacted
 * with the connection's secrets before they are kept.
 */
import { callAem, describeAemFailure, describeAemRedirect, getConnectionSecrets, type AemCallResult, type AemConnection } from '../deploy/aem-request.ts';
import { targetPath, type DeployTarget } from '../deploy/targets.ts';
import { redact } from '../http/redact.ts';
import type { TemplateCheck } from '../template/template.ts';
import type { CheckMessage, CheckStatus } from './check-result.ts';
import { CONSOLE_HEALTH_PATH, parseConsoleHtml } from './console-html.ts';
import { cutMessage, judgeTag, parseHealthJson, type HealthResult } from './health-json.ts';
import { parseStatusJson } from './status-json.ts';

/** The Sling health-check servlet's JSON path (HealthCheckExecutorServlet, default `/system/health`). */
export const HEALTH_JSON_PATH = '/system/health.json';

/** What one check got in one round. */
export interface CheckAnswer {
  readonly status: CheckStatus;
  readonly checks: readonly string[];
  readonly messages: readonly CheckMessage[];
  /** True when the servlet itself answered 404. */
  readonly notFound: boolean;
  /** True when asking again cannot change the answer (a redirect, TLS, a plain-HTTP port, proxy credentials, a 2xx not in the servlet's format, more than 4 MiB). */
  readonly final?: boolean;
}

// Failures that are the URL's or the machine's, not AEM's state: `--wait` would only wait them out
// (an answer past the 4 MiB cap is no health page either).
const FINAL_FAILURES = new Set(['tls', 'plain-http', 'proxy-auth', 'too-large']);

/** What a round asks: one target, its connection, the checks still pending. */
export interface AskOptions {
  readonly target: DeployTarget;
  readonly connection: AemConnection;
  readonly checks: readonly TemplateCheck[];
  readonly timeoutMs: number;
}

/** Asks every pending check once; the answers by check name (the tag or the path). */
export async function askAem(options: AskOptions): Promise<Map<string, CheckAnswer>> {
  const tags = options.checks.flatMap((c) => (c.kind === 'health' ? [c.tag] : []));
  const paths = options.checks.flatMap((c) => (c.kind === 'status' ? [c.path] : []));
  const [health, ...statuses] = await Promise.all([tags.length > 0 ? askHealth(options, tags) : new Map<string, CheckAnswer>(), ...paths.map((path) => askStatus(options, path))]);
  return new Map([...health!, ...paths.map((path, i) => [path, statuses[i]!] as const)]);
}

// One call for every tag: forceInstantExecution skips the executor's cache (2 s by default), so a
// retry sees a new run of the check (HealthCheckExecutorServlet, PARAM_FORCE_INSTANT_EXECUTION).
// Where the servlet is disabled (404), the Web Console's page, with the same selection.
async function askHealth(options: AskOptions, tags: readonly string[]): Promise<Map<string, CheckAnswer>> {
  const list = tags.map(encodeURIComponent).join(',');
  const servlet = await askHealthPage(options, `${targetPath(options.target, HEALTH_JSON_PATH)}?tags=${list}&forceInstantExecution=true`, parseHealthJson);
  const asked = 'results' in servlet || !servlet.failed.notFound ? servlet : await askHealthPage(options, `${targetPath(options.target, CONSOLE_HEALTH_PATH)}?tags=${list}&combineTagsWithOr=true&forceInstantExecution=true&overrideGlobalTimeout=40000`, parseConsoleHtml);
  if (!('results' in asked)) return new Map(tags.map((tag) => [tag, asked.failed]));
  const { results } = asked;
  return new Map(
    tags.map((tag) => {
      const verdict = judgeTag(results, tag);
      return [tag, { status: verdict.status ?? 'missing', checks: verdict.checks, messages: redactMessages(verdict.messages, options.connection), notFound: false }];
    }),
  );
}

// One page of health-check results, or why there is none. The page is read whatever the HTTP
// status: Felix's servlet answers a failing overall result with 503 (CRITICAL,
// TEMPORARILY_UNAVAILABLE) or 500 (HEALTH_CHECK_ERROR) and the same JSON (apache/felix-dev
// `healthcheck/core` HealthCheckExecutorServletConfiguration.httpStatusMapping), and a site can
// map any status to any code (`httpStatus`). Only an answer that is not the page is classified.
async function askHealthPage(options: AskOptions, url: string, parse: (text: string) => HealthResult[] | undefined): Promise<{ results: HealthResult[] } | { failed: CheckAnswer }> {
  const result = await callAem(options.connection, { url, method: 'GET', timeoutMs: options.timeoutMs });
  const results = result.ok ? parse(result.answer.text) : undefined;
  if (results !== undefined) return { results };
  return { failed: classify(result, url, options.connection) ?? unexpected(url, result) };
}

async function askStatus(options: AskOptions, path: string): Promise<CheckAnswer> {
  const url = targetPath(options.target, path);
  const result = await callAem(options.connection, { url, method: 'GET', timeoutMs: options.timeoutMs });
  const failed = classify(result, url, options.connection);
  if (failed !== undefined) return failed;
  const status = parseStatusJson(answerText(result));
  if (status === undefined) return unexpected(url, result);
  return { status: status.status, checks: status.version === undefined ? [] : [`version ${status.version}`], messages: redactMessages(status.messages, options.connection), notFound: false };
}

// An answer that carries no verdict of a check, or undefined for a 2xx to read.
function classify(result: AemCallResult, url: string, connection: AemConnection): CheckAnswer | undefined {
  if (!result.ok) {
    const { kind } = result.failure;
    const status: CheckStatus = kind === 'timed-out' ? 'timed-out' : kind === 'too-large' ? 'unexpected' : 'unreachable';
    const text = kind === 'too-large' ? result.failure.text : `${url}: ${describeAemFailure(result.failure)}`;
    return { status, checks: [], messages: [{ status: 'error', message: redact(text, getConnectionSecrets(connection)) }], notFound: false, final: FINAL_FAILURES.has(kind) };
  }
  const code = result.answer.status;
  if (code >= 200 && code < 300) return undefined;
  const status: CheckStatus = code === 404 ? 'missing' : code === 401 || code === 403 ? 'unauthorized' : code >= 500 ? 'not-ready' : 'unexpected';
  const secrets = getConnectionSecrets(connection);
  const message = code >= 300 && code < 400 ? describeAemRedirect(url, code, redact(result.answer.headers.get('location') ?? '', secrets)) : `${url} answered HTTP ${code}`;
  // A redirect is the URL's (a login page, http to https): AEM will not stop sending it.
  return { status, checks: [], messages: [{ status: 'error', message }], notFound: code === 404, final: code >= 300 && code < 400 };
}

// AEM's texts can quote what the calls carried (the password, its basic-auth form).
function redactMessages(messages: readonly CheckMessage[], connection: AemConnection): CheckMessage[] {
  const secrets = getConnectionSecrets(connection);
  return messages.map((m) => ({ ...m, message: cutMessage(redact(m.message, secrets)) }));
}

function answerText(result: AemCallResult): string {
  return result.ok ? result.answer.text : '';
}

// A 2xx that is not the servlet's answer: a login or site page served by a proxy, a servlet whose
// format is not allowed. It is the URL's, not the checks' state: asking again cannot change it.
function unexpected(url: string, result: AemCallResult): CheckAnswer {
  const answered = result.ok ? ` (HTTP ${result.answer.status}, ${result.answer.headers.get('content-type') ?? 'no content type'})` : '';
  return { status: 'unexpected', checks: [], messages: [{ status: 'error', message: `${url} did not answer in its servlet's format${answered}` }], notFound: false, final: true };
}
