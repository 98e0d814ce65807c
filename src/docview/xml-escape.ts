/**
 * XML escaping exactly as Woodstox's `BufferingXmlWriter` does it for UTF-8 output with its
 * defaults (escape CR on, double quotes), the writer behind FileVault's `FormattingXmlStreamWriter`
 * (FasterXML/woodstox `sw/BufferingXmlWriter.java`).
 *
 * | character              | attribute value | text                                  |
 * | ---------------------- | --------------- | ------------------------------------- |
 * | `&`                    | `&amp;`         | `&amp;`                               |
 * | `<`                    | `&lt;`          | `&lt;`                                |
 * | `>`                    | raw             | `&gt;` when first or after `]`, else raw |
 * | `"`                    | `&quot;`        | raw                                   |
 * | `'`                    | raw             | raw                                   |
 * | LF, TAB                | `&#xa;`, `&#x9;` | raw                                  |
 * | CR                     | `&#xd;`         | `&#xd;`                               |
 * | U+007F–U+009F          | raw             | `&#x7f;` … `&#x9f;`                   |
 *
 * Characters XML 1.0 cannot carry (other C0 controls, unpaired surrogates, U+FFFE, U+FFFF) are an
 * `InputError` here; Woodstox fails on most of them too and writes U+FFFE/U+FFFF as character
 * references that no XML parser accepts.
 */
import { InputError } from '../errors.ts';
import { isInvalidXmlChar } from './xml-char.ts';

const ATTRIBUTE = /[&<"\n\t\r]/g;
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\n': '&#xa;', '\t': '&#x9;', '\r': '&#xd;' };

/** Escapes an attribute value for a double-quoted attribute, as Woodstox writes it. */
export function escapeXmlAttribute(value: string): string {
  assertXmlChars(value);
  return value.replace(ATTRIBUTE, (c) => ATTRIBUTE_ENTITIES[c]!);
}

/** Escapes character data, as Woodstox's `writeCharacters` writes it. */
export function escapeXmlText(text: string): string {
  assertXmlChars(text);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const unit = text.charCodeAt(i);
    if (c === '&') out += '&amp;';
    else if (c === '<') out += '&lt;';
    // Conservative: a '>' that might close "]]>".
    else if (c === '>' && (i === 0 || text[i - 1] === ']')) out += '&gt;';
    else if (c === '\r' || (unit >= 0x7f && unit <= 0x9f)) out += `&#x${unit.toString(16)};`;
    else out += c;
  }
  return out;
}

function assertXmlChars(value: string): void {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (!isInvalidXmlChar(unit)) continue;
    // A surrogate pair is one valid character; XMLChar marks each half invalid on its own.
    if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(value.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    throw new InputError(
      `Expected XML 1.0 characters only, got U+${unit.toString(16).toUpperCase().padStart(4, '0')} at index ${i} of ${JSON.stringify(value)}`,
      { code: 'E_XML_CHAR' },
    );
  }
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
