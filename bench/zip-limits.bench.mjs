// Hostile zips against inspect's zip limits (issue 11, point 7): the audit's package of 2,000
// entries of just under 1 MiB each (under the per-entry ratio, 2 GB inflated from 2.5 MB), which
// the total-expansion budget now refuses before inflating anything, and the worst the budget lets
// through: entries just under 1 MiB that expand just under 200 times, ~2.6 MB of zip, ~500 MB to
// inflate and check.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { ms, peakRssMb, timeInterleaved } from './lib.mjs';

export const title = 'inspect: hostile zips and the zip limits';

const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const ENTRY = 1024 * 1024 - 1;

async function zipOf(count, content) {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<workspaceFilter version="1.0"/>\n'), 'META-INF/vault/filter.xml');
  for (let i = 0; i < count; i++) zip.addBuffer(content, `jcr_root/content/bomb/${i}.bin`);
  zip.end();
  const chunks = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'aem-ioevents-bench-'));
  try {
    // 5,300 bytes of noise in 1 MiB of zeros: under the ratio limit of 200, near it.
    const nearLimit = Buffer.alloc(ENTRY);
    randomBytes(5300).copy(nearLimit);
    const packages = [
      { name: '2,000 entries of 1 MiB - 1 zero bytes (audit)', bytes: await zipOf(2000, Buffer.alloc(ENTRY)) },
      { name: '500 entries of 1 MiB - 1 bytes, 5,300 of them random', bytes: await zipOf(500, nearLimit) },
    ];
    packages[1].name += ` (expands ${Math.round((500 * ENTRY) / packages[1].bytes.length)} times)`;
    for (const [i, p] of packages.entries()) writeFileSync((p.file = join(dir, `${i}.zip`)), p.bytes);
    // Exit 1 (findings) and 2 (refused) are the expected verdicts: only a crash fails the bench.
    const variants = packages.map((p) => ({ name: p.name, cmd: 'sh', args: ['-c', '"$0" "$@" >/dev/null; s=$?; [ $s -le 2 ] || exit $s', process.execPath, cli, 'inspect', p.file], cwd: dir }));
    const times = timeInterleaved(variants, { runs: 5, warmup: 1 });
    const rows = packages.map((p, i) => {
      const once = spawnSync(process.execPath, [cli, 'inspect', p.file], { cwd: dir, encoding: 'utf8' });
      const verdict = once.status === 2 ? `exit 2: ${once.stderr.trim().replace(/^error: \S+ /, '')}` : `exit ${once.status}`;
      return `| ${p.name} | ${(statSync(p.file).size / 1e6).toFixed(2)} MB | ${ms(times[i].median)} | ${peakRssMb(variants[i]).toFixed(0)} MB | ${verdict} |`;
    });
    return [
      `Whole \`aem-ioevents inspect\` runs (bundled CLI), medians of ${times[0].runs}. Before the total-expansion budget the audit's package took 17 s (issue 11).`,
      '',
      '| package | zip size | wall | peak RSS | verdict |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
