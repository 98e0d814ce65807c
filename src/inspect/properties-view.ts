/**
 * `PackagePropertiesView`: the typed reading of properties.xml entries that FileVault's
 * `PackagePropertiesImpl` gives its validators (FileVault's `properties.md`).
 *
 * | key                      | read as                                                         |
 * | ------------------------ | --------------------------------------------------------------- |
 * | `group`, `name`          | the id; without either, no id (Package Manager makes a temporary one) |
 * | `version`                | `''` when absent                                                |
 * | `packageType`            | upper-cased enum, `undefined` when absent or invalid            |
 * | `acHandling`             | upper-cased enum, `IGNORE` when absent or invalid               |
 * | `installhook.<n>.class`  | an external install hook named `n`                              |
 * | `allowIndexDefinitions`  | `true` ignoring case                                            |
 */
import type { AccessControlHandling, PackageType } from '../packaging/package-properties.ts';
import type { PackageId } from '../packaging/package-id.ts';

/** What the validators read from properties.xml. */
export interface PackagePropertiesView {
  /** Every entry as written. */
  readonly entries: ReadonlyMap<string, string>;
  /** `undefined` without `group` or `name`. */
  readonly id: PackageId | undefined;
  readonly packageType: PackageType | undefined;
  readonly acHandling: AccessControlHandling;
  /** `dependencies`, split as written (empty when absent). */
  readonly dependencies: readonly string[];
  /** `installhook.<name>.class` entries, name to class. */
  readonly externalHooks: ReadonlyMap<string, string>;
  readonly allowIndexDefinitions: boolean;
}

const PACKAGE_TYPES: readonly PackageType[] = ['application', 'content', 'container', 'mixed'];
const AC_HANDLINGS: readonly AccessControlHandling[] = ['ignore', 'overwrite', 'merge', 'merge_preserve', 'clear'];

/** Reads the entries of properties.xml (none when the file is missing or unreadable). */
export function readPackagePropertiesView(entries: ReadonlyMap<string, string> = new Map()): PackagePropertiesView {
  const group = entries.get('group');
  const name = entries.get('name');
  const packageType = PACKAGE_TYPES.find((t) => t === entries.get('packageType')?.toLowerCase());
  const acHandling = AC_HANDLINGS.find((h) => h === entries.get('acHandling')?.toLowerCase()) ?? 'ignore';
  const externalHooks = new Map<string, string>();
  for (const [key, value] of entries) {
    if (key.startsWith('installhook.')) externalHooks.set(key.slice('installhook.'.length).split('.')[0]!, value);
  }
  return {
    entries,
    id: group !== undefined && name !== undefined ? { group: normalizeGroup(group), name, version: entries.get('version') ?? '' } : undefined,
    packageType,
    acHandling,
    dependencies: splitDependencies(entries.get('dependencies') ?? ''),
    externalHooks,
    allowIndexDefinitions: entries.get('allowIndexDefinitions')?.toLowerCase() === 'true',
  };
}

// PackageId: a leading /etc/packages/ or / is not part of the group.
function normalizeGroup(group: string): string {
  if (group.startsWith('/etc/packages/')) return group.slice('/etc/packages/'.length);
  return group.startsWith('/') ? group.slice(1) : group;
}

// Dependency.parse: commas split, except inside a version range [..] or (..).
function splitDependencies(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth = Math.max(0, depth - 1);
    if (c === ',' && depth === 0) {
      if (current.trim() !== '') out.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

/** The enum spelling FileVault prints in messages (`AccessControlHandling.MERGE_PRESERVE`, `PackageType.APPLICATION`). */
export function enumName(value: string): string {
  return value.toUpperCase();
}
