import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hasInstallErrors, MAX_ERROR_LINES, parseInstallLog } from '../../src/deploy/install-log.ts';

const CLEAN = [
  'Installing content',
  'Creating snapshot for package aem-ioevents:eventproxy-config:1.0.0',
  'Collecting import information... ',
  'Installing node types...',
  'Importing content...',
  'A /etc/cloudservices/eventproxy/ioevents',
  'A /etc/cloudservices/eventproxy/ioevents/jcr:content',
  'U /home/users/system/eventproxy/eventproxy-service/keystore',
  'D /etc/old',
  'R /etc/replaced',
  '- /etc',
  '! /etc/missing',
  'V /etc/versioned (1.0)',
  'Package imported.',
  'Package installed in 122ms.',
].join('\n');

const parseInstallLogSuite = suite('parseInstallLog');

parseInstallLogSuite('counts each action of FileVault\'s progress lines; V lines count nowhere', () => {
  const log = parseInstallLog(CLEAN);
  assert.equal(log.counts, { added: 2, updated: 1, deleted: 1, replaced: 1, unchanged: 1, missing: 1, errors: 0 });
  assert.equal(log.errorLines, []);
  assert.is(log.withErrors, false);
  assert.is(log.imported, true);
  assert.is(log.installedInMs, 122);
  assert.is(hasInstallErrors(log), false);
});

parseInstallLogSuite('E lines, "with errors" and "First error was" (Importer.java), CR LF line ends', () => {
  const text = ['Importing content...', 'A /conf/a', 'E /conf/b (javax.jcr.nodetype.ConstraintViolationException: x)', 'E /conf/c', 'Package imported (with errors, check logs!)', 'First error was javax.jcr.RepositoryException: y', 'Package installed in 9ms.'].join('\r\n');
  const log = parseInstallLog(text);
  assert.is(log.counts.errors, 2);
  assert.is(log.counts.added, 1);
  assert.equal(log.errorLines, ['E /conf/b (javax.jcr.nodetype.ConstraintViolationException: x)', 'E /conf/c', 'First error was javax.jcr.RepositoryException: y']);
  assert.is(log.withErrors, true);
  assert.is(hasInstallErrors(log), true);
});

parseInstallLogSuite('"with errors" alone is an error, even without E lines', () => {
  const log = parseInstallLog('Package imported (with errors, check logs!)\n');
  assert.is(log.counts.errors, 0);
  assert.is(hasInstallErrors(log), true);
});

parseInstallLogSuite(`keeps the first ${MAX_ERROR_LINES} E lines, counts all`, () => {
  const lines = Array.from({ length: 8 }, (_, i) => `E /x/${i} (e)`);
  const log = parseInstallLog(lines.join('\n'));
  assert.is(log.counts.errors, 8);
  assert.equal(log.errorLines, lines.slice(0, MAX_ERROR_LINES));
});

parseInstallLogSuite('text lines that start with a letter and a space are not actions; no "Package imported." means not imported', () => {
  const log = parseInstallLog('Installing content\nCollecting import information...\nE\nError during processing.\n');
  assert.equal(log.counts, { added: 0, updated: 0, deleted: 0, replaced: 0, unchanged: 0, missing: 0, errors: 0 });
  assert.is(log.imported, false);
  assert.is(log.installedInMs, undefined);
});

parseInstallLogSuite.run();
