// `aem-ioevents inspect` (issue 4, point 7): the largest package of FileVault's test corpus, and
// generated packages of 1,000 and 10,000 nodes, the latter also with 64 MB and 256 MB of binaries,
// so peak memory shows whether it follows the package's bytes (it must not: entries are streamed).
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { ms, peakRssMb, timeInterleaved } from './lib.mjs';

export const title = 'inspect';

const root = fileURLToPath(new URL('../', import.meta.url));
const cli = join(root, 'dist', 'cli.cjs');
const JCR = 'xmlns:jcr="http://www.jcp.org/jcr/1.0" xmlns:nt="http://www.jcp.org/jcr/nt/1.0"';

function findCorpus() {
  for (let dir = root; ; dir = dirname(dir)) {
    const candidate = join(dir, '..', 'shared', 'corpus', 'filevault-test-packages');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

// A package of `folders` folders, each a .content.xml with `children` child nodes: folders × (children + 1) nodes.
export function generate(file, { folders, children, binaryMb = 0 }) {
  const zip = new yazl.ZipFile();
  const properties = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE properties SYSTEM "http://java.sun.com/dtd/properties.dtd">\n<properties>\n<entry key="group">bench</entry>\n<entry key="name">generated</entry>\n<entry key="version">1.0</entry>\n<entry key="packageType">content</entry>\n</properties>\n';
  zip.addBuffer(Buffer.from(properties), 'META-INF/vault/properties.xml');
  zip.addBuffer(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<workspaceFilter version="1.0">\n    <filter root="/content/bench"/>\n</workspaceFilter>\n'), 'META-INF/vault/filter.xml');
  zip.addBuffer(Buffer.from(`<jcr:root ${JCR} jcr:primaryType="nt:unstructured"/>`), 'jcr_root/content/bench/.content.xml');
  for (let f = 0; f < folders; f++) {
    const kids = Array.from({ length: children }, (_, c) => `    <n${c} jcr:primaryType="nt:unstructured" title="node ${f}/${c}" count="{Long}${c}" when="{Date}2026-11-23T12:00:00.000Z"/>`).join('\n');
    zip.addBuffer(Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<jcr:root ${JCR}\n    jcr:primaryType="nt:unstructured">\n${kids}\n</jcr:root>\n`), `jcr_root/content/bench/f${f}/.content.xml`);
  }
  // Incompressible: half STORED, half DEFLATED.
  for (let m = 0; m < binaryMb; m += 16) zip.addBuffer(randomBytes(16 * 1024 * 1024), `jcr_root/content/bench/blob${m}.bin`, { compress: m % 32 === 0 });
  zip.end();
  const out = createWriteStream(file);
  zip.outputStream.pipe(out);
  return new Promise((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'aem-ioevents-bench-'));
  try {
    const packages = [];
    const corpus = findCorpus();
    if (corpus !== undefined) {
      const largest = readdirSync(corpus).filter((n) => n.endsWith('.zip')).map((n) => join(corpus, n)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
      packages.push({ name: `corpus: ${largest.split('/').pop()}`, file: largest, nodes: '489' });
    }
    for (const [name, spec] of [['generated, 1,000 nodes', { folders: 100, children: 9 }], ['generated, 10,000 nodes', { folders: 1000, children: 9 }], ['generated, 10,000 nodes + 64 MB binaries', { folders: 1000, children: 9, binaryMb: 64 }], ['generated, 10,000 nodes + 256 MB binaries', { folders: 1000, children: 9, binaryMb: 256 }]]) {
      const file = join(dir, `${packages.length}.zip`);
      await generate(file, spec);
      packages.push({ name, file, nodes: String(spec.folders * (spec.children + 1) + 1) });
    }
    const variants = [{ name: 'node -e ""', cmd: process.execPath, args: ['-e', ''] }, ...packages.map((p) => ({ name: p.name, cmd: process.execPath, args: [cli, 'inspect', p.file], cwd: dir }))];
    const times = timeInterleaved(variants, { runs: 7, warmup: 1 });
    const base = times[0].median;
    const rows = packages.map((p, i) => {
      const rss = peakRssMb({ name: p.name, cmd: process.execPath, args: [cli, 'inspect', p.file], cwd: dir });
      const t = times[i + 1].median;
      return `| ${p.name} | ${(statSync(p.file).size / 1024 / 1024).toFixed(2)} MB | ${p.nodes} | ${ms(t)} (${(t / base).toFixed(1)}x) | ${rss.toFixed(0)} MB |`;
    });
    const bare = peakRssMb(variants[0]);
    return [
      `Whole \`aem-ioevents inspect PACKAGE.zip\` runs (bundled CLI, report to /dev/null), medians of ${times[0].runs}, against a bare Node start (${ms(base)}, ${bare.toFixed(0)} MB peak RSS).`,
      'Generated packages hold one `.content.xml` per folder with 9 typed child nodes each; the last two add 64 and 256 MB',
      'of incompressible binaries, which are decompressed once to check their CRC and never kept: peak memory follows the',
      'number of nodes (the tree is the result), not the bytes.',
      '',
      '| package | zip size | nodes | wall (x bare Node) | peak RSS |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
