// Packages for the deploy tests, zipped with the library's own deterministic writer: the golden
// example package, a zip without jcr_root, a file that is no zip, and a large package.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createZipArchive, type ArchiveEntry } from '../../src/packaging/archive.ts';

const EXAMPLE = new URL('../../fixtures/packages/example/', import.meta.url).pathname;
const MTIME = new Date('2026-11-23T12:00:00Z');

/** The example package's id and node paths under its filter. */
export const EXAMPLE_ID = 'aem-ioevents:eventproxy-config:1.0.0';

function entriesOf(dir: string, base = dir): ArchiveEntry[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      const zipPath = relative(base, path);
      return statSync(path).isDirectory() ? [{ path: `${zipPath}/` }, ...entriesOf(path, base)] : [{ path: zipPath, content: readFileSync(path) }];
    });
}

/** Writes the golden example package as `name` into `dir`; returns its path. */
export async function writeExamplePackage(dir: string, name = 'eventproxy-config-1.0.0.zip'): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await createZipArchive(entriesOf(EXAMPLE), { mtime: MTIME }));
  return file;
}

/** A zip with META-INF but no jcr_root. */
export async function writeNotContentPackage(dir: string): Promise<string> {
  const file = join(dir, 'no-jcr-root.zip');
  const entries = entriesOf(EXAMPLE).filter((entry) => entry.path.startsWith('META-INF'));
  writeFileSync(file, await createZipArchive(entries, { mtime: MTIME }));
  return file;
}

/** The example package plus one file of `bytes` pseudo-random (incompressible) bytes. */
export async function writeLargePackage(dir: string, bytes: number): Promise<string> {
  const file = join(dir, 'large-1.0.0.zip');
  const content = new Uint8Array(bytes);
  let x = 2463534242;
  for (let i = 0; i < bytes; i++) {
    // xorshift32: fast, deterministic, incompressible enough for DEFLATE.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    content[i] = x & 0xff;
  }
  const entries = [...entriesOf(EXAMPLE), { path: 'jcr_root/etc/cloudservices/eventproxy/ioevents/blob.bin', content }];
  writeFileSync(file, await createZipArchive(entries, { mtime: MTIME }));
  return file;
}
