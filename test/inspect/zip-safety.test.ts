import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { getUnsafeNameReason, isSymbolicLink } from '../../src/inspect/zip-safety.ts';

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

namesSuite.run();
