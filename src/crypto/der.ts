/**
 * DER building and reading blocks over node-forge's ASN.1 module, with Buffers at the edges
 * (forge itself works on binary strings).
 *
 * Readers throw {@link DerShapeError} naming the structure that did not have the expected
 * shape, so that the PKCS#12 reader can say which part of a file is broken.
 */
import type { asn1 } from 'node-forge';
import { forge } from './forge.ts';
import { DerShapeError } from './format-errors.ts';

/** One ASN.1 value as node-forge represents it. */
export type Asn1 = asn1.Asn1;

const UNIVERSAL = 0x00;
const CONTEXT = 0x80;
const T = {
  BOOLEAN: 1,
  INTEGER: 2,
  BITSTRING: 3,
  OCTETSTRING: 4,
  NULL: 5,
  OID: 6,
  UTF8STRING: 12,
  SEQUENCE: 16,
  SET: 17,
  PRINTABLESTRING: 19,
  IA5STRING: 22,
  UTCTIME: 23,
  GENERALIZEDTIME: 24,
  BMPSTRING: 30,
} as const;

const binary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** `SEQUENCE { items }`; `undefined` items (absent OPTIONAL fields) are left out. */
export function sequence(...items: readonly (Asn1 | undefined)[]): Asn1 {
  return forge.asn1.create(UNIVERSAL, T.SEQUENCE, true, items.filter((item): item is Asn1 => item !== undefined));
}

/** `SET OF { items }`, the items sorted by their encoding as DER requires (X.690 §11.6). */
export function setOf(...items: readonly Asn1[]): Asn1 {
  const sorted = items.map((item) => ({ item, der: encodeDer(item) })).sort((a, b) => Buffer.compare(a.der, b.der));
  return forge.asn1.create(UNIVERSAL, T.SET, true, sorted.map(({ item }) => item));
}

/** `OBJECT IDENTIFIER` from its dotted form. */
export function oid(dotted: string): Asn1 {
  return forge.asn1.create(UNIVERSAL, T.OID, false, forge.asn1.oidToDer(dotted).getBytes());
}

/** `OCTET STRING`. */
export function octetString(bytes: Uint8Array): Asn1 {
  return forge.asn1.create(UNIVERSAL, T.OCTETSTRING, false, binary(bytes));
}

/** Non-negative `INTEGER` (a small number). */
export function integer(value: number): Asn1 {
  return forge.asn1.create(UNIVERSAL, T.INTEGER, false, forge.asn1.integerToDer(value).getBytes());
}

/** A non-negative `INTEGER` from its big-endian bytes (a leading zero is added when the top bit is set). */
export function integerBytes(bytes: Uint8Array): Asn1 {
  const value = (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.of(0), bytes]) : Buffer.from(bytes);
  return forge.asn1.create(UNIVERSAL, T.INTEGER, false, binary(value));
}

/** `BOOLEAN`. */
export function boolean(value: boolean): Asn1 {
  return forge.asn1.create(UNIVERSAL, T.BOOLEAN, false, value ? '\xff' : '\x00');
}

/** `BIT STRING` of whole bytes, or with `unusedBits` in the last byte (named-bit lists such as keyUsage). */
export function bitString(bytes: Uint8Array, unusedBits = 0): Asn1 {
  return forge.asn1.create(UNIVERSAL, T.BITSTRING, false, String.fromCharCode(unusedBits) + binary(bytes));
}

/** A directory string: `UTF8String`, `PrintableString` or `IA5String` (RFC 5280 §4.1.2.4). */
export function directoryString(text: string, type: 'utf8' | 'printable' | 'ia5'): Asn1 {
  const tag = type === 'utf8' ? T.UTF8STRING : type === 'printable' ? T.PRINTABLESTRING : T.IA5STRING;
  return forge.asn1.create(UNIVERSAL, tag, false, binary(Buffer.from(text, 'utf8')));
}

/** An X.509 `Time`: `UTCTime` for 1950 to 2049, `GeneralizedTime` from 2050 (RFC 5280 §4.1.2.5), whole seconds. */
export function x509Time(date: Date): Asn1 {
  const iso = date.toISOString(); // 2027-11-23T12:00:00.000Z
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = date.getUTCFullYear();
  if (year >= 1950 && year < 2050) return forge.asn1.create(UNIVERSAL, T.UTCTIME, false, digits.slice(2));
  return forge.asn1.create(UNIVERSAL, T.GENERALIZEDTIME, false, digits);
}

/** `NULL`. */
export function nullValue(): Asn1 {
  return forge.asn1.create(UNIVERSAL, T.NULL, false, '');
}

