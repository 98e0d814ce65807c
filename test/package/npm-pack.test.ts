// The package as users install it: `npm pack` in a copy of the sources without dist/ (prepack
// builds it and the declarations; the repository's own dist/ stays as it is), the tarball installed into an empty project without the network, a strict TypeScript consumer
// type-checked with our own tsc (nodenext and bundler resolution) and run, and the installed bin.
// One file, one pack: npm pack and install take a while.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { findUnexportedTypes } from './api-surface.ts';
import { writeConsumerProject } from './consumer-project.ts';
import { findReferences, findSourcePaths } from './shipped-references.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const TSC = join(root, 'node_modules/typescript/bin/tsc');
// SHA-256 of https://www.apache.org/licenses/LICENSE-2.0.txt
const APACHE_2_0_SHA256 = 'cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30';

const test = suite('npm pack → install → use');
// What `npm pack` needs from a clean checkout: the build reads scripts/, src/, templates/, cnd/ and the
// embedded example (fixtures/) that trains the code cache.
const SOURCES = ['package.json', 'package-lock.json', 'LICENSE', 'README.md', 'tsconfig.json', 'tsconfig.build.json', '.gitignore', 'scripts', 'src', 'templates', 'cnd', 'schema', 'fixtures'];
let work = '';
let source = '';
let project = '';
let installed = '';

/** Runs a command; throws with its output unless it exits with 0. */
function run(command: string, args: readonly string[], cwd: string, extraEnv: Record<string, string> = {}): SpawnSyncReturns<string> {
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extraEnv };
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
}

// uvu reports a failing `before` hook as no test run at all, and the run still passes: the hook
// keeps its error, and the first test fails with it.
let setupError: unknown;
test.before(() => {
  try {
    pack();
  } catch (error) {
    setupError = error;
  }
});

function pack(): void {
  work = realpathSync(makeTempDir('aem-ioevents-pack-'));
  source = join(work, 'source');
  project = join(work, 'consumer');
  mkdirSync(project);
  for (const name of SOURCES) cpSync(join(root, name), join(source, name), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(source, 'node_modules'), 'dir');
  run('npm', ['pack', '--silent', '--pack-destination', work], source);
  const tarball = `${manifest.name}-${manifest.version}.tgz`;
  writeConsumerProject(project, root, `../${tarball}`);
  run('npm', ['ci', '--offline', '--ignore-scripts'], project);
  installed = join(project, 'node_modules', manifest.name);
}
test.after(() => removeTempDir(work));

test('npm pack and the offline install of the tarball succeed', () => {
  if (setupError !== undefined) throw setupError;
  assert.ok(installed !== '');
});

test('the tarball holds the built package and its license: no sources, tests or source maps', () => {
  const files = listFiles(installed);
  const allowed = [/^(LICENSE|README\.md|package\.json)$/, /^templates\/[a-z0-9.-]+\/template\.yaml$/, /^cnd\/[a-z0-9-]+\.cnd$/, /^schema\/aem-ioevents\.schema\.json$/, /^dist\/[a-z0-9-]+\.(js|cjs)(\.LEGAL\.txt)?$/i, /^dist\/(cli-main\.cjs\.cache|templates\.json)$/, /^dist\/types\/[a-z0-9/-]+\.d\.ts$/];
  assert.equal(files.filter((file) => !allowed.some((pattern) => pattern.test(file))), []);
  for (const file of ['LICENSE', 'dist/cli.cjs', 'dist/cli-main.cjs', 'dist/cli-main.cjs.cache', 'dist/index.js', 'dist/templates.json', 'dist/types/index.d.ts', 'templates/cloudservice-6.3/template.yaml', 'cnd/sling.cnd', 'cnd/cq-page.cnd', 'schema/aem-ioevents.schema.json']) {
    assert.ok(files.includes(file), file);
  }
  assert.is(createHash('sha256').update(readFileSync(join(installed, 'LICENSE'))).digest('hex'), APACHE_2_0_SHA256);
  assert.is((JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { license: string }).license, 'Apache-2.0');
});

test('no packed file but the README points to our research notes (../shared, the reference files)', () => {
  const files = listFiles(installed).filter((file) => file !== 'README.md').map((file) => join(installed, file));
  assert.ok(files.some((file) => file.endsWith('.d.ts')) && files.some((file) => file.endsWith('template.yaml')));
  assert.equal(findReferences(files, installed), []);
});

test('no packed file sends users to our sources (src/...), which the package does not ship', () => {
  const files = listFiles(installed).map((file) => join(installed, file));
  assert.equal(findSourcePaths(files, installed, root), []);
});

test('no packed file names the folder it was built in, nor links a source map', () => {
  for (const file of listFiles(installed)) {
    const bytes = readFileSync(join(installed, file));
    for (const folder of [source, root]) {
      for (const encoding of ['latin1', 'utf16le'] as const) assert.is(bytes.indexOf(Buffer.from(folder, encoding)), -1, `${file} names ${folder} (${encoding})`);
    }
    if (/\.c?js$/.test(file)) assert.is(bytes.indexOf('sourceMappingURL'), -1, file);
  }
});

