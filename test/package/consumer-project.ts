/**
 * A throwaway project that depends on a packed aem-ioevents tarball, installable without the
 * network: `npm ci` caches the dependencies' tarballs, not the registry's metadata, so a plain
 * `npm install --offline x.tgz` fails (ENOTCACHED). The project's lockfile is therefore seeded
 * from ours: the tarball, our production dependencies and @types/node at the versions `npm ci`
 * installed, each with its integrity, which npm finds in its cache.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly [key: string]: unknown;
}

type LockPackages = Readonly<Record<string, LockEntry>>;

/** The lockfile path npm installs `name` at when the package at `from` requires it (nearest node_modules up). */
function resolveLockPath(packages: LockPackages, from: string, name: string): string {
  for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (packages[candidate] !== undefined) return candidate;
    if (base === '') throw new Error(`package-lock.json has no ${name} for ${from || 'the root'}`);
  }
}

/** The lock entries of `names` (required from the root) and everything they require, dev flags dropped. */
function closure(packages: LockPackages, names: readonly string[]): Record<string, LockEntry> {
  const out: Record<string, LockEntry> = {};
  const work = names.map((name) => resolveLockPath(packages, '', name));
  for (let path = work.pop(); path !== undefined; path = work.pop()) {
    if (out[path] !== undefined) continue;
    const { dev: _dev, devOptional: _devOptional, ...entry } = packages[path] as LockEntry;
    out[path] = entry;
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) work.push(resolveLockPath(packages, path, name));
  }
  return out;
}

/**
 * Writes `package.json` and `package-lock.json` of a project in `dir` that depends on the tarball
 * at `tarball` (a path relative to `dir`) and, for the type check, on @types/node.
 */
export function writeConsumerProject(dir: string, repoRoot: string, tarball: string): void {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: LockPackages };
  const ours = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as LockEntry & { name: string; version: string; dependencies: Record<string, string> };
  const typesNode = lock.packages['node_modules/@types/node']?.version as string;
  const manifest = { name: 'consumer', private: true, type: 'module', dependencies: { [ours.name]: `file:${tarball}` }, devDependencies: { '@types/node': typesNode } };
  const packages = {
    '': { name: manifest.name, dependencies: manifest.dependencies, devDependencies: manifest.devDependencies },
    [`node_modules/${ours.name}`]: { version: ours.version, resolved: `file:${tarball}`, license: ours.license, dependencies: ours.dependencies, bin: ours.bin, engines: ours.engines },
    // Dev first: a package that both need is a production one.
    ...Object.fromEntries(Object.entries(closure(lock.packages, ['@types/node'])).map(([path, entry]) => [path, { ...entry, dev: true }])),
    ...closure(lock.packages, Object.keys(ours.dependencies)),
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify({ name: manifest.name, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}
