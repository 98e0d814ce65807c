/**
 * Which entry FileVault reads as `filter.xml` or `properties.xml`. `DefaultMetaInf.load` is called
 * for every entry below `META-INF/vault/` and dispatches on the file name alone, at any depth
 * (reference filevault-format.md §1.5); each file it loads replaces the one before, and one it
 * cannot load fails the whole package. So for AEM:
 *
 * | entries named `filter.xml` below `META-INF/vault/`   | the package's filter                 | finding (`package-manager`) |
 * | ---------------------------------------------------- | ------------------------------------ | --------------------------- |
 * | `META-INF/vault/filter.xml` only                     | that one                             | none                        |
 * | `META-INF/vault/old/filter.xml` only                 | that one                             | warning                     |
 * | `META-INF/vault/filter.xml`, then `…/old/filter.xml` | the last in the zip (`…/old/…`)      | error on each one replaced  |
 *
 * Every candidate is still read and validated: a broken one fails the install wherever it is.
 */
import { META_DIR } from '../packaging/constants.ts';
import { message, type ValidationMessage } from './validator.ts';
import type { PackageEntry } from './zip-reader.ts';

/** The names FileVault loads as package metadata whose content inspect reads. */
export type MetaInfFileName = 'filter.xml' | 'properties.xml';

/** The entries FileVault loads as one metadata file, in zip order; the last one counts. */
export function findMetaInfFiles(entries: readonly PackageEntry[], name: MetaInfFileName): PackageEntry[] {
  return entries.filter((entry) => !entry.isDirectory && entry.path.startsWith(`${META_DIR}/`) && entry.path.slice(entry.path.lastIndexOf('/') + 1) === name);
}

/** What to tell about the candidates of one metadata file (none for the usual single file at its place). */
export function checkMetaInfFiles(candidates: readonly PackageEntry[], name: MetaInfFileName): ValidationMessage[] {
  const used = candidates.at(-1);
  if (used === undefined) return [];
  const why = `FileVault reads every file named ${name} below ${META_DIR}/ as the package's ${name}, in zip order, and the last one counts`;
  if (candidates.length === 1) {
    if (used.path === `${META_DIR}/${name}`) return [];
    return [message('warning', `${used.path} is the package's ${name}: ${why}`, { path: used.path })];
  }
  return candidates.slice(0, -1).map((replaced) => message('error', `${replaced.path} is replaced by ${used.path}: ${why}; AEM installs with ${used.path}`, { path: replaced.path }));
}
