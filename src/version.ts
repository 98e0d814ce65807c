import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPackageRoot } from './package-root.ts';

let cached: string | undefined;

/** The package version, read from the installed package's `package.json`. */
export function getVersion(): string {
  cached ??= (JSON.parse(readFileSync(join(getPackageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
