import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { codeCachePath, formatCodeCache, loadBundle, parseCodeCache, wrapCommonJs } from '../../src/startup/code-cache.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const MAGIC = 'aem-ioevents code cache 1\n';

const wrapSuite = suite('wrapCommonJs');

wrapSuite('wraps the source in the function Node puts around a CommonJS module, without the hashbang line', () => {
  assert.is(wrapCommonJs('#!/usr/bin/env node\nmodule.exports=1;'), '(function (exports, require, module, __filename, __dirname) {\nmodule.exports=1;\n})');
  assert.is(wrapCommonJs('a;'), '(function (exports, require, module, __filename, __dirname) {a;\n})');
});

wrapSuite.run();

// ---

const formatSuite = suite('formatCodeCache / parseCodeCache');
const source = Buffer.from('module.exports = 1;');
const data = Buffer.from([1, 2, 3, 4, 5]);

formatSuite('writes the format line, the SHA-256 of the bundle and V8 data; reads the data back for that bundle', () => {
  const file = formatCodeCache(source, data);
  assert.is(file.subarray(0, MAGIC.length).toString('latin1'), MAGIC);
  // sha256sum of the 19 bytes `module.exports = 1;`
  assert.is(file.subarray(MAGIC.length, MAGIC.length + 32).toString('hex'), 'acdb3bfa572a6ac5f2aba94d5e69cb2f4f73c37210dd3cdb9dc953a73fd6bfc5');
  assert.is(file.length, MAGIC.length + 32 + data.length);
  assert.equal([...(parseCodeCache(file, source) ?? [])], [1, 2, 3, 4, 5]);
});

const refusals = [
  { name: 'a bundle of the same length with one byte changed', file: () => formatCodeCache(source, data), bundle: Buffer.from('module.exports = 2;') },
  { name: 'another format line', file: () => Buffer.concat([Buffer.from('aem-ioevents code cache 2\n'), formatCodeCache(source, data).subarray(MAGIC.length)]), bundle: source },
  { name: 'a file cut inside the digest', file: () => formatCodeCache(source, data).subarray(0, MAGIC.length + 10), bundle: source },
  { name: 'a file with a digest and no data', file: () => formatCodeCache(source, Buffer.alloc(0)), bundle: source },
  { name: 'an empty file', file: () => Buffer.alloc(0), bundle: source },
] as const;

for (const { name, file, bundle } of refusals) {
  formatSuite(`gives nothing for ${name}`, () => {
    assert.is(parseCodeCache(file(), bundle), undefined);
  });
}

formatSuite.run();

// ---

const loadSuite = suite('loadBundle');
let dir = '';
loadSuite.before(() => {
  dir = makeTempDir('aem-ioevents-code-cache-');
});
loadSuite.after(() => removeTempDir(dir));

/** Writes a bundle whose exports show what ran: a value, its file and folder, and a relative require. */
function writeBundle(name: string, value: number): string {
  const file = join(dir, name);
  writeFileSync(join(dir, 'helper.cjs'), 'module.exports = "helper";');
  writeFileSync(file, `#!/usr/bin/env node\nexports.value = ${value}; exports.file = __filename; exports.dir = __dirname; exports.helper = require('./helper.cjs'); exports.same = module.exports === exports;`);
  return file;
}

/** Makes the cache of a bundle as `npm run build` does: load without cache, run, serialise. */
function writeCache(file: string): void {
  const loaded = loadBundle<{ value: number }>(file, { useCache: false });
  writeFileSync(codeCachePath(file), formatCodeCache(loaded.source, loaded.script.createCachedData()));
}

loadSuite('runs a bundle as a CommonJS module: exports, __filename, __dirname and require relative to it', () => {
  const file = writeBundle('plain.cjs', 1);
  const loaded = loadBundle<Record<string, unknown>>(file);
  assert.equal(loaded.exports, { value: 1, file, dir, helper: 'helper', same: true });
  assert.is(loaded.cache, 'absent');
  assert.is(codeCachePath(file), `${file}.cache`);
});

