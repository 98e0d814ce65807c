import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkPackageIdPart, getWindowsFileNameProblem } from '../../src/config/package-id-rules.ts';
import { table } from './rule-table.ts';

const HINT = "use letters, digits, '.', '-' and '_'";
const windows = (c: string) => ({ expected: `no '${c}' (the zip is named <name>-<version>.zip, and Windows forbids <>:"/\\|?* in file names)`, hint: HINT });

table('checkPackageIdPart', checkPackageIdPart, [
  ['eventproxy-config', undefined],
  ['1.0.0-SNAPSHOT', undefined],
  ['my:config', { expected: "no ':' (the package id group:name:version is split at ':')", hint: HINT }],
  ['a<b', windows('<')],
  ['a>b', windows('>')],
  ['a"b', windows('"')],
  ['a\\b', windows('\\')],
  ['a?b', windows('?')],
  ['a|b', { expected: "a valid JCR name ('|' not allowed in name)", hint: HINT }],
  ['1.0 ', { expected: 'a valid JCR name (Trailing spaces not allowed)', hint: HINT }],
]);

const reserved = suite('getWindowsFileNameProblem');

// [name, version, problem]
const names: readonly [string, string, string | undefined][] = [
  ['eventproxy-config', '1.0.0', undefined],
  ['con', '1.0', undefined], // con-1.zip
  ['con', '', 'the zip would be named con.zip, and Windows reserves the name CON; choose another package.name'],
  ['Nul.x', '1.0', 'the zip would be named Nul.x-1.0.zip, and Windows reserves the name NUL; choose another package.name'],
  ['com1', '', 'the zip would be named com1.zip, and Windows reserves the name COM1; choose another package.name'],
  ['lpt9', '', 'the zip would be named lpt9.zip, and Windows reserves the name LPT9; choose another package.name'],
  ['com10', '', undefined],
];

for (const [name, version, problem] of names) {
  reserved(`${name} ${version || '(no version)'}: ${problem === undefined ? 'accepted' : 'refused'}`, () => {
    assert.is(getWindowsFileNameProblem(name, version), problem);
  });
}

reserved.run();
