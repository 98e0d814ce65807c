/**
 * The local view of a zip must be the central view. yauzl, `ZipFile` and
 * `JarFile` read the central directory; `java.util.zip.ZipInputStream`, AEM's upload path
 * (FileVault's `packaging.md`), never does: it reads local header after local header from offset 0.
 * A zip whose two views differ shows each reader another package, so every local header is checked
 * against its central record (name, flags, method, CRC, sizes), and the entries must follow one
 * another from offset 0 to the central directory without gap or overlap (a gap can hide an entry
 * only `ZipInputStream` sees; overlapping entries are the non-recursive zip bomb).
 *
 * | local header field      | accepted when                                                    |
 * | ----------------------- | ---------------------------------------------------------------- |
 * | name, flags, method     | the same bytes and numbers as the central record                 |
 * | CRC, sizes (bit 3 off)  | equal to the central record (ZIP64: from the `0x0001` extra)      |
 * | CRC, sizes (bit 3 on)   | each zero or equal; the data descriptor after the data is equal  |
 */
import { InputError } from '../errors.ts';

/** What the central directory says of one entry. */
export interface CentralRecord {
  /** The name as shown in messages. */
  readonly name: string;
  readonly nameRaw: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Reads up to `length` bytes at `position` (fewer at the end of the zip). */
export type ReadRange = (position: number, length: number) => Promise<Uint8Array>;

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const LOCAL_HEADER_SIZE = 30;
const HAS_DESCRIPTOR = 0x8;
const ZIP64_MAGIC = 0xffffffff;
const ZIP64_EXTRA = 0x0001;
// Most entries carry a short extra field: one read fetches it with the header.
const EXTRA_READ_AHEAD = 128;

interface Fields {
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

/**
 * Refuses a zip whose local headers or layout differ from its central directory; returns where
 * each entry's data starts (after its local header), in the order of `records`.
 * @throws InputError naming the package, the entry, the field and both values.
 */
export async function assertLocalHeadersMatch(label: string, records: readonly CentralRecord[], centralDirectoryOffset: number, read: ReadRange): Promise<number[]> {
  const byOffset = [...records].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const dataStarts = new Map<CentralRecord, number>();
  let expected = 0;
  let previous: CentralRecord | undefined;
  for (const record of byOffset) {
    assertAdjacent(label, expected, record.localHeaderOffset, previous, record.name);
    const checked = await checkEntry(label, record, read);
    dataStarts.set(record, checked.dataStart);
    expected = checked.next;
    previous = record;
  }
  assertAdjacent(label, expected, centralDirectoryOffset, previous, undefined);
  return records.map((record) => dataStarts.get(record)!);
}

// Checks one entry's local header and data descriptor; returns where its data starts and where the next entry must start.
async function checkEntry(label: string, record: CentralRecord, read: ReadRange): Promise<{ dataStart: number; next: number }> {
  const offset = record.localHeaderOffset;
  let head = await read(offset, LOCAL_HEADER_SIZE + record.nameRaw.length + EXTRA_READ_AHEAD);
  const view = dataView(head);
  if (head.length < LOCAL_HEADER_SIZE || view.getUint32(0, true) !== LOCAL_SIGNATURE) {
    throw mismatch(label, record, `no local header at offset ${offset}`);
  }
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const dataStart = offset + LOCAL_HEADER_SIZE + nameLength + extraLength;
  if (head.length < dataStart - offset) head = await read(offset, dataStart - offset);
  if (head.length < dataStart - offset) throw mismatch(label, record, `a local header cut short at offset ${offset}`);
  const localName = head.subarray(LOCAL_HEADER_SIZE, LOCAL_HEADER_SIZE + nameLength);
  if (!sameBytes(localName, record.nameRaw)) throw differs(label, record, 'local header', 'name', JSON.stringify(new TextDecoder().decode(localName)), JSON.stringify(record.name));
  compare(label, record, 'local header', 'general purpose flags', hex4(view.getUint16(6, true)), hex4(record.flags));
  compare(label, record, 'local header', 'compression method', view.getUint16(8, true), record.method);
  const local = readLocalFields(view, head.subarray(LOCAL_HEADER_SIZE + nameLength, dataStart - offset));
  const dataEnd = dataStart + record.compressedSize;
  if ((record.flags & HAS_DESCRIPTOR) === 0) {
    compareFields(label, record, 'local header', local);
    return { dataStart, next: dataEnd };
  }
  // Bit 3: the writer may leave any local value zero (ZipInputStream ignores them and reads the
  // descriptor); macOS's Archive Utility writes CRC and compressed size 0 with the real size.
  compareFields(label, record, 'local header', local, true);
  const descriptor = await readDescriptor(record, dataEnd, read, local.zip64);
  compareFields(label, record, 'data descriptor', descriptor);
  return { dataStart, next: dataEnd + descriptor.length };
}

function readLocalFields(view: DataView, extra: Uint8Array): Fields & { readonly zip64: boolean } {
  let compressedSize = view.getUint32(18, true);
  let uncompressedSize = view.getUint32(22, true);
  const zip64 = findExtra(extra, ZIP64_EXTRA);
  // APPNOTE 4.5.3: in a local header the ZIP64 field holds both sizes, uncompressed first.
  if (zip64 !== undefined && zip64.length >= 16 && (compressedSize === ZIP64_MAGIC || uncompressedSize === ZIP64_MAGIC)) {
    const extraView = dataView(zip64);
    uncompressedSize = Number(extraView.getBigUint64(0, true));
    compressedSize = Number(extraView.getBigUint64(8, true));
  }
  return { crc32: view.getUint32(14, true), compressedSize, uncompressedSize, zip64: zip64 !== undefined };
}

// The descriptor's sizes take 8 bytes for a ZIP64 entry; JDK 17's ZipInputStream decides by the
// sizes it read, later JDKs also by the local ZIP64 field, so both are tried for such an entry.
async function readDescriptor(record: CentralRecord, position: number, read: ReadRange, localZip64: boolean): Promise<Fields & { readonly length: number }> {
  const bytes = await read(position, 24);
  const view = dataView(bytes);
  const signed = bytes.length >= 4 && view.getUint32(0, true) === DESCRIPTOR_SIGNATURE ? 4 : 0;
  const large = record.compressedSize >= ZIP64_MAGIC || record.uncompressedSize >= ZIP64_MAGIC;
  const widths = large ? [8] : localZip64 ? [8, 4] : [4];
  let fields: Fields & { readonly length: number } = { crc32: NaN, compressedSize: NaN, uncompressedSize: NaN, length: 0 };
  for (const width of widths) {
    const length = signed + 4 + 2 * width;
    if (bytes.length < length) continue;
    const size = (at: number): number => (width === 8 ? Number(view.getBigUint64(at, true)) : view.getUint32(at, true));
    fields = { crc32: view.getUint32(signed, true), compressedSize: size(signed + 4), uncompressedSize: size(signed + 4 + width), length };
    if (sameFields(fields, record)) break;
  }
  return fields;
}

function findExtra(extra: Uint8Array, id: number): Uint8Array | undefined {
  const view = dataView(extra);
  for (let at = 0; at + 4 <= extra.length; ) {
    const size = view.getUint16(at + 2, true);
    if (view.getUint16(at, true) === id) return extra.subarray(at + 4, Math.min(at + 4 + size, extra.length));
    at += 4 + size;
  }
  return undefined;
}

function assertAdjacent(label: string, expected: number, actual: number, previous: CentralRecord | undefined, next: string | undefined): void {
  const what = next === undefined ? 'the central directory' : `entry ${JSON.stringify(next)}`;
  if (actual > expected) {
    throw new InputError(`${label} has ${actual - expected} bytes at offset ${expected}, before ${what}, that no entry of the central directory accounts for; Java's ZipInputStream (AEM's upload) reads local headers one after the other and would read them: refusing to read the package`, { code: 'E_ZIP_MISMATCH' });
  }
  if (actual < expected) {
    throw new InputError(`${label}: ${what} starts at offset ${actual}, inside entry ${JSON.stringify(previous!.name)} (which ends at offset ${expected}); entries must not overlap (zip bomb): refusing to read the package`, { code: 'E_ZIP_MISMATCH' });
  }
}

function compareFields(label: string, record: CentralRecord, where: string, fields: Fields, zeroAllowed = false): void {
  const value = (local: number, central: number): number => (zeroAllowed && local === 0 ? central : local);
  compare(label, record, where, 'CRC', hex8(value(fields.crc32, record.crc32)), hex8(record.crc32));
  compare(label, record, where, 'compressed size', value(fields.compressedSize, record.compressedSize), record.compressedSize);
  compare(label, record, where, 'size', value(fields.uncompressedSize, record.uncompressedSize), record.uncompressedSize);
}

function sameFields(a: Fields, b: Fields): boolean {
  return a.crc32 === b.crc32 && a.compressedSize === b.compressedSize && a.uncompressedSize === b.uncompressedSize;
}

function compare(label: string, record: CentralRecord, where: string, field: string, local: number | string, central: number | string): void {
  if (local !== central) throw differs(label, record, where, field, String(local), String(central));
}

function differs(label: string, record: CentralRecord, where: string, field: string, local: string, central: string): InputError {
  return mismatch(label, record, `${field} ${local} in its ${where} but ${central} in the central directory`);
}

function mismatch(label: string, record: CentralRecord, detail: string): InputError {
  return new InputError(`${label}: entry ${JSON.stringify(record.name)} has ${detail}; Java's ZipInputStream (AEM's upload) reads the local headers and would see another package: refusing to read the package`, { code: 'E_ZIP_MISMATCH' });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function hex8(value: number): string {
  return Number.isNaN(value) ? 'missing' : (value >>> 0).toString(16).padStart(8, '0');
}

function hex4(value: number): string {
  return `0x${value.toString(16).padStart(4, '0')}`;
}
