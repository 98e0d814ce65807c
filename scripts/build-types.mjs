// Writes the library's declarations to dist/types/ (package.json `types` and `exports`), for
// TypeScript users of `import … from 'aem-ioevents'`. Run by `npm pack`/`npm publish` (`prepack`),
// not by `npm run build`: tsc takes 10-20 s here, and the tests and the CLI need no declarations.
//
// - tsconfig.build.json: declarations only, from src/index.ts, with `stripInternal` (fields marked
//   `@internal` stay out: they would make consumers install types of our internals, e.g. node-forge).
// - The sources import `./x.ts` (allowImportingTsExtensions); tsc keeps those specifiers in the
//   declarations. They become `./x.js`, which every TypeScript resolution mode (node16, nodenext,
//   bundler) and every TypeScript 4.7+ resolves to `./x.d.ts`; each target is checked to exist.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outDir = join(root, 'dist/types');
rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

// `from './x.ts'`, `import './x.ts'` and `import('./x.ts')`: relative specifiers only.
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*)\.ts\2/g;
for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = join(entry.parentPath, entry.name);
  const text = readFileSync(file, 'utf8').replace(SPECIFIER, (_match, head, quote, base) => {
    if (!existsSync(resolve(dirname(file), `${base}.d.ts`))) throw new Error(`build-types: ${file} imports ${base}.ts, which has no declaration file`);
    return `${head}${quote}${base}.js${quote}`;
  });
  writeFileSync(file, text);
}
