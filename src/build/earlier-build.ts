/**
 * Is the zip already at the output path the tool's own earlier build of the same package? Then
 * `build` replaces it without `--force`, as Maven rebuilds `target/`: without
 * `SOURCE_DATE_EPOCH` only the `created` date differs between two builds, and refusing that made
 * `build; build` fail. Anything else at the path is kept unless `--force` is given.
 *
 * "Ours" means: a zip that the safe package reader opens (the one `inspect` uses: it refuses
 * hostile zips), whose `META-INF/vault/properties.xml` parses as `Properties.loadFromXML` would,
 * says `createdBy` = `aem-ioevents` (what {@link buildPackage} writes) and has the same group,
 * name and version as the package being built. The template, the content and the date may differ.
 */
import { isIoEventsError } from '../errors.ts';
import { openPackageZip } from '../inspect/zip-reader.ts';
import { decodeXmlBytes } from '../inspect/xml-decode.ts';
import { PROPERTIES_XML } from '../packaging/constants.ts';
import { formatPackageId, type PackageId } from '../packaging/package-id.ts';
import { parsePropertiesXml } from '../packaging/parse-properties-xml.ts';

/** The `createdBy` that `buildPackage` writes into properties.xml. */
export const CREATED_BY = 'aem-ioevents';

/**
 * Why the existing zip `bytes` must be kept (the end of "… exists and <reason>"), or `undefined`
 * when it is an earlier build of package `id` by this tool and may be replaced.
 */
export async function whyKeepExistingZip(bytes: Uint8Array, id: PackageId): Promise<string | undefined> {
  const properties = await readProperties(bytes);
  if (typeof properties === 'string') return `was not written by aem-ioevents (${properties})`;
  const createdBy = properties.get('createdBy');
  if (createdBy !== CREATED_BY) return `was not written by aem-ioevents (createdBy is ${createdBy === undefined ? 'missing' : `'${clip(createdBy)}'`})`;
  const found: PackageId = { group: properties.get('group') ?? '', name: properties.get('name') ?? '', version: properties.get('version') ?? '' };
  if (formatPackageId(found) !== formatPackageId(id)) return `holds another package id (${clip(formatPackageId(found))}, not ${formatPackageId(id)})`;
  return undefined;
}

// Text from a file we did not write, shortened for a message.
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

// The entries of properties.xml, or why they could not be read.
async function readProperties(bytes: Uint8Array): Promise<ReadonlyMap<string, string> | string> {
  let archive;
  try {
    archive = await openPackageZip({ bytes }, { label: 'the existing file' });
  } catch (error) {
    if (isIoEventsError(error)) return 'not a readable zip';
    throw error;
  }
  try {
    const entry = archive.entries.find((candidate) => candidate.path === PROPERTIES_XML);
    if (entry === undefined) return `no ${PROPERTIES_XML}`;
    const decoded = decodeXmlBytes(await archive.read(entry));
    if ('error' in decoded) return `unreadable ${PROPERTIES_XML}`;
    return parsePropertiesXml(decoded.text).entries;
  } catch (error) {
    if (isIoEventsError(error)) return `unreadable ${PROPERTIES_XML}`;
    throw error;
  } finally {
    archive.close();
  }
}
