// keygen against the openssl command sequence it replaces (aem-io-events.md §1.1): `openssl req
// -x509 … -newkey rsa:2048`, then `openssl pkcs12 -export -legacy` (our default is the legacy
// encryption too). Whole processes, interleaved, medians; a bare `node -e ''` shows the floor
// that any Node CLI pays before its first line runs. RSA prime search has a wide spread
// (performance.md "Keys"), hence 31 runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ms, peakRssMb, timeInterleaved, withoutExtraCaCerts } from './lib.mjs';

export const title = 'keygen: key, certificate and PKCS#12 keystore';

const RUNS = 31;

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'aem-ioevents-bench-'));
  const env = { IOEVENTS_KEYSTORE_PASSWORD: 'bench-password' };
  const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
  const openssl = [
    'openssl req -x509 -sha256 -nodes -days 365 -newkey rsa:2048 -subj /CN=eventproxy -keyout private.key -out certificate_pub.crt 2>/dev/null',
    'openssl pkcs12 -export -legacy -in certificate_pub.crt -inkey private.key -out keystore.p12 -name eventproxy -passout env:IOEVENTS_KEYSTORE_PASSWORD',
  ].join(' && ');
  const variants = [
    { name: 'aem-ioevents keygen', cmd: process.execPath, args: [cli, 'keygen', '--out', join(dir, 'ours'), '--force'], env },
    { name: 'openssl req + openssl pkcs12 -legacy', cmd: 'sh', args: ['-c', openssl], cwd: dir, env },
    { name: "node -e '' (floor)", cmd: process.execPath, args: ['-e', ''] },
  ];
  try {
    // With and without NODE_EXTRA_CA_CERTS (when set) in one interleaved loop: slow spells touch all alike.
    const clean = withoutExtraCaCerts([variants[0], variants[2]]) ?? [];
    const [ours, theirs, floor, cleanOurs, cleanFloor] = timeInterleaved([...variants, ...clean], { runs: RUNS, warmup: 2 });
    const rss = peakRssMb(variants[0]);
    const ratio = ours.median / theirs.median;
    const cleanLine =
      cleanOurs === undefined || cleanFloor === undefined
        ? []
        : ['', `This machine sets NODE_EXTRA_CA_CERTS, which every Node start pays for (openssl does not). Without it (same rounds): keygen ${ms(cleanOurs.median)}, \`node -e ''\` ${ms(cleanFloor.median)}; ratio keygen / openssl **${(cleanOurs.median / theirs.median).toFixed(2)}**.`];
    return [
      '| command | median wall |',
      '| --- | --- |',
      `| ${ours.name} (RSA 2048, legacy PKCS#12, 4 files) | ${ms(ours.median)} |`,
      `| ${theirs.name} | ${ms(theirs.median)} |`,
      `| ${floor.name} | ${ms(floor.median)} |`,
      '',
      `Ratio keygen / openssl: **${ratio.toFixed(2)}** (target: 1.00 or less). ` +
        `Without the Node start floor: ${ms(ours.median - floor.median)} against ${ms(theirs.median)}. ` +
        `Peak RSS of keygen: ${rss.toFixed(0)} MB. ${RUNS} interleaved runs after 2 warm-ups.`,
      ...cleanLine,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
