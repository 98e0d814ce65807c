import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ExitCode } from '../../src/errors.ts';
import { combineExitCodes } from '../../src/deploy/deploy-result.ts';

const combineSuite = suite('combineExitCodes');

const cases: ReadonlyArray<readonly [ExitCode[], ExitCode]> = [
  [[], 0],
  [[0, 0], 0],
  [[0, 3], 3],
  [[3, 1], 1],
  [[1, 3, 0], 1],
  [[3, 2], 2],
  [[1, 2], 2],
];
for (const [codes, expected] of cases) {
  combineSuite(`${JSON.stringify(codes)} → ${expected} (2 before 1 before 3)`, () => assert.is(combineExitCodes(codes), expected));
}

combineSuite.run();
