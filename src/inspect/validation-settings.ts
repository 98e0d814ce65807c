/**
 * `ValidationSettings`: FileVault's validator settings (`validation.md`, "Settings"), the way the
 * filevault-package-maven-plugin's `validatorsSettings` take them, for the options `inspect` and
 * `build` accept:
 *
 * | setting                | FileVault                                       | flag / `validation:` key       |
 * | ---------------------- | ----------------------------------------------- | ------------------------------ |
 * | node type definitions  | `jackrabbit-nodetypes` option `cnds`            | `--cnd FILE` / `cnd: [files]`  |
 * | valid roots            | `jackrabbit-filter` option `validRoots`         | `--valid-root PATH` / `validRoots: [paths]` |
 * | severity of a validator| `defaultSeverity` (`error`, `warn`, `info`) and `isDisabled` | `--severity ID=LEVEL` / `severity: {ID: LEVEL}` |
 *
 * As in FileVault: `validRoots` replaces the default list (`/`, `/libs`, `/apps`, `/etc`, `/var`,
 * `/tmp`, `/content`, `/etc/packages`) instead of adding to it; `defaultSeverity` changes the
 * severity of the messages a validator reports with its default severity (`error`), while the
 * ones with their own option (`severityForUnknownNodetypes`, … all `warn`) keep theirs; `off` is
 * `isDisabled`.
 */
import { InputError } from '../errors.ts';
import { suggestKey } from '../config/unknown-keys.ts';
import type { Severity, ValidatorId } from './finding.ts';

/** A severity level as FileVault's settings name it, or `off` (`isDisabled`). */
export type SeverityLevel = 'error' | 'warn' | 'info' | 'off';

/** The levels, in the order messages list them. */
export const SEVERITY_LEVELS: readonly SeverityLevel[] = ['error', 'warn', 'info', 'off'];

/** A CND text (Compact Namespace and Node Type Definition) and where it came from. */
export interface CndSource {
  /** The file, as messages name it. */
  readonly name: string;
  readonly text: string;
}

/** Validator settings of one inspection; everything absent keeps FileVault's default. */
export interface ValidationSettings {
  /** Node type definitions known besides FileVault's defaults and the package's own. */
  readonly cnds?: readonly CndSource[];
  /** Replaces FileVault's default valid roots (`jackrabbit-filter`). */
  readonly validRoots?: readonly string[];
  /** Per validator id: the level its default-severity messages get, or `off`. */
  readonly severity?: Readonly<Partial<Record<ValidatorId, SeverityLevel>>>;
}

/** The validator ids a severity can be set for: FileVault's that `inspect` runs. */
export const CONFIGURABLE_VALIDATORS: readonly ValidatorId[] = [
  'jackrabbit-properties',
  'jackrabbit-filter',
  'jackrabbit-docviewparser',
  'jackrabbit-emptyelements',
  'jackrabbit-mergelimitations',
  'jackrabbit-oakindex',
  'jackrabbit-packagetype',
  'jackrabbit-nodetypes',
  'jackrabbit-accesscontrol',
  'jackrabbit-duplicateuuid',
];

/**
 * Why `id` cannot take a severity, with a suggestion, or `undefined` when it can.
 * `package-manager` is refused: it reports what Package Manager itself refuses to install.
 */
export function describeValidatorIdProblem(id: string): string | undefined {
  if ((CONFIGURABLE_VALIDATORS as readonly string[]).includes(id)) return undefined;
  if (id === 'package-manager') return 'package-manager reports what Package Manager refuses to install; its findings cannot be changed';
  const prefixed = `jackrabbit-${id}`;
  const suggestion = (CONFIGURABLE_VALIDATORS as readonly string[]).includes(prefixed) ? prefixed : suggestKey(id, CONFIGURABLE_VALIDATORS);
  if (suggestion !== undefined) return `unknown validator id '${id}'; did you mean ${suggestion}?`;
  return `unknown validator id '${id}'; the ids are ${CONFIGURABLE_VALIDATORS.join(', ')}`;
}

/** Why `level` is not a level, or `undefined`. */
export function describeLevelProblem(level: string): string | undefined {
  if ((SEVERITY_LEVELS as readonly string[]).includes(level)) return undefined;
  // FileVault's settings say `warn`; inspect's report says `warning`.
  const suggestion = level === 'warning' ? 'warn' : suggestKey(level, SEVERITY_LEVELS);
  return `unknown level '${level}'; ${suggestion === undefined ? '' : `did you mean ${suggestion}? `}the levels are ${SEVERITY_LEVELS.join(', ')}`;
}

/**
 * Reads `--severity ID=LEVEL` values; a later one for the same id wins.
 * @throws InputError (exit 2) naming the flag value, for a misspelled id or level.
 */
export function parseSeverityFlags(values: readonly string[]): Partial<Record<ValidatorId, SeverityLevel>> {
  const severity: Partial<Record<ValidatorId, SeverityLevel>> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    if (equals < 0) throw flagError(value, 'expected ID=LEVEL, like jackrabbit-nodetypes=warn');
    const id = value.slice(0, equals).trim();
    const level = value.slice(equals + 1).trim();
    const problem = describeValidatorIdProblem(id) ?? describeLevelProblem(level);
    if (problem !== undefined) throw flagError(value, problem);
    severity[id as ValidatorId] = level as SeverityLevel;
  }
  return severity;
}

function flagError(value: string, problem: string): InputError {
  return new InputError(`--severity ${value}: ${problem}`, { code: 'E_USAGE' });
}

/** Why a `validRoots` entry is not a valid root (an absolute repository path), or `undefined`. */
export function describeValidRootProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return `'${path}' is not an absolute repository path; write it like /etc/cloudservices/eventproxy`;
  if (path.length > 1 && path.endsWith('/')) return `'${path}' ends with '/'; write it without, like ${path.replace(/\/+$/, '') || '/'}`;
  return undefined;
}

/** The severity a finding of `validator` gets under `settings`, or `undefined` when the validator is off. */
export function applySeverity(severity: ValidationSettings['severity'], validator: ValidatorId, found: Severity): Severity | undefined {
  const level = severity?.[validator];
  if (level === undefined) return found;
  if (level === 'off') return undefined;
  // defaultSeverity: only the messages at the validator's default severity (error) move.
  if (found !== 'error') return found;
  return level === 'warn' ? 'warning' : level;
}
