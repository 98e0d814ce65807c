/**
 * The checks of one target, asked again with back-off until they pass or `--wait` runs out
 * (Adobe: "the health check can fail the first time … try waiting for two minutes and checking
 * a few more times", adobeio-events help/faq.md). Only the checks still failing are asked again;
 * each keeps its last answer. The waits follow deploy's back-off (1 s, 2 s, 4 s … 30 s), the last
 * one cut to end at the deadline, so the last round is asked when `--wait` runs out.
 */
import { combineExitCodes } from '../deploy/deploy-result.ts';
import { getBackoffDelayMs, type Sleep } from '../deploy/backoff.ts';
import type { AemConnection } from '../deploy/aem-request.ts';
import type { DeployTarget } from '../deploy/targets.ts';
import type { TemplateCheck } from '../template/template.ts';
import { askAem, type CheckAnswer } from './ask-aem.ts';
import { findCause, NOTHING_INSTALLED_CAUSE } from './check-causes.ts';
import type { AemCheckOutcome, CheckTargetResult } from './check-result.ts';
import { exitCodeOf, isPassing, isRetriable } from './check-status.ts';

/** The most rounds on one target, whatever the clock says: keeps the loop bounded. */
export const MAX_ROUNDS = 200;

/** Told before each wait: the target, the checks still failing with their status, the wait. */
export type OnCheckRetry = (target: string, failing: readonly string[], delayMs: number) => void;

/** What checking one target needs. */
export interface CheckTargetOptions {
  readonly target: DeployTarget;
  readonly connection: AemConnection;
  readonly checks: readonly TemplateCheck[];
  readonly strict: boolean;
  readonly waitMs: number;
  readonly requestTimeoutMs: number;
  readonly now: () => Date;
  readonly sleep: Sleep;
  readonly onRetry?: OnCheckRetry | undefined;
}

/** Checks one target until every check passes or the wait is over. */
export async function checkTarget(options: CheckTargetOptions): Promise<CheckTargetResult> {
  const start = options.now().getTime();
  const deadline = start + options.waitMs;
  const last = new Map<string, { answer: CheckAnswer; attempts: number }>();
  let pending = options.checks;
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round += 1) {
    const answers = await askAem({ target: options.target, connection: options.connection, checks: pending, timeoutMs: options.requestTimeoutMs });
    for (const check of pending) last.set(nameOf(check), { answer: answers.get(nameOf(check))!, attempts: round + 1 });
    pending = pending.filter((check) => {
      const { answer } = last.get(nameOf(check))!;
      return answer.final !== true && isRetriable(answer.status, options.strict);
    });
    const left = deadline - options.now().getTime();
    if (pending.length === 0 || left <= 0) break;
    const delay = Math.min(getBackoffDelayMs(round), left);
    options.onRetry?.(options.target.url, pending.map((check) => `${nameOf(check)} ${last.get(nameOf(check))!.answer.status}`), delay);
    await options.sleep(delay);
  }
  // 404 on every path: neither the connector nor the add-on is there; say so on each check.
  const nothingInstalled = [...last.values()].every(({ answer }) => answer.notFound);
  const outcomes = options.checks.map((check) => {
    const outcome = toOutcome(check, last.get(nameOf(check))!, options.strict);
    return nothingInstalled ? { ...outcome, cause: NOTHING_INSTALLED_CAUSE } : outcome;
  });
  const exitCode = combineExitCodes(outcomes.map((o) => exitCodeOf(o.status, options.strict)));
  return { url: options.target.url, ok: exitCode === 0, exitCode, checks: outcomes, durationMs: options.now().getTime() - start };
}

/** A check's name in reports: its tag or its servlet path. */
export function nameOf(check: TemplateCheck): string {
  return check.kind === 'health' ? check.tag : check.path;
}

function toOutcome(check: TemplateCheck, last: { answer: CheckAnswer; attempts: number }, strict: boolean): AemCheckOutcome {
  const { answer, attempts } = last;
  const ok = isPassing(answer.status, strict);
  return { name: nameOf(check), kind: check.kind, status: answer.status, ok, checks: answer.checks, messages: answer.messages, cause: findCause(nameOf(check), check.kind, answer.status, answer.messages, ok), attempts };
}
