/**
 * What `up` reports: the shared steps (keys, verify, build), then per target its own
 * (deploy, check), each with its outcome and time; the first failing step decides a target's exit
 * code, and the targets' codes combine as deploy combines them (2 before 1 before 3). Holds no
 * secret: every message comes from a step whose own result is already redacted.
 */
import type { CheckTargetResult } from '../check/check-result.ts';
import type { TargetResult } from '../deploy/deploy-result.ts';
import type { ExitCode } from '../errors.ts';

/** The steps of `up`, in order. */
export type UpStepName = 'keys' | 'verify' | 'build' | 'deploy' | 'keystore' | 'check';

/** One step and how it went. */
export interface UpStep {
  readonly step: UpStepName;
  readonly ok: boolean;
  /** One word: `present`, `accepted`, `refused`, `wrote`, `unchanged`, `installed`, `failed`, … */
  readonly outcome: string;
  /** One line: what happened, or why it failed. */
  readonly message: string;
  readonly durationMs: number;
}

/** One target's steps, and the details of deploy and check when they ran. */
export interface UpTargetResult {
  readonly url: string;
  readonly ok: boolean;
  readonly exitCode: ExitCode;
  readonly steps: readonly UpStep[];
  /** Deploy's own result, when a package was sent. */
  readonly deploy: TargetResult | null;
  /** Check's own result, when the checks were asked. */
  readonly check: CheckTargetResult | null;
}

/** The result of `up`. */
export interface UpResult {
  readonly ok: boolean;
  readonly exitCode: ExitCode;
  /** keys, verify, build: the steps every target shares. */
  readonly steps: readonly UpStep[];
  readonly targets: readonly UpTargetResult[];
  readonly warnings: readonly string[];
}
