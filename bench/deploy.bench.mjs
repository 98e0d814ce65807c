// deploy's upload streams the package from disk (issue 6): peak memory must not grow with the
// package (aemsync holds the whole zip in memory: 982 MB RSS for 220 MB, peers.md §2.5). Whole
// processes against a loopback sink that reads and drops the body and answers like service.jsp;
// `curl -F file=@…` is the baseline a pipeline would otherwise run. Targets (issue 14, point 4):
// a 200 MB deploy at most 1.5x curl and under 100 MB peak; a small deploy at most 2.5x `node -e ''`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ms, pairedRatio, peakRssMb, timeInterleaved } from './lib.mjs';

export const title = 'deploy: streaming upload, memory against package size';

const SIZES_MB = [10, 200];
const RUNS = 7;
const SMALL_RUNS = 21;

// The sink: 405 for the probe; for service.jsp, the body is counted and dropped, then ok.
const SINK = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  if (req.url === '/crx/packmgr/service/script.html') { res.writeHead(405); return res.end(); }
  let n = 0;
  req.on('data', (c) => { n += c.length; });
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end('<crx><response><data><log><![CDATA[A /etc/x\\nPackage imported.\\n]]></log></data><status code="200">ok</status></response></crx>');
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'aem-ioevents-bench-'));
  const sink = spawn(process.execPath, ['-e', SINK], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise((resolve) => sink.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim()))));
    const target = `http://127.0.0.1:${port}`;
    const { createZipArchive } = await import('./zip-for-bench.mjs');
    const rows = ['| package | deploy median wall | curl -F median wall | deploy / curl (per-round median) | deploy peak RSS |', '| --- | --- | --- | --- | --- |'];
    for (const mb of SIZES_MB) {
      const file = join(dir, `big-${mb}.zip`);
      writeFileSync(file, await createZipArchive(mb * 1024 * 1024));
      rows.push(measure(file, target, mb, dir));
    }
    const small = join(dir, 'small.zip');
    writeFileSync(small, await createZipArchive(6 * 1024));
    return [
      ...rows,
      '',
      `Peak RSS by GNU time; ${RUNS} interleaved runs after 1 warm-up. The package is checked by inspect (every entry's CRC) before the upload, and hashed (SHA-256) as it is uploaded; curl only sends. Targets for 200 MiB: at most 1.5x curl, under 100 MB.`,
      '',
      measureSmall(small, target, dir),
    ].join('\n');
  } finally {
    sink.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const env = { AEM_USER: 'admin', AEM_PASSWORD: 'admin' };

function measure(file, target, mb, dir) {
  const ours = { name: 'deploy', cmd: process.execPath, args: [cli, 'deploy', file, '--target', target, '--retries', '0'], env, cwd: dir };
  const curl = { name: 'curl', cmd: 'curl', args: ['-sS', '-o', '/dev/null', '-u', 'admin:admin', '-F', `file=@${file};type=application/zip`, '-F', 'force=true', '-F', 'install=true', `${target}/crx/packmgr/service.jsp`] };
  const haveCurl = spawnSync('sh', ['-c', 'command -v curl']).status === 0;
  const [deploy, baseline] = timeInterleaved(haveCurl ? [ours, curl] : [ours], { runs: RUNS, warmup: 1 });
  const rss = peakRssMb(ours);
  const ratio = baseline ? `**${pairedRatio(deploy, baseline).toFixed(2)}x**` : 'curl not installed';
  return `| ${mb} MiB of incompressible content | ${ms(deploy.median)} | ${baseline ? ms(baseline.median) : '-'} | ${ratio} | ${rss.toFixed(0)} MB |`;
}

// The small deploy against a bare Node start, in the same interleaved rounds.
function measureSmall(file, target, dir) {
  const ours = { name: 'deploy', cmd: process.execPath, args: [cli, 'deploy', file, '--target', target, '--retries', '0'], env, cwd: dir };
  const bare = { name: 'node', cmd: process.execPath, args: ['-e', ''] };
  const [deploy, node] = timeInterleaved([ours, bare], { runs: SMALL_RUNS, warmup: 2 });
  const rss = peakRssMb(ours);
  return [
    '| small deploy (6 KiB package) | median wall | peak RSS |',
    '| --- | --- | --- |',
    `| \`aem-ioevents deploy\` | ${ms(deploy.median)} | ${rss.toFixed(0)} MB |`,
    `| \`node -e ''\` | ${ms(node.median)} | ${peakRssMb(bare).toFixed(0)} MB |`,
    '',
    `Ratio deploy / bare Node start: **${pairedRatio(deploy, node).toFixed(2)}x** (per-round median of ${SMALL_RUNS} interleaved rounds; target at most 2.5x).`,
  ].join('\n');
}
