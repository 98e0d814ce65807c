import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_ENV, writeExampleProject } from './build/example-project.ts';
import { runBin, runInProcess, type CliRun } from './helpers/cli.ts';
import { makeTempDir, removeTempDir } from './helpers/temp.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const runCliSuite = suite('runCli');

runCliSuite('--version prints the package version and exits 0', async () => {
  const run = await runInProcess(['--version']);
  assert.is(run.code, 0);
  assert.is(run.stdout, `${version}\n`);
  assert.is(run.stderr, '');
});

runCliSuite('--help lists the usage and exits 0', async () => {
  const run = await runInProcess(['--help']);
  assert.is(run.code, 0);
  assert.match(run.stdout, /^aem-ioevents <command> \[options\]/);
  assert.match(run.stdout, /--version/);
});

runCliSuite('--help gives every command one line: no description is cut inside a word', async () => {
  const { commands } = await import('../src/commands/index.ts');
  const run = await runInProcess(['--help']);
  const lines = run.stdout.split('\n');
  const listed = lines.slice(lines.indexOf('Commands:') + 1, lines.indexOf('') === -1 ? undefined : lines.indexOf('', lines.indexOf('Commands:')));
  assert.is(listed.length, commands.length, listed.join('\n'));
  for (const line of listed) assert.match(line, /^ {2}aem-ioevents \S/);
});

runCliSuite('an unknown flag is bad input: exit 2 with a message naming it', async () => {
  const run = await runInProcess(['--frobnicate']);
  assert.is(run.code, 2);
  assert.match(run.stderr, /^error: /);
  assert.is(run.stdout, '');
});

runCliSuite.run();

// ---

const binSuite = suite('dist/cli.cjs');

binSuite('the bundled bin answers --version in a child process', () => {
  const run = runBin(['--version']);
  assert.is(run.code, 0);
  assert.is(run.stdout, `${version}\n`);
});

binSuite.run();

// ---

// Issue 11, points 5 and 6: what a run prints, through the one output path.
const secretsSuite = suite('runCli: no secret in any output', { dir: '' });

/** A distinctive client secret; with `"` and `\` where JSON escaping matters. */
const SECRET = 'Zq9-DISTINCT-client-secret-777';
const QUOTED_SECRET = 'q"uo\\te-DISTINCT-secret-9';

secretsSuite.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});

secretsSuite.after.each((context) => removeTempDir(context.dir));

// Runs with the example project's configuration changed by `edit`.
async function runEdited(dir: string, edit: (text: string) => string, args: string[], secret = SECRET): Promise<CliRun> {
  const file = join(dir, 'aem-ioevents.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return runInProcess(args, { cwd: dir, env: { ...EXAMPLE_ENV, IOEVENTS_CLIENT_SECRET: secret } });
}

function assertNowhere(run: CliRun, secret: string): void {
  for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
    assert.not.ok(run.stdout.includes(form), `stdout holds ${form}`);
    assert.not.ok(run.stderr.includes(form), `stderr holds ${form}`);
  }
}

const apiKeyIsSecret = (text: string) => text.replace(/apiKey: .*/, 'apiKey: ${IOEVENTS_CLIENT_SECRET}');
const keystoreFileIsSecret = (text: string) => text.replace('file: keys/keystore.p12', 'file: ${IOEVENTS_CLIENT_SECRET}');

const MISPLACED = 'holds the secret of cloudService.clientSecret (not shown); this field is shown, packaged and sent as it is: put the value it asks for here, and a secret only in cloudService.clientSecret, keystore.password, ims.passphrase (from their variables)';
const misplacedError = (dir: string, field: string): string => `Invalid configuration file ${join(dir, 'aem-ioevents.yaml')} (1 problem):\n  - ${field}: ${MISPLACED}`;

// A secret in another field would be sent as that field (the client ID to IMS, the path to the file
// system) and written into the package, where no redaction of the output reaches: refused.
secretsSuite('a secret pasted into apiKey: verify --offline is exit 2 naming the field, before anything is checked or sent', async ({ dir }) => {
  const run = await runEdited(dir, apiKeyIsSecret, ['verify', '--offline']);
  assert.is(run.code, 2);
  assert.is(run.stderr, `error: ${misplacedError(dir, 'cloudService.apiKey at line 15, column 3')}\n`);
  assert.is(run.stdout, '');
  assertNowhere(run, SECRET);
});

