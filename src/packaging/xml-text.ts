import { isInvalidXmlChar } from '../docview/xml-char.ts';

/**
 * The first code point in `text` that XML 1.0 cannot carry at all (controls other than TAB,
 * LF, CR; a lone surrogate; U+FFFE, U+FFFF), or `undefined`. Surrogate pairs are fine: they
 * encode characters above U+FFFF, which UTF-8 writes directly.
 */
export function findInvalidXmlCodePoint(text: string): number | undefined {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code > 0xffff) continue;
    if (isInvalidXmlChar(code)) return code;
  }
  return undefined;
}
