import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_ENV, writeExampleProject } from './build/example-project.ts';
import { runBin, runInProcess, type CliRun } from './helpers/cli.ts';
import { ADDON_CLOUD_SERVICE_WARNING } from './helpers/setup-warnings.ts';
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

secretsSuite('a secret pasted into apiKey: verify --offline shows *** beside its diagnosis', async ({ dir }) => {
  const run = await runEdited(dir, apiKeyIsSecret, ['verify', '--offline']);
  assert.is(run.code, 1);
  assert.ok(run.stdout.includes("  warn  The client ID '***' is not the usual 32 lower-case hex digits of an Adobe API key; compare it with the credential's client ID.\n"), run.stdout);
  assert.ok(run.stdout.includes("  fail  The client secret equals the client ID: put the credential's client secret in IOEVENTS_CLIENT_SECRET.\n"));
  assert.ok(run.stdout.includes('  pass  The private key signs an RS256 JWT for https://ims-na1.adobelogin.com/c/***, valid until 2026-11-23T12:05:00.000Z.\n'));
  // The example configures the add-on (a workspace section): verify says what build says of it.
  assert.is(run.stderr, `warning: ${ADDON_CLOUD_SERVICE_WARNING}\n`);
  assertNowhere(run, SECRET);
});

secretsSuite('a secret pasted into apiKey: verify --offline --json holds *** in its values and stays valid JSON', async ({ dir }) => {
  const run = await runEdited(dir, apiKeyIsSecret, ['verify', '--offline', '--json'], QUOTED_SECRET);
  assert.is(run.code, 1);
  const json = JSON.parse(run.stdout) as { checks: { id: string; message: string }[] };
  // The check quotes the value as JSON (JSON.stringify): that form is blanked out too.
  const clientId = json.checks.find((check) => check.id === 'client-id');
  assert.is(clientId?.message, 'The client ID "***" holds characters an API key never has (spaces, quotes, line breaks): copy it again from the credential.');
  assertNowhere(run, QUOTED_SECRET);
});

secretsSuite('a secret as keystore.file: the error names the field, not the value', async ({ dir }) => {
  const run = await runEdited(dir, keystoreFileIsSecret, ['verify', '--offline']);
  assert.is(run.code, 2);
  assert.is(run.stderr, 'error: cannot read keystore.file ***: no such file; make one with aem-ioevents keygen\n');
  assert.is(run.stdout, '');
});

secretsSuite('a secret with " and \\ as keystore.file: --json is valid JSON without the secret', async ({ dir }) => {
  const run = await runEdited(dir, keystoreFileIsSecret, ['build', '--json'], QUOTED_SECRET);
  assert.is(run.code, 2);
  assert.equal(JSON.parse(run.stdout), { ok: false, error: { code: 'E_KEYSTORE', message: 'cannot read keystore.file ***: no such file; make one with aem-ioevents keygen' } });
  assert.is(run.stderr, 'error: cannot read keystore.file ***: no such file; make one with aem-ioevents keygen\n');
  assertNowhere(run, QUOTED_SECRET);
});

secretsSuite('a secret written in the file is hidden wherever else it is pasted, as the variables are', async ({ dir }) => {
  const literal = 'Lit3ral-DISTINCT-secret-42';
  const run = await runEdited(dir, (text) => apiKeyIsSecret(text).replace('${IOEVENTS_CLIENT_SECRET}', literal).replace('clientSecret: ${IOEVENTS_CLIENT_SECRET}', `clientSecret: ${literal}`), ['verify', '--offline']);
  assert.is(run.code, 1);
  assert.ok(run.stdout.includes("  warn  The client ID '***' is not the usual"), run.stdout);
  assert.is(
    run.stderr,
    `warning: cloudService.clientSecret is written in the configuration file; keep secrets out of files: write clientSecret: \${IOEVENTS_CLIENT_SECRET} and set that variable\nwarning: ${ADDON_CLOUD_SERVICE_WARNING}\n`,
  );
  assertNowhere(run, literal);
});

secretsSuite('a secret of 3 characters is hidden where it stands alone, and warned about', async ({ dir }) => {
  const run = await runEdited(dir, keystoreFileIsSecret, ['verify', '--offline'], 'a.b');
  assert.is(run.code, 2);
  assert.is(
    run.stderr,
    'warning: IOEVENTS_CLIENT_SECRET is shorter than 4 characters: too weak for a secret, and the output can only hide it where it stands alone; use a longer one\n' +
      'error: cannot read keystore.file ***: no such file; make one with aem-ioevents keygen\n',
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
      "  - nodes[0].path: {{cloudService.clientSecret}} is a secret and cannot be part of a repository path, which the package's entry names, its filter and the build report show; use it in a property value\n",
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