const CONSUMER = `import { createDocViewProperty, InputError, inspectPackage, parseConfig, renderDocView, type DocViewNode, type InspectResult, type ParsedConfig } from 'aem-ioevents';
import { readFileSync } from 'node:fs';

const node: DocViewNode = { name: 'jcr:root', properties: [createDocViewProperty('jcr:primaryType', 'sling:Folder')], children: [] };
process.stdout.write(renderDocView(node));
const env = { IOEVENTS_CLIENT_SECRET: 'p8e-consumer', IOEVENTS_KEYSTORE_PASSWORD: 'consumer-password' };
const parsed: ParsedConfig = parseConfig(readFileSync('aem-ioevents.yaml', 'utf8'), { format: 'yaml', fileLabel: 'aem-ioevents.yaml', env, baseDir: process.cwd() });
const { group, name, version } = parsed.config.package;
process.stdout.write(\`\${group}:\${name}:\${version} \${parsed.literalSecrets.length}\\n\`);
try {
  const result: InspectResult = await inspectPackage({ bytes: new Uint8Array([1, 2, 3]) });
  process.stdout.write(\`read \${result.entryCount} entries\\n\`);
} catch (error) {
  process.stdout.write(\`\${error instanceof InputError} \${error instanceof InputError ? error.exitCode : ''}\\n\`);
}
`;

/** A strict tsconfig.json for the consumer with the given module settings. */
function writeTsconfig(file: string, module: string, moduleResolution: string, extra: Record<string, unknown> = {}): void {
  const compilerOptions = { strict: true, module, moduleResolution, target: 'ES2022', skipLibCheck: false, types: ['node'], outDir: 'out', ...extra };
  writeFileSync(join(project, file), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2));
}

test('a strict TypeScript consumer (nodenext) type-checks against the installed declarations and runs', () => {
  writeFileSync(join(project, 'consumer.ts'), CONSUMER);
  writeFileSync(join(project, 'aem-ioevents.yaml'), readFileSync(join(root, 'fixtures/example/aem-ioevents.yaml')));
  writeTsconfig('tsconfig.json', 'nodenext', 'nodenext');
  assert.is(run(process.execPath, [TSC, '-p', 'tsconfig.json'], project).stdout, '');
  const out = run(process.execPath, ['out/consumer.js'], project);
  assert.is(out.stderr, '');
  assert.is(
    out.stdout,
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0" xmlns:sling="http://sling.apache.org/jcr/sling/1.0"',
      '    jcr:primaryType="sling:Folder"/>',
      'aem-ioevents:eventproxy-config:1.0.0 0',
      'true 2',
      '',
    ].join('\n'),
  );
});

test('the declarations also resolve with moduleResolution bundler', () => {
  writeTsconfig('tsconfig.bundler.json', 'preserve', 'bundler', { noEmit: true });
  assert.is(run(process.execPath, [TSC, '-p', 'tsconfig.bundler.json'], project).stdout, '');
});

test('every type that the exported functions and types name can be imported from the package', () => {
  const program = ts.createProgram([join(project, 'consumer.ts')], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ['node'], typeRoots: [join(project, 'node_modules/@types')], noEmit: true });
  assert.equal(findUnexportedTypes(program, join(installed, 'dist/types/')), []);
});

test('the installed bin runs: --version and templates, the same as the repository build', () => {
  assert.is(run('npx', ['--offline', '--no-install', 'aem-ioevents', '--version'], project).stdout, `${manifest.version}\n`);
  const templates = run('npx', ['--offline', '--no-install', 'aem-ioevents', 'templates'], project).stdout;
  assert.is(templates, run(process.execPath, [join(root, 'dist/cli.cjs'), 'templates'], project).stdout);
  for (const name of ['aio-aem-events', 'cloudservice-6.3', 'ims-6.5']) assert.match(templates, new RegExp(`^${name.replace('.', '\\.')} `, 'm'));
});

test('npx aem-ioevents init in the project points the editor to the installed schema', () => {
  const result = JSON.parse(run('npx', ['--offline', '--no-install', 'aem-ioevents', 'init', '--template', 'ims-6.5', '--out', 'starter.yaml', '--json'], project).stdout) as { schema: { reference: string; installed: boolean } };
  assert.equal(result.schema, { reference: './node_modules/aem-ioevents/schema/aem-ioevents.schema.json', installed: true });
  const starter = readFileSync(join(project, 'starter.yaml'), 'utf8');
  assert.is(starter.split('\n')[0], '# yaml-language-server: $schema=./node_modules/aem-ioevents/schema/aem-ioevents.schema.json');
  assert.is(readFileSync(join(project, result.schema.reference), 'utf8'), readFileSync(join(root, 'schema/aem-ioevents.schema.json'), 'utf8'));
});

test('in an empty folder of the project: init → keygen → build → inspect --strict, all through the installed bin', () => {
  // Issue 12, "done when": the first ten minutes, from the package as npm installs it.
  const walk = join(project, 'walk');
  mkdirSync(walk);
  const aem = (args: readonly string[], env: Record<string, string> = {}) => run('npx', ['--offline', '--no-install', 'aem-ioevents', ...args], walk, env);
  const project_json = join(root, 'fixtures/console/project.json');
  assert.match(aem(['init', '--template', 'ims-6.5', '--project', project_json]).stdout, /^wrote aem-ioevents\.yaml \(template ims-6\.5, OAuth Server-to-Server\)/);
  assert.match(aem(['keygen'], { IOEVENTS_KEYSTORE_PASSWORD: 'throwaway-Keystore-1' }).stdout, /^Wrote the key, the certificate and the keystore:/);
  assert.match(aem(['build', '--template', 'ims-6.5'], { IOEVENTS_CLIENT_SECRET: 'p8e-THROWAWAY-client-secret-0123456789' }).stdout, /^wrote dist\/eventproxy-config-1\.0\.0\.zip /);
  const inspected = aem(['inspect', '--strict', '--config', 'aem-ioevents.yaml', 'dist/eventproxy-config-1.0.0.zip'], { IOEVENTS_CLIENT_SECRET: 'p8e-THROWAWAY-client-secret-0123456789' });
  assert.match(inspected.stdout, /\nFindings {4}0 errors, 0 warnings, 0 infos\n/);
});

test.run();
