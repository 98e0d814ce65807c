/**
 * `PackageProperties` and `META-INF/vault/properties.xml`, a Java XML properties file
 * (FileVault's `properties.md` and `PackageProperties.java`). What we write:
 *
 *     <?xml version="1.0" encoding="UTF-8"?>
 *     <!DOCTYPE properties SYSTEM "http://java.sun.com/dtd/properties.dtd">
 *     <properties>
 *     <comment>FileVault Package Properties</comment>
 *     <entry key="name">eventproxy-config</entry>
 *     …
 *     </properties>
 *
 * The layout is JDK 17's `storeToXML`. Escaping is what `Properties.loadFromXML` (AEM's reader)
 * reads back exactly, checked with the JDK: `& < >` as entities, CR as `&#xd;` (a raw CR comes
 * back as LF), and characters above U+FFFF as two surrogate references (`&#xd83d;&#xde00;`),
 * as the JDK itself writes them: its reader refuses 4-byte UTF-8 and `&#x1f600;` alike. Strict
 * XML parsers refuse surrogate references, but only `loadFromXML` reads this file.
 */
import { InputError } from '../errors.ts';
import { PROPERTIES_COMMENT, PROPERTIES_DOCTYPE, XML_DECLARATION } from './constants.ts';
import { findInvalidXmlCodePoint } from './xml-text.ts';

/** Package types, lower case as written (`PackageType.java`, packagetypes.md). */
export type PackageType = 'application' | 'content' | 'container' | 'mixed';

/** Access control handling, lower case as written (`AccessControlHandling.java`). */
export type AccessControlHandling = 'ignore' | 'overwrite' | 'merge' | 'merge_preserve' | 'clear';

/** The properties aem-ioevents writes; keys are the property keys of properties.md. */
export interface PackageProperties {
  readonly group: string;
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  /** ISO 8601 with milliseconds and offset, e.g. `2026-11-23T12:00:00.000Z`. */
  readonly created?: string;
  readonly createdBy?: string;
  readonly packageType?: PackageType;
  readonly acHandling?: AccessControlHandling;
  /** `group:name[:versionRange]` each; written comma-separated. */
  readonly dependencies?: readonly string[];
  /** Maven coordinates, written when the package is also a Maven artifact. */
  readonly groupId?: string;
  readonly artifactId?: string;
}

// The order entries are written in: identity first, then what Package Manager shows.
const KEY_ORDER: readonly (keyof PackageProperties)[] = [
  'group', 'name', 'version', 'description', 'created', 'createdBy', 'packageType', 'acHandling', 'dependencies', 'groupId', 'artifactId',
];

/** The key/value pairs of `properties.xml`, in writing order, omitting unset and empty values. */
export function getPropertyEntries(properties: PackageProperties): [string, string][] {
  const entries: [string, string][] = [];
  for (const key of KEY_ORDER) {
    const value = properties[key];
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text !== '' || key === 'version') entries.push([key, text]);
  }
  return entries;
}

/** Renders `properties.xml`. Throws `InputError` for a value XML 1.0 cannot carry. */
export function renderPropertiesXml(properties: PackageProperties): string {
  const lines = [XML_DECLARATION, PROPERTIES_DOCTYPE, '<properties>', `<comment>${PROPERTIES_COMMENT}</comment>`];
  for (const [key, value] of getPropertyEntries(properties)) {
    const bad = findInvalidXmlCodePoint(value);
    if (bad !== undefined) {
      throw new InputError(
        `package ${key} contains the character U+${bad.toString(16).toUpperCase().padStart(4, '0')}, which XML 1.0 (and so properties.xml) cannot carry; remove it`,
        { code: 'E_PROPERTIES_VALUE' },
      );
    }
    lines.push(`<entry key="${escapePropertiesText(key, /[&<>"\r]|[\ud800-\udbff][\udc00-\udfff]/g)}">${escapePropertiesText(value, /[&<>\r]|[\ud800-\udbff][\udc00-\udfff]/g)}</entry>`);
  }
  lines.push('</properties>', '');
  return lines.join('\n');
}

// Element text and the key attribute: & < > always, " in the attribute, and CR as a
// character reference because XML parsers turn a raw CR into LF.
function escapePropertiesText(text: string, pattern: RegExp): string {
  return text.replace(pattern, (c) => PROPERTIES_ESCAPES[c] ?? surrogateReferences(c));
}

function surrogateReferences(pair: string): string {
  return `&#x${pair.charCodeAt(0).toString(16)};&#x${pair.charCodeAt(1).toString(16)};`;
}

const PROPERTIES_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#xd;',
};
