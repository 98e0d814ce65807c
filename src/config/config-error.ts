/**
 * `ConfigError`: every problem found in a configuration file, reported together (exit 2).
 *
 * ```
 * Invalid configuration file /work/aem-ioevents.yaml (3 problems):
 *   - cloudService: required section missing; …
 *   - cloudservice at line 1, column 1: unknown key; did you mean cloudService?
 *   - ims.url at line 9, column 3: …
 * ```
 *
 * Every problem of a field carries the line and column of its key (`field-positions.ts`); a syntax
 * error, those of the error.
 */
import { InputError } from '../errors.ts';

/** One problem, located by field path (`cloudService.name`), by line and column, or both. */
export interface ConfigIssue {
  /** Dotted field path with `[index]` for list items; empty for a syntax error. */
  readonly path: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
  /** 1-based column in the file, when known. */
  readonly column?: number;
  /** What is wrong and what to do; never contains a secret. */
  readonly message: string;
}

/** Machine-readable codes of {@link ConfigError}. */
export type ConfigErrorCode = 'E_CONFIG_SYNTAX' | 'E_CONFIG_VARIABLE' | 'E_CONFIG_FIELD';

/** A configuration file with one or more problems. An {@link InputError}: exit code 2. */
export class ConfigError extends InputError {
  override name = 'ConfigError';
  /** How the file was named in the message. */
  readonly file: string;
  /** Every problem found, in file order where known. */
  readonly issues: readonly ConfigIssue[];

  constructor(file: string, issues: readonly ConfigIssue[], code: ConfigErrorCode) {
    super(formatConfigIssues(file, issues), { code });
    this.file = file;
    this.issues = issues;
  }
}

/** The message of a {@link ConfigError}: a header naming the file, then one line per problem. */
export function formatConfigIssues(file: string, issues: readonly ConfigIssue[]): string {
  const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  const lines = issues.map((issue) => `  - ${locateIssue(issue)}: ${issue.message}`);
  return [`Invalid configuration file ${file} (${count}):`, ...lines].join('\n');
}

/** Where an issue is, as messages say it: `cloudService.name at line 3, column 9`. */
export function locateIssue(issue: ConfigIssue): string {
  const where = issue.line === undefined ? '' : `line ${issue.line}, column ${issue.column ?? 1}`;
  if (issue.path === '') return where;
  return where === '' ? issue.path : `${issue.path} at ${where}`;
}
