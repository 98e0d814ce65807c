import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compareQNames } from '../../src/docview/qname-comparator.ts';

const compareQNamesSuite = suite('compareQNames');

compareQNamesSuite('sorts the QNameComparatorTest names as FileVault does', () => {
  const names = ['localonly', 'xml:xhtml', 'jcr:UpperCase', 'jcr:primaryType', 'jcr:PrimaryType'];
  assert.equal(names.sort(compareQNames), ['xml:xhtml', 'jcr:PrimaryType', 'jcr:primaryType', 'jcr:UpperCase', 'localonly']);
});

compareQNamesSuite('puts cq before jcr before sling before unprefixed names, jcr:primaryType not forced first', () => {
  const names = ['title', 'sling:resourceType', 'jcr:title', 'jcr:primaryType', 'cq:template', 'jcr:mixinTypes', 'Zeta', 'alpha'];
  assert.equal(names.sort(compareQNames), ['cq:template', 'jcr:mixinTypes', 'jcr:primaryType', 'jcr:title', 'sling:resourceType', 'alpha', 'title', 'Zeta']);
});

compareQNamesSuite('compares prefix and local name concatenated, without the colon', () => {
  // "ab" + "c" and "a" + "bd": "abc" < "abd" although prefix "a" < "ab".
  assert.ok(compareQNames('ab:c', 'a:bd') < 0);
  assert.ok(compareQNames('a:bd', 'ab:c') > 0);
});

compareQNamesSuite('breaks a case-insensitive tie case-sensitively (JCRVLT-334) and finds equal names equal', () => {
  assert.ok(compareQNames('TestProperty', 'testProperty') < 0);
  assert.ok(compareQNames('testproperty', 'TestProperty') > 0);
  assert.is(compareQNames('jcr:title', 'jcr:title'), 0);
});

compareQNamesSuite('treats the xml prefix case-insensitively', () => {
  assert.ok(compareQNames('XML:lang', 'a:b') < 0);
  assert.ok(compareQNames('a', 'xml:space') > 0);
});

compareQNamesSuite.run();
