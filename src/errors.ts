/**
 * The error family of aem-ioevents. Library code throws these; only `cli.ts` turns them
 * into exit codes, the same for every command:
 *
 * | class            | exit | meaning                                                        |
 * | ---------------- | ---- | -------------------------------------------------------------- |
 * | `VerdictError`   | 1    | the work was done and the answer is "no" (findings, refusals)  |
 * | `InputError`     | 2    | bad input: flag, configuration, unreadable or existing file    |
 * | `RemoteError`    | 3    | a remote could not be reached or timed out                     |
 *
 * Messages name the thing and the value (never a secret) and say what to do.
 */

/** Exit codes shared by every command. */
export type ExitCode = 0 | 1 | 2 | 3;

/** Options every error of the family takes. */
export interface IoEventsErrorOptions {
  /** A stable, machine-readable code such as `E_CONFIG_FIELD`; shown in `--json` output. */
  readonly code?: string;
  /** The underlying error, kept for debugging; never printed when it may carry a secret. */
  readonly cause?: unknown;
}

/** Base class: a failure that aem-ioevents expected and can explain. */
export class IoEventsError extends Error {
  override name = 'IoEventsError';
  /** Machine-readable code. */
  readonly code: string;
  /** The exit code the CLI uses for this error. */
  readonly exitCode: Exclude<ExitCode, 0>;

  constructor(message: string, exitCode: Exclude<ExitCode, 0>, options: IoEventsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 'E_IOEVENTS';
    this.exitCode = exitCode;
  }
}

/** Bad input: an unknown flag, an invalid or missing configuration, an unreadable file, a file that exists without `--force`. Exit 2. */
export class InputError extends IoEventsError {
  override name = 'InputError';
  constructor(message: string, options: IoEventsErrorOptions = {}) {
    super(message, 2, { code: 'E_INPUT', ...options });
  }
}

/** The work was done and the answer is "no". Carries the result so `--json` can still print it. Exit 1. */
export class VerdictError<Result = unknown> extends IoEventsError {
  override name = 'VerdictError';
  /** The command's full result, for `--json` and the human report. */
  readonly result: Result;
  constructor(message: string, result: Result, options: IoEventsErrorOptions = {}) {
    super(message, 1, { code: 'E_VERDICT', ...options });
    this.result = result;
  }
}

/** A remote (IMS, AEM) could not be reached or timed out. Exit 3. */
export class RemoteError extends IoEventsError {
  override name = 'RemoteError';
  constructor(message: string, options: IoEventsErrorOptions = {}) {
    super(message, 3, { code: 'E_REMOTE', ...options });
  }
}

/** Type guard that works for every member of the family. */
export function isIoEventsError(value: unknown): value is IoEventsError {
  return value instanceof IoEventsError;
}

/** Describe a value for an error message: strings quoted, everything else with its type (execa style). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `${JSON.stringify(value)} (array)`;
  if (typeof value === 'object') return `${JSON.stringify(value)} (object)`;
  return `${String(value)} (${typeof value})`;
}
