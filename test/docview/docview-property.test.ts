import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import {
  createDocViewProperty,
  type DocViewProperty,
  escapeDocViewValue,
  formatDocViewProperty,
  parseDocViewProperty,
  type PropertyType,
} from '../../src/docview/docview-property.ts';

type Row = readonly [attribute: string, isMulti: boolean, type: PropertyType, values: readonly string[]];

// [T] DocViewProperty2Test (testParse*); the attribute column is the XML-unescaped value.
const parseRows: readonly Row[] = [
  ['hello', false, 'undefined', ['hello']],
  ['{Long}1234', false, 'Long', ['1234']],
  ['{String}1234', false, 'String', ['1234']],
  ['{Binary}', false, 'Binary', ['']],
  ['\\{hello, world}', false, 'undefined', ['{hello, world}']],
  ['{String}\\[hello', false, 'String', ['[hello']],
  ['{String}hello', false, 'String', ['hello']],
  ['{String}he\\u000fllo', false, 'String', ['he\u000fllo']],
  ['[hello,world]', true, 'undefined', ['hello', 'world']],
  ['[hello\\,world]', true, 'undefined', ['hello,world']],
  ['[,a,b,c]', true, 'undefined', ['', 'a', 'b', 'c']],
  ['[a,b,c,]', true, 'undefined', ['a', 'b', 'c', '']],
  ['[,,,]', true, 'undefined', ['', '', '', '']],
  ['[\\[hello,world]', true, 'undefined', ['[hello', 'world']],
  ['[[hello],[world]]', true, 'undefined', ['[hello]', '[world]']],
  ['[he\\[llo,world]', true, 'undefined', ['he[llo', 'world']],
  ['[hello\\[,world]', true, 'undefined', ['hello[', 'world']],
  ['[hello,\\[world]', true, 'undefined', ['hello', '[world']],
  ['[hello,world\\[]', true, 'undefined', ['hello', 'world[']],
  ['[hello,world', true, 'undefined', ['hello', 'world']],
  ['[bla{a\\,b},foo{a\\,b},bar{a\\,b}]', true, 'undefined', ['bla{a,b}', 'foo{a,b}', 'bar{a,b}']],
  ['[/content/[a-z]{2\\,3}/[a-z]{2\\,3}(/.*)]', true, 'undefined', ['/content/[a-z]{2,3}/[a-z]{2,3}(/.*)']],
  ['{Long}[1,2]', true, 'Long', ['1', '2']],
  ['{Long}[]', true, 'Long', []],
  ['[]', true, 'undefined', []],
  ['[\\0]', true, 'undefined', ['']],
  ['{Boolean}[false]', true, 'Boolean', ['false']],
  ['{BinaryRef}1234', false, 'BinaryRef', ['1234']],
];

// Derived by reading DocViewProperty2.parse (filevault-format.md §3.2).
const derivedParseRows: readonly Row[] = [
  ['', false, 'undefined', ['']],
  ['\\0', false, 'undefined', ['']],
  ['{Binary}\\0', false, 'Binary', ['']],
  ['\\ud83d\\ude00', false, 'undefined', ['😀']],
  ['a]b', false, 'undefined', ['a]b']],
  ['[a]b]', true, 'undefined', ['a]b']],
  ['[a,', true, 'undefined', ['a']],
  ['[', true, 'undefined', []],
  ['\\q\\\\', false, 'undefined', ['q\\']],
  ['{Long', false, 'undefined', ['Long']],
  ['{undefined}x', false, 'undefined', ['x']],
  ['{Name}{x', false, 'Name', ['{x']],
  ['{String}\\u00', false, 'String', ['']],
  ['abc\\', false, 'undefined', ['abc']],
  ['\\uFF10\\u0041', false, 'undefined', ['\uff10A']],
];

const property = (isMulti: boolean, type: PropertyType, values: readonly string[], name = 'foo'): DocViewProperty => ({ name, values, isMulti, type });

const parseDocViewPropertySuite = suite('parseDocViewProperty');

parseDocViewPropertySuite('reads every DocViewProperty2Test attribute value', () => {
  for (const [attribute, isMulti, type, values] of parseRows) {
    assert.equal(parseDocViewProperty('foo', attribute), property(isMulti, type, values), attribute);
  }
});

parseDocViewPropertySuite('reads the edge cases of the state machine as FileVault does', () => {
  for (const [attribute, isMulti, type, values] of derivedParseRows) {
    assert.equal(parseDocViewProperty('foo', attribute), property(isMulti, type, values), attribute);
  }
});

parseDocViewPropertySuite('values without "[" or "\\" (read without the state machine) read as the machine reads them', () => {
  const rows: [string, PropertyType, string[]][] = [
    ['', 'undefined', ['']], ['{Long}', 'Long', ['']], ['{String}{x}', 'String', ['{x}']], ['a,b]', 'undefined', ['a,b]']], [']', 'undefined', [']']],
    ['{Date}2026-11-23T12:00:00.000Z', 'Date', ['2026-11-23T12:00:00.000Z']], ['{Boolean}x[', 'Boolean', ['x[']], ['{Namex', 'undefined', ['Namex']],
  ];
  for (const [attribute, type, values] of rows) assert.equal(parseDocViewProperty('foo', attribute), property(false, type, values), attribute);
});

