/**
 * An install whose outcome is unknown: the install went out and Package Manager may have run it,
 * but its verdict never came back. Package Manager commits HTTP 200 first, streams the install log
 * and writes the verdict at its end (cqdump 2014, "Using curl to install CQ packages"; the
 * `<status>` after `<log>`), so an answer that stops before the verdict, an empty answer, or a
 * proxy's timeout page where the verdict should be says neither "installed" nor "failed". Such an
 * install is never sent again (AEMaaCS: "Do not retry the installation"); the verdict is exit 3 and
 * tells the user to look at Package Manager first.
 */
import { redact } from '../http/redact.ts';
import type { HttpAnswer } from '../http/send-request.ts';
import { getHtmlTitle, isHtmlPage } from './html-page.ts';
import { parseInstallLog } from './install-log.ts';
import { readCutCrxLog } from './service-jsp.ts';
import { isCutJsonAnswer } from './service-json.ts';
import type { InstallVerdict } from './verdict.ts';

/** What every verdict of an install that may have run ends with. */
export const MAY_STILL_RUN = 'it may still be running on AEM: look at Package Manager before you deploy again (aem-ioevents never sends an install twice)';

/** The answer formats of the install calls. */
export type InstallAnswerFormat = 'crx' | 'json';

/**
 * The verdict on a 2xx answer to an install that carries no verdict because it is empty or stops
 * before its end (the connection closed cleanly mid-answer: AEM stopped, or a proxy cut it);
 * `undefined` for any other answer. `what` names the call ("the install", "cmd=install").
 */
export function judgeCutAnswer(answer: HttpAnswer, format: InstallAnswerFormat, what: string, secrets: readonly string[]): InstallVerdict | undefined {
  const { status: httpStatus, text } = answer;
  if (httpStatus < 200 || httpStatus >= 300) return undefined;
  const base = { outcome: 'connection-lost' as const, httpStatus, counts: null, errorLines: [] };
  if (text.trim() === '') return { ...base, message: `the answer to ${what} was empty (HTTP ${httpStatus}): Package Manager's verdict never came; ${MAY_STILL_RUN}` };
  if (format === 'json') {
    if (!isCutJsonAnswer(text)) return undefined;
    return { ...base, message: `the answer to ${what} broke off before Package Manager's verdict (HTTP ${httpStatus}; it starts ${describeStart(text, secrets)}); ${MAY_STILL_RUN}` };
  }
  const cutLog = readCutCrxLog(text);
  if (cutLog === undefined) return undefined;
  // What the log got to says how far the install went: its counts so far, its last line.
  const log = parseInstallLog(redact(cutLog, secrets));
  const last = redact(cutLog, secrets).trim().split(/\r?\n/).at(-1)?.trim() ?? '';
  const where = last ? `the log stops at ${JSON.stringify(cap(last))}` : 'no install log yet';
  return { ...base, counts: log.counts, errorLines: log.errorLines, message: `the answer to ${what} broke off before Package Manager's verdict (HTTP ${httpStatus}; ${where}); ${MAY_STILL_RUN}` };
}

/**
 * The verdict on a proxy's own answer where the install's verdict should be: 504 (the proxy gave
 * up waiting: the install may well be running) and 502 (the proxy lost AEM mid-answer); `undefined`
 * for any other status. AEM itself answers neither.
 */
export function judgeGatewayAnswer(answer: HttpAnswer, secrets: readonly string[]): InstallVerdict | undefined {
  const { status: httpStatus, text } = answer;
  if (httpStatus !== 502 && httpStatus !== 504) return undefined;
  const title = isHtmlPage(text, answer.headers.get('content-type')) ? getHtmlTitle(text, secrets) : '';
  const message = `a proxy in front of AEM answered HTTP ${httpStatus}${title ? ` ('${title}')` : ''} instead of Package Manager's verdict; ${MAY_STILL_RUN}`;
  return { outcome: httpStatus === 504 ? 'timed-out' : 'connection-lost', message, httpStatus, counts: null, errorLines: [] };
}

/** The answer's first 60 characters, whitespace collapsed, secrets blanked, quoted; `empty` for none. */
export function describeStart(text: string, secrets: readonly string[]): string {
  const start = redact(text, secrets).trim().slice(0, 60).replace(/\s+/g, ' ');
  return start ? JSON.stringify(start) : 'empty';
}

function cap(line: string): string {
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
