/**
 * The AEM stand-in's own checks of the Adobe I/O Events integration (issue 13), answering in the
 * formats of their sources. Test code only: never shipped.
 *
 * - The Sling health-check servlet (apache/sling-org-apache-sling-hc-core
 *   `HealthCheckExecutorServlet`): `GET /system/health.json?tags=a,b` or `/system/health/a,b.json`,
 *   no login (it is registered at the OSGi HttpService), tags combined with OR; the JSON of
 *   `ResultJsonSerializer` (compact, as javax.json writes it; `finishedAt` as Java's
 *   `Date.toString()`; `exception` the whole stack trace), overall result the most severe
 *   status, `DEBUG` when nothing is selected. The HTTP status follows the overall result as
 *   Apache Felix Health Checks map it by default (apache/felix-dev `healthcheck/core`
 *   `HealthCheckExecutorServletConfiguration.httpStatusMapping`: OK and WARN 200,
 *   TEMPORARILY_UNAVAILABLE and CRITICAL 503, HEALTH_CHECK_ERROR 500), the body the same JSON;
 *   `httpStatusMapping = 'always-200'` answers 200 as the older Sling servlet did.
 * - The add-on's status servlets (adobe/aio-lib-java `Status.java`, `StatusServlet.java`): Sling
 *   servlets, so basic auth; `{"status","details","error","version"}` as Jackson writes it
 *   (`"error":null` when there is none), always HTTP 200. The workspace servlet's `details` carry
 *   the Workspace, client secret included, as `WorkspaceSupplierImpl.getStatus` does.
 *
 * - The Web Console's health-check page (apache/sling-org-apache-sling-hc-webconsole @ 816ce7e5
 *   `HealthCheckWebconsolePlugin`, `WebConsoleHelper`): `GET /system/console/healthcheck?tags=…`,
 *   administrator login, tags combined with AND unless `combineTagsWithOr=true`; the plugin's HTML
 *   inside a page of the console (`console = 'present'`; absent by default).
 *
 * Modes: {@link StandInChecks.installConnector} (every eventproxy tag OK),
 * {@link StandInChecks.installAddon} (every servlet up), `health.set(tag, …)` / `addon.set(path, …)`
 * for CRITICAL (with a message and exception) or down, `failUntil(ms)` for checks that fail for
 * their first seconds (by the clock the stand-in is given), `servlet = 'absent'` (404, disabled),
 * and `hang` (no answer at all). With nothing installed every check path answers 404.
 * The health checks' names are the stand-in's own: the connector's are not public.
 */
import type { PackmgrRequest } from './stand-in-request.ts';
import type { Reply } from './stand-in-replies.ts';

/** One health check's result, as the stand-in gives it for a tag. */
export interface StandInHealth {
  readonly status: 'OK' | 'WARN' | 'TEMPORARILY_UNAVAILABLE' | 'CRITICAL' | 'HEALTH_CHECK_ERROR';
  readonly message?: string;
  /** A Java exception's first line; the stand-in adds a stack under it. */
  readonly exception?: string;
}

/** One status servlet's state. */
export interface StandInStatus {
  readonly status: 'up' | 'down';
  readonly error?: string;
}

/** The eventproxy connector's tags and the names the stand-in gives their checks. */
export const CONNECTOR_CHECKS: Readonly<Record<string, string>> = {
  'conf-events': 'Adobe I/O Events Configurations',
  'ims-events': 'Adobe I/O Events IMS Token Exchange',
  'csm-events': 'Adobe I/O Events Provider Registration',
};

/** The add-on's status servlets. */
export const ADDON_PATHS = ['/bin/aio/workspace.json', '/bin/aio/events/provider_config.json', '/bin/aio/events/provider.json', '/bin/aio/events/event_metadata.json', '/bin/aio/events/publish_ping.json'] as const;

/** The add-on's bundle version in its answers. */
export const ADDON_VERSION = '1.0.8';

