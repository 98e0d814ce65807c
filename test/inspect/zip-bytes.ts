import { crc32, deflateRawSync } from 'node:zlib';
import { InputError } from '../../src/errors.ts';
import { inspectPackage } from '../../src/inspect/inspect-package.ts';
import { createZipArchive } from '../../src/packaging/archive.ts';

/** One entry of a hand-written zip; everything a hostile writer could set. */
export interface RawEntry {
  /** The name, written as its UTF-8 bytes exactly (backslashes, `..`, absolute paths allowed). */
  readonly name: string;
  readonly data?: Uint8Array | string;
  /** 0 STORED, 8 DEFLATED. @default 8 */
  readonly method?: 0 | 8;
  /** General purpose flags (bit 3: data descriptor, bit 11: UTF-8). @default 0x800 */
  readonly flags?: number;
  /** Upper byte 3 = Unix. @default 0x031e */
  readonly versionMadeBy?: number;
  /** Unix mode in the upper 16 bits on Unix. @default regular file 0644 */
  readonly externalAttributes?: number;
  /** A size to declare instead of the real one (a lying header). */
  readonly declaredSize?: number;
  /** A CRC to declare instead of the real one. */
  readonly declaredCrc?: number;
  /**
   * Values written in the local header instead of the central directory's (a header that lies to
   * `ZipInputStream` only). With flag bit 3 the local CRC and sizes default to 0, as Java writes them.
   */
  readonly local?: { readonly name?: string; readonly flags?: number; readonly method?: number; readonly crc?: number; readonly compressedSize?: number; readonly size?: number };
  /** Values written in the data descriptor (written when flag bit 3 is set) instead of the real ones. */
  readonly descriptor?: { readonly crc?: number; readonly compressedSize?: number; readonly size?: number };
  /** ZIP64: sizes 0xffffffff in both headers, the real ones in a ZIP64 extra field (and 8-byte descriptor sizes). */
  readonly zip64?: boolean;
  /** Bytes appended to the compressed data and counted in its compressed size (data after the end of deflate). */
  readonly trailing?: Uint8Array;
  /** Bytes written before the local header (a gap no central record accounts for). */
  readonly before?: Uint8Array;
  /** The local header offset the central directory records instead of the real one. */
  readonly centralOffset?: number;
}

/**
 * Writes a zip byte by byte (local headers, central directory, end record), for entries that
 * yazl refuses to write: absolute names, backslashes, `..`, symbolic links, lying sizes.
 */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data ?? new Uint8Array());
    const method = entry.method ?? 8;
    const stored = Buffer.concat([method === 8 ? deflateRawSync(data) : data, entry.trailing ?? new Uint8Array()]);
    const crc = entry.declaredCrc ?? crc32(data);
    const size = entry.declaredSize ?? data.length;
    const flags = entry.flags ?? 0x800;
    const described = (flags & 0x8) !== 0;
    const local = entry.local ?? {};
    const localName = local.name === undefined ? name : Buffer.from(local.name, 'utf8');
    const localSizes = [local.compressedSize ?? (described ? 0 : stored.length), local.size ?? (described ? 0 : size)] as const;
    const localHeader = header(0x04034b50, {
      flags: local.flags ?? flags, method: local.method ?? method, crc: local.crc ?? (described ? 0 : crc), sizes: entry.zip64 ? [0xffffffff, 0xffffffff] : localSizes, nameLength: localName.length,
      extra: entry.zip64 ? zip64Extra([localSizes[1], localSizes[0]]) : Buffer.alloc(0),
    });
    const centralHeader = header(0x02014b50, {
      flags, method, crc, sizes: entry.zip64 ? [0xffffffff, 0xffffffff] : [stored.length, size], nameLength: name.length,
      extra: entry.zip64 ? zip64Extra([size, stored.length]) : Buffer.alloc(0),
      versionMadeBy: entry.versionMadeBy ?? 0x031e, externalAttributes: entry.externalAttributes ?? (0o100644 << 16), offset: entry.centralOffset ?? offset + (entry.before?.length ?? 0),
    });
    const parts = [Buffer.from(entry.before ?? new Uint8Array()), localHeader.fixed, localName, localHeader.extra, stored];
    if (described) parts.push(descriptor({ crc: entry.descriptor?.crc ?? crc, compressedSize: entry.descriptor?.compressedSize ?? stored.length, size: entry.descriptor?.size ?? size }, entry.zip64 === true));
    locals.push(...parts);
    centrals.push(centralHeader.fixed, name, centralHeader.extra);
    offset += parts.reduce((sum, part) => sum + part.length, 0);
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

interface HeaderFields {
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  /** Compressed, then uncompressed. */
  readonly sizes: readonly [number, number];
  readonly nameLength: number;
  readonly extra: Buffer;
  /** Central directory only. */
  readonly versionMadeBy?: number;
  readonly externalAttributes?: number;
  readonly offset?: number;
}

