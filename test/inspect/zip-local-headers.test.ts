import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readPackagesWithJava } from '../helpers/package-check.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { hasTool } from '../helpers/tools.ts';
import { rawZip, refusal, type RawEntry } from './zip-bytes.ts';

const X = { name: 'jcr_root/apps/x.txt', data: 'hello' } as const;
// crc32('hello'), and its deflated and plain lengths.
const CRC = '3610a686';
const DEFLATED = deflateRawSync('hello').length;
const TAIL = "; Java's ZipInputStream (AEM's upload) reads the local headers and would see another package: refusing to read the package";
// A complete local entry that only ZipInputStream sees when it sits in a gap.
const HIDDEN = rawZip([{ name: 'jcr_root/apps/hidden.txt', data: 'evil', method: 0 }]).subarray(0, 30 + 24 + 4);


const headerSuite = suite('zip reader: local headers against the central directory');

headerSuite('a local header that differs from its central record in name, flags, method, CRC or sizes is refused (exit 2)', async () => {
  const mismatch = (detail: string): string => `E_ZIP_MISMATCH 2 hostile.zip: entry "jcr_root/apps/x.txt" has ${detail}${TAIL}`;
  const cases: [string, RawEntry, string][] = [
    ['name', { ...X, local: { name: '../../etc/cron.d/x' } }, mismatch('name "../../etc/cron.d/x" in its local header but "jcr_root/apps/x.txt" in the central directory')],
    ['flags', { ...X, local: { flags: 0 } }, mismatch('general purpose flags 0x0000 in its local header but 0x0800 in the central directory')],
    ['method', { ...X, local: { method: 0 } }, mismatch('compression method 0 in its local header but 8 in the central directory')],
    ['CRC', { ...X, local: { crc: 1 } }, mismatch(`CRC 00000001 in its local header but ${CRC} in the central directory`)],
    ['compressed size', { ...X, local: { compressedSize: DEFLATED - 1 } }, mismatch(`compressed size ${DEFLATED - 1} in its local header but ${DEFLATED} in the central directory`)],
    ['size', { ...X, local: { size: 4 } }, mismatch('size 4 in its local header but 5 in the central directory')],
    ['size, bit 3 set', { ...X, flags: 0x808, local: { size: 4 } }, mismatch('size 4 in its local header but 5 in the central directory')],
    ['size, ZIP64', { ...X, zip64: true, local: { size: 4 } }, mismatch('size 4 in its local header but 5 in the central directory')],
    ['descriptor CRC', { ...X, flags: 0x808, descriptor: { crc: 1 } }, mismatch(`CRC 00000001 in its data descriptor but ${CRC} in the central directory`)],
    ['descriptor size', { ...X, flags: 0x808, descriptor: { size: 6 } }, mismatch('size 6 in its data descriptor but 5 in the central directory')],
    ['descriptor compressed size', { ...X, flags: 0x808, descriptor: { compressedSize: 1 } }, mismatch(`compressed size 1 in its data descriptor but ${DEFLATED} in the central directory`)],
  ];
  for (const [name, entry, expected] of cases) assert.is(await refusal([entry]), expected, name);
});

headerSuite('entries must follow one another from offset 0 to the central directory: a gap or an overlap is refused (exit 2)', async () => {
  const end = 30 + X.name.length + DEFLATED;
  assert.is(await refusal([{ ...X, before: HIDDEN }]), `E_ZIP_MISMATCH 2 hostile.zip has ${HIDDEN.length} bytes at offset 0, before entry "jcr_root/apps/x.txt", that no entry of the central directory accounts for; Java's ZipInputStream (AEM's upload) reads local headers one after the other and would read them: refusing to read the package`);
  assert.is(await refusal([X, { name: 'jcr_root/apps/y.txt', data: 'y', before: HIDDEN }]), `E_ZIP_MISMATCH 2 hostile.zip has ${HIDDEN.length} bytes at offset ${end}, before entry "jcr_root/apps/y.txt", that no entry of the central directory accounts for; Java's ZipInputStream (AEM's upload) reads local headers one after the other and would read them: refusing to read the package`);
  assert.is(await refusal([X, { name: 'jcr_root/apps/y.txt', data: 'hello', centralOffset: 0 }]), `E_ZIP_MISMATCH 2 hostile.zip: entry "jcr_root/apps/y.txt" starts at offset 0, inside entry "jcr_root/apps/x.txt" (which ends at offset ${end}); entries must not overlap (zip bomb): refusing to read the package`);
});

