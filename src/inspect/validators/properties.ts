/**
 * `jackrabbit-properties` (FileVault `AdvancedPropertiesValidator`): `META-INF/vault/properties.xml`
 * must load with `Properties.loadFromXML`, which is what AEM does with it.
 *
 * | properties.xml                                 | message (error)                                               |
 * | ---------------------------------------------- | ------------------------------------------------------------- |
 * | no DOCTYPE                                     | `Invalid properties.xml: An XML properties document must contain the DOCTYPE declaration as defined by java.util.Properties.` |
 * | `<someinvalidentry/>`                          | `Invalid properties.xml: Element type "someinvalidentry" must be declared.` |
 * | a raw character above U+FFFF (an emoji)        | `Invalid properties.xml: UTF-32 (or UCS-4) encoding not supported.` (the JDK's reader) |
 *
 * Readable properties are handed to the validators that check them (`jackrabbit-packagetype`).
 */
import { parsePropertiesXml, PropertiesXmlError } from '../../packaging/parse-properties-xml.ts';
import { message, type ValidationMessage } from '../validator.ts';
import { decodeXmlBytes } from '../xml-decode.ts';

/** What reading properties.xml gave. */
export interface PropertiesXmlReading {
  /** The entries, when `loadFromXML` accepts the file. */
  readonly entries: ReadonlyMap<string, string> | undefined;
  readonly messages: readonly ValidationMessage[];
}

/** Reads properties.xml bytes as `jackrabbit-properties` does. Pure. */
export function validatePropertiesXml(bytes: Uint8Array): PropertiesXmlReading {
  const decoded = decodeXmlBytes(bytes);
  if ('error' in decoded) return { entries: undefined, messages: [message('error', `Invalid properties.xml: ${decoded.error}`)] };
  try {
    return { entries: parsePropertiesXml(decoded.text).entries, messages: [] };
  } catch (error) {
    if (!(error instanceof PropertiesXmlError)) throw error;
    return { entries: undefined, messages: [message('error', `Invalid properties.xml: ${error.reason}`, { line: error.line, column: error.column })] };
  }
}
