import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { getPlatformName, getPlatformPath, getRepositoryName, getRepositoryPath } from '../../src/docview/platform-name-format.ts';

// [T] PlatformNameTest.java, asserted in both directions there.
const platformNameTest: ReadonlyArray<readonly [string, string]> = [
  ['test.jpg', 'test.jpg'],
  ['cq:content', '_cq_content'],
  ['cq:test_image.jpg', '_cq_test_image.jpg'],
  ['test_image.jpg', 'test_image.jpg'],
  ['_testimage.jpg', '_testimage.jpg'],
  ['_test_image.jpg', '__test_image.jpg'],
  ['cq:test:image.jpg', '_cq_test%3aimage.jpg'],
  ['_cq_:test.jpg', '__cq_%3atest.jpg'],
  ['_cq:test.jpg', '_cq%3atest.jpg'],
  ['cq_:test.jpg', 'cq_%3atest.jpg'],
  ['_', '_'],
  [':', '%3a'],
  [':test', '%3atest'],
  [':oak:mount-libs-nodetype', '%3aoak%3amount-libs-nodetype'],
];

// [R] filevault-format.md §2.1: the real class run on more names, round trip checked.
const reproduced: ReadonlyArray<readonly [string, string]> = [
  ['jcr:content', '_jcr_content'],
  ['_cq_dialog', '__cq_dialog'],
  ['rep:policy', '_rep_policy'],
  ['sling:resourceType', '_sling_resourceType'],
  ['dam:thumbnail_48.png', '_dam_thumbnail_48.png'],
  ['x:y:z', '_x_y%3az'],
  ['__', '___'],
  ['_a_b', '__a_b'],
  ['a_b_c', 'a_b_c'],
  ['a b', 'a b'],
  ['a?b', 'a%3fb'],
  ['a%b', 'a%25b'],
  ['100%', '100%25'],
  ['a<b>|"c', 'a%3cb%3e%7c%22c'],
  ['a\\b', 'a%5cb'],
  ['foo[2]', 'foo[2]'],
  ['東京.data', '東京.data'],
];

const getPlatformNameSuite = suite('getPlatformName');

getPlatformNameSuite('maps every PlatformNameTest repository name to its file name', () => {
  for (const [repository, platform] of platformNameTest) assert.is(getPlatformName(repository), platform, repository);
});

getPlatformNameSuite('maps the reproduced names to the file names the real class gave', () => {
  for (const [repository, platform] of reproduced) assert.is(getPlatformName(repository), platform, repository);
});

getPlatformNameSuite('escapes "/" as %2f because a name never holds one', () => {
  assert.is(getPlatformName('a/b'), 'a%2fb');
});

getPlatformNameSuite.run();

// ---

const getRepositoryNameSuite = suite('getRepositoryName');

getRepositoryNameSuite('maps every PlatformNameTest file name back to its repository name', () => {
  for (const [repository, platform] of platformNameTest) assert.is(getRepositoryName(platform), repository, platform);
});

getRepositoryNameSuite('maps the reproduced file names back', () => {
  for (const [repository, platform] of reproduced) assert.is(getRepositoryName(platform), repository, platform);
});

getRepositoryNameSuite('keeps a "%" that has fewer than two characters after it', () => {
  assert.is(getRepositoryName('100%'), '100%');
  assert.is(getRepositoryName('a%2'), 'a%2');
});

getRepositoryNameSuite('decodes "%xx" with upper-case and fullwidth hex digits, as Character.digit reads them', () => {
  assert.is(getRepositoryName('a%3Ab'), 'a:b');
  assert.is(getRepositoryName('a%\uFF13\uFF41b'), 'a:b');
});

getRepositoryNameSuite('wraps a non-hex "%zz" into a char as Java\'s (char) cast does', () => {
  // Character.digit gives -1 twice: (char) (-1 * 16 - 1) = U+FFEF.
  assert.is(getRepositoryName('%zz'), '\uFFEF');
});

getRepositoryNameSuite('takes the character after a leading "_" as is, even a "%"', () => {
  assert.is(getRepositoryName('_%3a'), '_%3a');
  assert.is(getRepositoryName('_%3a_b'), '%3a:b');
});

getRepositoryNameSuite.run();

// ---

const getPlatformPathSuite = suite('getPlatformPath');

getPlatformPathSuite('converts each "/" segment and keeps the separators', () => {
  assert.is(getPlatformPath('/content/cq:foo/jcr:content'), '/content/_cq_foo/_jcr_content');
  assert.is(getPlatformPath('apps/my:app/'), 'apps/_my_app/');
  assert.is(getPlatformPath('//a'), '//a');
  assert.is(getPlatformPath(''), '');
});

getPlatformPathSuite.run();

// ---

const getRepositoryPathSuite = suite('getRepositoryPath');

getRepositoryPathSuite('converts each "/" segment back', () => {
  assert.is(getRepositoryPath('/content/_cq_foo/_jcr_content'), '/content/cq:foo/jcr:content');
  assert.is(getRepositoryPath('x/_cq_test%3aimage'), 'x/cq:test:image');
});

getRepositoryPathSuite('keeps ".dir" unless asked to strip it', () => {
  assert.is(getRepositoryPath('x/parent.dir'), 'x/parent.dir');
});

getRepositoryPathSuite('strips ".dir" from every segment before decoding, as DocViewParser maps files to nodes', () => {
  // [T] DocViewParserTest: x/parent.dir/.content.xml describes /x/parent.
  assert.is(getRepositoryPath('x/parent.dir', { respectDotDir: true }), 'x/parent');
  assert.is(getRepositoryPath('a.dir/_cq_b.dir/c', { respectDotDir: true }), 'a/cq:b/c');
  assert.is(getRepositoryPath('etc/packages/my_packages/sub_a.zip.dir/_jcr_content', { respectDotDir: true }), 'etc/packages/my_packages/sub_a.zip/jcr:content');
  // Stripping comes first, so an encoded dot is not a ".dir" suffix.
  assert.is(getRepositoryPath('foo%2edir', { respectDotDir: true }), 'foo.dir');
});

getRepositoryPathSuite.run();
