import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBin, runBinAsNobody, runInProcess, type CliRun } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { EXAMPLE_ENV, exampleKeystore } from '../build/example-project.ts';
import { fillInExampleValues, PROJECT_FILE, PROJECT_SECRETS, readGolden, STARTER_CASES } from '../init/starter-cases.ts';

const ZIP = join('dist', 'eventproxy-config-1.0.0.zip');
const FILE = 'aem-ioevents.yaml';

const init = suite('aem-ioevents init', { dir: '' });

init.before.each((context) => {
  context.dir = makeTempDir();
});
init.after.each((context) => removeTempDir(context.dir));

const run = (dir: string, args: string[], env: Record<string, string> = {}) => runInProcess(args, { cwd: dir, env });
const read = (dir: string, name = FILE) => readFileSync(join(dir, name), 'utf8');

async function writeKeystore(dir: string): Promise<void> {
  mkdirSync(join(dir, 'keys'));
  writeFileSync(join(dir, 'keys', 'keystore.p12'), await exampleKeystore());
}

function assertNoProjectSecret(text: string): void {
  for (const secret of PROJECT_SECRETS) assert.not.ok(text.includes(secret), `a project secret in ${text.slice(0, 60)}…`);
}

for (const { template, flow, golden } of STARTER_CASES) {
  init(`${template} with ${flow}: writes the golden starter; with the example's values filled in, build and inspect pass`, async ({ dir }) => {
    const written = await run(dir, ['init', '--template', template, '--flow', flow]);
    assert.is(written.code, 0, written.stderr);
    assert.fixture(read(dir), readGolden(golden));
    writeFileSync(join(dir, FILE), fillInExampleValues(read(dir)));
    await writeKeystore(dir);
    const built = await run(dir, ['build', ...(template === 'cloudservice-6.3' ? [] : ['--template', template]), '--json'], EXAMPLE_ENV);
    assert.is(built.code, 0, built.stderr);
    assert.is((JSON.parse(built.stdout) as { validation: { errors: number } }).validation.errors, 0);
    // The acceptance of issue 12: the starter's validation: section makes --strict pass.
    const inspected = await run(dir, ['inspect', '--strict', '--config', FILE, ZIP], EXAMPLE_ENV);
    assert.is(inspected.code, 0, inspected.stdout + inspected.stderr);
  });
}

init('the text report says what to fill in, which variables to set, where the schema is and what to run next', async ({ dir }) => {
  const result = await run(dir, ['init', '--template', 'aio-aem-events']);
  assert.is(result.code, 0);
  assert.is(
    result.stdout,
    [
      'wrote aem-ioevents.yaml (template aio-aem-events, OAuth Server-to-Server)',
      '  fill in       cloudService.apiKey',
      '                cloudService.technicalAccountId',
      '                cloudService.organizationId',
      '                ims.scopes',
      '                workspace.consumerOrgId',
      '                workspace.projectId',
      '                workspace.workspaceId',
      '                workspace.credentialId',
      '  set           IOEVENTS_CLIENT_SECRET',
      '  schema        ./node_modules/aem-ioevents/schema/aem-ioevents.schema.json',
      '  next          aem-ioevents build --template aio-aem-events',
      '                aem-ioevents inspect --strict --config aem-ioevents.yaml dist/eventproxy-config-1.0.0.zip',
      '',
    ].join('\n'),
  );
  assert.is(
    result.stderr,
    'warning: editors find the schema at ./node_modules/aem-ioevents/schema/aem-ioevents.schema.json once aem-ioevents is installed there: npm install --save-dev aem-ioevents (which also pins its version for CI)\n',
  );
});

init('build refuses the starter while a <fill in> is left, naming each key (exit 2)', async ({ dir }) => {
  await run(dir, ['init', '--template', 'ims-6.5']);
  const built = await run(dir, ['build', '--template', 'ims-6.5'], EXAMPLE_ENV);
  assert.is(built.code, 2);
  assert.is(
    built.stderr,
    [
      `error: Invalid configuration file ${join(dir, FILE)} (4 problems):`,
      '  - cloudService.apiKey at line 29, column 3: still <fill in> (written by aem-ioevents init); give the API key (client ID) from the Adobe Developer Console',
      '  - cloudService.technicalAccountId at line 31, column 3: still <fill in> (written by aem-ioevents init); give the Technical Account ID, like 0123456789ABCDEF01234567@techacct.adobe.com',
      '  - cloudService.organizationId at line 33, column 3: still <fill in> (written by aem-ioevents init); give the Organization ID, like 0123456789ABCDEF01234567@AdobeOrg',
      '  - ims.scopes[0] at line 46, column 12: still <fill in> (written by aem-ioevents init); give its value',
      '',
    ].join('\n'),
  );
});

