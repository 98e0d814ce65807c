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
const FLOOR_MB = 200;
const RUNS = 7;
const SMALL_RUNS = 21;

// The sink: 405 for the probe; for service.jsp, the body is counted and dropped, then ok. With
// PACE_MB_PER_S set it reads no faster than that, as a server behind a network link would: TCP's
// backpressure then holds curl and deploy to the same pace.
const SINK = `
const http = require('node:http');
const pace = Number(process.env.PACE_MB_PER_S) * 1e6 / 1000;
const server = http.createServer((req, res) => {
  if (req.url === '/crx/packmgr/service/script.html') { res.writeHead(405); return res.end(); }
  let n = 0;
  const start = Date.now();
  req.on('data', (c) => {
    n += c.length;
    const ahead = pace ? n / pace - (Date.now() - start) : 0;
    if (ahead >= 1) { req.pause(); setTimeout(() => req.resume(), ahead); }
  });
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end('<crx><response><data><log><![CDATA[A /etc/x\\nPackage imported.\\n]]></log></data><status code="200">ok</status></response></crx>');
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

// A link of 1 Gbit/s: what a pipeline's runner usually has to an AEM in another network.
const PACED_MB_PER_S = 125;
const PACED_RUNS = 5;

async function startSink(paceMbPerS) {
  const sink = spawn(process.execPath, ['-e', SINK], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PACE_MB_PER_S: String(paceMbPerS ?? '') } });
  const port = await new Promise((resolve) => sink.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim()))));
  return { sink, target: `http://127.0.0.1:${port}` };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'aem-ioevents-bench-'));
  const sinks = [];
  try {
    const loopback = await startSink();
    const paced = await startSink(PACED_MB_PER_S);
    sinks.push(loopback.sink, paced.sink);
    const { createZipArchive } = await import('./zip-for-bench.mjs');
    const rows = ['| package | deploy median wall | curl -F median wall | deploy / curl (per-round median) | deploy peak RSS |', '| --- | --- | --- | --- | --- |'];
    let floor = '';
    let network = '';
    for (const mb of SIZES_MB) {
      const file = join(dir, `big-${mb}.zip`);
      writeFileSync(file, await createZipArchive(mb * 1024 * 1024));
      const measured = measure(file, loopback.target, mb, dir);
      rows.push(measured.row);
      if (mb === FLOOR_MB) {
        floor = measured.floor;
        network = measurePaced(file, paced.target, mb, dir);
      }
    }
    const small = join(dir, 'small.zip');
    writeFileSync(small, await createZipArchive(6 * 1024));
    return [
      ...rows,
      '',
      `Peak RSS by GNU time; ${RUNS} interleaved runs after 1 warm-up. The package is checked by inspect (every entry's CRC) before the upload, and hashed (SHA-256) as it is uploaded; curl only sends. Targets for 200 MiB: at most 1.5x curl, under 100 MB.`,
      '',
      floor,
      '',
      network,
      '',
      measureSmall(small, loopback.target, dir),
    ].join('\n');
  } finally {
    for (const sink of sinks) sink.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const env = { AEM_USER: 'admin', AEM_PASSWORD: 'admin' };

const floorScript = fileURLToPath(new URL('./upload-floor.cjs', import.meta.url));

// For FLOOR_MB, the same rounds also time what deploy is made of, so the ratio can be read apart:
// Node's start, the least upload a Node process can make (upload-floor.cjs), that upload with the
// SHA-256 deploy reports and with a CRC-32 of every byte (the least a check made while uploading
// costs), and the check alone (`inspect`, which is what deploy runs before the upload).
function measure(file, target, mb, dir) {
  const service = `${target}/crx/packmgr/service.jsp`;
  const ours = { name: 'deploy', cmd: process.execPath, args: [cli, 'deploy', file, '--target', target, '--retries', '0'], env, cwd: dir };
  const curl = { name: 'curl', cmd: 'curl', args: ['-sS', '-o', '/dev/null', '-u', 'admin:admin', '-F', `file=@${file};type=application/zip`, '-F', 'force=true', '-F', 'install=true', service] };
  const haveCurl = spawnSync('sh', ['-c', 'command -v curl']).status === 0;
  const parts = mb === FLOOR_MB && haveCurl ? floorVariants(file, service, dir) : [];
  const [deploy, baseline, ...partTimes] = timeInterleaved(haveCurl ? [ours, curl, ...parts] : [ours], { runs: RUNS, warmup: 1 });
  const rss = peakRssMb(ours);
  const ratio = baseline ? `**${pairedRatio(deploy, baseline).toFixed(2)}x**` : 'curl not installed';
  const row = `| ${mb} MiB of incompressible content | ${ms(deploy.median)} | ${baseline ? ms(baseline.median) : '-'} | ${ratio} | ${rss.toFixed(0)} MB |`;
  return { row, floor: parts.length > 0 ? formatFloor(mb, [baseline, ...partTimes, deploy], [curl, ...parts, ours]) : '' };
}

function floorVariants(file, service, dir) {
  const floor = (name, label, flags) => ({ name, label, cmd: process.execPath, args: [floorScript, file, service, ...flags], env });
  return [
    { name: 'node', label: "`node -e ''`: Node's start", cmd: process.execPath, args: ['-e', ''] },
    floor('floor', 'a bare Node upload (bench/upload-floor.cjs: no CLI, no check, no digest)', []),
    floor('floor+sha256', 'the same, with the SHA-256 of the bytes sent (what deploy reports)', ['--sha256']),
    floor('floor+sha256+crc32', 'the same, with SHA-256 and a CRC-32 of every byte sent (the least a check while uploading costs)', ['--sha256', '--crc32']),
    { name: 'inspect', label: '`aem-ioevents inspect`: the check deploy runs before the upload, alone', cmd: process.execPath, args: [cli, 'inspect', file], cwd: dir },
  ];
}

function formatFloor(mb, times, variants) {
  const [curl] = times;
  const labels = { curl: '`curl -F file=@…` (the baseline)', deploy: '`aem-ioevents deploy`' };
  const lines = times.map((time, i) => `| ${variants[i].label ?? labels[time.name]} | ${ms(time.median)} | ${pairedRatio(time, curl).toFixed(2)}x |`);
  const at = (name) => times.find((time) => time.name === name).median;
  return [
    `What a ${mb} MiB deploy is made of, timed in the same interleaved rounds (${RUNS} after 1 warm-up):`,
    '',
    '| what runs | median wall | x curl (per-round median) |',
    '| --- | --- | --- |',
    ...lines,
    '',
    `A Node process that only uploads is already ${pairedRatio(times[2], curl).toFixed(2)}x curl; the SHA-256 adds ${ms(at('floor+sha256') - at('floor'))}, ` +
      `a CRC-32 of every byte ${ms(at('floor+sha256+crc32') - at('floor+sha256'))}, the check before the upload ${ms(at('inspect') - at('node'))} after Node's start.`,
  ].join('\n');
}

// The same upload to a sink that reads at PACED_MB_PER_S: where a real link, not the CPU, sets the pace.
function measurePaced(file, target, mb, dir) {
  const ours = { name: 'deploy', cmd: process.execPath, args: [cli, 'deploy', file, '--target', target, '--retries', '0'], env, cwd: dir };
  const curl = { name: 'curl', cmd: 'curl', args: ['-sS', '-o', '/dev/null', '-u', 'admin:admin', '-F', `file=@${file};type=application/zip`, '-F', 'force=true', '-F', 'install=true', `${target}/crx/packmgr/service.jsp`] };
  if (spawnSync('sh', ['-c', 'command -v curl']).status !== 0) return '';
  const [deploy, baseline] = timeInterleaved([ours, curl], { runs: PACED_RUNS, warmup: 1 });
  return [
    `The same ${mb} MiB to a sink that reads at most ${PACED_MB_PER_S} MB/s (a 1 Gbit/s link; ${PACED_RUNS} interleaved runs after 1 warm-up):`,
    '',
    '| deploy median wall | curl -F median wall | deploy / curl (per-round median) |',
    '| --- | --- | --- |',
    `| ${ms(deploy.median)} | ${ms(baseline.median)} | **${pairedRatio(deploy, baseline).toFixed(2)}x** |`,
  ].join('\n');
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
