/**
 * The Sling health-check servlet's JSON answer, read as its source writes it
 * (apache/sling-org-apache-sling-hc-core `ResultJsonSerializer`, before the module moved to Apache
 * Felix, which kept the shape): `{"overallResult": S, "results": [{"name", "status", "timeInMs",
 * "finishedAt", "tags": [...], "messages": [{"status", "message", "exception"?}]}]}`, statuses
 * `DEBUG` < `INFO` < `OK` < `WARN` < `CRITICAL` < `HEALTH_CHECK_ERROR` (`Result.Status`, whose
 * order the servlet uses for the overall result). Apache Felix Health Checks (AEM 6.5) add
 * `TEMPORARILY_UNAVAILABLE` between `WARN` and `CRITICAL` ("system is not operational, it may
 * become available soon", apache/felix-dev `healthcheck/api` `Result.Status`). With no check
 * selected it answers `{"overallResult":"DEBUG"|"OK","results":[]}`: a tag nobody carries is
 * simply absent.
 */
import type { CheckMessage } from './check-result.ts';

/** Health-check statuses, least severe first (`Result.Status` order). */
export const HEALTH_STATUSES = ['DEBUG', 'INFO', 'OK', 'WARN', 'TEMPORARILY_UNAVAILABLE', 'CRITICAL', 'HEALTH_CHECK_ERROR'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** What the answer says about one tag: the checks carrying it, the most severe status, their messages. */
export interface TagVerdict {
  /** Undefined when no check carries the tag. */
  readonly status: Exclude<HealthStatus, 'DEBUG' | 'INFO'> | undefined;
  readonly checks: readonly string[];
  readonly messages: readonly CheckMessage[];
}

/** The longest message kept: an exception's stack trace is cut to its first line anyway. */
export const MAX_MESSAGE_CHARS = 500;

/** One health check's result, as the servlet (or the Web Console page) gives it. */
export interface HealthResult {
  readonly name: string;
  readonly status: HealthStatus;
  readonly tags: readonly string[];
  readonly messages: readonly CheckMessage[];
}

/** Reads the answer; undefined when it is not the servlet's JSON. */
export function parseHealthJson(text: string): HealthResult[] | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(raw) || !isHealthStatus(raw.overallResult) || !Array.isArray(raw.results)) return undefined;
  const results: HealthResult[] = [];
  for (const item of raw.results) {
    if (!isObject(item) || typeof item.name !== 'string' || !isHealthStatus(item.status) || !Array.isArray(item.tags) || !Array.isArray(item.messages)) return undefined;
    results.push({ name: item.name, status: item.status, tags: item.tags.filter((t): t is string => typeof t === 'string'), messages: item.messages.flatMap(readMessage) });
  }
  return results;
}

/** The verdict on `tag`: the most severe status of the checks that carry it. */
export function judgeTag(results: readonly HealthResult[], tag: string): TagVerdict {
  const tagged = results.filter((result) => result.tags.includes(tag));
  const worst = tagged.reduce<HealthStatus | undefined>((max, r) => (max === undefined || severity(r.status) > severity(max) ? r.status : max), undefined);
  // DEBUG and INFO are no verdict of a check (the servlet starts from DEBUG); a check that says only that passed.
  const status = worst === undefined ? undefined : severity(worst) < severity('OK') ? 'OK' : (worst as TagVerdict['status']);
  const messages = tagged.flatMap((r) => r.messages.map((m) => (tagged.length > 1 ? { ...m, message: `${r.name}: ${m.message}` } : m)));
  return { status, checks: tagged.map((r) => r.name), messages };
}

/** The first line of a text, whole: it is cut by {@link cutMessage} only after its secrets are blanked. */
export function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0]!.trim();
}

/**
 * A message cut to {@link MAX_MESSAGE_CHARS}. Only after redaction: a secret cut in two no
 * longer matches, and its first part would show.
 */
export function cutMessage(message: string): string {
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
}

function readMessage(entry: unknown): CheckMessage[] {
  if (!isObject(entry) || typeof entry.status !== 'string' || typeof entry.message !== 'string') return [];
  // The exception is the whole printStackTrace(); its first line says what was thrown.
  const exception = typeof entry.exception === 'string' && entry.exception !== '' ? ` (${firstLine(entry.exception)})` : '';
  return [{ status: entry.status, message: firstLine(entry.message) + exception }];
}

function severity(status: HealthStatus): number {
  return HEALTH_STATUSES.indexOf(status);
}

function isHealthStatus(value: unknown): value is HealthStatus {
  return typeof value === 'string' && (HEALTH_STATUSES as readonly string[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
