/**
 * What `deploy` reports: one result per target and the exit code of the whole run. Holds no
 * secret: messages and log lines were redacted where they were read.
 *
 * Exit codes combine by precedence, not by number: 2 (bad input) > 1 (an answer was no) >
 * 3 (a target unreachable or timed out) > 0. A definite "no" outranks "don't know", because
 * running the pipeline again cannot fix it.
 */
import type { ExitCode } from '../errors.ts';
import type { InstallCounts } from './install-log.ts';
import type { PackmgrApi } from './install-package.ts';
import type { KeystoreResult } from './keystore-install.ts';
import type { InstallOutcome } from './verdict.ts';

/** How one target went. */
export interface TargetResult {
  /** The target's base URL. */
  readonly target: string;
  readonly ok: boolean;
  readonly exitCode: ExitCode;
  readonly outcome: InstallOutcome;
  /** One line: the verdict's reason. */
  readonly message: string;
  readonly httpStatus: number | null;
  /** `<status code>` of the XML answer. */
  readonly statusCode: string | null;
  /** Node counts from the install log (`null` with `--api json`, or without an answer). */
  readonly counts: InstallCounts | null;
  /** The first `E` lines and "First error was …". */
  readonly errorLines: readonly string[];
  /** What AEM says the install took. */
  readonly installedInMs: number | null;
  /** Readiness probes sent. */
  readonly probes: number;
  /** Requests that carried an install. */
  readonly installRequests: number;
  /** Wall time for this target, keystore step included. */
  readonly durationMs: number;
  /** The keystore step, with `--keystore`. */
  readonly keystore: KeystoreResult | null;
}

/** The package as the report names it. */
export interface DeployedPackage {
  readonly file: string;
  readonly packageId: string | null;
  readonly size: number;
  readonly sha256: string;
}

/** The result of a deploy. */
export interface DeployResult {
  readonly ok: boolean;
  readonly exitCode: ExitCode;
  readonly dryRun: false;
  readonly package: DeployedPackage;
  readonly api: PackmgrApi;
  readonly allowInstallErrors: boolean;
  readonly targets: readonly TargetResult[];
  readonly warnings: readonly string[];
}

/** The result of `--dry-run`: the commands, nothing sent. */
export interface DeployDryRun {
  readonly ok: true;
  readonly exitCode: 0;
  readonly dryRun: true;
  readonly package: DeployedPackage;
  readonly api: PackmgrApi;
  readonly targets: readonly string[];
  readonly commands: readonly string[];
  /** The variables the commands need that are not set (`AEM_USER`, `AEM_PASSWORD`, with `--keystore` `AEM_KEYSTORE_PASSWORD`). */
  readonly missingVariables: readonly string[];
  readonly warnings: readonly string[];
}

const PRECEDENCE: readonly ExitCode[] = [2, 1, 3];

/** The exit code of several: 2 before 1 before 3; 0 when all are 0. */
export function combineExitCodes(codes: readonly ExitCode[]): ExitCode {
  return PRECEDENCE.find((code) => codes.includes(code)) ?? 0;
}
