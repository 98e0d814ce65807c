// What a cold `build` loads (issue 2, point 9: "load heavy modules only in the commands that need
// them"): the bundled bin, run as a CI step runs it (stdout and stderr piped), must not load the
// HTTP stack, JWT signing, or the Node modules that only a terminal, a failed assertion or
// process.stdout as a stream need.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EXAMPLE_ENV, writeExampleProject } from '../build/example-project.ts';
import { BIN } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { PASSWORD, USER } from '../deploy/connection.ts';
import { startPackmgrStandIn } from '../deploy/packmgr-stand-in.ts';
import { writeExamplePackage } from '../deploy/packages.ts';

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

// ---

// deploy without a proxy sends through Node's http (issue 14, point 2): undici (111 files, about
// 70 ms and 19 MB) loads only when a proxy variable applies. The stand-in answers in this process,
// so the bin runs asynchronously.
const deploySuite = suite('what a deploy loads', { dir: '' });

deploySuite.before.each((context) => {
  context.dir = makeTempDir();
});

deploySuite.after.each((context) => removeTempDir(context.dir));

async function deployLoads(dir: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string; loaded: string[] }> {
  const standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
  try {
    const file = await writeExamplePackage(dir);
    const reporter = join(dir, 'reporter.cjs');
    const report = join(dir, 'loaded.txt');
    writeFileSync(reporter, REPORTER);
    const child = spawn(process.execPath, ['--require', reporter, BIN, 'deploy', file, '--target', standIn.url, '--retries', '0', '--quiet'], {
      cwd: dir,
      env: { PATH: process.env.PATH, AEM_USER: USER, AEM_PASSWORD: PASSWORD, LOADED_REPORT: report, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 60_000,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.is(standIn.installs(), 1, stderr);
    return { code, stderr, loaded: readFileSync(report, 'utf8').split('\n') };
  } finally {
    await standIn.close();
  }
}

const usesUndici = (loaded: readonly string[]): boolean => loaded.some((line) => line.includes('node_modules/undici/'));

deploySuite('deploy without proxy variables installs through Node http: undici is never loaded', async ({ dir }) => {
  const { code, stderr, loaded } = await deployLoads(dir, {});
  assert.is(code, 0, stderr);
  assert.not.ok(usesUndici(loaded), 'undici');
  assert.ok(loaded.includes('NativeModule http'), 'the report lists what was loaded');
});

deploySuite('deploy with HTTPS_PROXY set loads undici for its proxy agent (an http target still goes direct)', async ({ dir }) => {
  const { code, stderr, loaded } = await deployLoads(dir, { HTTPS_PROXY: 'http://127.0.0.1:9' });
  assert.is(code, 0, stderr);
  assert.ok(usesUndici(loaded), 'undici');
});

deploySuite.run();