parseDocViewPropertySuite('types jcr:primaryType and jcr:mixinTypes as Name unless a type is written', () => {
  assert.equal(parseDocViewProperty('jcr:primaryType', 'nt:unstructured'), property(false, 'Name', ['nt:unstructured'], 'jcr:primaryType'));
  assert.equal(parseDocViewProperty('jcr:mixinTypes', '[mix:title]'), property(true, 'Name', ['mix:title'], 'jcr:mixinTypes'));
  assert.is(parseDocViewProperty('jcr:primaryType', '{String}nt:folder').type, 'String');
});

parseDocViewPropertySuite('fails on an unknown type with FileVault\'s message', () => {
  // [T] DocumentViewParserValidatorTest.testDocViewWithUnknownType
  assert.throws(() => parseDocViewProperty('attribute1', '{Invalid}value1'), (error: unknown) => error instanceof InputError && error.message === 'unknown type: Invalid');
  assert.throws(() => parseDocViewProperty('a', '{long}1'), /^unknown type: long$/);
});

parseDocViewPropertySuite('fails on a \\u escape that makes a negative code point, as StringBuilder.appendCodePoint does', () => {
  // Character.digit('z', 16) = -1 four times: ((-1 * 16 - 1) * 16 - 1) * 16 - 1 = -4369.
  assert.throws(() => parseDocViewProperty('a', '\\uzzzz'), /^Not a valid Unicode code point: 0xFFFFEEEF$/);
  assert.throws(() => parseDocViewProperty('a', '\\u000g'), /^Not a valid Unicode code point: 0xFFFFFFFF$/);
});

parseDocViewPropertySuite('goes on with a non-hex digit when the result stays positive', () => {
  // Character.digit('g') = -1: ((1 * 16 - 1) * 16 + 0) * 16 + 0 = 0xF00.
  assert.equal(parseDocViewProperty('a', '\\u1g00').values, ['\u0f00']);
});

parseDocViewPropertySuite.run();

// ---

const formatDocViewPropertySuite = suite('formatDocViewProperty');

// [T] DocViewProperty2Test.testFormat, testEmptyMVString, testEmptyMVBoolean, testUndefinedType.
const formatRows: ReadonlyArray<readonly [DocViewProperty, string]> = [
  [property(false, 'undefined', ['value']), 'value'],
  [property(false, 'Boolean', ['true']), '{Boolean}true'],
  [property(true, 'Path', ['path1', 'path2']), '{Path}[path1,path2]'],
  [property(true, 'String', ['']), '[\\0]'],
  [property(true, 'Boolean', ['false']), '{Boolean}[false]'],
  [property(false, 'BinaryRef', ['1234']), '{BinaryRef}1234'],
  [property(false, 'undefined', ['[Bar"\\'], 'jcr:lastModifiedBy'), '\\[Bar"\\\\'],
  [property(false, 'Double', ['1.1']), '{Double}1.1'],
];

// filevault-format.md §3.3 "Derived by code reading", plus the [I] row on escaping every type.
const derivedFormatRows: ReadonlyArray<readonly [DocViewProperty, string]> = [
  [property(false, 'String', ['']), '\\0'],
  [property(false, 'Binary', ['']), '{Binary}\\0'],
  [property(true, 'String', ['', '']), '[,]'],
  [property(true, 'String', ['[x']), '[[x]'],
  [property(false, 'String', ['a,b']), 'a,b'],
  [property(false, 'String', ['😀']), '\\ud83d\\ude00'],
  [property(true, 'Name', ['mix:title', 'mix:created'], 'jcr:mixinTypes'), '[mix:created,mix:title]'],
  [property(false, 'Name', ['nt:unstructured'], 'jcr:primaryType'), 'nt:unstructured'],
  [property(true, 'URI', ['http://a/b,c', 'x\\y']), '{URI}[http://a/b\\,c,x\\\\y]'],
  [property(false, 'Long', ['{5']), '{Long}\\{5'],
  [property(true, 'Long', []), '{Long}[]'],
  [property(true, 'undefined', []), '[]'],
  [property(false, 'Date', ['2011-06-07T14:31:49.179-07:00']), '{Date}2011-06-07T14:31:49.179-07:00'],
  [property(true, 'Name', ['rep:write', 'crx:replicate', 'jcr:read'], 'rep:privileges'), '{Name}[rep:write,crx:replicate,jcr:read]'],
];

formatDocViewPropertySuite('writes every DocViewProperty2Test format row', () => {
  for (const [input, attribute] of formatRows) assert.is(formatDocViewProperty(input), attribute, attribute);
});

formatDocViewPropertySuite('writes the derived rows', () => {
  for (const [input, attribute] of derivedFormatRows) assert.is(formatDocViewProperty(input), attribute, attribute);
});

formatDocViewPropertySuite('keeps the order of multi-values other than jcr:mixinTypes', () => {
  assert.is(formatDocViewProperty(property(true, 'undefined', ['value2', 'value3', 'value1'], 'customMv')), '[value2,value3,value1]');
});

