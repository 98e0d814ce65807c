import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { getDocViewRootPath, parseDocViewFile, readDocViewFile } from '../../src/inspect/docview-file.ts';
import { decodeXmlBytes, decodeXmlPieces, isDocViewXml } from '../../src/inspect/xml-decode.ts';
import { SIMPLE_PACKAGE } from './simple-package.ts';

/** `path line:column (properties)` of every element. */
function visits(xml: string, rootPath: string): string[] {
  return readDocViewFile(xml, rootPath).map((v) => `${v.path} ${v.line}:${v.column} ${v.info.propertyCount}${v.isRoot ? ' root' : ''}`);
}

const readSuite = suite('readDocViewFile');

readSuite('FileVault testDocViewDotContentXml: paths use the document prefix, ordering elements included', () => {
  assert.equal(visits(SIMPLE_PACKAGE.appsContent, '/apps'), [
    '/apps 19:35 1 root', '/apps/somepath 21:29 2', '/apps/somepath/jc:content 22:54 1', '/apps/0123_sample.jpg 25:29 0', '/apps/01234_sample.jpg 26:55 1',
  ]);
});

readSuite('FileVault testDocViewDotContentXmlOnRootLevel: the root node /', () => {
  assert.equal(visits(SIMPLE_PACKAGE.rootContent, '/'), ['/ 6:32 4 root']);
  const [root] = readDocViewFile(SIMPLE_PACKAGE.rootContent, '/');
  assert.equal([root!.info.primaryType, root!.info.mixinTypes], ['rep:root', ['rep:AccessControllable', 'rep:RepoAccessControllable']]);
});

readSuite('FileVault testDocViewWithRegularFileName and testDocViewWithEmptyElements', () => {
  assert.equal(visits(SIMPLE_PACKAGE.child1, '/apps/child1'), ['/apps/child1 20:36 1 root', '/apps/child1/somepath 23:6 2']);
  assert.equal(visits(SIMPLE_PACKAGE.emptyElements, '/apps/emptyelements'), [
    '/apps/emptyelements 20:36 1 root', '/apps/emptyelements/emptyelement1 21:20 0', '/apps/emptyelements/emptyelement2 22:22 0', '/apps/emptyelements/nonemptyelement 23:55 1',
  ]);
});

readSuite('FileVault testDocViewDotContentXmlWithRootElementDifferentThanJcrRoot: the element names the node (JCR-4625)', () => {
  assert.equal(visits(SIMPLE_PACKAGE.child2Content, '/apps/child2'), ['/apps/child3 20:36 1 root', '/apps/child3/somepath 23:6 2']);
});

readSuite('same-name siblings keep their index in the path; rep:policy and the identifier are recognized', () => {
  const xml = '<jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0" xmlns:rep="internal" jcr:primaryType="nt:unstructured" jcr:uuid="u1"><foo_x005b_2_x005d_ jcr:primaryType="nt:unstructured"/><rep:policy/></jcr:root>';
  const found = readDocViewFile(xml, '/tmp/x');
  assert.equal(found.map((v) => v.path), ['/tmp/x', '/tmp/x/foo[2]', '/tmp/x/rep:policy']);
  assert.equal([found[0]!.info.identifier, found[2]!.info.isRepPolicy, found[1]!.info.isRepPolicy], ['u1', true, false]);
});

readSuite('a default namespace declared after an element still names it, as the whole file is read first', () => {
  // The unprefixed attribute resolves with the document's default namespace (declared later): the file is read a second time.
  const xml = '<jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0" primaryType="a:b"><c primaryType="x:y"/><d xmlns="http://www.jcp.org/jcr/1.0"/></jcr:root>';
  assert.equal(readDocViewFile(xml, '/x').map((v) => `${v.path} ${v.info.primaryType ?? '-'}`), ['/x a:b', '/x/c x:y', '/x/d -']);
  const declaredFirst = '<jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0" xmlns="urn:other" primaryType="a:b"><d xmlns="http://www.jcp.org/jcr/1.0"/></jcr:root>';
  assert.equal(readDocViewFile(declaredFirst, '/x').map((v) => `${v.path} ${v.info.primaryType ?? '-'}`), ['/x -', '/x/d -'], 'the first declaration wins');
});

