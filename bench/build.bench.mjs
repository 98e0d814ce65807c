// Issue 2 point 9: a cold `aem-ioevents build` of the embedded example against a bare Node start,
// interleaved, medians of 21 runs, and the build's peak memory. Target: at most 2x, under 100 MB.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ms, peakRssMb, timeInterleaved } from './lib.mjs';

export const title = 'build: cold start of the main job';

export async function run() {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const cli = join(root, 'dist/cli.cjs');
  const dir = mkdtempSync(join(tmpdir(), 'aem-ioevents-bench-'));
  const env = { IOEVENTS_KEYSTORE_PASSWORD: 'bench-Keystore-1', IOEVENTS_CLIENT_SECRET: 'p8e-bench', SOURCE_DATE_EPOCH: '1795435200' };
  try {
    copyFileSync(join(root, 'fixtures/example/aem-ioevents.yaml'), join(dir, 'aem-ioevents.yaml'));
    const keygen = spawnSync(process.execPath, [cli, 'keygen', '--out', 'keys'], { cwd: dir, env: { ...process.env, ...env } });
    if (keygen.status !== 0) throw new Error(`keygen failed: ${keygen.stderr}`);
    const build = { name: 'aem-ioevents build', cmd: process.execPath, args: [cli, 'build', '--force'], cwd: dir, env };
    const bare = { name: "node -e ''", cmd: process.execPath, args: ['-e', ''], cwd: dir };
    const [b, n] = timeInterleaved([build, bare], { runs: 21, warmup: 3 });
    const rss = peakRssMb(build);
    const bareRss = peakRssMb(bare);
    return [
      '| command | median wall | peak RSS |',
      '| --- | --- | --- |',
      `| \`aem-ioevents build\` (example, keystore included, inspect rules) | ${ms(b.median)} | ${rss.toFixed(1)} MB |`,
      `| \`node -e ''\` | ${ms(n.median)} | ${bareRss.toFixed(1)} MB |`,
      '',
      `Ratio build / bare Node start: **${(b.median / n.median).toFixed(2)}x** (target at most 2x; ${b.runs} interleaved runs each). Peak memory target: under 100 MB.`,
      ...withoutExtraCaCerts(build, bare),
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Node reads and parses every certificate of NODE_EXTRA_CA_CERTS when it starts: a fixed cost
// added to both commands, which pulls the ratio towards 1. Shown apart, measured without it.
function withoutExtraCaCerts(build, bare) {
  if (!process.env.NODE_EXTRA_CA_CERTS) return [];
  const unset = { NODE_EXTRA_CA_CERTS: undefined };
  const [b, n] = timeInterleaved([{ ...build, env: { ...build.env, ...unset } }, { ...bare, env: unset }], { runs: 21, warmup: 3 });
  return [
    '',
    `This machine sets NODE_EXTRA_CA_CERTS, whose certificates Node parses at every start before any script runs: the same milliseconds added to both commands. Without it (${b.runs} more interleaved runs each): build ${ms(b.median)}, \`node -e ''\` ${ms(n.median)}, ratio ${(b.median / n.median).toFixed(2)}x.`,
  ];
}
