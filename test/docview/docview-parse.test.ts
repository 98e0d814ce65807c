import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { renderDocView } from '../../src/docview/docview-format.ts';
import type { DocViewNode } from '../../src/docview/docview-node.ts';
import { DocViewParseError, type ParsedDocViewNode, parseDocView } from '../../src/docview/docview-parse.ts';
import { createDocViewProperty as property, type DocViewProperty, parseDocViewProperty, type PropertyType } from '../../src/docview/docview-property.ts';
import { decodeIso9075 } from '../../src/docview/iso9075.ts';
import { getRepositoryPath } from '../../src/docview/platform-name-format.ts';
import { compareQNames } from '../../src/docview/qname-comparator.ts';
import { runJava } from '../helpers/java.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { hasTool } from '../helpers/tools.ts';
import { findCorpusDir, readCorpusDocViews } from './corpus.ts';
import { CASES, node, readFixture } from './docview-cases.ts';

const JCR = 'http://www.jcp.org/jcr/1.0';
const NT = 'http://www.jcp.org/jcr/nt/1.0';
const unstructured = property('jcr:primaryType', 'nt:unstructured');

/** A parsed tree without positions, to compare with what was rendered. */
function plain(parsed: ParsedDocViewNode): DocViewNode {
  return { name: parsed.name, ...(parsed.index === undefined ? {} : { index: parsed.index }), properties: parsed.properties, children: parsed.children.map(plain) };
}

/** What rendering then parsing must give: attribute order, sorted mixins, String written untyped, index 1 dropped. */
function expectedAfterRoundTrip(source: DocViewNode): DocViewNode {
  const properties = [...source.properties].sort((a, b) => compareQNames(a.name, b.name)).map((p): DocViewProperty => ({
    ...p,
    values: p.name === 'jcr:mixinTypes' ? [...p.values].sort() : p.values,
    type: p.type === 'String' ? 'undefined' : p.type,
  }));
  return { name: source.name, ...((source.index ?? 0) > 1 ? { index: source.index } : {}), properties, children: source.children.map(expectedAfterRoundTrip) };
}

const isParseError = (reason: string, line: number, column: number) => (error: unknown): boolean =>
  error instanceof DocViewParseError && error instanceof InputError && error.reason === reason && error.line === line && error.column === column
  && error.message === `${reason} (line ${line}, column ${column})` && error.code === 'E_DOCVIEW_PARSE';

const parseDocViewSuite = suite('parseDocView');

parseDocViewSuite('reads every rendered fixture back into the tree it came from', () => {
  for (const { name, root } of CASES) {
    assert.equal(plain(parseDocView(readFixture(name), { rootName: root.name }).root), expectedAfterRoundTrip(root), name);
  }
});

parseDocViewSuite('round-trips values and names full of characters that need escaping', () => {
  const awkward = ['{Long}1', '[a,b]', 'a,b', 'back\\slash', '\\0', '&<>"\'', 'line\nbreak\r\n', '\ttab', '\u0000\u0001\u001f\u007f\u0085', '😀 and 東京', '\ud800', '\ufffe\uffff', '', ' padded '];
  const types: PropertyType[] = ['undefined', 'Name', 'Path', 'Long', 'URI', 'Binary', 'BinaryRef', 'Date', 'Reference'];
  const properties = types.flatMap((type, n) => [
    ...awkward.map((value, i) => property(`s${n}_${i}`, value, type)),
    property(`m${n}`, awkward, type),
    property(`one${n}`, [''], type),
    property(`none${n}`, [], type),
  ]);
  const root = node('root', [unstructured, ...properties], [
    node('1 odd%name&', [unstructured, property('_x0020_ a', 'x'), property('é-.', 'y')]),
    node('same', [unstructured], [], 2),
    node('same', [], [], 3),
    node('a😀b', []),
  ]);
  const parsed = parseDocView(renderDocView(root), { rootName: 'root' });
  assert.equal(plain(parsed.root), expectedAfterRoundTrip(root));
});

parseDocViewSuite('reads every DocView file of FileVault\'s test packages, and reads our rendering of it back the same', async () => {
  const corpusDir = findCorpusDir();
  if (corpusDir === undefined) return;
  for (const { id, path, xml } of await readCorpusDocViews(corpusDir)) {
    // The root is named by its file: x/_cq_dialog.xml → cq:dialog, x/parent.dir/.content.xml → parent.
    const rootPath = getRepositoryPath(path.endsWith('.content.xml') ? path.slice(0, -'/.content.xml'.length) : path.slice(0, -'.xml'.length), { respectDotDir: true });
    const { root, namespaces } = parseDocView(xml, { rootName: rootPath.slice(rootPath.lastIndexOf('/') + 1) });
    const again = parseDocView(renderDocView(plain(root), { namespaces }), { rootName: root.name });
    assert.equal(plain(again.root), expectedAfterRoundTrip(plain(root)), id);
  }
});

