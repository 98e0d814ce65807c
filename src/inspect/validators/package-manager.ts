/**
 * `package-manager`: what CRX Package Manager itself refuses, beyond FileVault's validators
 * (FileVault's JcrPackageRegistry, ZipVaultPackage, PackagePropertiesImpl):
 *
 * | package                                     | severity | consequence                                          |
 * | ------------------------------------------- | -------- | ---------------------------------------------------- |
 * | nothing below `jcr_root/`                   | error    | upload fails: `Given archive is not a content package. Missing 'jcr_root'.` |
 * | no `META-INF/vault/filter.xml`              | error    | uploads, but install fails: `Package not valid.`     |
 * | a name, version or group that is no JCR name | error   | upload fails: `Unable to create package. Illegal package name.` |
 * | no properties.xml, or no `group`/`name`     | warning  | stored under a temporary id `temporary:pack_<uuid>`  |
 * | no `version`                                | warning  | `Package does not specify a version. setting to ''`  |
 * | a STORED entry with a data descriptor       | error    | `ZipInputStream` (the upload) fails: `only DEFLATED entries can have EXT descriptor` |
 * | two entries with the same name              | warning  | readers disagree about which one counts              |
 * | a `filter.xml`/`properties.xml` in a subfolder of `META-INF/vault/` | error/warning | FileVault loads it too; the last one counts (`meta-inf-files.ts`) |
 */
import { FILTER_XML, PROPERTIES_XML, ROOT_DIR } from '../../packaging/constants.ts';
import { getPackageIdError } from '../../packaging/package-id.ts';
import type { PackagePropertiesView } from '../properties-view.ts';
import type { PackageEntry } from '../zip-reader.ts';
import { message, type ValidationMessage } from '../validator.ts';

/** What the package-level checks look at. */
export interface PackageFacts {
  readonly entries: readonly PackageEntry[];
  /** properties.xml exists (readable or not). */
  readonly hasPropertiesXml: boolean;
  /** properties.xml was read; its view. */
  readonly properties: PackagePropertiesView | undefined;
  readonly hasFilterXml: boolean;
  readonly hasJcrRoot: boolean;
}

/** Checks the package as a whole; every message names its entry. */
export function checkPackageFacts(facts: PackageFacts): ValidationMessage[] {
  const messages: ValidationMessage[] = [...checkEntries(facts.entries)];
  if (!facts.hasJcrRoot) messages.push(message('error', "Given archive is not a content package. Missing 'jcr_root'.", { path: `${ROOT_DIR}/` }));
  if (!facts.hasFilterXml) {
    messages.push(message('error', `${FILTER_XML} is missing: Package Manager uploads the package but cannot install it ("Package not valid.")`, { path: FILTER_XML }));
  }
  if (!facts.hasPropertiesXml) {
    messages.push(message('warning', `${PROPERTIES_XML} is missing: without group and name Package Manager stores the package under a temporary id (temporary:pack_<uuid>)`, { path: PROPERTIES_XML }));
  }
  if (facts.properties !== undefined) messages.push(...checkId(facts.properties));
  return messages;
}

function checkId(properties: PackagePropertiesView): ValidationMessage[] {
  const at = { path: PROPERTIES_XML };
  const missing = ['group', 'name'].filter((key) => !properties.entries.has(key));
  if (missing.length > 0) {
    return [message('warning', `properties.xml has no ${missing.map((k) => `'${k}'`).join(' and ')}: Package Manager stores the package under a temporary id (temporary:pack_<uuid>)`, at)];
  }
  const messages: ValidationMessage[] = [];
  const error = getPackageIdError(properties.id!);
  if (error !== undefined) messages.push(message('error', `${error}; Package Manager refuses the upload ("Unable to create package. Illegal package name.")`, at));
  if (!properties.entries.has('version')) messages.push(message('warning', "properties.xml has no 'version': FileVault uses the empty version (\"Package does not specify a version. setting to ''\")", at));
  return messages;
}

function checkEntries(entries: readonly PackageEntry[]): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.path, (counts.get(entry.path) ?? 0) + 1);
  for (const [path, count] of counts) {
    if (count > 1) messages.push(message('warning', `the zip holds ${count} entries named '${path}'; zip readers disagree about which one counts`, { path }));
  }
  for (const entry of entries) {
    if (entry.storedWithDescriptor) {
      messages.push(message('error', `entry '${entry.path}' is STORED with a data descriptor: java.util.zip.ZipInputStream (AEM's upload) fails with "only DEFLATED entries can have EXT descriptor"`, { path: entry.path }));
    }
  }
  return messages;
}