/** `BMPString` (UTF-16BE), the type of the PKCS#12 `friendlyName`. */
export function bmpString(text: string): Asn1 {
  return forge.asn1.create(UNIVERSAL, T.BMPSTRING, false, text);
}

/** Explicitly tagged `[tag] { items }`. */
export function explicit(tag: number, ...items: readonly Asn1[]): Asn1 {
  return forge.asn1.create(CONTEXT, tag, true, [...items]);
}

/** Implicitly tagged primitive `[tag] IMPLICIT OCTET STRING`. */
export function implicitBytes(tag: number, bytes: Uint8Array): Asn1 {
  return forge.asn1.create(CONTEXT, tag, false, binary(bytes));
}

/** DER bytes of a value. */
export function encodeDer(value: Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(value).getBytes(), 'latin1');
}

/** Parses DER (and the BER that some PKCS#12 writers use); throws {@link DerShapeError}. */
export function decodeDer(bytes: Uint8Array, what: string): Asn1 {
  try {
    // strict: truncated values are errors; decodeBitStrings: false keeps BIT STRINGs as bytes.
    // Indefinite (BER) lengths of constructed values are read either way.
    const options = { strict: true, parseAllBytes: true, decodeBitStrings: false };
    return forge.asn1.fromDer(binary(bytes), options as unknown as boolean);
  } catch {
    throw new DerShapeError(`${what} is not valid DER`);
  }
}

function expectUniversal(value: Asn1 | undefined, type: number, what: string): Asn1 {
  if (value === undefined || value.tagClass !== UNIVERSAL || value.type !== type) throw new DerShapeError(`${what} is malformed`);
  return value;
}

/** The items of a `SEQUENCE`, at least `min` of them. */
export function readSequence(value: Asn1 | undefined, what: string, min = 0): Asn1[] {
  const node = expectUniversal(value, T.SEQUENCE, what);
  if (!Array.isArray(node.value) || node.value.length < min) throw new DerShapeError(`${what} is malformed`);
  return node.value;
}

/** The items of a `SET`. */
export function readSet(value: Asn1 | undefined, what: string): Asn1[] {
  const node = expectUniversal(value, T.SET, what);
  if (!Array.isArray(node.value)) throw new DerShapeError(`${what} is malformed`);
  return node.value;
}

/** The bytes of an implicit `[tag] IMPLICIT OCTET STRING`, also in BER's constructed form. */
export function readImplicitBytes(value: Asn1 | undefined, tag: number, what: string): Buffer {
  if (value === undefined || value.tagClass !== CONTEXT || value.type !== tag) throw new DerShapeError(`${what} is malformed`);
  if (typeof value.value === 'string') return Buffer.from(value.value, 'latin1');
  return Buffer.concat(value.value.map((chunk) => readOctetString(chunk, what)));
}

/** The inner value of an explicit `[tag]`. */
export function readExplicit(value: Asn1 | undefined, tag: number, what: string): Asn1 {
  if (value === undefined || value.tagClass !== CONTEXT || value.type !== tag || !Array.isArray(value.value) || value.value[0] === undefined) {
    throw new DerShapeError(`${what} is malformed`);
  }
  return value.value[0];
}

/** The dotted form of an `OBJECT IDENTIFIER`. */
export function readOid(value: Asn1 | undefined, what: string): string {
  const node = expectUniversal(value, T.OID, what);
  return forge.asn1.derToOid(node.value as string);
}

/** The bytes of an `OCTET STRING`, also in BER's constructed (chunked) form. */
export function readOctetString(value: Asn1 | undefined, what: string): Buffer {
  const node = expectUniversal(value, T.OCTETSTRING, what);
  if (typeof node.value === 'string') return Buffer.from(node.value, 'latin1');
  return Buffer.concat(node.value.map((chunk) => readOctetString(chunk, what)));
}

/** A non-negative `INTEGER` that fits a JavaScript number (versions, iteration counts, lengths). */
export function readSmallInteger(value: Asn1 | undefined, what: string): number {
  const node = expectUniversal(value, T.INTEGER, what);
  const bytes = Buffer.from(node.value as string, 'latin1');
  if (bytes.length === 0 || bytes.length > 6 || (bytes[0] ?? 0) & 0x80) throw new DerShapeError(`${what} is out of range`);
  return bytes.readUIntBE(0, bytes.length);
}

/** The text of a `BMPString`. */
export function readBmpString(value: Asn1 | undefined, what: string): string {
  return expectUniversal(value, T.BMPSTRING, what).value as string;
}

/** True for `NULL` (an AlgorithmIdentifier's absent parameters). */
export function isNull(value: Asn1 | undefined): boolean {
  return value !== undefined && value.tagClass === UNIVERSAL && value.type === T.NULL;
}
