/**
 * Bytes of an XML entry to text, the way a Java XML parser picks the encoding: a byte order
 * mark first, then the `encoding` of the XML declaration, else UTF-8. Malformed UTF-8 is an
 * error, as it is for Xerces ("Invalid byte 1 of 1-byte UTF-8 sequence").
 *
 * | bytes start with / declare      | decoded as           |
 * | ------------------------------- | -------------------- |
 * | `EF BB BF`, nothing, `UTF-8`     | UTF-8 (strict)       |
 * | `FE FF` / `FF FE`                | UTF-16 BE / LE       |
 * | `ISO-8859-1`, `Latin1`, `US-ASCII` | one byte each      |
 * | anything else                    | refused              |
 */
import { isUtf8 } from 'node:buffer';

/** Decoded text, or why the bytes are not text. */
export type DecodedXml = { readonly text: string } | { readonly error: string };

/** Decoded text in pieces (made as they are read, again on each call), or why the bytes are not text. */
export type DecodedXmlPieces = { readonly pieces: () => Iterable<string> } | { readonly error: string };

const DECLARED = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

// Text pieces of this many bytes: a file's text is never held whole (issue 11, point 7).
const PIECE_BYTES = 16 * 1024;

/** Decodes an XML entry. */
export function decodeXmlBytes(bytes: Uint8Array): DecodedXml {
  const decoded = decodeXmlPieces(bytes);
  return 'error' in decoded ? decoded : { text: [...decoded.pieces()].join('') };
}

/**
 * Decodes an XML entry into pieces of text as {@link decodeXmlBytes} decodes it whole; the bytes
 * are checked first, so a malformed byte is refused before any piece is read.
 */
export function decodeXmlPieces(bytes: Uint8Array): DecodedXmlPieces {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWhole(bytes.subarray(2), 'utf-16be');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWhole(bytes.subarray(2), 'utf-16le');
  const head = latin1(bytes.subarray(bytes[0] === 0xef ? 3 : 0, 200));
  const encoding = (DECLARED.exec(head)?.[1] ?? 'UTF-8').toUpperCase();
  if (encoding === 'UTF-8' || encoding === 'UTF8') {
    if (!isUtf8(bytes)) return { error: 'the bytes are not valid UTF-8' };
    return { pieces: () => utf8Pieces(bytes) };
  }
  if (['ISO-8859-1', 'ISO8859-1', 'ISO8859_1', 'LATIN1', 'US-ASCII', 'ASCII'].includes(encoding)) return { pieces: () => latin1Pieces(bytes) };
  return { error: `the encoding '${encoding}' is not supported` };
}

function* utf8Pieces(bytes: Uint8Array): Generator<string> {
  // Streaming keeps a character whose bytes straddle two pieces whole, and drops a leading BOM as decoding at once does.
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < bytes.length; i += PIECE_BYTES) yield decoder.decode(bytes.subarray(i, i + PIECE_BYTES), { stream: true });
  yield decoder.decode();
}

function* latin1Pieces(bytes: Uint8Array): Generator<string> {
  for (let i = 0; i < bytes.length; i += PIECE_BYTES) yield latin1(bytes.subarray(i, i + PIECE_BYTES));
}

// UTF-16 packages are rare: decoded whole.
function decodeWhole(bytes: Uint8Array, encoding: string): DecodedXmlPieces {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return { pieces: () => [text] };
  } catch {
    return { error: `the bytes are not valid ${encoding.toUpperCase()}` };
  }
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/**
 * FileVault's DocView sniffing (`DocViewParser.isDocView`): the first 1024 bytes, read one byte
 * per character, contain `<jcr:root` and `"http://www.jcp.org/jcr/1.0"` (with double quotes).
 */
export function isDocViewXml(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 1024));
  return head.includes('<jcr:root') && head.includes('"http://www.jcp.org/jcr/1.0"');
}
