#!/usr/bin/env node
/**
 * The `aem-ioevents` bin (`dist/cli.cjs`): loads the CLI bundle (`dist/cli-main.cjs`, built from
 * `cli.ts`) through V8's code cache and runs it with the process's arguments. A CommonJS entry
 * starts about 10 ms sooner than an ES module one on Node 20, and the cache spares compiling the
 * code a command runs (see `startup/code-cache.ts`).
 */
import { join } from 'node:path';
import type * as Cli from './cli.ts';
import { loadBundle, type LoadBundleOptions, type LoadedBundle } from './startup/code-cache.ts';

// For scripts/code-cache.mjs, which makes the cache with this bin's own loader.
export { codeCachePath, formatCodeCache } from './startup/code-cache.ts';

/** The CLI bundle next to this bin, loaded (and run to define its exports). */
export function loadCli(options: LoadBundleOptions = {}): LoadedBundle<typeof Cli> {
  return loadBundle<typeof Cli>(join(__dirname, 'cli-main.cjs'), options);
}

if (require.main === module) void loadCli().exports.main(process.argv.slice(2));
