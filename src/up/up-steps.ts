/**
 * The per-target steps of `up`: deploy (skipped as "unchanged" when the target already has the
 * same bytes installed), with `--keystore` the key on an unchanged target, and check; the first
 * failing step decides the target's exit code.
 */
import type { CheckTargetResult } from '../check/check-result.ts';
import type { TargetResult } from '../deploy/deploy-result.ts';
import type { KeystoreResult } from '../deploy/keystore-install.ts';
import type { ExitCode } from '../errors.ts';
import type { PackageProbe } from './package-probe.ts';
import type { UpStep, UpTargetResult } from './up-result.ts';

/** The deploy step of one target, with deploy's own result when the package was sent. */
export interface DeployStep {
  readonly step: UpStep;
  readonly exitCode: ExitCode;
  readonly result: TargetResult | null;
}

/** The deploy step: "unchanged" from the probe, else deploy's verdict. */
export function deployStep(probe: PackageProbe, result: TargetResult | undefined): DeployStep {
  if (result === undefined) {
    return { step: { step: 'deploy', ok: probe.outcome === 'unchanged', outcome: probe.outcome, message: probe.message, durationMs: 0 }, exitCode: 0, result: null };
  }
  const message = result.ok ? `${result.outcome} (${probe.message})` : result.message;
  return { step: { step: 'deploy', ok: result.ok, outcome: result.outcome, message, durationMs: result.durationMs }, exitCode: result.exitCode, result };
}

/** The check step: every check's status in one line, the first failing one's cause. */
export function checkStep(result: CheckTargetResult): UpStep {
  const failing = result.checks.find((c) => !c.ok);
  const summary = result.checks.map((c) => `${c.name} ${c.status}`).join(', ');
  const message = failing === undefined ? summary : `${summary}${failing.cause === null ? '' : `; ${failing.name}: ${failing.cause}`}`;
  return { step: 'check', ok: result.ok, outcome: result.ok ? 'ok' : 'failed', message, durationMs: result.durationMs };
}

/**
 * The keystore step of a target whose package was unchanged (`--keystore`): deploy's own key step,
 * idempotent (the same key under the alias is `unchanged`, nothing sent).
 */
export function keystoreStep(result: KeystoreResult, durationMs: number): DeployStep {
  return { step: { step: 'keystore', ok: result.exitCode === 0, outcome: result.outcome, message: result.message, durationMs }, exitCode: result.exitCode, result: null };
}

/** One target's steps and exit code: the first failing step's, else the check's. */
export function targetOutcome(url: string, before: readonly DeployStep[], check: { step: UpStep; result: CheckTargetResult } | undefined): UpTargetResult {
  const steps = [...before.map((b) => b.step), ...(check === undefined ? [] : [check.step])];
  const failed = before.find((b) => !b.step.ok);
  const exitCode = failed !== undefined ? failed.exitCode : (check?.result.exitCode ?? 0);
  const deploy = before.find((b) => b.result !== null)?.result ?? null;
  return { url, ok: exitCode === 0 && steps.every((s) => s.ok), exitCode, steps, deploy, check: check?.result ?? null };
}
