import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed aem-ioevents package: its folder and its `package.json`. */
export interface InstalledPackage {
  readonly dir: string;
  readonly manifest: { readonly name: string; readonly version: string };
}

let cached: InstalledPackage | undefined;

/**
 * The aem-ioevents package (where `package.json` and `templates/` are), found by walking up from
 * this module: the same code runs from the sources in tests and bundled from `dist/`. Read once.
 */
export function getInstalledPackage(): InstalledPackage {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as InstalledPackage['manifest'];
      if (manifest.name === 'aem-ioevents') return (cached = { dir, manifest });
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('aem-ioevents: package.json not found above the installed code');
    dir = parent;
  }
}

/** The folder of the aem-ioevents package. */
export function getPackageRoot(): string {
  return getInstalledPackage().dir;
}
