import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { deflateRawSync } from 'node:zlib';
import { getSpecialFileType, getUnsafeNameReason, isSymbolicLink } from '../../src/inspect/zip-safety.ts';
import { refusal } from './zip-bytes.ts';

const namesSuite = suite('getUnsafeNameReason');

namesSuite('refuses names that would leave a folder when extracted, keeps every plain relative one', () => {
  const cases: [string, string | undefined][] = [
    ['jcr_root/apps/x/.content.xml', undefined], ['META-INF/', undefined], ['jcr_root/a..b/c', undefined], ['jcr_root/.../x', undefined], ['jcr_root/東京/ü.txt', undefined],
    ['/etc/passwd', 'it is absolute'], ['C:/x', 'it starts with a drive letter'], ['c:x', 'it starts with a drive letter'],
    ['../x', "it contains a '..' segment"], ['jcr_root/../../x', "it contains a '..' segment"], ['jcr_root/..', "it contains a '..' segment"],
    ['jcr_root\\x', 'it contains a backslash'], ['a\0b', 'it contains a NUL character'], ['', 'it is empty'],
  ];
  for (const [name, reason] of cases) assert.is(getUnsafeNameReason(name), reason, JSON.stringify(name));
});

namesSuite('a link is an entry written on Unix with the S_IFLNK file type', () => {
  const entry = (versionMadeBy: number, mode: number) => ({ name: 'x', versionMadeBy, externalFileAttributes: (mode << 16) >>> 0, compressedSize: 1, uncompressedSize: 1 });
  assert.is(isSymbolicLink(entry(0x031e, 0o120777)), true);
  assert.is(isSymbolicLink(entry(0x031e, 0o100644)), false);
  assert.is(isSymbolicLink(entry(0x0014, 0o120777)), false, 'not written on Unix: the bits mean something else');
});

namesSuite('FIFOs, character and block devices and sockets are named by their Unix file type; files and folders are not special', () => {
  const entry = (mode: number, versionMadeBy = 0x031e) => ({ name: 'x', versionMadeBy, externalFileAttributes: (mode << 16) >>> 0, compressedSize: 1, uncompressedSize: 1 });
  const cases: [number, string | undefined][] = [
    [0o010644, 'a FIFO'], [0o020644, 'a character device'], [0o060644, 'a block device'], [0o140755, 'a socket'], [0o120777, 'a symbolic link'],
    [0o100644, undefined], [0o040755, undefined], [0, undefined],
  ];
  for (const [mode, type] of cases) assert.is(getSpecialFileType(entry(mode)), type, mode.toString(8));
  assert.is(getSpecialFileType(entry(0o010644, 0x0014)), undefined, 'not written on Unix');
});

namesSuite.run();

const packageSuite = suite('zip safety: what inspect refuses as a whole');
const TAIL = 'refusing to read the package';

packageSuite('a FIFO, a device or a socket entry is refused like a link (exit 2)', async () => {
  const cases: [number, string][] = [[0o010644, 'a FIFO'], [0o020644, 'a character device'], [0o060644, 'a block device'], [0o140755, 'a socket'], [0o120777, 'a symbolic link']];
  for (const [mode, type] of cases) {
    assert.is(
      await refusal([{ name: 'jcr_root/apps/x', data: '', externalAttributes: (mode << 16) >>> 0 }]),
      `E_ZIP_UNSAFE 2 hostile.zip has an entry "jcr_root/apps/x" that is ${type}; content packages hold only files and folders, ${TAIL}`,
    );
  }
});

packageSuite('a name given twice is refused (exit 2), also through empty segments or a trailing slash; names that differ in case are two names', async () => {
  const filter = (root: string) => `<?xml version="1.0" encoding="UTF-8"?><workspaceFilter version="1.0"><filter root="${root}"/></workspaceFilter>`;
  const twice = `E_ZIP_UNSAFE 2 hostile.zip has the entry "META-INF/vault/filter.xml" twice; readers differ on which one counts, ${TAIL}`;
  assert.is(await refusal([{ name: 'META-INF/vault/filter.xml', data: filter('/apps/x') }, { name: 'META-INF/vault/filter.xml', data: filter('/') }]), twice);
  assert.is(
    await refusal([{ name: 'jcr_root/apps/x.txt', data: 'x' }, { name: 'jcr_root//apps/x.txt', data: 'y' }]),
    `E_ZIP_UNSAFE 2 hostile.zip has the entry "jcr_root/apps/x.txt" twice (as "jcr_root/apps/x.txt" and "jcr_root//apps/x.txt"); readers differ on which one counts, ${TAIL}`,
  );
  assert.is(
    await refusal([{ name: 'jcr_root/apps/x', data: 'x' }, { name: 'jcr_root/apps/x/', data: '' }]),
    `E_ZIP_UNSAFE 2 hostile.zip has the entry "jcr_root/apps/x" twice (as "jcr_root/apps/x" and "jcr_root/apps/x/"); readers differ on which one counts, ${TAIL}`,
  );
  assert.is(await refusal([{ name: 'META-INF/vault/filter.xml', data: filter('/apps/x') }, { name: 'META-INF/vault/FILTER.xml', data: filter('/') }]), 'ok');
});

packageSuite('entries just under 1 MiB escape the per-entry ratio, not the total-expansion budget (exit 2 before any byte is inflated)', async () => {
  const data = new Uint8Array(1024 * 1024 - 1);
  const deflated = deflateRawSync(data).length;
  const entries = Array.from({ length: 20 }, (_, i) => ({ name: `jcr_root/apps/${i}.bin`, data }));
  const ratio = Math.round((20 * data.length) / (20 * deflated));
  assert.is(
    await refusal(entries),
    `E_ZIP_BOMB 2 hostile.zip has 20 entries that together expand ${ratio} times (${20 * deflated} to ${20 * data.length} bytes), more than the limit of 200 (zip bomb); ${TAIL}`,
  );
  // One such entry alone stays under 1 MiB in total: no ratio applies.
  assert.is(await refusal(entries.slice(0, 1)), 'ok');
});

packageSuite.run();
