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
 */
import type { Finding, ValidatorId } from './finding.ts';
import type { Messages, Validator } from './validator.ts';

/** Where a hook was called: the defaults of its findings. */
export interface FindingPlace {
  readonly path?: string;
  readonly filePath?: string;
  readonly nodePath?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** Collects findings in the order they are reported. */
export class FindingCollector {
  /** Every finding so far. */
  readonly findings: Finding[] = [];
  private readonly reported = new Set<string>();

  /** Calls `hook` on each validator and keeps what it reports. */
  call(validators: readonly Validator[], hook: (validator: Validator) => Messages, place: FindingPlace): void {
    for (const validator of validators) this.add(validator.id, hook(validator), place);
  }

  /** Keeps `messages` of `validator`. */
  add(validator: ValidatorId, messages: Messages, place: FindingPlace): void {
    const path = place.filePath ?? place.path ?? '';
    for (const m of messages ?? []) {
      const nodePath = m.nodePath === null ? undefined : (m.nodePath ?? place.nodePath);
      const line = m.line ?? (m.path === undefined ? place.line : undefined);
      const column = m.column ?? (m.path === undefined ? place.column : undefined);
      const finding: Finding = {
        validator, severity: m.severity, path: m.path ?? path, message: m.message,
        ...(nodePath === undefined ? {} : { nodePath }), ...(line === undefined ? {} : { line, column: column ?? 0 }),
      };
      const key = JSON.stringify(finding);
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.findings.push(finding);
    }
  }
}
