import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, formatConfigIssues } from '../../src/config/config-error.ts';
import { InputError, isIoEventsError } from '../../src/errors.ts';

const formatConfigIssuesSuite = suite('formatConfigIssues');

formatConfigIssuesSuite('one line per problem, located by path, by line and column, or both', () => {
  assert.is(
    formatConfigIssues('/cfg/a.yaml', [
      { path: 'cloudService.name', message: 'm1' },
      { path: '', line: 3, column: 5, message: 'm2' },
      { path: 'ims.url', line: 9, column: 8, message: 'm3' },
      { path: '', line: 4, message: 'm4' },
    ]),
    ['Invalid configuration file /cfg/a.yaml (4 problems):', '  - cloudService.name: m1', '  - line 3, column 5: m2', '  - ims.url at line 9, column 8: m3', '  - line 4, column 1: m4'].join('\n'),
  );
});

formatConfigIssuesSuite('one problem is "1 problem"', () => {
  assert.is(formatConfigIssues('f', [{ path: 'a', message: 'b' }]), 'Invalid configuration file f (1 problem):\n  - a: b');
});

formatConfigIssuesSuite.run();

// ---

const ConfigErrorSuite = suite('ConfigError');

ConfigErrorSuite('is an InputError with exit code 2, its code, the file and the issues', () => {
  const issues = [{ path: 'a', message: 'b' }];
  const error = new ConfigError('/cfg/a.yaml', issues, 'E_CONFIG_FIELD');
  assert.instance(error, InputError);
  assert.ok(isIoEventsError(error));
  assert.is(error.name, 'ConfigError');
  assert.is(error.exitCode, 2);
  assert.is(error.code, 'E_CONFIG_FIELD');
  assert.is(error.file, '/cfg/a.yaml');
  assert.equal(error.issues, issues);
  assert.is(error.message, formatConfigIssues('/cfg/a.yaml', issues));
});

ConfigErrorSuite.run();