const HEALTH_PREFIX = '/system/health';
const CONSOLE_PATH = '/system/console/healthcheck';
const FINISHED_AT = 'Sat Dec 05 13:04:36 UTC 2026';
const SEVERITY = ['DEBUG', 'INFO', 'OK', 'WARN', 'TEMPORARILY_UNAVAILABLE', 'CRITICAL', 'HEALTH_CHECK_ERROR'];
// Felix's default `httpStatusMapping` of the servlet's answer by overall result.
const FELIX_HTTP_STATUS: Readonly<Record<string, number>> = { TEMPORARILY_UNAVAILABLE: 503, CRITICAL: 503, HEALTH_CHECK_ERROR: 500 };

/** The checks a stand-in serves. */
export class StandInChecks {
  /** Health checks by tag; a tag not here is carried by no check. */
  readonly health = new Map<string, StandInHealth>();
  /** Status servlets by path; a path not here answers 404. */
  readonly addon = new Map<string, StandInStatus>();
  /** `absent`: the health-check servlet is disabled (404). */
  servlet: 'present' | 'absent' = 'present';
  /** `felix`: 503/500 for a failing overall result (Felix's default); `always-200`: the older Sling servlet. */
  httpStatusMapping: 'felix' | 'always-200' = 'felix';
  /** `present`: the Web Console serves its health-check page. */
  console: 'present' | 'absent' = 'absent';
  /** Every check path gets no answer at all. */
  hang = false;
  /** What the workspace servlet's details carry as the client secret. */
  clientSecret = 'addon-details-Secret-not-for-output-42';
  #failing: { readonly until: number; readonly now: () => Date; readonly message: string } | undefined;

  installConnector(): void {
    for (const tag of Object.keys(CONNECTOR_CHECKS)) this.health.set(tag, { status: 'OK', message: 'ok' });
  }

  installAddon(): void {
    for (const path of ADDON_PATHS) this.addon.set(path, { status: 'up' });
  }

  /** Every check fails (CRITICAL, down) with `message` until `now()` reaches `ms` after its current time. */
  failUntil(ms: number, now: () => Date, message = 'IMS token exchange failed: java.net.SocketTimeoutException: Read timed out'): void {
    this.#failing = { until: now().getTime() + ms, now, message };
  }

  /** The answer to a check path; undefined for any other path. */
  answer(record: PackmgrRequest, authorized: boolean): Reply | 'hang' | undefined {
    const isHealth = record.path === HEALTH_PREFIX || record.path.startsWith(`${HEALTH_PREFIX}.`) || record.path.startsWith(`${HEALTH_PREFIX}/`);
    const isAddon = record.path.startsWith('/bin/aio/');
    const isConsole = record.path === CONSOLE_PATH;
    if (!isHealth && !isAddon && !isConsole) return undefined;
    if (this.hang) return 'hang';
    const failing = this.#failing !== undefined && this.#failing.now().getTime() < this.#failing.until ? this.#failing.message : undefined;
    if (isHealth) return this.servlet === 'absent' ? notFound(record.path) : this.healthReply(record, failing);
    // A Sling servlet or the Web Console: a login is needed.
    if (!authorized) return { status: 401, contentType: 'text/html', body: 'Unauthorized', headers: { 'www-authenticate': 'Basic realm="Sling (Development)"' } };
    if (isConsole) return this.console === 'absent' ? notFound(record.path) : this.consoleReply(record, failing);
    const state = this.addon.get(record.path);
    if (state === undefined) return notFound(record.path);
    return statusReply(record.path, failing === undefined ? state : { status: 'down', error: `java.lang.IllegalStateException: ${failing}` }, this.clientSecret);
  }

