import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DeployProgress } from '../../src/deploy/deploy-progress.ts';
import { createProgressReporter, renderUploading } from '../../src/deploy/progress-reporter.ts';
import { fakeClock } from '../helpers/fake-clock.ts';

const renderSuite = suite('renderUploading');

const sizes: ReadonlyArray<readonly [number, number, string]> = [
  [0, 6146, 'http://a: uploading 0% (0.0 of 6.1 kB)'],
  [6146, 6146, 'http://a: uploading 100% (6.1 of 6.1 kB)'],
  [300, 999, 'http://a: uploading 30% (300 of 999 bytes)'],
  [1_100_000, 2_600_000, 'http://a: uploading 42% (1.1 of 2.6 MB)'],
  [0, 0, 'http://a: uploading 100% (0 of 0 bytes)'],
];
for (const [sentBytes, totalBytes, line] of sizes) {
  renderSuite(`${sentBytes} of ${totalBytes} bytes: a unit that fits, never "0.0 of 0.0 MB"`, () => {
    assert.is(renderUploading({ kind: 'uploading', target: 'http://a', sentBytes, totalBytes }), line);
  });
}

renderSuite.run();

// ---

const logSuite = suite('createProgressReporter off a terminal (a CI log)');

function logOf(events: ReadonlyArray<DeployProgress | number>): string {
  const clock = fakeClock();
  let written = '';
  const reporter = createProgressReporter({ write: (chunk: string) => (written += chunk), isTTY: false }, clock.now);
  // A number moves the clock by that many ms.
  for (const event of events) typeof event === 'number' ? clock.advance(event) : reporter.onProgress(event);
  reporter.finish();
  return written;
}

const up = (target: string, sentBytes: number): DeployProgress => ({ kind: 'uploading', target, sentBytes, totalBytes: 100_000_000 });
const installing = (target: string, elapsedMs: number): DeployProgress => ({ kind: 'installing', target, elapsedMs });

logSuite('every readiness retry, with what AEM answered and the next try', () => {
  assert.is(
    logOf([
      { kind: 'waiting', target: 'http://a', answer: 'AEM answered HTTP 404', nextTryMs: 1000, retry: 1, retries: 10 },
      { kind: 'waiting', target: 'http://a', answer: 'the connection was refused', nextTryMs: 30_000, retry: 6, retries: 10 },
    ]),
    'http://a: waiting for Package Manager: AEM answered HTTP 404; next try in 1 s (retry 1 of 10)\nhttp://a: waiting for Package Manager: the connection was refused; next try in 30 s (retry 6 of 10)\n',
  );
});

logSuite('the upload at most every 10 s a target; a quick one prints nothing', () => {
  assert.is(logOf([up('http://a', 0), 4000, up('http://a', 5_000_000), 5999, up('http://a', 9_000_000)]), '');
  assert.is(
    logOf([up('http://a', 0), up('http://b', 0), 10_000, up('http://a', 10_000_000), up('http://a', 11_000_000), up('http://b', 2_000_000), 10_000, up('http://a', 42_000_000)]),
    'http://a: uploading 10% (10.0 of 100.0 MB)\nhttp://b: uploading 2% (2.0 of 100.0 MB)\nhttp://a: uploading 42% (42.0 of 100.0 MB)\n',
  );
});

logSuite('"installing…" at 15 s, 30 s, … of each install, whatever the tick', () => {
  const ticks = Array.from({ length: 35 }, (_, second) => installing('http://a', (second + 1) * 1000));
  assert.is(logOf(ticks), 'http://a: installing… 15 s\nhttp://a: installing… 30 s\n');
  // A second install on the target (after a refused upload) counts from 0 again.
  assert.is(logOf([installing('http://a', 15_000), installing('http://a', 1000), installing('http://a', 15_500)]), 'http://a: installing… 15 s\nhttp://a: installing… 15 s\n');
});

logSuite.run();

// ---

const terminalSuite = suite('createProgressReporter on a terminal');

terminalSuite('one line redrawn in place when its text changes, every target on it, cleared at the end', () => {
  const written: string[] = [];
  const reporter = createProgressReporter({ write: (chunk: string) => written.push(chunk), isTTY: true }, fakeClock().now);
  reporter.onProgress({ kind: 'waiting', target: 'http://a', answer: 'AEM answered HTTP 404', nextTryMs: 2000, retry: 2, retries: 10 });
  reporter.onProgress({ kind: 'uploading', target: 'http://b', sentBytes: 10, totalBytes: 6146 });
  reporter.onProgress({ kind: 'uploading', target: 'http://b', sentBytes: 11, totalBytes: 6146 });
  reporter.onProgress({ kind: 'installing', target: 'http://a', elapsedMs: 3000 });
  reporter.finish();
  assert.equal(written, [
    '\r\x1b[Khttp://a: waiting for Package Manager: AEM answered HTTP 404; next try in 2 s (retry 2 of 10)',
    '\r\x1b[Khttp://a: waiting for Package Manager: AEM answered HTTP 404; next try in 2 s (retry 2 of 10) · http://b: uploading 0% (0.0 of 6.1 kB)',
    '\r\x1b[Khttp://a: installing… 3 s · http://b: uploading 0% (0.0 of 6.1 kB)',
    '\r\x1b[K',
  ]);
});

terminalSuite('nothing drawn, nothing cleared', () => {
  const written: string[] = [];
  createProgressReporter({ write: (chunk: string) => written.push(chunk), isTTY: true }, fakeClock().now).finish();
  assert.equal(written, []);
});

terminalSuite.run();