loadSuite('uses the cache made for the bundle: V8 accepts it and the bundle runs the same', () => {
  const file = writeBundle('cached.cjs', 2);
  writeCache(file);
  const loaded = loadBundle<{ value: number }>(file);
  assert.is(loaded.cache, 'accepted');
  assert.is(loaded.exports.value, 2);
  assert.is(loadBundle(file, { useCache: false }).cache, 'absent', 'useCache: false ignores it');
});

loadSuite('an edited bundle of the same length is compiled from source, never run with the old bytecode', () => {
  const file = writeBundle('edited.cjs', 3);
  writeCache(file);
  const before = readFileSync(file);
  writeBundle('edited.cjs', 4);
  assert.is(readFileSync(file).length, before.length, 'V8 alone would accept the cache: it checks only the length');
  const loaded = loadBundle<{ value: number }>(file);
  assert.is(loaded.cache, 'stale');
  assert.is(loaded.exports.value, 4);
});

loadSuite('scriptName is the name stack traces show for the bundle; require and __filename keep the file', () => {
  const file = join(dir, 'named.cjs');
  writeFileSync(file, 'exports.stack = () => new Error("probe").stack; exports.file = __filename;');
  const loaded = loadBundle<{ stack: () => string; file: string }>(file, { useCache: false, scriptName: 'pkg/dist/named.cjs' });
  assert.match(loaded.exports.stack().split('\n')[1] ?? '', /^ {4}at exports\.stack \(pkg\/dist\/named\.cjs:1:\d+\)$/);
  assert.is(loaded.exports.file, file);
});

loadSuite('V8 data that does not deserialise is refused by V8 and the bundle still runs', () => {
  const file = writeBundle('damaged.cjs', 5);
  writeFileSync(codeCachePath(file), formatCodeCache(readFileSync(file), Buffer.alloc(64, 0xab)));
  const loaded = loadBundle<{ value: number }>(file);
  assert.is(loaded.cache, 'rejected');
  assert.is(loaded.exports.value, 5);
});

loadSuite.run();

// ---

const distSuite = suite('dist/cli.cjs code cache');
const root = fileURLToPath(new URL('../../', import.meta.url));

distSuite('npm run build leaves a cache that this Node accepts for the CLI bundle', () => {
  const probe = spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(join(root, 'dist/cli.cjs'))}).loadCli().cache)`], { encoding: 'utf8', timeout: 30_000 });
  assert.is(probe.stderr, '');
  assert.is(probe.stdout, 'accepted');
});

distSuite('the shipped cache names no folder of the machine that built it (a cached start shows that name in stack traces)', () => {
  const cache = readFileSync(join(root, 'dist/cli-main.cjs.cache'));
  for (const encoding of ['latin1', 'utf16le'] as const) assert.is(cache.indexOf(Buffer.from(root, encoding)), -1, `${root} (${encoding})`);
  assert.ok(cache.indexOf(Buffer.from('aem-ioevents/dist/cli-main.cjs', 'latin1')) > 0, 'the name the training run gives');
});

distSuite('the training run leaves no secret in the cache: only bytecode and the source\'s own literals', () => {
  const dir = makeTempDir('aem-ioevents-code-cache-');
  try {
    const out = join(dir, 'trained.cache');
    const secrets = { CODE_CACHE_KEYSTORE_PASSWORD: 'Training-Keystore-7f3a9c', CODE_CACHE_CLIENT_SECRET: 'p8e-training-secret-5d2e8b' };
    const run = spawnSync(process.execPath, [join(root, 'scripts/code-cache.mjs'), out], { encoding: 'utf8', env: { PATH: process.env.PATH, ...secrets }, timeout: 60_000 });
    assert.is(run.status, 0, run.stderr);
    const cache = readFileSync(out);
    assert.ok(parseCodeCache(cache, readFileSync(join(root, 'dist/cli-main.cjs'))), 'made for the bundle in dist/');
    // The search finds text that is in the cache: a literal of the source, as V8 keeps it.
    assert.ok(cache.indexOf(Buffer.from('jackrabbit-docviewparser', 'latin1')) > 0);
    for (const secret of Object.values(secrets)) {
      for (const encoding of ['latin1', 'utf16le'] as const) assert.is(cache.indexOf(Buffer.from(secret, encoding)), -1, `${secret} (${encoding})`);
    }
  } finally {
    removeTempDir(dir);
  }
});

distSuite.run();
