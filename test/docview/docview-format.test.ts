import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { renderDocView } from '../../src/docview/docview-format.ts';
import { getNamespaceDeclarations } from '../../src/docview/docview-namespaces.ts';
import type { DocViewNode } from '../../src/docview/docview-node.ts';
import { createDocViewProperty as property, formatDocViewProperty } from '../../src/docview/docview-property.ts';
import { encodeIso9075 } from '../../src/docview/iso9075.ts';
import { compareQNames } from '../../src/docview/qname-comparator.ts';
import { runJava } from '../helpers/java.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { hasTool } from '../helpers/tools.ts';
import { CASES, node, readFixture } from './docview-cases.ts';

const unstructured = property('jcr:primaryType', 'nt:unstructured');

const inputError = (pattern: RegExp) => (error: unknown): boolean => error instanceof InputError && pattern.test(error.message);

const renderDocViewSuite = suite('renderDocView');

for (const { name, root, namespaces, source } of CASES) {
  renderDocViewSuite(`writes ${name}.xml byte for byte (${source})`, () => {
    assert.fixture(renderDocView(root, namespaces === undefined ? {} : { namespaces }), readFixture(name));
  });
}

renderDocViewSuite('renders the same text whatever order the properties come in', () => {
  const properties = [unstructured, property('b', '1'), property('cq:a', '2'), property('A', '3'), property('jcr:title', 't')];
  const expected = renderDocView(node('x', properties));
  assert.is(renderDocView(node('x', [...properties].reverse())), expected);
});

renderDocViewSuite('declares a prefix used only in a Name or Path value, never xml, and takes a URI from options first', () => {
  const xml = renderDocView(node('x', [unstructured, property('xml:lang', 'en'), property('ref', ['/my:a/b'], 'Path')]), { namespaces: { my: 'urn:my', nt: 'urn:other-nt' } });
  assert.match(xml, '<jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0" xmlns:nt="urn:other-nt" xmlns:my="urn:my"\n');
  assert.match(xml, '\n    xml:lang="en"\n    jcr:primaryType="nt:unstructured"\n    ref="{Path}[/my:a/b]"/>\n');
});

renderDocViewSuite('names the prefix and the node when a namespace URI is unknown', () => {
  const root = node('content', [unstructured], [node('child', [unstructured], [node('foo:bar', [unstructured])])]);
  assert.throws(() => renderDocView(root), inputError(/^Unknown namespace prefix 'foo' used by node 'content\/child\/foo:bar': give its URI in options\.namespaces$/));
  const byValue = node('x', [property('jcr:primaryType', 'acme:Thing')]);
  assert.throws(() => renderDocView(byValue), inputError(/^Unknown namespace prefix 'acme' used by node 'x'/));
  // A prefix named like an Object.prototype member is not "known".
  assert.throws(() => renderDocView(node('x', [property('constructor:a', '1')])), inputError(/prefix 'constructor'/));
});

renderDocViewSuite('refuses an empty namespace URI and a prefix XML reserves', () => {
  assert.throws(() => renderDocView(node('x', [property('my:a', '1')]), { namespaces: { my: '' } }), inputError(/^Invalid namespace declaration xmlns:my="" for node 'x'/));
  assert.throws(() => renderDocView(node('x', [property('xmlns:a', '1')]), { namespaces: { xmlns: 'urn:x' } }), inputError(/xmlns:xmlns=/));
});

renderDocViewSuite('refuses invalid JCR names, duplicate properties and bad same-name-sibling indexes', () => {
  assert.throws(() => renderDocView(node('x', [], [node('a/b', [unstructured])])), inputError(/^Invalid JCR name for node 'x\/a\/b': '\/' not allowed in name$/));
  assert.throws(() => renderDocView(node('x', [property('tmp ', '1')])), inputError(/^Invalid JCR name for property 'tmp ' of node 'x': Trailing spaces not allowed$/));
  assert.throws(() => renderDocView(node('x', [property('{urn:a}b', '1')])), inputError(/expanded names are not supported/));
  assert.throws(() => renderDocView(node('x', [property('a', '1'), property('a', '2')])), inputError(/^Duplicate property 'a' on node 'x'$/));
  assert.throws(() => renderDocView(node('x', [], [node('c', [], [], -1)])), inputError(/^Expected the same-name-sibling index of node 'x\/c' to be a non-negative integer, got -1$/));
  assert.throws(() => renderDocView(node('x', [], [node('c', [], [], 1.5)])), inputError(/got 1\.5$/));
});

renderDocViewSuite('writes index 1 without a suffix, like index 0', () => {
  assert.match(renderDocView(node('x', [], [node('c', [unstructured], [], 1)])), '\n    <c jcr:primaryType="nt:unstructured"/>\n');
});