parseDocViewSuite('names a jcr:root element from options.rootName, index included, and any other root element by itself', () => {
  const xml = `<jcr:root xmlns:jcr="${JCR}" a="1"/>`;
  assert.equal(plain(parseDocView(xml, { rootName: 'cq:dialog' }).root), node('cq:dialog', [property('a', '1')]));
  assert.equal(plain(parseDocView(xml, { rootName: 'item[2]' }).root), node('item', [property('a', '1')], [], 2));
  assert.equal(plain(parseDocView(xml).root), node('', [property('a', '1')]));
  assert.equal(plain(parseDocView('<my_x0020_node a="1"/>', { rootName: 'ignored' }).root), node('my node', [property('a', '1')]));
  // Only the JCR namespace makes "root" the special element.
  assert.is(parseDocView('<jcr:root xmlns:jcr="urn:other"/>', { rootName: 'x' }).root.name, 'jcr:root');
});

parseDocViewSuite('reads same-name-sibling indexes from decoded local names as DocViewSAXHandler does', () => {
  const xml = `<jcr:root xmlns:jcr="${JCR}" xmlns:p="urn:p"><a_x005b_2_x005d_/><b_x005b_x_x005d_/><c_x005b_02_x005d_/><_x005b_1_x005d_/><p:d_x005b_3_x005d_/><e_x005b_1/></jcr:root>`;
  const names = parseDocView(xml).root.children.map(({ name, index }) => [name, index ?? 0]);
  assert.equal(names, [['a', 2], ['b', 0], ['c', 2], ['[1]', 0], ['p:d', 3], ['e', 0]]);
});

parseDocViewSuite('keeps namespace declarations out of the properties and lists them, the first for a prefix winning', () => {
  const xml = `<jcr:root xmlns:jcr="${JCR}" xmlns="urn:default" a="1"><b xmlns:x="urn:x" x:c="2"><c xmlns:x="urn:other"/></b></jcr:root>`;
  const { root, namespaces } = parseDocView(xml, { rootName: 'r' });
  assert.equal(namespaces, { jcr: JCR, '': 'urn:default', x: 'urn:x' });
  assert.equal(root.properties, [property('a', '1')]);
  assert.equal(root.children[0]!.properties, [property('x:c', '2')]);
});

