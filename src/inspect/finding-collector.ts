/**
 * `FindingCollector`: turns what validators say into `Finding`s (FileVault's
 * `ValidationViolation.wrapMessages`): the validator id, and the file, node and position of the
 * place the hook was called for, unless the message names its own. The same finding twice is
 * kept once.
 *
 * | message                              | finding's file / node / position            |
 * | ------------------------------------ | ------------------------------------------- |
 * | plain                                | the hook's                                  |
 * | with `path`                          | that file, no position unless given         |
 * | with `nodePath: null`                | no node                                     |
 *
 * A package can make any number of findings (300,000 siblings without `jcr:primaryType`), so
 * what is kept is bounded: the first {@link MAX_FINDINGS_PER_KIND} of each
 * validator and severity, in order; the others are counted ({@link OmittedFindings}). Repeats
 * are recognized by a 64-bit fingerprint of the finding (`fingerprint-set.ts`).
 *
 * The severity settings (`--severity ID=LEVEL`, `validation-settings.ts`) are applied here, the one
 * place every finding passes: a validator set `off` keeps nothing, and one set to a level has its
 * errors (FileVault's `defaultSeverity`) reported at that level.
 */
import { FingerprintSet } from './fingerprint-set.ts';
import type { Finding, FindingCounts, Severity, ValidatorId } from './finding.ts';
import type { Messages, Validator } from './validator.ts';
import { applySeverity, type ValidationSettings } from './validation-settings.ts';

/** Where a hook was called: the defaults of its findings. */
export interface FindingPlace {
  readonly path?: string;
  readonly filePath?: string;
  readonly nodePath?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** Most findings kept per validator and severity. */
export const MAX_FINDINGS_PER_KIND = 100;

/** Findings of one validator and severity beyond those kept. */
export interface OmittedFindings {
  readonly validator: ValidatorId;
  readonly severity: Severity;
  readonly count: number;
}

/** Collects findings in the order they are reported. */
export class FindingCollector {
  /** The findings kept, in order. */
  readonly findings: Finding[] = [];
  private readonly reported = new FingerprintSet();
  private readonly keptByKind = new Map<string, number>();
  private readonly omittedByKind = new Map<string, { validator: ValidatorId; severity: Severity; count: number }>();

  /**
   * `maxPerKind`: how many findings of one validator and severity are kept (tests set a small one);
   * `severity`: the levels set per validator.
   */
  constructor(private readonly maxPerKind = MAX_FINDINGS_PER_KIND, private readonly severity?: ValidationSettings['severity']) {}

  /** The findings not kept, per validator and severity, in the order their first one came. */
  get omitted(): readonly OmittedFindings[] {
    return [...this.omittedByKind.values()].map((o) => ({ ...o }));
  }

  /** Every finding by severity, those not kept included. */
  get counts(): FindingCounts {
    const counts = { errors: 0, warnings: 0, infos: 0 };
    const count = (severity: Severity, n: number): void => void (counts[severity === 'error' ? 'errors' : severity === 'warning' ? 'warnings' : 'infos'] += n);
    for (const finding of this.findings) count(finding.severity, 1);
    for (const omitted of this.omittedByKind.values()) count(omitted.severity, omitted.count);
    return counts;
  }

  /** Calls `hook` on each validator and keeps what it reports. */
  call(validators: readonly Validator[], hook: (validator: Validator) => Messages, place: FindingPlace): void {
    for (const validator of validators) this.add(validator.id, hook(validator), place);
  }

  /** Keeps `messages` of `validator`. */
  add(validator: ValidatorId, messages: Messages, place: FindingPlace): void {
    // Most hooks report nothing: nothing is allocated for them.
    if (messages === undefined || messages.length === 0) return;
    const path = place.filePath ?? place.path ?? '';
    for (const m of messages) {
      const severity = applySeverity(this.severity, validator, m.severity);
      if (severity === undefined) continue;
      const nodePath = m.nodePath === null ? undefined : (m.nodePath ?? place.nodePath);
      const line = m.line ?? (m.path === undefined ? place.line : undefined);
      const column = m.column ?? (m.path === undefined ? place.column : undefined);
      const finding: Finding = {
        validator, severity, path: m.path ?? path, message: m.message,
        ...(nodePath === undefined ? {} : { nodePath }), ...(line === undefined ? {} : { line, column: column ?? 0 }),
      };
      if (this.reported.add(JSON.stringify(finding))) this.keep(finding);
    }
  }

  private keep(finding: Finding): void {
    const kind = `${finding.validator} ${finding.severity}`;
    const kept = this.keptByKind.get(kind) ?? 0;
    if (kept < this.maxPerKind) {
      this.keptByKind.set(kind, kept + 1);
      this.findings.push(finding);
      return;
    }
    const omitted = this.omittedByKind.get(kind);
    if (omitted === undefined) this.omittedByKind.set(kind, { validator: finding.validator, severity: finding.severity, count: 1 });
    else omitted.count++;
  }
}
