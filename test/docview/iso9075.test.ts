import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeIso9075, encodeIso9075 } from '../../src/docview/iso9075.ts';

// filevault-format.md §3.4: [T] DocViewSaxFormatterIT, [R] the real ISO9075 class.
const rows: ReadonlyArray<readonly [string, string]> = [
  ['1test', '_x0031_test'],
  ['test%test', 'test_x0025_test'],
  ['_test&test', '_test_x0026_test'],
  ['childnode[2]', 'childnode_x005b_2_x005d_'],
  ['Spr16_PR_T_001_x0009_VS_R1.data', 'Spr16_PR_T_001_x005f_x0009_VS_R1.data'],
  ['a b', 'a_x0020_b'],
  ['-abc', '_x002d_abc'],
  ['.abc', '_x002e_abc'],
  ['_x0020', '_x005f_x0020'],
  ['abc_x12_', 'abc_x12_'],
  ['héllo', 'héllo'],
  ['foo-bar.baz', 'foo-bar.baz'],
];

const encodeIso9075Suite = suite('encodeIso9075');

encodeIso9075Suite('encodes every name of the reference table', () => {
  for (const [name, xmlName] of rows) assert.is(encodeIso9075(name), xmlName, name);
});

encodeIso9075Suite('leaves the empty name alone', () => {
  assert.is(encodeIso9075(''), '');
});

encodeIso9075Suite('escapes each half of a surrogate pair, since XMLChar rejects both', () => {
  assert.is(encodeIso9075('a😀'), 'a_xd83d__xde00_');
});

encodeIso9075Suite('escapes "_x" + four hex digits of either case, and "_" at the start too', () => {
  assert.is(encodeIso9075('a_xABCD_'), 'a_x005f_xABCD_');
  assert.is(encodeIso9075('_xabcd'), '_x005f_xabcd');
  assert.is(encodeIso9075('a_xabc'), 'a_xabc');
});

encodeIso9075Suite('encodes a colon-free invalid first character and keeps later digits', () => {
  assert.is(encodeIso9075('9lives9'), '_x0039_lives9');
});

encodeIso9075Suite.run();

// ---

const decodeIso9075Suite = suite('decodeIso9075');

decodeIso9075Suite('decodes every XML name of the reference table', () => {
  for (const [name, xmlName] of rows) assert.is(decodeIso9075(xmlName), name, xmlName);
});

decodeIso9075Suite('decodes upper-case hex and joins escaped surrogate halves', () => {
  assert.is(decodeIso9075('_x0041__x00E9_'), 'Aé');
  assert.is(decodeIso9075('a_xd83d__xde00_'), 'a😀');
});

decodeIso9075Suite('leaves a near-miss pattern as it is', () => {
  assert.is(decodeIso9075('_x12_'), '_x12_');
  assert.is(decodeIso9075('_x004g_'), '_x004g_');
});

decodeIso9075Suite('inverts encodeIso9075 for awkward names', () => {
  for (const name of ['a b', '$x', '\\y', '_x0020_', '1', '[', 'a:b', '\u0001', 'tab\there']) {
    assert.is(decodeIso9075(encodeIso9075(name)), name, JSON.stringify(name));
  }
});

decodeIso9075Suite.run();
