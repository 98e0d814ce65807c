import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeName, getJcrNameError, getWritableJcrNameError, isValidJcrName } from '../../src/packaging/jcr-name.ts';

const getJcrNameErrorSuite = suite('getJcrNameError');

// name → FileVault's reason (undefined = valid); PackageId.assertValidJcrName
const cases: ReadonlyArray<readonly [string, string | undefined]> = [
  ['eventproxy-config', undefined],
  ['1.0.0', undefined],
  ['1.0.0-SNAPSHOT', undefined],
  ['cq:content', undefined],
  ['my package', undefined],
  ['東京', undefined],
  ['{http://example.com/ns}local', undefined],
  ['{internal}local', undefined],
  ['{abc}def', undefined],
  ['', 'empty name'],
  ['.', "'.' is not a valid name"],
  ['..', "'..' is not a valid name"],
  ['...', undefined],
  ['tmp ', 'Trailing spaces not allowed'],
  [' tmp', "' ' not valid name start"],
  ['a/b', "'/' not allowed in name"],
  ['a[1]', "'[' not allowed in name"],
  ['a]', "']' not allowed in name"],
  ['a*', "'*' not allowed in name"],
  ['a|b', "'|' not allowed in name"],
  ['a\tb', "'\t' not allowed in name"],
  ['a\nb', "'\n' not allowed in name"],
  ['a\u2003b', "'\u2003' not allowed in name"],
  ['a\u00a0b', undefined],
  [':a', 'Prefix must not be empty'],
  ['a:', 'Local name must not be empty'],
  ['a:b:c', "':' not allowed in name"],
  ['1a:b', 'Invalid name prefix: 1a'],
  ['a :b', 'Trailing spaces not allowed'],
  ['{a/b}c', 'The URI prefix of the name {a/b}c is neither a valid URI nor a valid part of a local name.'],
  ['{a:b', "Local name may not contain ':' nor '/'"],
];

for (const [name, reason] of cases) {
  getJcrNameErrorSuite(`${JSON.stringify(name)} → ${reason ?? 'valid'}`, () => {
    assert.is(getJcrNameError(name), reason);
    assert.is(isValidJcrName(name), reason === undefined);
  });
}

getJcrNameErrorSuite.run();

const writableSuite = suite('getWritableJcrNameError');

const XML = 'is not allowed: XML 1.0 and JCR names cannot hold it';
// name → why aem-ioevents does not write it (issue 11, point 9: a NUL was written as _x0000_)
const writableCases: ReadonlyArray<readonly [string, string | undefined]> = [
  ['jcr:content', undefined],
  ['store.p12', undefined],
  ['東京\u{1F600}', undefined], // a surrogate pair is one XML character
  ['a\u007Fb', undefined], // DEL is an XML character
  ['a\u0000b', `the character U+0000 ${XML}`],
  ['\u0001', `the character U+0001 ${XML}`],
  ['a\u001Fb', `the character U+001F ${XML}`],
  ['a\uD800b', `the character U+D800 ${XML}`], // a lone surrogate
  ['a\uDFFF', `the character U+DFFF ${XML}`],
  ['a\uFFFE', `the character U+FFFE ${XML}`],
  ['a\uFFFF', `the character U+FFFF ${XML}`],
  ['a\tb', "'\t' not allowed in name"], // JCR's rules still apply
  ['a/b', "'/' not allowed in name"],
];

for (const [name, reason] of writableCases) {
  writableSuite(`${JSON.stringify(name)} → ${reason ?? 'valid'}`, () => {
    assert.is(getWritableJcrNameError(name), reason);
  });
}

writableSuite('describeName quotes a name, with escapes when it holds a character a terminal would not show', () => {
  assert.is(describeName('jcr:content'), "'jcr:content'");
  assert.is(describeName('a\u0000b'), '"a\\u0000b"');
  assert.is(describeName('a\uD800'), '"a\\uD800"');
  assert.is(describeName('say "\u0000"'), '"say \\"\\u0000\\""');
});

writableSuite.run();
