/**
 * What `check` reports: per target, each check with its status and AEM's messages, a
 * cause and a next step where one is known, and the exit codes combined as `deploy` combines
 * them. Holds no secret: AEM's texts are redacted where they are read, and the add-on's
 * `details` (which can carry the workspace's credentials) are never kept.
 */
import type { ExitCode } from '../errors.ts';

/**
 * A check's status: a Sling health check's own (`OK`, `WARN`, `TEMPORARILY_UNAVAILABLE`,
 * `CRITICAL`, `HEALTH_CHECK_ERROR`),
 * an add-on status servlet's own (`up`, `down`), or why AEM gave none: `missing` (404, or no
 * health check carries the tag), `unauthorized` (401/403), `unexpected` (an answer in no known
 * format), `not-ready` (5xx), `unreachable`, `timed-out`.
 */
export type CheckStatus = 'OK' | 'WARN' | 'TEMPORARILY_UNAVAILABLE' | 'CRITICAL' | 'HEALTH_CHECK_ERROR' | 'up' | 'down' | 'missing' | 'unauthorized' | 'unexpected' | 'not-ready' | 'unreachable' | 'timed-out';

/** One message of a check, as AEM gave it (first line of an exception only). */
export interface CheckMessage {
  /** The entry's status (`OK`, `WARN`, `CRITICAL`, `INFO`, … for health checks; `error` for the add-on). */
  readonly status: string;
  readonly message: string;
}

/** One check on one target. */
export interface AemCheckOutcome {
  /** The tag (`ims-events`) or the servlet path (`/bin/aio/workspace.json`). */
  readonly name: string;
  readonly kind: 'health' | 'status';
  readonly status: CheckStatus;
  readonly ok: boolean;
  /** Health checks: the names of the checks that carry the tag; the add-on: its bundle version. */
  readonly checks: readonly string[];
  readonly messages: readonly CheckMessage[];
  /** Why it is not OK and what to do, when known. */
  readonly cause: string | null;
  /** Attempts made (1 when the first answer was final). */
  readonly attempts: number;
}

/** How one target went. */
export interface CheckTargetResult {
  readonly url: string;
  readonly ok: boolean;
  readonly exitCode: ExitCode;
  readonly checks: readonly AemCheckOutcome[];
  /** Wall time for this target, retries included. */
  readonly durationMs: number;
}

/** The result of `check`. */
export interface CheckResult {
  readonly ok: boolean;
  readonly exitCode: ExitCode;
  /** The template whose checks were asked. */
  readonly template: string;
  readonly strict: boolean;
  readonly targets: readonly CheckTargetResult[];
  readonly warnings: readonly string[];
}
