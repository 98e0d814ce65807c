import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatCounts, formatDeployReport } from '../../src/deploy/deploy-report.ts';
import type { DeployResult, TargetResult } from '../../src/deploy/deploy-result.ts';

const COUNTS = { added: 4, updated: 1, deleted: 0, replaced: 0, unchanged: 0, missing: 0, errors: 0 };

function target(overrides: Partial<TargetResult>): TargetResult {
  return { target: 'http://a:4502', ok: true, exitCode: 0, outcome: 'installed', message: 'installed', httpStatus: 200, statusCode: '200', counts: COUNTS, errorLines: [], installedInMs: 12, probes: 1, installRequests: 1, durationMs: 1234, keystore: null, ...overrides };
}

function result(targets: TargetResult[], api: 'jsp' | 'json' = 'jsp'): DeployResult {
  return { ok: false, exitCode: 1, dryRun: false, package: { file: 'dist/p-1.zip', packageId: 'g:p:1', size: 2741, sha256: 'ab' }, api, allowInstallErrors: false, targets, warnings: [] };
}

const reportSuite = suite('formatDeployReport');

reportSuite('a header, then per target the verdict, counts, time, error lines and the keystore step', () => {
  const text = formatDeployReport(
    result([
      target({}),
      target({ target: 'http://b:4503', ok: false, exitCode: 1, outcome: 'installed-with-errors', message: 'installed with errors: 1 E line', counts: { ...COUNTS, errors: 1 }, errorLines: ['E /etc/x (boom)'], durationMs: 400, keystore: { outcome: 'skipped', exitCode: 0, message: 'not attempted: the package did not install', home: '/home/u', alias: 'eventproxy', fingerprint256: 'AB' } }),
      target({ target: 'http://c:4502', ok: false, exitCode: 3, outcome: 'timed-out', message: 'no answer to the install within 1 s', counts: null, httpStatus: null, statusCode: null, durationMs: 1000 }),
    ]),
  );
  assert.fixture(
    text,
    [
      'deploy dist/p-1.zip (g:p:1, 2741 bytes) through service.jsp',
      'ok      http://a:4502 (1.2 s): installed: 4 added, 1 updated, 0 deleted',
      'FAILED  http://b:4503 (0.4 s): installed with errors: 1 E line; nodes: 4 added, 1 updated, 0 deleted, 1 errors',
      '          E /etc/x (boom)',
      '          keystore: skipped: not attempted: the package did not install',
      'FAILED  http://c:4502 (1.0 s): no answer to the install within 1 s',
    ].join('\n'),
  );
});

reportSuite('an install with errors that was accepted is a WARNING; the JSON API has no counts', () => {
  const text = formatDeployReport(result([target({ outcome: 'installed-with-errors', message: 'installed with errors: 1 E line', counts: null }), target({ target: 'http://b', counts: null })], 'json'));
  assert.fixture(text, ['deploy dist/p-1.zip (g:p:1, 2741 bytes) through the JSON API', 'WARNING http://a:4502 (1.2 s): installed with errors: 1 E line', 'ok      http://b (1.2 s): installed (the JSON API gives no node counts)'].join('\n'));
});

reportSuite.run();

// ---

const countsSuite = suite('formatCounts');

countsSuite('added, updated and deleted always; the other actions when there are any', () => {
  assert.is(formatCounts({ added: 1, updated: 2, deleted: 3, replaced: 4, unchanged: 5, missing: 6, errors: 7 }), '1 added, 2 updated, 3 deleted, 4 replaced, 5 unchanged, 6 missing, 7 errors');
  assert.is(formatCounts(COUNTS), '4 added, 1 updated, 0 deleted');
});

countsSuite.run();
