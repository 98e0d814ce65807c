// Golden exploded packages (fixtures/packages/<name>/) and the zip entries they are compared with.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The folder of a golden package. */
export function goldenDir(name: string): string {
  return new URL(`../../fixtures/packages/${name}/`, import.meta.url).pathname;
}

/** Every file below a golden folder, as zip entry names. */
export function goldenFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? goldenFiles(root, path) : [relative(root, path)];
  });
}

/** The entries of a zip with their bytes, read with yauzl (Java reads them in the consumer tests). */
export async function zipFiles(file: string): Promise<Map<string, Buffer>> {
  const { default: yauzl } = await import('yauzl');
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: { fileName: string }) => {
        zip.openReadStream(entry as never, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}
