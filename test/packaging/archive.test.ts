import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createZipArchive, type ArchiveEntry } from '../../src/packaging/archive.ts';
import { hasTool } from '../helpers/tools.ts';
import { readPackagesWithJava } from '../helpers/package-check.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const text = (s: string) => new TextEncoder().encode(s);
const entries: ArchiveEntry[] = [
  { path: 'META-INF/' },
  { path: 'META-INF/vault/' },
  { path: 'META-INF/vault/notes.txt', content: text('<properties/>') },
  { path: 'jcr_root/' },
  { path: 'jcr_root/東京/' },
  { path: 'jcr_root/東京/a b.txt', content: text('hello '.repeat(100)) },
  { path: 'jcr_root/empty.bin', content: new Uint8Array() },
];
const mtime = new Date('2026-11-23T12:34:56.000Z');

const createZipArchiveSuite = suite('createZipArchive');

createZipArchiveSuite('the same entries and date give the same bytes', async () => {
  const a = await createZipArchive(entries, { mtime });
  const b = await createZipArchive(entries, { mtime });
  assert.ok(a.equals(b));
});

createZipArchiveSuite('the bytes do not depend on the time zone of the build', async () => {
  const saved = process.env.TZ;
  try {
    process.env.TZ = 'UTC';
    const utc = await createZipArchive(entries, { mtime });
    process.env.TZ = 'Pacific/Chatham';
    const chatham = await createZipArchive(entries, { mtime });
    process.env.TZ = 'America/Los_Angeles';
    const la = await createZipArchive(entries, { mtime });
    assert.ok(utc.equals(chatham));
    assert.ok(utc.equals(la));
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

createZipArchiveSuite('file entries carry CRC and sizes in the local header and the UTF-8 flag; no data descriptor', async () => {
  const zip = await createZipArchive(entries, { mtime });
  let offset = 0;
  const seen: string[] = [];
  while (zip.readUInt32LE(offset) === 0x04034b50) {
    const flags = zip.readUInt16LE(offset + 6);
    const method = zip.readUInt16LE(offset + 8);
    const compressed = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extraLength = zip.readUInt16LE(offset + 28);
    const name = zip.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    seen.push(name);
    assert.is(flags & 0x0008, 0, `${name}: no data descriptor`);
    assert.is(flags & 0x0800, 0x0800, `${name}: UTF-8 name flag`);
    assert.is(extraLength, 0, `${name}: no extra field`);
    assert.is(method, name.endsWith('/') ? 0 : 8, `${name}: directories stored, files deflated`);
    offset += 30 + nameLength + extraLength + compressed;
  }
  assert.equal(seen, entries.map((e) => e.path));
});

createZipArchiveSuite('dates before 1980 are clamped to the first date a zip can hold', async () => {
  const early = await createZipArchive([{ path: 'a', content: text('a') }], { mtime: new Date(0) });
  const dosDate = early.readUInt16LE(12);
  assert.is(dosDate, (0 << 9) | (1 << 5) | 1, '1980-01-01');
});

createZipArchiveSuite.run();

// ---

const javaSuite = suite('createZipArchive read by java.util.zip.ZipInputStream', { dir: '' });

javaSuite.before((context) => {
  context.dir = makeTempDir();
});

javaSuite.after((context) => removeTempDir(context.dir));

javaSuite('Java reads every entry, its name, method, size, CRC and the UTC wall-clock date', async (context) => {
  if (!hasTool('java')) return;
  const file = join(context.dir, 'a.zip');
  writeFileSync(file, await createZipArchive(entries, { mtime }));
  const [view] = readPackagesWithJava([file]);
  assert.equal(view!.errors, []);
  assert.equal(view!.entries.map((e) => [e.name, e.method, e.size, e.time]), [
    ['META-INF/', 'STORED', 0, '2026-11-23T12:34:56'],
    ['META-INF/vault/', 'STORED', 0, '2026-11-23T12:34:56'],
    ['META-INF/vault/notes.txt', 'DEFLATED', 13, '2026-11-23T12:34:56'],
    ['jcr_root/', 'STORED', 0, '2026-11-23T12:34:56'],
    ['jcr_root/東京/', 'STORED', 0, '2026-11-23T12:34:56'],
    ['jcr_root/東京/a b.txt', 'DEFLATED', 600, '2026-11-23T12:34:56'],
    ['jcr_root/empty.bin', 'DEFLATED', 0, '2026-11-23T12:34:56'],
  ]);
});

javaSuite.run();
