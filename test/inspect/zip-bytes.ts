import { crc32, deflateRawSync } from 'node:zlib';
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
    const stored = method === 8 ? deflateRawSync(data) : data;
    const crc = entry.declaredCrc ?? crc32(data);
    const size = entry.declaredSize ?? data.length;
    const flags = entry.flags ?? 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.versionMadeBy ?? 0x031e, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((entry.externalAttributes ?? (0o100644 << 16)) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    const parts = [local, name, stored];
    locals.push(...parts);
    centrals.push(central, name);
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
