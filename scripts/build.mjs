// Bundles with esbuild into dist/:
// - the library (`index.js`, ESM, shared chunks) for `import … from 'aem-ioevents'`;
// - the CLI as one CommonJS bundle (`cli-main.cjs`, from src/cli.ts) and the bin that loads it
//   (`cli.cjs`, from src/bin.ts), then V8's code cache for it (scripts/code-cache.mjs): Node 20
//   caches no ES module code, and a cold `build` must stay within 2x a bare Node start
//   (performance.md: dependencies cost up to 2.4x when loaded one by one).
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
await rm(new URL('dist/', root), { recursive: true, force: true });
const common = {
  absWorkingDir: root.pathname,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  minify: true,
  // Maps stay out of the package (package.json `files`): they name ../src and ../node_modules, which
  // an installed package does not hold. Not linked from the bundles, so nothing points to a missing
  // file; esbuild's output is deterministic, so the map of a release is rebuilt from its tag.
  sourcemap: 'external',
  legalComments: 'linked',
  // ASCII only (esbuild's default, stated because the bin reads the bundle as latin1).
  charset: 'ascii',
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  splitting: true,
  format: 'esm',
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies (node-forge, yazl, yauzl) call require() for Node built-ins.
  banner: { js: "import{createRequire as __aemRequire}from'node:module';const require=__aemRequire(import.meta.url);" },
});
// yargs is patched at bundle time, each text replaced exactly once (the build fails if yargs's
// text changes):
// - its platform shim reads process.stdout.columns at load, which makes Node create process.stdout
//   (for a pipe a net.Socket and a non-blocking descriptor, 5-9 ms; we write with fs.writeSync,
//   src/sync-output.ts), and imports node:assert (~3 ms, and it makes Node create process.stderr for
//   its colours) for checks that fail only when yargs is misused. Both become lazy: the width is
//   read when help text is laid out, assert is loaded when a check fails, to throw its own error.
// - its factory guesses the version of every new instance by walking up from the main file for a
//   package.json (`guessVersion`); in the bundle the main file is unknown, so the walk starts at
//   the working directory, may find the user's own package.json or none (then the failed check
//   loads node:assert and creates process.stderr). src/cli.ts gives the version, so no guess.
const yargsPatches = [
  {
    file: /[\\/]node_modules[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/,
    replacements: [
      [
        "stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null",
        "get stdColumns() { return typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null; }",
      ],
      [
        "import { notStrictEqual, strictEqual } from 'assert'",
        [
          'const notStrictEqual = (actual, expected, message) => actual === expected && process.getBuiltinModule("node:assert").notStrictEqual(actual, expected, message);',
          'const strictEqual = (actual, expected, message) => actual !== expected && process.getBuiltinModule("node:assert").strictEqual(actual, expected, message);',
        ].join('\n'),
      ],
    ],
  },
  {
    // - cliui's ES module build wraps help text every N characters, cutting words ("refuses co" /
    //   "nnections"); here it breaks between words, and cuts only a word longer than the column.
    file: /[\\/]node_modules[\\/]cliui[\\/]build[\\/]lib[\\/]string-utils\.js$/,
    replacements: [
      [
        "    let wrapped = '';\n    for (let i = 0; i < str.length; i++) {\n        if (i !== 0 && (i % width) === 0) {\n            wrapped += '\\n';\n        }\n        wrapped += str.charAt(i);\n    }\n",
        [
          '    const lines = [];',
          "    for (const paragraph of str.split('\\n')) {",
          '        let line;',
          "        for (let word of paragraph.split(' ')) {",
          "            if (line !== undefined && line.length + 1 + word.length <= width) { line += ' ' + word; continue; }",
          '            if (line !== undefined) lines.push(line);',
          '            while (word.length > width) { lines.push(word.slice(0, width)); word = word.slice(width); }',
          '            line = word;',
          '        }',
          "        lines.push(line ?? '');",
          '    }',
          "    let wrapped = lines.join('\\n');",
          '',
        ].join('\n'),
      ],
    ],
  },
  {
    file: /[\\/]node_modules[\\/]yargs[\\/]build[\\/]lib[\\/]yargs-factory\.js$/,
    replacements: [['        yargs.help();\n        yargs.version();\n', '        yargs.help();\n']],
  },
];
const lazyYargsShim = {
  name: 'lazy-yargs-shim',
  setup(builder) {
    for (const { file, replacements } of yargsPatches) {
      builder.onLoad({ filter: file }, async ({ path }) => {
        let text = await readFile(path, 'utf8');
        for (const [eager, lazy] of replacements) {
          if (text.split(eager).length !== 2) throw new Error(`lazy-yargs-shim: ${path} no longer has: ${eager}`);
          text = text.replace(eager, lazy);
        }
        return { contents: text, loader: 'js' };
      });
    }
  },
};
await build({
  ...common,
  plugins: [lazyYargsShim],
  entryPoints: { 'cli-main': 'src/cli.ts', cli: 'src/bin.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // src/ is ESM; in the CommonJS bundle import.meta.url is this file's URL.
  define: { 'import.meta.url': '__aemUrl' },
  // Only verify and deploy need these (undici 534 KB, for proxies): required from node_modules
  // when used, not read and hashed on every start.
  external: ['undici', 'jsonwebtoken'],
  // import() of those as require(): vm.Script, which loads this bundle, has no ES module loader.
  supported: { 'dynamic-import': false },
  banner: { js: "var __aemUrl=require('node:url').pathToFileURL(__filename).href;" },
});
for (const script of ['compile-templates.mjs', 'code-cache.mjs']) {
  const result = spawnSync(process.execPath, [new URL(`scripts/${script}`, root).pathname], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