readSuite('text in pieces: the same elements, positions and character data as the whole text, whatever the cuts', () => {
  const xml = `\ufeff<jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0" a="1">one<b c="2">two</b>\r\nthree<![CDATA[four]]><d/></jcr:root>`;
  const describe = (visits: ReturnType<typeof readDocViewFile>): string[] =>
    visits.map((v) => `${v.path} ${v.line}:${v.column} ${v.characterData.map((d) => `${d.text}@${d.line}:${d.column}`).join(',')}`);
  const whole = describe(readDocViewFile(xml, '/x'));
  assert.equal(whole, ['/x 1:56 one@1:60,three@2:7,four@2:22', '/x/b 1:68 two@1:73', '/x/d 2:26 ']);
  for (let cut = 1; cut < xml.length; cut++) {
    const visits: ReturnType<typeof readDocViewFile> = [];
    parseDocViewFile(() => [xml.slice(0, cut), xml.slice(cut)], '/x').visit((v) => visits.push(v));
    assert.equal(describe(visits), whole, `cut at ${cut}`);
  }
});

readSuite.run();

// ---

const rootPathSuite = suite('getDocViewRootPath');

rootPathSuite('FileVault DocViewParserTest and DocumentViewParserValidatorTest: file names to root node paths', () => {
  const cases: [string, string][] = [
    ['x/parent.dir/.content.xml', '/x/parent'], ['x/parent/_cq_test%3aimage.xml', '/x/parent/cq:test:image'], ['.content.xml', '/'],
    ['apps/.content.xml', '/apps'], ['apps/_cq_content.xml', '/apps/cq:content'], ['apps/genericfile.xml.dir/.content.xml', '/apps/genericfile.xml'],
    ['home/users/x/_rep_policy.xml', '/home/users/x/rep:policy'],
  ];
  for (const [file, path] of cases) assert.is(getDocViewRootPath(file), path, file);
});

rootPathSuite.run();

// ---

const sniffSuite = suite('isDocViewXml');

sniffSuite('DocViewParser.isDocView: <jcr:root and the JCR namespace in double quotes within the first 1024 bytes', () => {
  const bytes = (text: string) => Buffer.from(text, 'utf8');
  assert.is(isDocViewXml(bytes(SIMPLE_PACKAGE.child1)), true);
  assert.is(isDocViewXml(bytes(SIMPLE_PACKAGE.child2Child1)), false, 'another root element');
  assert.is(isDocViewXml(bytes("<jcr:root xmlns:jcr='http://www.jcp.org/jcr/1.0'/>")), false, 'single quotes');
  assert.is(isDocViewXml(bytes(`<!--${'x'.repeat(1024)}--><jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0"/>`)), false, 'after 1024 bytes');
  assert.is(isDocViewXml(bytes(`<!--${'é'.repeat(480)}--><jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0"/>`)), true, '1024 bytes, not characters');
  assert.is(isDocViewXml(bytes('<config><jcr:root/>"http://www.jcp.org/jcr/1.0"</config>')), true, 'a plain text match, as FileVault does');
});

sniffSuite.run();

// ---

const decodeSuite = suite('decodeXmlBytes');

decodeSuite('picks the encoding as a Java XML parser does', () => {
  assert.equal(decodeXmlBytes(Buffer.from('\ufeff<a>é</a>', 'utf8')), { text: '<a>é</a>' });
  assert.equal(decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>\u00e9</a>', 'latin1')), { text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>' });
  assert.equal(decodeXmlBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le')])), { text: '<a/>' });
  assert.equal(decodeXmlBytes(Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e])), { error: 'the bytes are not valid UTF-8' });
  assert.equal(decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="EBCDIC"?><a/>')), { error: "the encoding 'EBCDIC' is not supported" });
});

decodeSuite('decodeXmlPieces: 16 KiB pieces, a character cut between two pieces kept whole, a malformed byte refused before any piece', () => {
  // With the BOM, the two bytes of é are bytes 16383 and 16384: the first piece ends between them.
  const text = `<a>${'x'.repeat(16_377)}é${'y'.repeat(16_383)}</a>`;
  const decoded = decodeXmlPieces(Buffer.from(`\ufeff${text}`, 'utf8'));
  assert.ok('pieces' in decoded);
  const pieces = [...decoded.pieces()];
  assert.equal(pieces.map((piece) => piece.length), [16_380, 16_384, 4, 0]);
  assert.is(pieces.join(''), text);
  assert.is([...decoded.pieces()].join(''), text, 'made again on each call');
  const late = Buffer.concat([Buffer.from(`<a>${'x'.repeat(40_000)}`), Buffer.from([0xe9]), Buffer.from('</a>')]);
  assert.equal(decodeXmlPieces(late), { error: 'the bytes are not valid UTF-8' });
});

decodeSuite.run();