for (const [template, flow] of [['ims-6.5', 'oauth'], ['aio-aem-events', 'oauth'], ['aio-aem-events', 'jwt'], ['cloudservice-6.3', 'jwt']] as const) {
  init(`--project with ${template} ${flow}: the ids come from the project JSON, none of its secrets; build and inspect pass with the env secrets`, async ({ dir }) => {
    const written = await run(dir, ['init', '--template', template, '--flow', flow, '--project', PROJECT_FILE, '--json']);
    assert.is(written.code, 0, written.stderr);
    const result = JSON.parse(written.stdout) as { placeholders: string[]; fromProject: string[] };
    assert.equal(result.placeholders, []);
    assert.ok(result.fromProject.includes('cloudService.apiKey'));
    for (const text of [read(dir), written.stdout, written.stderr]) assertNoProjectSecret(text);
    await writeKeystore(dir);
    const built = await run(dir, ['build', ...(template === 'cloudservice-6.3' ? [] : ['--template', template])], EXAMPLE_ENV);
    assert.is(built.code, 0, built.stderr);
    assert.is((await run(dir, ['inspect', '--strict', '--config', FILE, ZIP], EXAMPLE_ENV)).code, 0);
  });
}

init('an existing file is never replaced without --force: exit 2 naming it, file unchanged; --force replaces it', async ({ dir }) => {
  writeFileSync(join(dir, FILE), 'cloudService: {}\n');
  const refused: CliRun = await run(dir, ['init']);
  assert.is(refused.code, 2);
  assert.is(refused.stderr.split('\n').at(-2), 'error: aem-ioevents.yaml exists with other content; pass --force to replace it');
  assert.is(read(dir), 'cloudService: {}\n');
  const json = await run(dir, ['init', '--json']);
  assert.is(json.code, 2);
  assert.equal(JSON.parse(json.stdout), { ok: false, error: { code: 'E_EXISTS', message: 'aem-ioevents.yaml exists with other content; pass --force to replace it' } });
  const forced = await run(dir, ['init', '--force']);
  assert.is(forced.code, 0);
  assert.ok(forced.stdout.startsWith('replaced aem-ioevents.yaml (template cloudservice-6.3, JWT (Service Account))\n'));
  assert.is(read(dir), readGolden('cloudservice-6.3-jwt.yaml'));
});

init('bad input is exit 2 naming the flag and the value, and writes nothing', async ({ dir }) => {
  const cases: [string[], string][] = [
    [['--out', 'config.json'], 'error: --out config.json: init writes YAML; name the file .yaml or .yml'],
    [['--template', 'cloudservice-6.3', '--flow', 'oauth'], 'error: --flow oauth: template cloudservice-6.3 has no OAuth Server-to-Server variant, only JWT (Service Account); choose a template that has it (aem-ioevents templates lists them; ims-6.5 and aio-aem-events have both)'],
    [['--template', 'ims-7'], "error: unknown template 'ims-7'; the built-in templates are aio-aem-events, cloudservice-6.3, ims-6.5, or give a folder with --template ./DIR"],
    [['--project', 'missing.json'], 'error: --project missing.json: no such file; download the project JSON from the Adobe Developer Console (workspace, Download all)'],
    [['--project', 'not-json.yaml'], 'error: --project not-json.yaml is not valid JSON; give the project file the Adobe Developer Console downloads, unchanged'],
    [['--out'], 'error: --out needs a file name, e.g. --out aem-ioevents.yaml'],
    [['--project'], 'error: --project needs the project JSON the Adobe Developer Console downloads, e.g. --project project.json'],
  ];
  writeFileSync(join(dir, 'not-json.yaml'), `client_secret: ${PROJECT_SECRETS[0]}\n`);
  for (const [args, message] of cases) {
    const result = await run(dir, ['init', ...args]);
    assert.is(result.code, 2, args.join(' '));
    assert.is(result.stderr.trimEnd().split('\n').at(-1), message);
  }
  const project = JSON.parse(readFileSync(PROJECT_FILE, 'utf8')) as { project: { workspace: { details: { credentials: unknown[] } } } };
  project.project.workspace.details.credentials.splice(0, 1);
  writeFileSync(join(dir, 'jwt-only.json'), JSON.stringify(project));
  const noOauth = await run(dir, ['init', '--template', 'ims-6.5', '--project', 'jwt-only.json']);
  assert.is(noOauth.code, 2);
  assert.is(
    noOauth.stderr.trimEnd().split('\n').at(-1),
    'error: --project jwt-only.json has no OAuth Server-to-Server credential (the default flow of template ims-6.5); its credentials: 179145 (JWT (Service Account), client ID 0123456789abcdef0123456789abcdef); add one in the Adobe Developer Console, or give --flow jwt',
  );
  assert.throws(() => read(dir));
  assert.not.ok(noOauth.stderr.includes(PROJECT_SECRETS[1]!));
});

