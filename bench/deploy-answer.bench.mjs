// deploy reads at most 4 MiB of any answer (issue 11): before the cap, a reply declaring a 2 GB
// body crashed V8 (exit 133, 4.2 GB RSS) and an endless chunked one reached 5.6 GB before the
// deadline. Whole `deploy` processes against a loopback Package Manager whose install answer is
// too large; the server runs in its own process, so only deploy's memory is measured.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ms, peakRssMb, timeInterleaved } from './lib.mjs';

export const title = 'deploy: peak memory against answers too large to read';

const RUNS = 3;

// 405 for the probe; service.jsp: the upload is drained, then the answer named by the path's
// first segment: `ok` (a clean install log), `declared` (content-length 2 GB), `endless`
// (chunked, forever). Bodies are written with backpressure until deploy drops the connection,
// and never past 16 GiB, so a client that does not stop still ends.
const SERVER = `
const http = require('node:http');
const LOG = '<crx><response><data><log><![CDATA[A /etc/bench\\nPackage imported.\\n]]></log></data><status code="200">ok</status></response></crx>';
const CHUNK = Buffer.from('A /content/generated/node\\n'.repeat(2521));
const server = http.createServer((req, res) => {
  const [, mode, ...rest] = req.url.split('/');
  const path = '/' + rest.join('/');
  if (path === '/crx/packmgr/service/script.html') { res.writeHead(405); return res.end(); }
  req.resume();
  req.on('end', async () => {
    if (mode === 'ok') { res.writeHead(200, { 'content-type': 'text/xml' }); return res.end(LOG); }
    res.writeHead(200, { 'content-type': 'text/xml', ...(mode === 'declared' && { 'content-length': String(2 ** 31) }) });
    let sent = 0;
    while (!res.destroyed && sent < (mode === 'declared' ? 2 ** 31 : 16 * 2 ** 30)) {
      sent += CHUNK.length;
      if (!res.write(CHUNK)) await new Promise((resolve) => { const done = () => { res.off('drain', done).off('close', done); resolve(); }; res.on('drain', done).on('close', done); });
    }
    if (!res.destroyed) res.end();
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

const MODES = [
  ['a clean install log (for comparison)', 'ok', 0],
  ['`content-length: 2147483648` (2 GB declared)', 'declared', 3],
  ['an endless chunked body', 'endless', 3],
];

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'aem-ioevents-bench-'));
  const server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise((resolve) => server.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim()))));
    const { createZipArchive } = await import('./zip-for-bench.mjs');
    const file = join(dir, 'small.zip');
    writeFileSync(file, await createZipArchive(64 * 1024));
    const rows = ['| install answer | deploy exit code | deploy peak RSS (max of runs) | deploy median wall |', '| --- | --- | --- | --- |'];
    for (const [label, mode, status] of MODES) rows.push(measure(label, file, `http://127.0.0.1:${port}/${mode}`, status, dir));
    return [...rows, '', `Peak RSS by GNU time, the largest of ${RUNS} runs after 1 warm-up; \`--timeout 600\` (the default), so the wall time shows the answer was cut at the 4 MiB cap, not at the deadline. Target: under 150 MB whatever the answer.`].join('\n');
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(label, file, target, status, dir) {
  const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
  const variant = { name: label, cmd: process.execPath, args: [cli, 'deploy', file, '--target', target, '--retries', '0'], env: { AEM_USER: 'admin', AEM_PASSWORD: 'admin' }, cwd: dir, status };
  const [timed] = timeInterleaved([variant], { runs: RUNS, warmup: 1 });
  const rss = Math.max(...Array.from({ length: RUNS }, () => peakRssMb(variant)));
  return `| ${label} | ${status} | ${rss.toFixed(0)} MB | ${ms(timed.median)} |`;
}