parseDocViewSuite('places each node just after the ">" of its start tag, as the SAX Locator FileVault\'s validators use', () => {
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<jcr:root xmlns:jcr="${JCR}" xmlns:nt="${NT}"`,
    '    jcr:primaryType="nt:unstructured">',
    '    <somepath jcr:primaryType="nt:unstructured"',
    '        attribute2="{Long}123"',
    '    ></somepath>',
    '    <x a="😀"/>',
    '</jcr:root>',
  ].join('\n');
  const { root } = parseDocView(xml, { rootName: 'wrongtype' });
  assert.equal([root.line, root.column], [3, 39]);
  // Columns count UTF-16 units: the emoji takes two.
  assert.equal(root.children.map(({ line, column }) => [line, column]), [[6, 6], [7, 16]]);
});

parseDocViewSuite('counts no column for a byte order mark, as the JDK parser reading bytes', () => {
  const { root } = parseDocView('\uFEFF<a>x</a>');
  assert.equal([root.line, root.column, root.characterData], [1, 4, [{ text: 'x', line: 1, column: 7 }]]);
});

parseDocViewSuite('reports trimmed character data where the SAX Locator reports it, as data', () => {
  // The layout of FileVault's unusedcharacterdata.xml, where its validator reports column 78.
  const xml = [
    `<jcr:root xmlns:jcr="${JCR}" xmlns:nt="${NT}"`,
    '    jcr:primaryType="nt:unstructured">',
    '    <somepath jcr:primaryType="nt:unstructured">This is some character data</somepath>',
    '    <a/>  before  <b/><c><![CDATA[ <cdata> ]]></c>',
    '</jcr:root>',
  ].join('\n');
  const { root } = parseDocView(xml);
  assert.equal(root.children[0]!.characterData, [{ text: 'This is some character data', line: 3, column: 78 }]);
  assert.equal(root.characterData, [{ text: 'before', line: 4, column: 20 }]);
  assert.equal(root.children[3]!.characterData, [{ text: '<cdata>', line: 4, column: 47 }]);
  assert.equal(root.children[1]!.characterData, []);
});

parseDocViewSuite.run();

// ---

const docViewParseErrorSuite = suite('DocViewParseError');

docViewParseErrorSuite('carries FileVault\'s "unknown type" reason and the position of the element', () => {
  const xml = [
    `<jcr:root xmlns:jcr="${JCR}" xmlns:nt="${NT}"`,
    '    jcr:primaryType="nt:unstructured">',
    '    <somepath jcr:primaryType="nt:unstructured"',
    '        attribute2="{Long}123"',
    '        attribute1="{Invalid}value1"',
    '    ></somepath>',
    '</jcr:root>',
  ].join('\n');
  // [T] DocumentViewParserValidatorTest: "unknown type: Invalid" at the line of ">", column 6.
  assert.throws(() => parseDocView(xml), isParseError('unknown type: Invalid', 6, 6));
});

docViewParseErrorSuite('reports XML that is not well-formed with saxes\' reason and position', () => {
  assert.throws(() => parseDocView(`<jcr:root xmlns:jcr="${JCR}">\n  <a></b>\n</jcr:root>`), isParseError('unexpected close tag.', 2, 10));
  assert.throws(() => parseDocView(''), isParseError('document must contain a root element.', 1, 1));
  assert.throws(() => parseDocView('<a/><b/>'), isParseError('documents may contain only one root.', 1, 8));
  assert.throws(() => parseDocView('<a>&nbsp;</a>'), isParseError('undefined entity.', 1, 10));
  assert.throws(() => parseDocView('<a b="1" b="2"/>'), isParseError('duplicate attribute: b.', 1, 17));
});

docViewParseErrorSuite('refuses names the JDK parser refuses although saxes takes them', () => {
  assert.throws(() => parseDocView('<x😀/>'), isParseError('invalid XML 1.0 name: "x😀"', 1, 7));
  assert.throws(() => parseDocView('<x a😀="1"/>'), isParseError('invalid XML 1.0 name: "a😀"', 1, 13));
});

docViewParseErrorSuite('refuses an undeclared prefix on an element or an attribute', () => {
  assert.throws(() => parseDocView(`<jcr:root xmlns:jcr="${JCR}"><cq:page/></jcr:root>`), (error: unknown) => error instanceof DocViewParseError && /unbound namespace prefix: "cq"/.test(error.reason));
  assert.throws(() => parseDocView(`<jcr:root xmlns:jcr="${JCR}" sling:resourceType="x"/>`), (error: unknown) => error instanceof DocViewParseError && /unbound namespace prefix: "sling"/.test(error.reason));
});

docViewParseErrorSuite('refuses a negative same-name-sibling index and a bad \\u escape', () => {
  const negative = `<jcr:root xmlns:jcr="${JCR}"><a_x005b_-1_x005d_/></jcr:root>`;
  assert.throws(() => parseDocView(negative), isParseError("index must be non-negative, got -1 in 'a[-1]'", 1, negative.indexOf('/>') + 3));
  // Character.digit('z', 16) = -1 four times: ((-1 * 16 - 1) * 16 - 1) * 16 - 1 = -4369.
  const badEscape = `<jcr:root xmlns:jcr="${JCR}" a="\\uzzzz"/>`;
  assert.throws(() => parseDocView(badEscape), isParseError('Not a valid Unicode code point: 0xFFFFEEEF', 1, badEscape.length + 1));
});

docViewParseErrorSuite.run();

// ---

const javaConsumer = suite('parseDocView compared with the JDK SAX parser', { dir: '' });

javaConsumer.before((context) => {
  context.dir = makeTempDir('aem-ioevents-docview-');
});

javaConsumer.after((context) => {
  removeTempDir(context.dir);
});

interface SaxElement {
  depth: number;
  position: string;
  uri: string;
  local: string;
  attributes: { uri: string; local: string; property: Omit<DocViewProperty, 'name'> }[];
  characters: string[];
}

// Reads DocViewXmlCheck's lines for one file; attribute values go through parseDocViewProperty so
// both sides compare as properties, and names are ISO 9075 decoded as the parser decodes them.
function fromJava(lines: readonly string[]): SaxElement[] {
  const elements: SaxElement[] = [];
  const unquote = (text: string): string[] =>
    [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\u([0-9a-f]{4})|\\(.)/g, (_, hex: string, c: string) => (hex ? String.fromCharCode(parseInt(hex, 16)) : c)));
  for (const line of lines) {
    const fields = line.split(' ');
    const [first = '', second = '', third = ''] = unquote(line);
    if (fields[0] === 'E') {
      const depth = Number(fields[1]);
      elements.push({ depth, position: fields[2]!, uri: first, local: depth === 0 ? second : decodeIso9075(second), attributes: [], characters: [] });
    } else if (fields[0] === 'A') {
      // jcr:primaryType and jcr:mixinTypes are Name properties: the name decides the type.
      const { name: _name, ...parsed } = parseDocViewProperty((first === JCR ? 'jcr:' : '') + decodeIso9075(second), third);
      elements.at(-1)!.attributes.push({ uri: first, local: decodeIso9075(second), property: parsed });
    } else if (fields[0] === 'C') {
      elements.findLast((element) => element.depth === Number(fields[1]))!.characters.push(`${fields[2]} ${first}`);
    }
  }
  return elements;
}

function fromOurs(root: ParsedDocViewNode, namespaces: Readonly<Record<string, string>>): SaxElement[] {
  const elements: SaxElement[] = [];
  const split = (name: string, defaultUri: string): [string, string] => {
    const colon = name.indexOf(':');
    return colon < 0 ? [defaultUri, name] : [namespaces[name.slice(0, colon)] ?? `unbound ${name}`, name.slice(colon + 1)];
  };
  const visit = (current: ParsedDocViewNode, depth: number): void => {
    const [uri, local] = depth === 0 ? [JCR, 'root'] : split(current.name, namespaces[''] ?? '');
    elements.push({
      depth,
      position: `${current.line}:${current.column}`,
      uri,
      local: depth === 0 ? local : local + ((current.index ?? 0) > 0 ? `[${current.index}]` : ''),
      attributes: current.properties.map(({ name, ...rest }) => {
        const [attributeUri, attributeLocal] = split(name, '');
        return { uri: attributeUri, local: attributeLocal, property: rest };
      }),
      characters: current.characterData.map(({ text, line, column }) => `${line}:${column} ${text}`),
    });
    current.children.forEach((child) => visit(child, depth + 1));
  };
  visit(root, 0);
  return elements;
}

const POSITION_DOCUMENTS: Readonly<Record<string, string>> = {
  'byte-order-mark': `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<jcr:root xmlns:jcr="${JCR}" a="1">text</jcr:root>\n`,
  'crlf-tabs-comments': [
    '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- c -->\r\n',
    `<jcr:root xmlns:jcr="${JCR}" xmlns:nt="${NT}"\r\n\tjcr:primaryType="nt:unstructured" emoji="😀&amp;&#x41;">\r\n`,
    '  <a\tb="1"     />before<b><![CDATA[cdata <text>]]></b>\n  <?pi x?>\n',
    '  <c>text one</c><d>two<!-- x -->three</d>\n  <e\n  >\n  </e  >tail</jcr:root  >\n',
  ].join(''),
  'character-data': [
    `<jcr:root xmlns:jcr="${JCR}" xmlns:nt="${NT}"`,
    '    jcr:primaryType="nt:unstructured">',
    '    <somepath jcr:primaryType="nt:unstructured">This is some character data</somepath>',
    '    <a/>  before  <b/>',
    '</jcr:root>',
  ].join('\n'),
  'names-and-values': [
    `<jcr:root xmlns:jcr="${JCR}" xmlns:nt="${NT}" xmlns:p="urn:p" a="[x\\,y,&lt;z>]" p:_x0031_b="{Long}[1,2]">`,
    '<p:c_x005b_2_x005d_ v="&#x9;&#xa;&#xd;"/><d\tx = \'it"s\' /></jcr:root>',
  ].join('\n'),
};

javaConsumer('sees the same elements, attributes, positions and character data in our documents and in FileVault\'s test packages', async (context) => {
  if (!hasTool('java')) return;
  const corpusDir = findCorpusDir();
  const corpus = corpusDir === undefined ? [] : await readCorpusDocViews(corpusDir);
  if (corpusDir !== undefined) assert.ok(corpus.length >= 800, `${corpus.length} corpus DocView files`);
  const documents = [...Object.entries(POSITION_DOCUMENTS), ...corpus.map(({ id, xml }) => [id, xml] as const)];
  const files = documents.map(([, xml], n) => {
    const file = join(context.dir, `${n}.xml`);
    writeFileSync(file, xml);
    return file;
  });
  const result = runJava('DocViewXmlCheck', files);
  assert.is(result.status, 0, result.stderr);
  const perFile = result.stdout.split(/^F .*\n/m).slice(1).map((block) => block.trimEnd().split('\n'));
  documents.forEach(([id, xml], n) => {
    const { root, namespaces } = parseDocView(xml, { rootName: 'x' });
    assert.equal(fromOurs(root, namespaces), fromJava(perFile[n]!), id);
  });
});

javaConsumer.run();
