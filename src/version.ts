import { getInstalledPackage } from './package-root.ts';

/** The package version, from the installed package's `package.json`. */
export function getVersion(): string {
  return getInstalledPackage().manifest.version;
}
