/**
 * The `validation:` section: FileVault's validator settings for the package `build` writes and
 * checks, and for `inspect --config` (`validation-settings.ts` has their meaning).
 *
 * | key          | accepted                                                                        |
 * | ------------ | ------------------------------------------------------------------------------- |
 * | `cnd`        | CND files, relative to the configuration file (`jackrabbit-nodetypes` `cnds`)    |
 * | `validRoots` | absolute repository paths; they replace FileVault's defaults (`jackrabbit-filter` `validRoots`) |
 * | `severity`   | a mapping of validator id to `error`, `warn`, `info` or `off`                     |
 *
 * A misspelled validator id or level is reported with the closest one ("did you mean").
 */
import { resolve } from 'node:path';
import type { ValidatorId } from '../inspect/finding.ts';
import { describeLevelProblem, describeValidatorIdProblem, describeValidRootProblem, type SeverityLevel } from '../inspect/validation-settings.ts';
import { childPath, isMapping } from './field-path.ts';
import type { FieldReader, Rule } from './field-reader.ts';
import type { ValidationConfig } from './types.ts';

const checkValidRoot: Rule = (value) => {
  const problem = describeValidRootProblem(value);
  return problem === undefined ? undefined : { expected: 'an absolute repository path without a trailing /', hint: problem };
};

const checkLevel: Rule = (value) => {
  const problem = describeLevelProblem(value);
  return problem === undefined ? undefined : { expected: 'error, warn, info or off', hint: problem.replace(/^unknown level '[^']*'; /, '') };
};

/** `validation`; relative `cnd` files resolve against `baseDir` (the configuration file's folder). */
export function readValidation(r: FieldReader, s: Record<string, unknown>, baseDir: string): ValidationConfig {
  const at = 'validation';
  const cnd = r.list(s, at, 'cnd', { nonEmpty: 'list CND files, like [nodetypes/my.cnd], or remove validation.cnd' }) ?? [];
  const validRoots = r.list(s, at, 'validRoots', { rule: checkValidRoot, nonEmpty: 'list paths, like [/etc/cloudservices/eventproxy], or remove validation.validRoots' });
  return {
    cnd: cnd.map((file) => resolve(baseDir, file)),
    ...(validRoots !== undefined && { validRoots }),
    severity: readSeverity(r, s['severity']),
  };
}

function readSeverity(r: FieldReader, value: unknown): Partial<Record<ValidatorId, SeverityLevel>> {
  const path = childPath('validation', 'severity');
  const severity: Partial<Record<ValidatorId, SeverityLevel>> = {};
  if (value === undefined) return severity;
  if (!isMapping(value)) {
    r.report(path, 'expected a mapping of validator id to level, like { jackrabbit-nodetypes: warn }');
    return severity;
  }
  for (const id of Object.keys(value)) {
    const problem = describeValidatorIdProblem(id);
    if (problem !== undefined) {
      r.report(childPath(path, id), problem);
      continue;
    }
    const level = r.text(value, path, id, { required: 'error, warn, info or off', rule: checkLevel });
    if (level !== undefined && level !== '') severity[id as ValidatorId] = level as SeverityLevel;
  }
  return severity;
}
