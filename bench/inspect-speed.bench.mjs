// `aem-ioevents inspect` against Python doing the least the same check needs (issue 14, point 4),
// timed in the same interleaved rounds (medians, and the median of the per-round ratios):
// - a package with one 500 MB incompressible entry, against `python3 -m zipfile -t` (inflate and
//   CRC of every entry, in C); target: at most 1.0x;
// - 100,000 nodes in 100 `.content.xml` files, against one pass of Python's expat (C) over the same
//   entries, read with `zipfile`; target: at most 4x.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './inspect.bench.mjs';
import { ms, pairedRatio, timeInterleaved } from './lib.mjs';
import { createZipArchive } from './zip-for-bench.mjs';

export const title = 'inspect: speed against Python';

const cli = join(fileURLToPath(new URL('../', import.meta.url)), 'dist', 'cli.cjs');

// Every .xml below jcr_root/ parsed by expat with namespaces, each element counted.
const EXPAT_PASS = [
  'import sys, zipfile, xml.parsers.expat',
  'count = 0',
  'def start(name, attributes):',
  '    global count',
  '    count += 1',
  'with zipfile.ZipFile(sys.argv[1]) as z:',
  '    for info in z.infolist():',
  "        if info.filename.startswith('jcr_root/') and info.filename.endswith('.xml'):",
  "            parser = xml.parsers.expat.ParserCreate(namespace_separator=' ')",
  '            parser.StartElementHandler = start',
  '            parser.Parse(z.read(info), True)',
  'print(count)',
].join('\n');

export async function run() {
  if (spawnSync('python3', ['-c', 'import xml.parsers.expat, zipfile']).status !== 0) return 'python3 with expat is not installed here: not measured.';
  const dir = mkdtempSync(join(tmpdir(), 'aem-ioevents-bench-'));
  try {
    const big = join(dir, 'binary-500mb.zip');
    writeFileSync(big, await createZipArchive(500 * 1024 * 1024));
    const nodes = join(dir, 'nodes-100k.zip');
    await generate(nodes, { folders: 100, children: 999 });
    const inspect = (file) => ({ name: 'inspect', cmd: process.execPath, args: [cli, 'inspect', file], cwd: dir });
    const rows = [];
    const compare = (name, file, python, runs) => {
      const [ours, theirs] = timeInterleaved([inspect(file), { name: python.name, cmd: 'python3', args: python.args, cwd: dir }], { runs, warmup: 1 });
      const ratio = pairedRatio(ours, theirs);
      rows.push(`| ${name} | ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB | ${ms(ours.median)} | ${python.name}: ${ms(theirs.median)} | **${ratio.toFixed(2)}x** | ${python.target} |`);
    };
    compare('one 500 MB incompressible entry', big, { name: '`python3 -m zipfile -t`', args: ['-m', 'zipfile', '-t', big], target: 'at most 1.0x' }, 7);
    compare('100,000 nodes in 100 `.content.xml`', nodes, { name: 'expat pass', args: ['-c', EXPAT_PASS, nodes], target: 'at most 4x' }, 11);
    return [
      'Whole runs of the bundled CLI (`aem-ioevents inspect PACKAGE.zip`, report to /dev/null) and of python3, interleaved',
      '(one warm-up round), medians; the ratio is the median of the per-round ratios. Python does less than inspect:',
      '`zipfile -t` only inflates and checks CRCs; the expat pass only reads and parses the DocView files (inspect also',
      'checks the local headers, converts every property value and runs every validator on every node).',
      '',
      '| package | zip size | inspect (median) | Python (median) | inspect / Python | target |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
