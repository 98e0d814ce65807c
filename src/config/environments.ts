/**
 * Step 2 of {@link parseConfig}: `environments` and `--env`. The chosen entry is deep-merged over
 * the rest of the file: mappings merge key by key, lists and single values replace, and `null`
 * removes a key (`keystore: null` drops the section for that environment). `environments` itself
 * is removed from the result. Every entry is checked for unknown keys, chosen or not, so a typo
 * in `stage` shows up while building `prod`.
 */
import { InputError } from '../errors.ts';
import type { ConfigIssue } from './config-error.ts';
import { childPath, isMapping } from './field-path.ts';
import { CONFIG_KEYS } from './schema.ts';
import { findUnknownKeys } from './unknown-keys.ts';

/** The file with the chosen environment applied. */
export interface EnvironmentSelection {
  /** The merged tree, without `environments`. */
  readonly tree: Record<string, unknown>;
  /** Paths whose value the environment entry set, replaced or removed. */
  readonly overridden: readonly string[];
  /** Problems inside `environments`, reported together with the field problems. */
  readonly issues: readonly ConfigIssue[];
}

/** Applies `environments.<envName>`; an unknown name is an {@link InputError} (`E_CONFIG_ENV`) listing the names. */
export function selectEnvironment(tree: Record<string, unknown>, envName: string | undefined, fileLabel: string): EnvironmentSelection {
  const rest = Object.fromEntries(Object.entries(tree).filter(([key]) => key !== 'environments'));
  const environments = tree['environments'];
  if (environments === undefined || environments === null) {
    if (envName !== undefined) throw new InputError(`--env ${envName}: the configuration file ${fileLabel} has no environments section; add environments.${envName} or drop --env`, { code: 'E_CONFIG_ENV' });
    return { tree: rest, overridden: [], issues: [] };
  }
  if (!isMapping(environments)) {
    const issue = { path: 'environments', message: 'expected a mapping of environment names to sections, like environments: { stage: { cloudService: { name: ioevents-stage } } }' };
    if (envName !== undefined) throw new InputError(`--env ${envName}: environments in ${fileLabel} is not a mapping of environment names`, { code: 'E_CONFIG_ENV' });
    return { tree: rest, overridden: [], issues: [issue] };
  }
  const issues = Object.entries(environments).flatMap(([name, entry]) => checkEntry(name, entry));
  if (envName === undefined) return { tree: rest, overridden: [], issues };
  if (!Object.hasOwn(environments, envName)) {
    const names = Object.keys(environments);
    const known = names.length === 0 ? 'it defines none' : `it defines ${names.join(', ')}`;
    throw new InputError(`--env ${envName}: no such environment in ${fileLabel}; ${known}`, { code: 'E_CONFIG_ENV' });
  }
  const overlay = environments[envName];
  const overridden: string[] = [];
  const merged = isMapping(overlay) ? mergeOver(rest, overlay, '', overridden) : rest;
  return { tree: merged as Record<string, unknown>, overridden, issues };
}

function checkEntry(name: string, entry: unknown): ConfigIssue[] {
  const path = childPath('environments', name);
  if (!isMapping(entry)) return [{ path, message: `expected a mapping of sections (${Object.keys(CONFIG_KEYS).join(', ')}) to override` }];
  const nested = Object.hasOwn(entry, 'environments') ? [{ path: childPath(path, 'environments'), message: 'environments cannot be nested; move it to the top level' }] : [];
  const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'environments'));
  return [...nested, ...findUnknownKeys(rest, path, Object.keys(CONFIG_KEYS))];
}

/** Deep merge: mappings key by key; anything else (lists included) replaces; `null` removes the key. */
export function mergeOver(base: unknown, overlay: unknown, path: string, overridden: string[]): unknown {
  if (!isMapping(base) || !isMapping(overlay)) {
    overridden.push(path);
    return overlay;
  }
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) setOwn(result, key, value);
  for (const [key, value] of Object.entries(overlay)) {
    const at = childPath(path, key);
    if (value === null) {
      delete result[key];
      overridden.push(at);
    } else if (Object.hasOwn(base, key)) setOwn(result, key, mergeOver(base[key], value, at, overridden));
    else {
      setOwn(result, key, value);
      overridden.push(at);
    }
  }
  return result;
}

// defineProperty, so a key named __proto__ stays a plain (and then unknown) key.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
