import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { getJcrNameError, isValidJcrName } from '../../src/packaging/jcr-name.ts';

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