formatDocViewPropertySuite('writes the secondary vectors of wcm.io\'s independent writer', () => {
  assert.is(formatDocViewProperty(property(false, 'String', ['myString [ ] { } \\ ,'])), 'myString [ ] { } \\\\ ,');
  assert.is(formatDocViewProperty(property(false, 'String', ['{myString}'])), '\\{myString}');
  assert.is(formatDocViewProperty(property(false, 'String', ['aaa{myString}'])), 'aaa{myString}');
  assert.is(
    formatDocViewProperty(property(true, 'String', ['myString1,[]\\äöüß€', 'myString2', 'myString3 [ ] { } \\ ,', '', '[myString5]', '{myString6}'])),
    '[myString1\\,[]\\\\äöüß€,myString2,myString3 [ ] { } \\\\ \\,,,[myString5],{myString6}]',
  );
});

formatDocViewPropertySuite('refuses a single-value property without exactly one value', () => {
  assert.throws(() => formatDocViewProperty(property(false, 'String', [])), /^Single value property needs exactly 1 value, got 0 for 'foo'$/);
  assert.throws(() => formatDocViewProperty(property(false, 'String', ['a', 'b'])), (error: unknown) => error instanceof InputError);
});

formatDocViewPropertySuite('is read back by parseDocViewProperty as the same property, String as undefined', () => {
  const values = ['', '{', '[', ']', ',', '\\', '\\0', '&<>"\'', '\n\t\r', '\u0001\u001f\ufffe', '😀', '\ud800', '[a,b]', '{Long}1'];
  // FileVault never writes {String}, so a String property comes back untyped (isAmbiguous).
  assert.equal(parseDocViewProperty('foo', formatDocViewProperty(property(false, 'String', ['x']))), property(false, 'undefined', ['x']));
  for (const type of ['undefined', 'Long', 'URI', 'Binary', 'BinaryRef', 'Path', 'Name'] as const) {
    for (const value of values) {
      const single = property(false, type, [value]);
      assert.equal(parseDocViewProperty('foo', formatDocViewProperty(single)), single, `${type} ${JSON.stringify(value)}`);
    }
    const multi = property(true, type, values);
    assert.equal(parseDocViewProperty('foo', formatDocViewProperty(multi)), multi, type);
  }
});

formatDocViewPropertySuite.run();

// ---

const escapeDocViewValueSuite = suite('escapeDocViewValue');

// [T] DocViewProperty2Test.testEscape: input, single-value output, multi-value output.
const escapeRows: ReadonlyArray<readonly [string, string, string]> = [
  ['hello', 'hello', 'hello'],
  ['hello, world', 'hello, world', 'hello\\, world'],
  ['[hello]', '\\[hello]', '[hello]'],
  ['{hello}', '\\{hello}', '{hello}'],
  ['hello\u000fworld', 'hello\\u000fworld', 'hello\\u000fworld'],
  ['hello\\world', 'hello\\\\world', 'hello\\\\world'],
];

escapeDocViewValueSuite('escapes every DocViewProperty2Test row, single and multi', () => {
  for (const [input, single, multi] of escapeRows) {
    assert.is(escapeDocViewValue(input, false), single, input);
    assert.is(escapeDocViewValue(input, true), multi, input);
  }
});

escapeDocViewValueSuite('escapes only a leading "[" or "{", and invalid XML units in lower-case hex', () => {
  assert.is(escapeDocViewValue('a[b{', false), 'a[b{');
  assert.is(escapeDocViewValue('\ufffe\uffff\u0000', false), '\\ufffe\\uffff\\u0000');
  assert.is(escapeDocViewValue('\t\n\r\u0085\u2028', false), '\t\n\r\u0085\u2028');
});

escapeDocViewValueSuite.run();

// ---

const createDocViewPropertySuite = suite('createDocViewProperty');

createDocViewPropertySuite('makes a single value from a string and a multi-value from an array', () => {
  assert.equal(createDocViewProperty('jcr:title', 'Hello'), property(false, 'undefined', ['Hello'], 'jcr:title'));
  assert.equal(createDocViewProperty('tags', ['a', 'b'], 'String'), property(true, 'String', ['a', 'b'], 'tags'));
  assert.equal(createDocViewProperty('empty', []), property(true, 'undefined', [], 'empty'));
});

createDocViewPropertySuite('types jcr:primaryType and jcr:mixinTypes as Name', () => {
  assert.is(createDocViewProperty('jcr:primaryType', 'nt:unstructured').type, 'Name');
  assert.is(createDocViewProperty('jcr:mixinTypes', ['mix:title']).type, 'Name');
});

createDocViewPropertySuite('copies the values array', () => {
  const values = ['a'];
  const created = createDocViewProperty('x', values);
  values.push('b');
  assert.equal(created.values, ['a']);
});

createDocViewPropertySuite('refuses a type that is not a PropertyType', () => {
  assert.throws(() => createDocViewProperty('x', '1', 'long' as PropertyType), /^unknown type: long$/);
});

createDocViewPropertySuite.run();