  // The selected checks' results: by the servlet (OR) or the Web Console (AND unless asked for OR).
  private results(tags: readonly string[], failing: string | undefined, or = true) {
    const selected = [...this.health].filter(([tag]) => (or ? tags.includes(tag) : tags.length === 1 && tags[0] === tag));
    return selected.map(([tag, given]) => {
      const health: StandInHealth = failing === undefined ? given : { status: 'CRITICAL', message: failing };
      const message = { status: health.status, message: health.message ?? `${health.status.toLowerCase()}`, ...(health.exception !== undefined && { exception: `${health.exception}\n\tat com.adobe.cq.eventproxy.Checks.run(Checks.java:42)\n` }) };
      return { name: CONNECTOR_CHECKS[tag] ?? tag, status: health.status, timeInMs: 12, finishedAt: FINISHED_AT, tags: [tag], messages: [message] };
    });
  }

  private healthReply(record: PackmgrRequest, failing: string | undefined): Reply {
    const fromPath = record.path.slice(HEALTH_PREFIX.length).replace(/^\//, '').replace(/\.json$/, '');
    const results = this.results((fromPath !== '' ? fromPath : (record.query.tags ?? '')).split(/[,;]+/).filter((t) => t !== ''), failing);
    const overall = results.reduce((max, r) => (SEVERITY.indexOf(r.status) > SEVERITY.indexOf(max) ? r.status : max), 'DEBUG');
    const status = this.httpStatusMapping === 'felix' ? (FELIX_HTTP_STATUS[overall] ?? 200) : 200;
    return { status, contentType: 'application/json;charset=utf-8', body: JSON.stringify({ overallResult: overall, results }), headers: { 'cache-control': 'no-cache', 'x-health': overall } };
  }

  // HealthCheckWebconsolePlugin.doGet: the form, then per result renderResult, then the summary.
  private consoleReply(record: PackmgrRequest, failing: string | undefined): Reply {
    const tags = (record.query.tags ?? '').split(',').filter((t) => t !== '');
    const results = this.results(tags, failing, record.query.combineTagsWithOr === 'true');
    const title = (text: string) => `<tr class='content'>\n<th colspan='3' class='content container'>${escapeXml(text)}</th>\n</tr>\n`;
    const rows = results.map((r) => {
      const status = `Tags: [${r.tags.join(', ')}] Finished: 2026-12-05 13:04:36 after 12ms`;
      const logs = r.messages.map((m) => `<div class='log${m.status}'>${m.status} ${escapeXml(m.message)}${'exception' in m && m.exception ? ` ${escapeXml(m.exception.split('\n')[0]!)}` : ''}</div>\n`).join('');
      return `${title(r.name)}<tr class='content'>\n<td class='content' colspan='2'>${escapeXml(status)}<br/>Result: <span class='resultOk${r.status === 'OK'}'>${r.status}</span></td></tr>\n<tr class='content'>\n<td class='content' colspan='2'>${logs}</td>`;
    });
    const form = `<form method='get'><table class='content' cellpadding='0' cellspacing='0' width='100%'>\n${title('Sling Health Check')}<tr class='content'>\n<td class='content'>Health Check tags (comma-separated)</td>\n<td class='content' colspan='2'><input type='text' name='tags' value='${escapeXml(record.query.tags ?? '')}' class='input' size='80'>\n</td></tr>\n</table></form>\n`;
    const table = `<table class='content healthcheck' cellpadding='0' cellspacing='0' width='100%'>\n${rows.join('')}${title('Summary')}</table>\n`;
    return { status: 200, contentType: 'text/html;charset=utf-8', body: `<!DOCTYPE html><html><head><title>Adobe Experience Manager Web Console - Sling Health Check</title></head><body><div id='content'>${form}${table}</div></body></html>` };
  }
}

// ResponseUtil.escapeXml of the Felix web console.
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function statusReply(path: string, state: StandInStatus, clientSecret: string): Reply {
  const details = path === '/bin/aio/workspace.json' ? { workspace: { apiKey: 'stand-in-api-key', authContext: { clientSecret } } } : { path };
  return { status: 200, contentType: 'application/json', body: JSON.stringify({ status: state.status, details, error: state.error ?? null, version: ADDON_VERSION }) };
}

function notFound(path: string): Reply {
  return { status: 404, contentType: 'text/html', body: `<html><body>Resource at '${path}' not found</body></html>` };
}
