/**
 * The Web Console's health-check page, read as its source writes it (apache/sling-org-apache-sling-hc-webconsole
 * @ 816ce7e5 `HealthCheckWebconsolePlugin.renderResult`, `WebConsoleHelper`): per check a title row
 * `<th colspan='3' class='content container'>TITLE</th>`, then `Tags: [a, b] Finished: … after …`
 * and `Result: <span class='resultOk{true|false}'>STATUS</span>`, then one
 * `<div class='logSTATUS'>STATUS message[ exception]</div>` per log entry; text escaped with
 * `ResponseUtil.escapeXml`. It is the fallback where the health-check servlet is disabled (404),
 * and needs an administrator's credentials. Unlike the servlet, it combines tags with AND unless
 * `combineTagsWithOr=true` is asked for.
 */
import type { CheckMessage } from './check-result.ts';
import { firstLine, HEALTH_STATUSES, type HealthResult, type HealthStatus } from './health-json.ts';

/** The Web Console plugin's path (`felix.webconsole.label` healthcheck). */
export const CONSOLE_HEALTH_PATH = '/system/console/healthcheck';

const TITLE = "<th colspan='3' class='content container'>";
const RESULT = /Tags: \[([^\]]*)\][\s\S]*?<span class='resultOk(?:true|false)'>([A-Z_]+)<\/span>/;
const LOG = /<div class='log[A-Z_]+'>([A-Z_]+) ([\s\S]*?)<\/div>/g;

/** Reads the page's results; undefined when it is not the plugin's page. */
export function parseConsoleHtml(html: string): HealthResult[] | undefined {
  if (!html.includes("name='tags'")) return undefined;
  const results: HealthResult[] = [];
  // Each block starts at a title; the form's title and the summary carry no "Tags:" line.
  for (const block of html.split(TITLE).slice(1)) {
    const result = RESULT.exec(block);
    if (result === null) continue;
    const status = result[2]!;
    if (!(HEALTH_STATUSES as readonly string[]).includes(status)) return undefined;
    const messages: CheckMessage[] = [...block.matchAll(LOG)].map((m) => ({ status: m[1]!, message: firstLine(unescapeXml(m[2]!)) }));
    const tags = unescapeXml(result[1]!).split(', ').filter((t) => t !== '');
    results.push({ name: unescapeXml(block.slice(0, block.indexOf('</th>'))), status: status as HealthStatus, tags, messages });
  }
  return results;
}

// ResponseUtil.escapeXml: & < > " ' (Felix web console).
function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|#39|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", amp: '&' })[name]!);
}
