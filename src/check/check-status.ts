/**
 * What a check's status means for the verdict and the exit code. A definite "no" from AEM is
 * exit 1; no answer (refused, timed out, 5xx until `--wait` ran out) is exit 3, as in `deploy`
 * (`OUTCOME_EXIT_CODES` of deploy), and so is a check that says it is not ready yet
 * (`TEMPORARILY_UNAVAILABLE` until `--wait` ran out: Felix's "it may become available soon").
 */
import type { ExitCode } from '../errors.ts';
import type { CheckStatus } from './check-result.ts';

/** True when the status passes: `OK` and `up`; `WARN` too unless `strict`. */
export function isPassing(status: CheckStatus, strict: boolean): boolean {
  return status === 'OK' || status === 'up' || (status === 'WARN' && !strict);
}

/** The exit code of one check's final status. */
export function exitCodeOf(status: CheckStatus, strict: boolean): ExitCode {
  if (isPassing(status, strict)) return 0;
  return status === 'not-ready' || status === 'TEMPORARILY_UNAVAILABLE' || status === 'unreachable' || status === 'timed-out' ? 3 : 1;
}

/** True when asking again may change the answer: anything but a pass or refused credentials ("the health check can fail the first time"). */
export function isRetriable(status: CheckStatus, strict: boolean): boolean {
  return !isPassing(status, strict) && status !== 'unauthorized';
}