// The fixture project with its credentials changed by `change`, written to `name` in `dir`.
function writeProject(dir: string, name: string, change: (credentials: Record<string, any>[]) => void): void {
  const project = JSON.parse(readFileSync(PROJECT_FILE, 'utf8')) as { project: { workspace: { details: { credentials: Record<string, any>[] } } } };
  change(project.project.workspace.details.credentials);
  writeFileSync(join(dir, name), JSON.stringify(project));
}

init('two credentials of the flow are never a silent guess: exit 2 listing both, --credential ID chooses (and sets the flow)', async ({ dir }) => {
  writeProject(dir, 'two.json', (credentials) => {
    const second = JSON.parse(JSON.stringify(credentials[0])) as Record<string, any>;
    second['id'] = '179999';
    second['oauth_server_to_server'].client_id = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    credentials.unshift(second);
  });
  const ambiguous = await run(dir, ['init', '--template', 'aio-aem-events', '--project', 'two.json']);
  assert.is(ambiguous.code, 2);
  assert.is(
    ambiguous.stderr.trimEnd().split('\n').at(-1),
    'error: --project two.json has 2 OAuth Server-to-Server credentials: 179999 (OAuth Server-to-Server, client ID aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa), 179144 (OAuth Server-to-Server, client ID fedcba9876543210fedcba9876543210); choose one with --credential ID',
  );
  assert.equal(readdirSync(dir), ['two.json']);
  assertNoProjectSecret(ambiguous.stdout + ambiguous.stderr);

  const chosen = await run(dir, ['init', '--template', 'aio-aem-events', '--project', 'two.json', '--credential', '179144', '--json']);
  assert.is(chosen.code, 0, chosen.stderr);
  assert.match(read(dir), /^ {2}apiKey: fedcba9876543210fedcba9876543210$/m);
  assert.match(read(dir), /^ {2}credentialId: '179144'$/m);
  assertNoProjectSecret(read(dir) + chosen.stdout + chosen.stderr);

  // --credential without --flow takes the credential's flow; with a --flow it does not have, exit 2.
  const jwt = await run(dir, ['init', '--template', 'aio-aem-events', '--project', 'two.json', '--credential', '179145', '--out', 'jwt.yaml', '--json']);
  assert.is(jwt.code, 0, jwt.stderr);
  assert.is((JSON.parse(jwt.stdout) as { flow: string }).flow, 'jwt');
  assert.match(read(dir, 'jwt.yaml'), /^ {2}apiKey: 0123456789abcdef0123456789abcdef$/m);

  const cases: [string[], string][] = [
    [['--credential', '179145', '--flow', 'oauth'], 'error: --credential 179145: credential 179145 in --project two.json is JWT (Service Account), not what --flow oauth needs (OAuth Server-to-Server)'],
    [['--credential', '1'], 'error: --credential 1: --project two.json has no credential with that id; its credentials: 179999 (OAuth Server-to-Server, client ID aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa), 179144 (OAuth Server-to-Server, client ID fedcba9876543210fedcba9876543210), 179145 (JWT (Service Account), client ID 0123456789abcdef0123456789abcdef)'],
  ];
  for (const [args, message] of cases) {
    const result = await run(dir, ['init', '--template', 'aio-aem-events', '--project', 'two.json', '--out', 'x.yaml', ...args]);
    assert.is(result.code, 2, args.join(' '));
    assert.is(result.stderr.trimEnd().split('\n').at(-1), message);
  }
  const noProject = await run(dir, ['init', '--credential', '179144', '--out', 'x.yaml']);
  assert.is(noProject.code, 2);
  assert.is(noProject.stderr.trimEnd().split('\n').at(-1), "error: --credential 179144 needs --project: it chooses one of the project's credentials");
  assert.not.ok(existsSync(join(dir, 'x.yaml')));
});