secretsSuite('a secret written in the file and pasted into apiKey too: build is exit 2, nothing written', async ({ dir }) => {
  const literal = 'Lit3ral-DISTINCT-secret-42';
  const run = await runEdited(dir, (text) => apiKeyIsSecret(text).replace('${IOEVENTS_CLIENT_SECRET}', literal).replace('clientSecret: ${IOEVENTS_CLIENT_SECRET}', `clientSecret: ${literal}`), ['build']);
  assert.is(run.code, 2);
  assert.is(run.stderr, `error: ${misplacedError(dir, 'cloudService.apiKey at line 15, column 3')}\n`);
  assert.not.ok(existsSync(join(dir, 'dist')), 'nothing written');
  assertNowhere(run, literal);
});

secretsSuite('a secret with " and \\ as keystore.file: --json is valid JSON naming the field, without the secret', async ({ dir }) => {
  const run = await runEdited(dir, keystoreFileIsSecret, ['build', '--json'], QUOTED_SECRET);
  assert.is(run.code, 2);
  const message = misplacedError(dir, 'keystore.file at line 20, column 3');
  assert.equal(JSON.parse(run.stdout), { ok: false, error: { code: 'E_CONFIG_FIELD', message } });
  assert.is(run.stderr, `error: ${message}\n`);
  assertNowhere(run, QUOTED_SECRET);
});

secretsSuite('a secret of 3 characters is hidden where it stands alone, and warned about', async ({ dir }) => {
  // Shorter than 8 characters: refused as a whole value only, so this path that ends in it is read.
  const run = await runEdited(dir, (text) => text.replace('file: keys/keystore.p12', 'file: keys/${IOEVENTS_CLIENT_SECRET}'), ['verify', '--offline'], 'a.b');
  assert.is(run.code, 2);
  assert.is(
    run.stderr,
    'warning: IOEVENTS_CLIENT_SECRET is shorter than 4 characters: too weak for a secret, and the output can only hide it where it stands alone; use a longer one\n' +
      'error: cannot read keystore.file keys/***: no such file; make one with aem-ioevents keygen\n',
  );
});

secretsSuite('a template that puts the client secret into a node path: exit 2 naming the file and the key', async ({ dir }) => {
  const template = readFileSync(new URL('../templates/cloudservice-6.3/template.yaml', import.meta.url), 'utf8');
  mkdirSync(join(dir, 'tpl'));
  writeFileSync(join(dir, 'tpl', 'template.yaml'), template.replace('  - path: /etc/cloudservices/eventproxy/{{cloudService.name}}', '  - path: /etc/cloudservices/eventproxy/{{cloudService.clientSecret}}'));
  const run = await runEdited(dir, (text) => text, ['build', '--template', './tpl']);
  assert.is(run.code, 2);
  assert.is(
    run.stderr,
    `error: template ${join(dir, 'tpl', 'template.yaml')} is not valid:\n` +
      "  - nodes[0].path at line 64, column 5: {{cloudService.clientSecret}} is a secret and cannot be part of a repository path, which the package's entry names, its filter and the build report show; use it in a property value\n",
  );
  assert.is(run.stdout, '');
  assert.not.ok(existsSync(join(dir, 'dist')), 'nothing written');
});

for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
  secretsSuite(`\${${name}} in the configuration is a variable that is not set: exit 2, nothing written`, async ({ dir }) => {
    const run = await runEdited(dir, (text) => text.replace('title: Adobe I/O Events\n', `title: \${${name}}\n`), ['build']);
    assert.is(run.code, 2);
    assert.is(
      run.stderr,
      `error: Invalid configuration file ${join(dir, 'aem-ioevents.yaml')} (1 problem):\n` +
        `  - cloudService.title at line 13, column 3: the environment variable ${name} is not set; set it for this command (in CI, from the pipeline's secrets or variables)\n`,
    );
    assert.not.ok(existsSync(join(dir, 'dist')), 'nothing written');
  });
}

secretsSuite.run();
