// Issue 11, point 4: hostile or unlucky input to `build` is bad input (exit 2) with a message
// naming the key and the file: never "internal error", never a hang. The cases that hung run the
// bundled bin in a child process (runBin: 60 s timeout, npm test builds dist/ first).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBin, runBinAsNobody, runInProcess } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { EXAMPLE_ENV, writeExampleProject } from '../build/example-project.ts';

const hostile = suite('build: hostile configuration input and output folders', { dir: '' });

hostile.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});

hostile.after.each((context) => removeTempDir(context.dir));

const build = (dir: string, args: string[]) => runInProcess(['build', ...args], { cwd: dir, env: EXAMPLE_ENV });
const buildInChild = (dir: string, args: string[]) => runBin(['build', ...args], { cwd: dir, env: EXAMPLE_ENV });

/** The example configuration with `from` replaced by `to`, written as `name`. */
function writeEditedConfig(dir: string, name: string, from: string | RegExp, to: string): void {
  const example = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8');
  const edited = example.replace(from, to);
  assert.ok(edited !== example, `the example has no ${String(from)}`);
  writeFileSync(join(dir, name), edited);
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

hostile('a YAML alias inside the value it names (extra: &r [*r]) is exit 2, not a stack overflow', async ({ dir }) => {
  writeFileSync(join(dir, 'alias.yaml'), `${readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8')}extra: &r [*r]\n`);
  const run = await build(dir, ['--config', 'alias.yaml']);
  assert.is(run.code, 2);
  const line = readFileSync(join(dir, 'alias.yaml'), 'utf8').split('\n').length - 1;
  assert.is(run.stderr, `error: Invalid configuration file ${join(dir, 'alias.yaml')} (1 problem):\n  - extra[0] at line ${line}, column 12: YAML: an alias (*name) inside the value it names; the value would contain itself without end\n`);
});

hostile('a 200,000-deep JSON array is exit 2 at the bracket that opens level 65', async ({ dir }) => {
  writeFileSync(join(dir, 'deep.json'), `{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
  const run = await build(dir, ['--config', 'deep.json']);
  assert.is(run.code, 2);
  assert.is(run.stderr, `error: Invalid configuration file ${join(dir, 'deep.json')} (1 problem):\n  - line 1, column 69: JSON: nested deeper than 64 levels of mappings and lists; flatten it\n`);
});

hostile('200,000-deep YAML, and 64 levels reached only through an alias, are exit 2', async ({ dir }) => {
  writeFileSync(join(dir, 'deep.yaml'), `a: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`);
  const deep = await build(dir, ['--config', 'deep.yaml']);
  assert.is(deep.code, 2);
  assert.is(deep.stderr, `error: Invalid configuration file ${join(dir, 'deep.yaml')} (1 problem):\n  - line 1, column 67: YAML: nested deeper than 64 levels of mappings and lists; flatten it\n`);
  // 40 levels, then 40 more around an alias to the first: 80 once expanded.
  writeFileSync(join(dir, 'chain.yaml'), `x: &a ${'['.repeat(40)}1${']'.repeat(40)}\ny: ${'['.repeat(40)}*a${']'.repeat(40)}\n`);
  const chain = await build(dir, ['--config', 'chain.yaml']);
  assert.is(chain.code, 2);
  assert.is(chain.stderr, `error: Invalid configuration file ${join(dir, 'chain.yaml')} (1 problem):\n  - y${'[0]'.repeat(40)} at line 2, column 44: YAML: with this alias (*name), the value is nested deeper than 64 levels of mappings and lists; flatten it\n`);
});

hostile('--config naming /dev/zero, /dev/urandom or a FIFO is exit 2 at once', ({ dir }) => {
  mkfifo(join(dir, 'config.fifo'));
  for (const [config, kind] of [['/dev/zero', 'a character device'], ['/dev/urandom', 'a character device'], ['config.fifo', 'a named pipe (FIFO)']] as const) {
    const run = buildInChild(dir, ['--config', config]);
    assert.is(run.code, 2, config);
    assert.is(run.stderr, `error: --config ${config.startsWith('/') ? config : join(dir, config)} is ${kind}, not a regular file; name a file\n`);
  }
});

hostile('keystore.file, workspace.projectFile and --template naming a device or a FIFO are exit 2 at once', ({ dir }) => {
  mkfifo(join(dir, 'fifo'));
  writeEditedConfig(dir, 'urandom.yaml', 'file: keys/keystore.p12', 'file: /dev/urandom');
  writeEditedConfig(dir, 'fifo.yaml', 'file: keys/keystore.p12', 'file: fifo');
  writeEditedConfig(dir, 'project.yaml', /workspace:[^\n]*\n(  [^\n]*\n)+/, 'workspace:\n  projectFile: fifo\n');
  mkdirSync(join(dir, 'template'));
  mkfifo(join(dir, 'template', 'template.yaml'));
  const cases: Array<[string[], string]> = [
    [['--config', 'urandom.yaml'], 'keystore.file ../../../dev/urandom is a character device, not a regular file; name a file'.replace('../../../', `${'../'.repeat(dir.split('/').length - 1)}`)],
    [['--config', 'fifo.yaml'], 'keystore.file fifo is a named pipe (FIFO), not a regular file; name a file'],
    [['--config', 'project.yaml', '--template', 'aio-aem-events'], `workspace.projectFile ${join(dir, 'fifo')} is a named pipe (FIFO), not a regular file; name a file`],
    [['--template', './template'], `--template ${join(dir, 'template', 'template.yaml')} is a named pipe (FIFO), not a regular file; name a file`],
  ];
  for (const [args, message] of cases) {
    const run = buildInChild(dir, args);
    assert.is(run.code, 2, args.join(' '));
    assert.is(run.stderr, `error: ${message}\n`);
  }
});

hostile('a configuration file of 1 MiB + 1 byte is refused, naming the limit', async ({ dir }) => {
  const example = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8');
  const padded = `${example}${'#'.repeat(1024 * 1024 - Buffer.byteLength(example) - 1)}\n`;
  writeFileSync(join(dir, 'big.yaml'), padded);
  assert.is((await build(dir, ['--config', 'big.yaml'])).code, 0, 'exactly 1 MiB is read');
  writeFileSync(join(dir, 'big.yaml'), `${padded}#`);
  const run = await build(dir, ['--config', 'big.yaml', '--force']);
  assert.is(run.code, 2);
  assert.is(run.stderr, `error: --config ${join(dir, 'big.yaml')} is larger than 1048576 bytes (1 MiB), the limit for this file\n`);
});

hostile('--out "" and a bare --out are refused as keygen refuses them; nothing is written', async ({ dir }) => {
  for (const args of [['--out', ''], ['--out', '  '], ['--out']]) {
    const run = await build(dir, args);
    assert.is(run.code, 2, JSON.stringify(args));
    assert.is(run.stderr, 'error: --out needs a folder, e.g. --out dist\n');
  }
  assert.not.ok(existsSync(join(dir, 'eventproxy-config-1.0.0.zip')));
  assert.not.ok(existsSync(join(dir, 'dist')));
});

hostile('an --out folder that cannot be created is exit 2 in keygen words: a file in the way, under a file, a dangling link', async ({ dir }) => {
  symlinkSync(join(dir, 'nowhere', 'deeper'), join(dir, 'dangling'));
  const cases: Array<[string, string]> = [
    ['aem-ioevents.yaml', 'EEXIST'],
    ['aem-ioevents.yaml/dist', 'ENOTDIR'],
    ['dangling', 'EEXIST'],
  ];
  for (const [out, code] of cases) {
    const run = await build(dir, ['--out', out]);
    assert.is(run.code, 2, out);
    assert.is(run.stderr, `error: the output folder '${join(dir, out)}' cannot be created (${code})\n`);
  }
});

hostile('an --out folder the user may not create is exit 2 (EACCES; as root: checked as user nobody)', async ({ dir }) => {
  mkdirSync(join(dir, 'locked'), { mode: 0o555 });
  const expected = `error: the output folder '${join(dir, 'locked', 'dist')}' cannot be created (EACCES)\n`;
  if (process.getuid?.() !== 0) {
    const run = await build(dir, ['--out', 'locked/dist']);
    assert.is(run.code, 2);
    assert.is(run.stderr, expected);
    return;
  }
  const child = runBinAsNobody(dir, ['build', '--out', 'locked/dist'], EXAMPLE_ENV);
  assert.is(child.stderr, expected);
  assert.is(child.code, 2);
});

hostile('--out under /proc (where mkdir -p answers ENOENT) is exit 2, not an endless loop', ({ dir }) => {
  if (!existsSync('/proc/self')) return; // Linux only
  const run = buildInChild(dir, ['--out', '/proc/aem-ioevents-out']);
  assert.is(run.code, 2);
  assert.is(run.stderr, "error: the output folder '/proc/aem-ioevents-out' cannot be created (ENOENT)\n");
});

// Issue 11, point 9: names and values the package cannot hold are refused at the input.

hostile('a template node name holding U+0000 is exit 2 naming its place and the character, not written as _x0000_', async ({ dir }) => {
  const builtIn = readFileSync(new URL('../../templates/cloudservice-6.3/template.yaml', import.meta.url), 'utf8');
  mkdirSync(join(dir, 'nul'));
  writeFileSync(join(dir, 'nul', 'template.yaml'), builtIn.replace('- name: jcr:content', '- name: "jcr:con\\0tent"'));
  const run = await build(dir, ['--template', './nul']);
  assert.is(run.code, 2);
  assert.is(
    run.stderr,
    `error: template ${join(dir, 'nul', 'template.yaml')} is not valid:\n  - nodes[0].children[0].name at line 70, column 9: "jcr:con\\u0000tent" is not a valid JCR name: the character U+0000 is not allowed: XML 1.0 and JCR names cannot hold it\n`,
  );
  assert.not.ok(existsSync(join(dir, 'dist')));
});

hostile('a 1,000,000-character title is refused at the configuration, naming the key and the limit', async ({ dir }) => {
  writeEditedConfig(dir, 'title.yaml', 'title: Adobe I/O Events\n', `title: ${'t'.repeat(1_000_000)}\n`);
  const run = await build(dir, ['--config', 'title.yaml']);
  assert.is(run.code, 2);
  assert.is(run.stderr, `error: Invalid configuration file ${join(dir, 'title.yaml')} (1 problem):\n  - cloudService.title at line 13, column 3: is 1000000 characters long; a configuration value may have at most 2048\n`);
  assert.not.ok(existsSync(join(dir, 'dist')));
});

hostile.run();
