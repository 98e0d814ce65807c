import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { runBin, runInProcess } from './helpers/cli.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const runCliSuite = suite('runCli');

runCliSuite('--version prints the package version and exits 0', async () => {
  const run = await runInProcess(['--version']);
  assert.is(run.code, 0);
  assert.is(run.stdout, `${version}\n`);
  assert.is(run.stderr, '');
});

runCliSuite('--help lists the usage and exits 0', async () => {
  const run = await runInProcess(['--help']);
  assert.is(run.code, 0);
  assert.match(run.stdout, /^aem-ioevents <command> \[options\]/);
  assert.match(run.stdout, /--version/);
});

runCliSuite('an unknown flag is bad input: exit 2 with a message naming it', async () => {
  const run = await runInProcess(['--frobnicate']);
  assert.is(run.code, 2);
  assert.match(run.stderr, /^error: /);
  assert.is(run.stdout, '');
});

runCliSuite.run();

// ---

const binSuite = suite('dist/cli.cjs');

binSuite('the bundled bin answers --version in a child process', () => {
  const run = runBin(['--version']);
  assert.is(run.code, 0);
  assert.is(run.stdout, `${version}\n`);
});

binSuite.run();
