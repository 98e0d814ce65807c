// Bundles the CLI and the library into dist/ with esbuild (one ESM file per entry plus shared
// chunks), so a cold start loads one parsed file per command instead of hundreds of modules
// (performance.md: dependencies cost up to 2.4x a bare Node start when loaded one by one).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
await rm(new URL('dist/', root), { recursive: true, force: true });
await build({
  absWorkingDir: root.pathname,
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies (node-forge, yazl, yauzl) call require() for Node built-ins.
  banner: { js: "import{createRequire as __aemRequire}from'node:module';const require=__aemRequire(import.meta.url);" },
  logLevel: 'warning',
});
