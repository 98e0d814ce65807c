import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';

/**
 * FileVault's own test packages (shared corpus, see its README): `../shared/corpus/…` beside the
 * repository, looked up through the parent folders so a worktree one level deeper finds it too.
 * `undefined` when absent; with `CI` set that is an error.
 */
export function findCorpusDir(): string | undefined {
  for (let dir = fileURLToPath(new URL('../../', import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, '..', 'shared', 'corpus', 'filevault-test-packages') + '/';
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  if (process.env.CI) throw new Error('the FileVault corpus (../shared/corpus/filevault-test-packages) is required when CI is set');
  process.stderr.write('  (skipped: ../shared/corpus/filevault-test-packages not found)\n');
  return undefined;
}

/** A DocView file found in a corpus package. */
export interface CorpusDocView {
  /** `<package>.zip!<entry>` */
  readonly id: string;
  /** The entry path below `jcr_root/`. */
  readonly path: string;
  readonly xml: string;
}

/**
 * Every DocView file of every corpus package: `.content.xml`, and `*.xml` that FileVault's
 * `DocViewParser.isDocView` sniffs as DocView (`<jcr:root` and `"http://www.jcp.org/jcr/1.0"`
 * within the first 1024 characters).
 */
export async function readCorpusDocViews(corpusDir: string): Promise<CorpusDocView[]> {
  const zips = listZips(corpusDir).sort();
  const all: CorpusDocView[] = [];
  for (const zip of zips) {
    for (const [entry, xml] of await readXmlEntries(corpusDir + zip)) {
      const head = xml.slice(0, 1024);
      const isDocView = entry.endsWith('/.content.xml') || (head.includes('<jcr:root') && head.includes('"http://www.jcp.org/jcr/1.0"'));
      if (isDocView) all.push({ id: `${zip}!${entry}`, path: entry.slice(entry.indexOf('jcr_root/') + 'jcr_root/'.length), xml });
    }
  }
  return all;
}

function listZips(dir: string, prefix = ''): string[] {
  return readdirSync(dir + prefix, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return listZips(dir, `${prefix}${entry.name}/`);
    return entry.name.endsWith('.zip') ? [prefix + entry.name] : [];
  });
}

function readXmlEntries(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, string>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.startsWith('jcr_root/') || !entry.fileName.endsWith('.xml')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
