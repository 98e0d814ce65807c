import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createProgressReporter, renderProgressLine } from '../../src/deploy/upload-progress.ts';

const renderSuite = suite('renderProgressLine');

renderSuite('each target with its percentage and megabytes', () => {
  assert.is(
    renderProgressLine([
      { target: 'http://a', sent: 1_100_000, total: 2_600_000 },
      { target: 'http://b', sent: 0, total: 2_600_000 },
    ]),
    'uploading http://a 42% (1.1 of 2.6 MB) · http://b 0% (0.0 of 2.6 MB)',
  );
});

renderSuite.run();

// ---

const reporterSuite = suite('createProgressReporter');

reporterSuite('nothing at all when standard error is not a terminal', () => {
  assert.is(createProgressReporter({ write: () => assert.unreachable('no output'), isTTY: false }), undefined);
});

reporterSuite('on a terminal: redrawn in place when a percentage changes, cleared at the end', () => {
  const written: string[] = [];
  const reporter = createProgressReporter({ write: (chunk: string) => written.push(chunk), isTTY: true });
  reporter?.onProgress({ target: 'http://a', sent: 10, total: 1000 });
  reporter?.onProgress({ target: 'http://a', sent: 11, total: 1000 });
  reporter?.onProgress({ target: 'http://a', sent: 500, total: 1000 });
  reporter?.finish();
  assert.equal(written, ['\r\x1b[Kuploading http://a 1% (0.0 of 0.0 MB)', '\r\x1b[Kuploading http://a 50% (0.0 of 0.0 MB)', '\r\x1b[K']);
});

reporterSuite.run();
