// What a cold `build` loads (issue 2, point 9: "load heavy modules only in the commands that need
// them"): the bundled bin, run as a CI step runs it (stdout and stderr piped), must not load the
// HTTP stack, JWT signing, or the Node modules that only a terminal, a failed assertion or
// process.stdout as a stream need.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EXAMPLE_ENV, writeExampleProject } from '../build/example-project.ts';
import { BIN } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const startupSuite = suite('what a cold build loads', { dir: '' });

startupSuite.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});

startupSuite.after.each((context) => removeTempDir(context.dir));

// Preloaded: at exit, writes Node's built-in modules, the files require() loaded and every folder
// listed (as `readdir <path>`), one per line.
const REPORTER = [
  "const fs = require('node:fs'); const listed = []; const readdirSync = fs.readdirSync;",
  'fs.readdirSync = (path, ...rest) => { listed.push(`readdir ${require("node:path").resolve(String(path))}`); return readdirSync(path, ...rest); };',
  "process.on('exit', () => fs.writeFileSync(process.env.LOADED_REPORT, [...process.moduleLoadList, ...Object.keys(require.cache), ...listed].join('\\n')));",
].join('\n');

startupSuite("build through the bin loads neither undici nor jsonwebtoken, nor Node's net, tty or assert", ({ dir }) => {
  const reporter = join(dir, 'reporter.cjs');
  const report = join(dir, 'loaded.txt');
  writeFileSync(reporter, REPORTER);
  const run = spawnSync(process.execPath, ['--require', reporter, BIN, 'build'], {
    cwd: dir,
    env: { PATH: process.env.PATH, ...EXAMPLE_ENV, LOADED_REPORT: report },
    stdio: ['pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stdout, /^wrote dist\/eventproxy-config-1\.0\.0\.zip/);
  const loaded = readFileSync(report, 'utf8').split('\n');
  // yargs guesses a version by listing every folder from the working directory up for a
  // package.json; whether one is found depended on where the run was (issue 11, point 10).
  assert.equal(loaded.filter((line) => line.startsWith('readdir ')), []);
  for (const heavy of ['undici', 'jsonwebtoken']) assert.not.ok(loaded.some((line) => line.includes(`node_modules/${heavy}/`)), heavy);
  for (const builtin of ['NativeModule net', 'NativeModule tty', 'NativeModule assert', 'NativeModule internal/fs/sync_write_stream']) {
    assert.not.ok(loaded.includes(builtin), builtin);
  }
  assert.ok(loaded.includes('NativeModule vm') && loaded.includes('NativeModule zlib'), 'the report lists what was loaded');
});

startupSuite.run();
