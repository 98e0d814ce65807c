import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isInvalidXmlChar, isValidNCName, isValidXmlName, isXmlNameChar, isXmlNameStart } from '../../src/docview/xml-char.ts';

const isInvalidXmlCharSuite = suite('isInvalidXmlChar');

// filevault-format.md §3.2: XMLChar.isInvalid, reproduced with the real class.
const invalid = [0x0, 0x8, 0xb, 0xc, 0xe, 0x1f, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfffe, 0xffff];
const valid = [0x9, 0xa, 0xd, 0x20, 0x7f, 0xd7ff, 0xe000, 0xfffd];

isInvalidXmlCharSuite('control characters, surrogates and U+FFFE/U+FFFF are invalid', () => {
  for (const unit of invalid) assert.ok(isInvalidXmlChar(unit), unit.toString(16));
});

isInvalidXmlCharSuite('TAB, LF, CR and the rest of the BMP are valid', () => {
  for (const unit of valid) assert.not.ok(isInvalidXmlChar(unit), unit.toString(16));
});

isInvalidXmlCharSuite.run();

// ---

const isValidXmlNameSuite = suite('isValidXmlName');

isValidXmlNameSuite('XML 1.0 names as Jackrabbit sees them', () => {
  assert.ok(isValidXmlName('jcr:root'));
  assert.ok(isValidXmlName('héllo'));
  assert.ok(isValidXmlName('foo-bar.baz'));
  assert.ok(isValidXmlName('_x'));
  assert.not.ok(isValidXmlName('1test'));
  assert.not.ok(isValidXmlName('-abc'));
  assert.not.ok(isValidXmlName('a b'));
  assert.not.ok(isValidXmlName(''));
});

isValidXmlNameSuite('name start and name characters differ for digits, "-" and "."', () => {
  for (const c of '0-.') {
    assert.not.ok(isXmlNameStart(c.charCodeAt(0)), c);
    assert.ok(isXmlNameChar(c.charCodeAt(0)), c);
  }
  assert.ok(isXmlNameStart(':'.charCodeAt(0)));
});

isValidXmlNameSuite.run();

// ---

const isValidNCNameSuite = suite('isValidNCName');

isValidNCNameSuite('a prefix is an NCName: no colon, no digit first', () => {
  assert.ok(isValidNCName('cq'));
  assert.ok(isValidNCName('foo1'));
  assert.not.ok(isValidNCName('a:b'));
  assert.not.ok(isValidNCName('1a'));
  assert.not.ok(isValidNCName(''));
});

isValidNCNameSuite.run();