renderDocViewSuite('refuses a character XML 1.0 cannot carry in a namespace URI', () => {
  assert.throws(() => renderDocView(node('x', [property('my:a', '1')]), { namespaces: { my: 'urn:\u0001' } }), inputError(/U\+0001/));
});

renderDocViewSuite.run();

// ---

const getNamespaceDeclarationsSuite = suite('getNamespaceDeclarations');

getNamespaceDeclarationsSuite('puts jcr first, then the HashSet order, with URIs', () => {
  const root = node('cq:dialog', [property('jcr:mixinTypes', ['mix:title'])], [node('sling:x')]);
  assert.equal(getNamespaceDeclarations(root), [
    { prefix: 'jcr', uri: 'http://www.jcp.org/jcr/1.0' },
    { prefix: 'mix', uri: 'http://www.jcp.org/jcr/mix/1.0' },
    { prefix: 'cq', uri: 'http://www.day.com/jcr/cq/1.0' },
    { prefix: 'sling', uri: 'http://sling.apache.org/jcr/sling/1.0' },
  ]);
});

getNamespaceDeclarationsSuite('ignores prefixes in values of other types', () => {
  assert.equal(getNamespaceDeclarations(node('x', [property('a', 'foo:bar'), property('b', 'foo:bar', 'String'), property('c', 'foo:bar', 'Reference')])), [
    { prefix: 'jcr', uri: 'http://www.jcp.org/jcr/1.0' },
  ]);
});

getNamespaceDeclarationsSuite.run();

// ---

const javaConsumer = suite('renderDocView read by the JDK SAX parser', { dir: '' });

javaConsumer.before((context) => {
  context.dir = makeTempDir('aem-ioevents-docview-');
});

javaConsumer.after((context) => {
  removeTempDir(context.dir);
});

// What a namespace-aware SAX parser must report for `root`, in DocViewXmlCheck's line format.
function expectedSaxView(file: string, root: DocViewNode, namespaces: Readonly<Record<string, string>> = {}): string {
  const declarations = getNamespaceDeclarations(root, namespaces);
  const uriOf = new Map(declarations.map(({ prefix, uri }) => [prefix, uri]));
  uriOf.set('xml', 'http://www.w3.org/XML/1998/namespace');
  const split = (name: string): [string, string] => (name.includes(':') ? [uriOf.get(name.slice(0, name.indexOf(':')))!, name.slice(name.indexOf(':') + 1)] : ['', name]);
  const lines = [`F ${quote(file)}`, ...declarations.map(({ prefix, uri }) => `N ${quote(prefix)} ${quote(uri)}`)];
  const visit = (current: DocViewNode, depth: number): void => {
    const [uri, local] = depth === 0 ? ['http://www.jcp.org/jcr/1.0', 'root'] : split(current.name);
    lines.push(`E ${depth} ${quote(uri)} ${quote(encodeIso9075(local + ((current.index ?? 0) > 1 ? `[${current.index}]` : '')))}`);
    for (const p of [...current.properties].sort((a, b) => compareQNames(a.name, b.name))) {
      const [attributeUri, attributeLocal] = split(p.name);
      lines.push(`A ${quote(attributeUri)} ${quote(encodeIso9075(attributeLocal))} ${quote(formatDocViewProperty(p))}`);
    }
    current.children.forEach((child) => visit(child, depth + 1));
  };
  visit(root, 0);
  return lines.join('\n');
}

// DocViewXmlCheck.quote: printable ASCII as is, the rest \uXXXX.
function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&').replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

javaConsumer('sees every rendered case with the names, namespaces and attribute values we meant', (context) => {
  if (!hasTool('java')) return;
  const cases = [
    ...CASES,
    {
      name: 'awkward-names',
      namespaces: { 'my-ns': 'urn:a&b<c>"d' },
      root: node('x', [unstructured, property('my-ns:1 a', 'v'), property('b%c&d', ['\u0085 é\u2028', '\t'])], [node('my-ns:x y', [unstructured], [], 3), node('_x0041_')]),
    },
  ];
  const files = cases.map(({ name, root, namespaces }) => {
    const file = join(context.dir, `${name}.xml`);
    writeFileSync(file, renderDocView(root, namespaces === undefined ? {} : { namespaces }));
    return file;
  });
  const result = runJava('DocViewXmlCheck', files);
  assert.is(result.status, 0, result.stderr);
  const seen = result.stdout.trimEnd().replace(/^E (\d+) \d+:\d+ /gm, 'E $1 ');
  const expected = cases.map(({ root, namespaces }, n) => expectedSaxView(files[n]!, root, namespaces)).join('\n');
  assert.fixture(seen, expected);
});

javaConsumer.run();