headerSuite('deflate data that ends before the declared compressed size is refused as corrupt (exit 2), read at once or streamed', async () => {
  const big = randomBytes(1536 * 1024);
  const bigDeflated = deflateRawSync(big).length;
  const junk = Buffer.from('junk');
  assert.is(await refusal([{ ...X, trailing: junk }]), `E_ZIP_CORRUPT 2 hostile.zip is not a readable zip: entry "jcr_root/apps/x.txt" is corrupt (its deflate data ends after ${DEFLATED} of the ${DEFLATED + 4} compressed bytes it declares)`);
  assert.is(await refusal([{ name: 'jcr_root/apps/big.bin', data: big, trailing: junk }]), `E_ZIP_CORRUPT 2 hostile.zip is not a readable zip: entry "jcr_root/apps/big.bin" is corrupt (its deflate data ends after ${bigDeflated} of the ${bigDeflated + 4} compressed bytes it declares)`);
});

headerSuite('honest variants read: data descriptors (Java zeros, macOS sizes), ZIP64 fields, STORED, names that differ only in case', async () => {
  const cases: [string, RawEntry[]][] = [
    ['descriptor, local zeros', [{ ...X, flags: 0x808 }]],
    ['descriptor, macOS Archive Utility (local size only)', [{ ...X, flags: 0x808, local: { size: 5 } }]],
    ['descriptor, local values given', [{ ...X, flags: 0x808, local: { crc: 0x3610a686, compressedSize: DEFLATED, size: 5 } }]],
    ['ZIP64', [{ ...X, zip64: true }]],
    ['ZIP64 with a descriptor', [{ ...X, zip64: true, flags: 0x808 }]],
    ['STORED', [{ ...X, method: 0 }]],
    ['case', [{ name: 'jcr_root/apps/A.txt', data: 'A' }, { name: 'jcr_root/apps/a.txt', data: 'a' }]],
  ];
  for (const [name, entries] of cases) assert.is(await refusal(entries), 'ok', name);
});

headerSuite('Java\'s ZipInputStream sees what the local headers say: the hostile name, the hidden entry; it reads the honest variants', () => {
  if (!hasTool('java')) return;
  const zips: [string, RawEntry[]][] = [
    ['name', [{ ...X, local: { name: '../../etc/cron.d/x' } }]],
    ['gap', [{ ...X, before: HIDDEN }]],
    ['trailing', [{ ...X, trailing: Buffer.from('junk') }]],
    ['descriptor', [{ ...X, flags: 0x808 }]],
    ['macos', [{ ...X, flags: 0x808, local: { size: 5 } }]],
    ['zip64', [{ ...X, zip64: true }]],
  ];
  const dir = makeTempDir();
  try {
    const files = zips.map(([name, entries]) => {
      const file = join(dir, `${name}.zip`);
      writeFileSync(file, rawZip(entries));
      return file;
    });
    const seen = readPackagesWithJava(files).map((view) => [view.entries.map((e) => e.name).join(','), view.errors.join(',').replace(/\(.*$/, '')]);
    assert.equal(seen, [
      ['../../etc/cron.d/x', ''],
      ['jcr_root/apps/hidden.txt,jcr_root/apps/x.txt', ''],
      ['', 'java.util.zip.ZipException: invalid entry compressed size '],
      ['jcr_root/apps/x.txt', ''],
      ['jcr_root/apps/x.txt', ''],
      ['jcr_root/apps/x.txt', ''],
    ]);
  } finally {
    removeTempDir(dir);
  }
});

headerSuite.run();
