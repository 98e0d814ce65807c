/**
 * `Finding`: one thing a validator says about a package, in the shape of FileVault's
 * `ValidationViolation` (validator id, severity, file, node, message, position).
 *
 * | severity  | FileVault  | exit of `inspect`                       |
 * | --------- | ---------- | --------------------------------------- |
 * | `error`   | `ERROR`    | 1                                       |
 * | `warning` | `WARN`     | 0 (1 with `--strict`)                   |
 * | `info`    | `INFO`     | 0                                       |
 *
 * FileVault's `DEBUG` messages are not reported.
 */

/** How bad a finding is. */
export type Severity = 'error' | 'warning' | 'info';

/** Validator ids: FileVault's, plus `package-manager` for what Package Manager itself refuses. */
export type ValidatorId =
  | 'jackrabbit-properties'
  | 'jackrabbit-filter'
  | 'jackrabbit-docviewparser'
  | 'jackrabbit-emptyelements'
  | 'jackrabbit-mergelimitations'
  | 'jackrabbit-oakindex'
  | 'jackrabbit-packagetype'
  | 'jackrabbit-nodetypes'
  | 'jackrabbit-accesscontrol'
  | 'jackrabbit-duplicateuuid'
  | 'package-manager';

/** One finding. */
export interface Finding {
  readonly validator: ValidatorId;
  readonly severity: Severity;
  /** The entry of the package it is about (`META-INF/vault/filter.xml`, `jcr_root/apps/x/.content.xml`). */
  readonly path: string;
  /** FileVault's message, word for word where FileVault has one. */
  readonly message: string;
  /** The repository path of the node it is about, when there is one. */
  readonly nodePath?: string;
  /** 1-based line in `path`. */
  readonly line?: number;
  /** 1-based column in `path`. */
  readonly column?: number;
}

/** How many findings of each severity. */
export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Counts findings by severity. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  let [errors, warnings, infos] = [0, 0, 0];
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** True when the findings fail the package: any error, or with `strict` any warning too. */
export function hasFailingFindings(findings: readonly Finding[], options: { strict?: boolean } = {}): boolean {
  return findings.some((f) => f.severity === 'error' || (options.strict === true && f.severity === 'warning'));
}
