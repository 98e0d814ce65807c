/**
 * ISO 9075 name encoding as Jackrabbit's `org.apache.jackrabbit.util.ISO9075` (jackrabbit-jcr-commons)
 * does it: FileVault
 * writes every DocView element and attribute local name through it. A name that is already a
 * valid XML name without `_x` stays as it is; otherwise each UTF-16 unit not allowed at its place
 * becomes `_xHHHH_` (lower-case hex), and a `_` that starts `_xHHHH` becomes `_x005f_`.
 *
 * | name                             | XML name                                |
 * | -------------------------------- | --------------------------------------- |
 * | `1test`                          | `_x0031_test`                           |
 * | `test%test`                      | `test_x0025_test`                       |
 * | `childnode[2]`                   | `childnode_x005b_2_x005d_`              |
 * | `_x0020`                         | `_x005f_x0020`                          |
 * | `abc_x12_`                       | `abc_x12_` (not 4 hex digits)           |
 * | `héllo`, `foo-bar.baz`           | unchanged                               |
 */
import { isValidXmlName, isXmlNameChar, isXmlNameStart } from './xml-char.ts';

const ENCODED = /_x[0-9a-fA-F]{4}_/g;
const HEX = /^[0-9a-fA-F]{4}$/;

/** `ISO9075.encode`: the XML name for a JCR local name. */
export function encodeIso9075(name: string): string {
  if (name.length === 0 || (isValidXmlName(name) && !name.includes('_x'))) return name;
  let encoded = '';
  for (let i = 0; i < name.length; i++) {
    const unit = name.charCodeAt(i);
    const allowed = i === 0 ? isXmlNameStart(unit) : isXmlNameChar(unit);
    if (!allowed) encoded += encodeUnit(unit);
    else if (startsEscapeLookalike(name, i)) encoded += encodeUnit(0x5f);
    else encoded += name[i];
  }
  return encoded;
}

/** `ISO9075.decode`: replaces every `_xHHHH_` with its UTF-16 unit. */
export function decodeIso9075(name: string): string {
  if (!name.includes('_x')) return name;
  return name.replace(ENCODED, (match) => String.fromCharCode(parseInt(match.slice(2, 6), 16)));
}

function encodeUnit(unit: number): string {
  return `_x${unit.toString(16).padStart(4, '0')}_`;
}

// ISO9075.needsEscaping: '_' followed by 'x' and four hex digits (no closing '_' needed).
function startsEscapeLookalike(name: string, i: number): boolean {
  return name[i] === '_' && name.length >= i + 6 && name[i + 1] === 'x' && HEX.test(name.slice(i + 2, i + 6));
}