init('a template with one flow and a project without it: the remedy is another template, not --flow', async ({ dir }) => {
  writeProject(dir, 'oauth-only.json', (credentials) => credentials.splice(1, 1));
  const result = await run(dir, ['init', '--project', 'oauth-only.json']);
  assert.is(result.code, 2);
  assert.is(
    result.stderr.trimEnd().split('\n').at(-1),
    "error: --project oauth-only.json has no JWT (Service Account) credential (the default flow of template cloudservice-6.3); its credentials: 179144 (OAuth Server-to-Server, client ID fedcba9876543210fedcba9876543210); add one in the Adobe Developer Console, or use a template that has the credential's flow; template cloudservice-6.3 has JWT (Service Account) only (aem-ioevents templates lists them)",
  );
});

init("--out in a folder that cannot be made is exit 2 in build's and keygen's words, and writes nothing", async ({ dir }) => {
  writeFileSync(join(dir, 'taken'), 'a file, not a folder\n');
  const cases: [string, string][] = [
    ['taken/aem-ioevents.yaml', `error: the output folder '${join(dir, 'taken')}' cannot be created (EEXIST)`],
    ['taken/config/aem-ioevents.yaml', `error: the output folder '${join(dir, 'taken', 'config')}' cannot be created (ENOTDIR)`],
  ];
  for (const [out, message] of cases) {
    const result = await run(dir, ['init', '--out', out]);
    assert.is(result.code, 2, out);
    assert.is(result.stderr.trimEnd().split('\n').at(-1), message);
  }
  assert.equal(readdirSync(dir), ['taken']);
});

init('--out under /proc (where mkdir -p answers ENOENT) is exit 2, not an endless loop', ({ dir }) => {
  if (!existsSync('/proc/self')) return; // Linux only
  const result = runBin(['init', '--out', '/proc/aem-ioevents-init/aem-ioevents.yaml'], { cwd: dir });
  assert.is(result.code, 2);
  assert.is(result.stderr.trimEnd().split('\n').at(-1), "error: the output folder '/proc/aem-ioevents-init' cannot be created (ENOENT)");
});

init('a folder the user may not write in is exit 2 naming the folder, not the temporary file (as root: checked as user nobody)', async ({ dir }) => {
  mkdirSync(join(dir, 'locked'), { mode: 0o555 });
  const expected = `error: cannot write locked/aem-ioevents.yaml: the folder '${join(dir, 'locked')}' is not writable (EACCES)`;
  const result = process.getuid?.() === 0 ? runBinAsNobody(dir, ['init', '--out', 'locked/aem-ioevents.yaml']) : await run(dir, ['init', '--out', 'locked/aem-ioevents.yaml']);
  assert.is(result.code, 2);
  assert.is(result.stderr.trimEnd().split('\n').at(-1), expected);
  assert.equal(readdirSync(join(dir, 'locked')), []);
});

init('--out writes elsewhere; the schema reference and build --config follow it', async ({ dir }) => {
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'package.json'), '{}');
  const result = await run(dir, ['init', '--template', 'ims-6.5', '--out', 'config/ioevents.yml', '--json']);
  assert.is(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as { schema: unknown; next: string[]; displayPath: string };
  assert.is(json.displayPath, 'config/ioevents.yml');
  assert.equal(json.schema, { reference: '../node_modules/aem-ioevents/schema/aem-ioevents.schema.json', installed: false });
  assert.equal(json.next, ['aem-ioevents build --config config/ioevents.yml --template ims-6.5', 'aem-ioevents inspect --strict --config config/ioevents.yml dist/eventproxy-config-1.0.0.zip']);
  assert.is(read(dir, 'config/ioevents.yml').split('\n')[0], '# yaml-language-server: $schema=../node_modules/aem-ioevents/schema/aem-ioevents.schema.json');
});

init.run();
