/**
 * `jackrabbit-docviewparser` (FileVault `DocumentViewParserValidator` and its
 * `ValidatorDocViewParserHandler`): every `*.xml` below `jcr_root/`.
 *
 * | file                                         | severity | message                                             |
 * | -------------------------------------------- | -------- | --------------------------------------------------- |
 * | not DocView (sniffed as FileVault does)      | info     | `This file is not detected as docview xml file and therefore treated as binary` |
 * | not well-formed, an undeclared prefix, `{Invalid}x` | error | `Could not parse FileVault Document View XML: <reason>` |
 * | `attribute2="{Long}1.0"`                     | error    | `Invalid string serialization for type 'Long' given in property 'attribute2' : '1.0'. This string cannot be converted to the specified type!` |
 * | `<a …>text</a>`                              | error    | `Encountered character data inside DocView XML which is never used: text` |
 *
 * The reason of a parse error is the XML parser's (saxes here, Xerces in FileVault).
 */
import type { DocViewParseError } from '../../docview/docview-parse.ts';
import type { DocViewProperty, PropertyType } from '../../docview/docview-property.ts';
import type { DocViewVisit } from '../docview-file.ts';
import { isConvertible } from '../value-conversion.ts';
import { message, type ValidationMessage } from '../validator.ts';

/** The info message for an `.xml` file that is not DocView. */
export const NOT_DOCVIEW = 'This file is not detected as docview xml file and therefore treated as binary';

/** The message for a DocView file FileVault cannot parse. */
export function parseFailure(reason: string, position?: Pick<DocViewParseError, 'line' | 'column'>): ValidationMessage {
  return message('error', `Could not parse FileVault Document View XML: ${reason}`, position === undefined ? {} : { line: position.line, column: position.column });
}

/** Typed values that do not convert, checked as the element is parsed (its property objects are not kept). */
export function checkPropertyValues(properties: readonly DocViewProperty[]): readonly ValidationMessage[] {
  let messages: ValidationMessage[] | undefined;
  for (const property of properties) {
    if (property.type === 'undefined') continue;
    for (const value of property.values) {
      if (isConvertible(value, property.type)) continue;
      (messages ??= []).push(message('error', `Invalid string serialization for type '${typeName(property.type)}' given in property '${property.name}' : '${value}'. This string cannot be converted to the specified type!`));
    }
  }
  return messages ?? NONE;
}

const NONE: readonly never[] = [];

/** Typed values that do not convert, then unused character data, of one element. */
export function checkDocViewElement(visit: DocViewVisit): readonly ValidationMessage[] {
  if (visit.characterData.length === 0) return visit.invalidValues;
  const messages: ValidationMessage[] = [...visit.invalidValues];
  for (const data of visit.characterData) {
    messages.push(message('error', `Encountered character data inside DocView XML which is never used: ${data.text}`, { line: data.line, column: data.column }));
  }
  return messages;
}

// PropertyType.nameFromValue: a BinaryRef value is a BINARY property.
function typeName(type: PropertyType): string {
  return type === 'BinaryRef' ? 'Binary' : type;
}
