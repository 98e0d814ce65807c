// `aem-ioevents inspect` against the number of nodes (issue 11, point 7): the same 100 DocView files
// holding 1,000, 10,000 and 100,000 nodes, so only the number of nodes changes; then 100,000 nodes
// in 10,000 files (the zip layer's share) and one `.content.xml` of 300,000 siblings.
// Target: peak RSS at 100,000 nodes at most 1.5x that at 1,000.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './inspect.bench.mjs';
import { ms, peakRssMb, runOnce } from './lib.mjs';

export const title = 'inspect: memory against the number of nodes';

const cli = join(fileURLToPath(new URL('../', import.meta.url)), 'dist', 'cli.cjs');

const PACKAGES = [
  ['1,000 nodes in 100 files', { folders: 100, children: 9 }],
  ['10,000 nodes in 100 files', { folders: 100, children: 99 }],
  ['100,000 nodes in 100 files', { folders: 100, children: 999 }],
  ['100,000 nodes in 10,000 files', { folders: 10_000, children: 9 }],
  ['300,000 siblings in one .content.xml', { folders: 1, children: 300_000 }],
];

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'aem-ioevents-bench-'));
  try {
    const rows = [];
    let base;
    for (const [name, spec] of PACKAGES) {
      const file = join(dir, `${rows.length}.zip`);
      await generate(file, spec);
      const variant = { name, cmd: process.execPath, args: [cli, 'inspect', file], cwd: dir };
      const rss = peakRssMb(variant);
      base ??= rss;
      const wall = runOnce(variant);
      rows.push(`| ${name} | ${(statSync(file).size / 1024 / 1024).toFixed(2)} MB | ${spec.folders * (spec.children + 1) + 1} | ${ms(wall)} | ${rss.toFixed(0)} MB | ${(rss / base).toFixed(2)}x |`);
    }
    return [
      'One whole `aem-ioevents inspect PACKAGE.zip` run per package (bundled CLI, report to /dev/null) for its peak RSS, one more for its wall time.',
      'Each DocView file is parsed once, in 16 KiB pieces of text, its elements kept off the JavaScript heap until the',
      'file proves well-formed (typed arrays: numbers and UTF-16 units), then visited; the result keeps the first 10,000',
      'tree nodes and 100 findings per validator and severity. What grows with the nodes is V8\'s young generation',
      '(it doubles as objects survive its collections, up to 16 MB per semi-space), not state.',
      '',
      '| package | zip size | nodes | wall (one run) | peak RSS | x 1,000 nodes |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
