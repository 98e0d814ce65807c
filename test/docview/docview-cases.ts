import { readFileSync } from 'node:fs';
import type { DocViewNode } from '../../src/docview/docview-node.ts';
import { createDocViewProperty as property, type PropertyType } from '../../src/docview/docview-property.ts';

/** One rendering case: the tree, its options, and the expected file `fixtures/docview/<name>.xml`. */
export interface DocViewCase {
  readonly name: string;
  readonly root: DocViewNode;
  readonly namespaces?: Readonly<Record<string, string>>;
  /** Where the expected output comes from. */
  readonly source: string;
}

/** A node; `index` only when given. */
export function node(name: string, properties: DocViewNode['properties'] = [], children: readonly DocViewNode[] = [], index?: number): DocViewNode {
  return { name, properties, children, ...(index === undefined ? {} : { index }) };
}

const unstructured = property('jcr:primaryType', 'nt:unstructured');
const typed = (name: string, value: string | readonly string[], type: PropertyType) => property(name, value, type);

/** The expected text of a case. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/docview/${name}.xml`, import.meta.url), 'utf8');
}

/** Every rendering case; the first ten are DocViewSaxFormatterIT and DocViewFormat vectors. */
export const CASES: readonly DocViewCase[] = [
  { name: 'includes-jcr-namespace', source: 'DocViewSaxFormatterIT.testFormatterIncludesJcrNamespace (JCRVLT-266)', root: node('testroot') },
  { name: 'minimal-serialization', source: 'DocViewSaxFormatterIT.testMinimalSerialization', root: node('testroot', [unstructured]) },
  {
    name: 'mixed-case-serialization',
    source: 'DocViewSaxFormatterIT.testMixedCaseSerialization',
    root: node('testroot', [unstructured, property('testproperty', 'lowercase'), property('TestProperty', 'MixedCase')]),
  },
  {
    name: 'sns-node-names',
    source: 'DocViewSaxFormatterIT.testSnsNodeNames',
    root: node('testroot', [unstructured], [node('childnode', [unstructured]), node('childnode', [unstructured], [], 2), node('childnode', [unstructured], [], 3)]),
  },
  {
    name: 'special-names',
    source: 'DocViewSaxFormatterIT.testSpecialNames',
    root: node('testroot', [unstructured], [node('1test', [unstructured]), node('test%test', [unstructured, property('_test&test', 'test')])]),
  },
  {
    name: 'empty-order-nodes',
    source: 'DocViewSaxFormatterIT.testEmptyOrderNodes',
    namespaces: { foo1: 'bar1:' },
    root: node('testroot', [unstructured], [node('child1'), node('child2', [unstructured]), node('foo1:child3')]),
  },
  {
    name: 'sorted-mixin-values',
    source: 'DocViewSaxFormatterIT.testSortedMixinValues',
    root: node('testroot', [unstructured, property('jcr:mixinTypes', ['mix:lockable', 'mix:title', 'mix:created']), property('customMv', ['value2', 'value3', 'value1'])]),
  },
  {
    name: 'unprotected-and-protected-properties',
    source: 'DocViewSaxFormatterIT.testUnprotectedAndProtectedProperties, with fixed dates and uuid',
    root: node('testroot', [
      unstructured,
      property('jcr:mixinTypes', ['mix:lockable', 'mix:lastModified', 'mix:versionable']),
      typed('jcr:created', '2026-07-01T08:15:30.123Z', 'Date'),
      typed('jcr:lastModified', '2026-07-01T08:15:30.456Z', 'Date'),
      property('jcr:lastModifiedBy', 'admin'),
      typed('jcr:isCheckedOut', 'true', 'Boolean'),
      property('jcr:uuid', '5f1c1a4e-2c3b-4f7e-9a51-7d1e3c0b9a2f'),
    ]),
  },
  {
    name: 'name-path-property-value-namespace-prefixes',
    source: 'DocViewSaxFormatterIT.testNamePathPropertyValueNamespacePrefixes (JCRVLT-832)',
    namespaces: { foo1: 'bar1:', foo2: 'bar2:' },
    root: node('testroot', [
      unstructured,
      typed('mvbool', ['true', 'false', 'true'], 'Boolean'),
      typed('svname', 'svname-test', 'Name'),
      typed('mvname', ['foo1:mvname-test', 'xyz'], 'Name'),
      typed('svpath', '/foo1:a/foo2:b', 'Path'),
    ]),
  },
  {
    name: 'docview-format-formatted',
    source: 'DocViewFormat/formatted.xml without its comments, plus the nt declaration an export adds',
    root: node('testroot', [unstructured, property('jcr:title', 'Test node')], [
      node('testChild', [unstructured, property('testProperty', 'test'), property('TestProperty', 'test'), property('foo', 'bar')], [node('grandchild')]),
    ]),
  },
  {
    name: 'aem-page',
    source: 'our own: a page with cq, sling, jcr and nt (declared in java.util.HashSet order: nt jcr cq sling)',
    root: node('en', [property('jcr:primaryType', 'cq:Page')], [
      node('jcr:content', [
        property('sling:resourceType', 'site/components/page'),
        property('jcr:title', 'Events & <News>'),
        property('jcr:primaryType', 'cq:PageContent'),
        property('cq:template', '/conf/site/settings/wcm/templates/page'),
        typed('cq:lastModified', '2026-06-30T12:00:00.000+02:00', 'Date'),
      ], [
        node('root', [unstructured, property('sling:resourceType', 'wcm/foundation/components/responsivegrid')], [
          node('text', [unstructured, property('sling:resourceType', 'site/components/text'), property('text', '<p>Hello</p>\n'), typed('textIsRich', 'true', 'Boolean')]),
        ]),
      ]),
    ]),
  },
  {
    name: 'full-coverage-dialog',
    source: 'our own: _cq_dialog.xml, whose root name alone brings the cq declaration',
    root: node('cq:dialog', [unstructured, property('sling:resourceType', 'cq/gui/components/authoring/dialog'), property('jcr:title', 'Event settings')], [
      node('content', [unstructured, property('sling:resourceType', 'granite/ui/components/coral/foundation/container')]),
    ]),
  },
  {
    name: 'escaped-values',
    source: 'our own: every DocView escape, then every Woodstox attribute escape',
    root: node('escaped', [
      unstructured,
      property('backslash', 'C:\\temp'),
      property('braces', '{Long}1'),
      property('brackets', '[a,b]'),
      property('comma', 'a,b'),
      property('control', 'bell\u0007'),
      property('emoji', '😀'),
      property('empty', ''),
      property('emptyMulti', ['']),
      property('lines', 'one\ntwo\r\nthree\tfour'),
      typed('long', ['1', '2'], 'Long'),
      property('markup', '<p class="x">it\'s</p>'),
      property('multi', ['a,b', '[x', '', '\\']),
      property('none', []),
      typed('uri', ['http://a/b,c'], 'URI'),
    ]),
  },
];
