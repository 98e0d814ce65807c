/**
 * Start-up of the bundled CLI from V8's code cache (a cold `build` within 2x a
 * bare Node start). Node 20 has no compile cache for ES modules (`module.enableCompileCache` came
 * in Node 22.1), so the bin loads one CommonJS bundle through `vm.Script` with the bytecode V8
 * serialised after a training run of the main jobs (`scripts/code-cache.mjs`, run by `npm run
 * build`): what would be compiled on every start is deserialised instead.
 *
 * V8 itself checks only the source's length, its own version and its flags; the cache file also
 * carries the SHA-256 of the source it was made for, so an edited bundle is never run with stale
 * bytecode. Any mismatch, a missing or damaged cache, or V8 refusing it: the bundle is compiled
 * from source, as without a cache. The cache holds bytecode and the source's own literals only;
 * the training uses throwaway secrets.
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What became of a bundle's code cache at load. */
export type CodeCacheState = 'accepted' | 'rejected' | 'stale' | 'absent';

/** A loaded CommonJS bundle. */
export interface LoadedBundle<T> {
  readonly exports: T;
  /** The compiled script; `createCachedData()` after a training run gives the cache. */
  readonly script: Script;
  /** The bundle's bytes, which the cache file's digest covers. */
  readonly source: Buffer;
  readonly cache: CodeCacheState;
}

/** First bytes of a cache file: format name and version. */
const MAGIC = Buffer.from('aem-ioevents code cache 1\n', 'latin1');
const DIGEST_LENGTH = 32;

/** The file a bundle's cache lives in, next to it. */
export function codeCachePath(bundleFile: string): string {
  return `${bundleFile}.cache`;
}

/** The function around a CommonJS module's source, as Node's own loader wraps it. */
export function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source.replace(/^#!.*/, '')}\n})`;
}

/** A cache file: the format line, the SHA-256 of the bundle's bytes, V8's data. */
export function formatCodeCache(source: Uint8Array, data: Uint8Array): Buffer {
  return Buffer.concat([MAGIC, hash('sha256', source, 'buffer'), data]);
}

/** V8's data from a cache file made for exactly the bundle `source`, or undefined (other format or bundle). */
export function parseCodeCache(file: Uint8Array, source: Uint8Array): Buffer | undefined {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const start = MAGIC.length + DIGEST_LENGTH;
  if (bytes.length <= start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const digest = bytes.subarray(MAGIC.length, start);
  return digest.equals(hash('sha256', source, 'buffer')) ? bytes.subarray(start) : undefined;
}

/** Options of {@link loadBundle}. */
export interface LoadBundleOptions {
  /** Use the cache file next to the bundle. @default true */
  readonly useCache?: boolean;
  /**
   * The name stack traces show for the bundle. V8 keeps it in the code cache, and a script made
   * from the cache shows the name of the training run, not its own: the training run gives a
   * name without the building machine's folders (scripts/code-cache.mjs). @default the file
   */
  readonly scriptName?: string;
}

/** Reads, compiles (from the cache when it fits) and runs a CommonJS bundle; returns its exports. */
export function loadBundle<T>(file: string, options: LoadBundleOptions = {}): LoadedBundle<T> {
  const source = readFileSync(file);
  const found = options.useCache === false ? { state: 'absent' as const } : readCacheFor(file, source);
  // esbuild writes ASCII only (non-ASCII is escaped), so latin1 is the exact and fastest decoding.
  const script = new Script(wrapCommonJs(source.toString('latin1')), { filename: options.scriptName ?? file, ...(found.data ? { cachedData: found.data } : {}) });
  const cache: CodeCacheState = found.data === undefined ? found.state : script.cachedDataRejected ? 'rejected' : 'accepted';
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script, source, cache };
}

function readCacheFor(file: string, source: Buffer): { readonly data?: Buffer; readonly state: CodeCacheState } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(codeCachePath(file));
  } catch {
    return { state: 'absent' };
  }
  const data = parseCodeCache(bytes, source);
  return data === undefined ? { state: 'stale' } : { data, state: 'accepted' };
}
