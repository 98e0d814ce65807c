/**
 * Do two builds of a package differ in more than their build date? Without `SOURCE_DATE_EPOCH`
 * every build stamps the time it ran into `properties.xml` (`created`) and into every zip entry's
 * time (build-time.ts), so a rebuild of the same content never has the same bytes: `up` compared
 * only the SHA-256 and so installed again on every run. Here the entries are compared instead:
 * the same names, the same bytes, `properties.xml` the same but for `created`.
 * Both zips are opened by the safe reader `inspect` uses (a stored zip is a remote's answer).
 */
import { isIoEventsError } from '../errors.ts';
import { decodeXmlBytes } from '../inspect/xml-decode.ts';
import { openPackageZip, type PackageArchive, type PackageSource } from '../inspect/zip-reader.ts';
import { PROPERTIES_XML } from '../packaging/constants.ts';
import { parsePropertiesXml } from '../packaging/parse-properties-xml.ts';

// The properties a rebuild changes by itself: the build time (build-package.ts `packageProperties`).
const BUILD_DATE_KEYS: ReadonlySet<string> = new Set(['created']);

/**
 * How the zip `stored` differs from the local one in more than the build date, in words
 * (`jcr_root/…/.content.xml differs`), or `undefined` when only the build date differs. A zip the
 * safe reader refuses (either one: its message names which) is a difference, never a throw: deploy
 * then reads the local zip again and speaks for it.
 */
export async function describeContentDifference(local: PackageSource, stored: Uint8Array, storedLabel: string): Promise<string | undefined> {
  const opened: PackageArchive[] = [];
  try {
    opened.push(await openPackageZip(local, { label: 'the local zip' }));
    opened.push(await openPackageZip({ bytes: stored }, { label: storedLabel }));
    return await compareEntries(opened[0]!, opened[1]!);
  } catch (error) {
    if (isIoEventsError(error)) return `it could not be compared: ${error.message}`;
    throw error;
  } finally {
    for (const archive of opened) archive.close();
  }
}

// The first entry that differs, in the local zip's order; undefined when none does.
async function compareEntries(ours: PackageArchive, theirs: PackageArchive): Promise<string | undefined> {
  const stored = new Map(theirs.entries.map((entry) => [entry.path, entry]));
  const local = new Set(ours.entries.map((entry) => entry.path));
  const missing = theirs.entries.find((entry) => !local.has(entry.path));
  if (missing !== undefined) return `it has ${missing.path}, which the local zip has not`;
  for (const entry of ours.entries) {
    const other = stored.get(entry.path);
    if (other === undefined) return `it has no ${entry.path}`;
    if (entry.isDirectory) continue;
    const [a, b] = [await ours.read(entry), await theirs.read(other)];
    const same = entry.path === PROPERTIES_XML ? sameProperties(a, b) : Buffer.from(a).equals(b);
    if (!same) return `${entry.path} differs`;
  }
  return undefined;
}

// The same entries, and values, but for the build date; unreadable means different.
function sameProperties(a: Uint8Array, b: Uint8Array): boolean {
  const [ours, theirs] = [readProperties(a), readProperties(b)];
  if (ours === undefined || theirs === undefined) return false;
  const keys = (map: ReadonlyMap<string, string>) => [...map.keys()].filter((key) => !BUILD_DATE_KEYS.has(key));
  return keys(ours).length === keys(theirs).length && keys(ours).every((key) => theirs.get(key) === ours.get(key));
}

function readProperties(bytes: Uint8Array): ReadonlyMap<string, string> | undefined {
  const decoded = decodeXmlBytes(bytes);
  if ('error' in decoded) return undefined;
  try {
    return parsePropertiesXml(decoded.text).entries;
  } catch (error) {
    if (isIoEventsError(error)) return undefined;
    throw error;
  }
}