// A local (0x04034b50) or central (0x02014b50) header: the fixed part and the extra field.
function header(signature: number, fields: HeaderFields): { fixed: Buffer; extra: Buffer } {
  const central = signature === 0x02014b50;
  const fixed = Buffer.alloc(central ? 46 : 30);
  let at = 0;
  fixed.writeUInt32LE(signature, at);
  if (central) fixed.writeUInt16LE(fields.versionMadeBy!, (at += 4));
  fixed.writeUInt16LE(fields.extra.length > 0 ? 45 : 20, (at += central ? 2 : 4));
  fixed.writeUInt16LE(fields.flags, (at += 2));
  fixed.writeUInt16LE(fields.method, (at += 2));
  fixed.writeUInt16LE(0, (at += 2));
  fixed.writeUInt16LE(0x21, (at += 2));
  fixed.writeUInt32LE(fields.crc >>> 0, (at += 2));
  fixed.writeUInt32LE(fields.sizes[0], (at += 4));
  fixed.writeUInt32LE(fields.sizes[1], (at += 4));
  fixed.writeUInt16LE(fields.nameLength, (at += 4));
  fixed.writeUInt16LE(fields.extra.length, (at += 2));
  if (central) {
    fixed.writeUInt32LE(fields.externalAttributes! >>> 0, 38);
    fixed.writeUInt32LE(fields.offset!, 42);
  }
  return { fixed, extra: fields.extra };
}

// The ZIP64 extended information field with the uncompressed, then the compressed size.
function zip64Extra(sizes: readonly [number, number]): Buffer {
  const extra = Buffer.alloc(20);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(16, 2);
  extra.writeBigUInt64LE(BigInt(sizes[0]), 4);
  extra.writeBigUInt64LE(BigInt(sizes[1]), 12);
  return extra;
}

// A data descriptor with its signature; sizes take 8 bytes each for ZIP64.
function descriptor(values: { crc: number; compressedSize: number; size: number }, zip64: boolean): Buffer {
  const width = zip64 ? 8 : 4;
  const bytes = Buffer.alloc(8 + 2 * width);
  bytes.writeUInt32LE(0x08074b50, 0);
  bytes.writeUInt32LE(values.crc >>> 0, 4);
  for (const [i, value] of [values.compressedSize, values.size].entries()) {
    if (zip64) bytes.writeBigUInt64LE(BigInt(value), 8 + i * 8);
    else bytes.writeUInt32LE(value, 8 + i * 4);
  }
  return bytes;
}

/**
 * What `inspect` says of a zip of `entries` named `hostile.zip`: `<code> <exit code> <message>`
 * of the InputError it throws, or `ok` when it reads the zip.
 */
export async function refusal(entries: readonly RawEntry[]): Promise<string> {
  const error = await inspectPackage({ bytes: rawZip(entries) }, { name: 'hostile.zip' }).then(() => undefined, (e: unknown) => e);
  if (error === undefined) return 'ok';
  if (!(error instanceof InputError)) throw error;
  return `${error.code} ${error.exitCode} ${error.message}`;
}

/** A well-formed package zip of `files` (path to text or bytes), written as `build` writes packages. */
export function packageZip(files: Readonly<Record<string, string | Uint8Array>>): Promise<Buffer> {
  const entries = Object.entries(files).map(([path, content]) => ({ path, ...(path.endsWith('/') ? {} : { content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content }) }));
  return createZipArchive(entries, { mtime: new Date('2026-11-23T12:00:00Z') });
}

/** A properties.xml with the JDK's DOCTYPE and the given entries. */
export function propertiesXml(entries: Readonly<Record<string, string>>): string {
  const lines = Object.entries(entries).map(([key, value]) => `<entry key="${key}">${value}</entry>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE properties SYSTEM "http://java.sun.com/dtd/properties.dtd">', '<properties>', ...lines, '</properties>', ''].join('\n');
}

/** A filter.xml with these roots (mode replace, no rules). */
export function filterXml(...roots: readonly string[]): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<workspaceFilter version="1.0">', ...roots.map((root) => `    <filter root="${root}"/>`), '</workspaceFilter>', ''].join('\n');
}

/**
 * A FileVault test resource body with the 17 lines its Apache licence header takes in FileVault's
 * repository (declaration included), so the line numbers FileVault's tests expect still hold.
 */
export function withFileVaultHeader(source: string, body: string, blankLineAfter = false): string {
  const note = [
    `  Test vector from Apache Jackrabbit FileVault (commit a6834ba9):`,
    `  ${source}`,
    '  Licensed to the Apache Software Foundation (ASF) under the Apache License,',
    '  Version 2.0. Only the licence comment is shortened; these lines keep the',
    '  line numbers of the original, which FileVault\'s tests assert.',
  ];
  const padding = Array.from({ length: 16 - 2 - note.length }, () => '  .');
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<!--', ...note, ...padding, '  -->', ...(blankLineAfter ? [''] : []), body].join('\n');
}
