// The README's examples are run as written (issue 12, point 1): the example configuration builds
// and passes `inspect --strict`; the GitHub Actions and GitLab CI recipes hold the same steps, and
// those steps run through the bundled bin against the IMS and AEM stand-ins (loopback);
// the library example runs and prints what its comments say.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { CLIENT_SECRET, exampleImsBinding } from './build/example-project.ts';
import { startPackmgrStandIn, type PackmgrStandIn } from './deploy/packmgr-stand-in.ts';
import { BIN, runInProcess } from './helpers/cli.ts';
import { makeTempDir, removeTempDir } from './helpers/temp.ts';
import { startImsStandIn, type ImsStandIn } from './ims/ims-stand-in.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const run = promisify(execFile);

/** The fenced block after `<!-- readme-test: NAME -->`. */
export function readmeBlock(name: string, text = README): string {
  const match = new RegExp(`<!-- readme-test: ${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(text);
  if (match === null) throw new Error(`README.md has no block marked readme-test: ${name}`);
  return match[1]!;
}

const readme = suite('README examples', { dir: '' });

readme.before.each((context) => {
  context.dir = makeTempDir();
  writeFileSync(join(context.dir, 'aem-ioevents.yaml'), readmeBlock('example-config'));
});

readme.after.each((context) => removeTempDir(context.dir));

const ENV = { IOEVENTS_CLIENT_SECRET: CLIENT_SECRET, SOURCE_DATE_EPOCH: '1795435200' };

readme('the example configuration builds with ims-6.5 (and --env stage) and passes inspect --strict --config', async ({ dir }) => {
  const built = await runInProcess(['build', '--template', 'ims-6.5'], { cwd: dir, env: ENV });
  assert.is(built.code, 0, built.stderr);
  assert.match(built.stdout, /^wrote dist\/eventproxy-config-1\.0\.0\.zip /);
  assert.ok(built.stdout.includes("  checked  0 errors, 0 warnings by FileVault's validator rules"), built.stdout);
  const inspected = await runInProcess(['inspect', '--strict', '--config', 'aem-ioevents.yaml', 'dist/eventproxy-config-1.0.0.zip'], { cwd: dir, env: ENV });
  assert.is(inspected.code, 0, inspected.stdout + inspected.stderr);
  assert.match(inspected.stdout, /^Package {5}my-company:eventproxy-config:1\.0\.0 /);
  const stage = await runInProcess(['build', '--template', 'ims-6.5', '--env', 'stage', '--out', 'stage'], { cwd: dir, env: ENV });
  assert.is(stage.code, 0, stage.stderr);
  assert.ok(stage.stdout.includes('com.adobe.granite.auth.oauth.accesstoken.provider~ioevents-stage'), stage.stdout);
});

/** The shell steps of the two recipes. */
function recipeSteps(): { github: string[]; gitlab: string[] } {
  const github = parse(readmeBlock('github-actions')) as { jobs: { deploy: { steps: { run?: string }[] } } };
  const gitlab = parse(readmeBlock('gitlab-ci')) as { 'aem-ioevents': { script: string[] } };
  return { github: github.jobs.deploy.steps.flatMap((step) => (step.run === undefined ? [] : [step.run])), gitlab: gitlab['aem-ioevents'].script };
}

readme('the GitHub Actions and GitLab CI recipes run the same steps', () => {
  const { github, gitlab } = recipeSteps();
  assert.equal(github, gitlab);
  assert.equal(github.filter((step) => !step.startsWith('npx aem-ioevents ')), ['npm ci']);
});

readme("the recipes' aem-ioevents steps pass, in order, against IMS and Package Manager stand-ins", async ({ dir }) => {
  await withRecipeStandIns(async (ims, packmgr, env) => {
    const steps = recipeSteps().github.filter((step) => step.startsWith('npx aem-ioevents '));
    assert.is(steps.length, 5);
    for (const step of steps) await runRecipeStep(step, dir, env, step);
    assert.is(packmgr.installs(), 1);
    assert.ok(packmgr.repository.has('/apps/my-company/config/com.adobe.granite.auth.oauth.accesstoken.provider~ioevents'));
    assert.ok(ims.requests.some((request) => request.fields.client_secret === CLIENT_SECRET));
  });
});

// The IMS and AEM stand-ins a recipe runs against, and the CI variables that name them. The
// connector on the instance answers its health checks: the recipes end with check.
async function withRecipeStandIns(use: (ims: ImsStandIn, packmgr: PackmgrStandIn, env: Record<string, string | undefined>) => Promise<void>): Promise<void> {
  const ims = await startImsStandIn({ bindings: [await exampleImsBinding()] });
  const packmgr = await startPackmgrStandIn({ user: 'ci-deployer', password: 'a-throwaway-aem-password' });
  try {
    packmgr.checks.installConnector();
    await use(ims, packmgr, { PATH: process.env.PATH, ...ENV, IOEVENTS_IMS_URL: ims.url, AEM_URL: packmgr.url, AEM_USER: 'ci-deployer', AEM_PASSWORD: 'a-throwaway-aem-password' });
  } finally {
    await ims.close();
    await packmgr.close();
  }
}

// `npx aem-ioevents` is this repository's bin; the rest of the line runs in bash as CI runs it.
async function runRecipeStep(step: string, dir: string, env: Record<string, string | undefined>, label: string): Promise<void> {
  const line = step.replace(/^npx aem-ioevents /, `"${process.execPath}" "${BIN}" `);
  const result = await run('bash', ['-c', line], { cwd: dir, env, timeout: 60_000 }).catch((error: { code: number; stdout: string; stderr: string }) => error);
  assert.is('code' in result ? result.code : 0, 0, `${label}\n${result.stdout}${result.stderr}`);
}

readme("the up recipe's step passes against the stand-ins, and run again sends no POST to AEM", async ({ dir }) => {
  await withRecipeStandIns(async (_ims, packmgr, env) => {
    const recipe = parse(readmeBlock('ci-up')) as { 'aem-ioevents': { script: string[] } };
    const steps = recipe['aem-ioevents'].script.filter((step) => step.startsWith('npx aem-ioevents '));
    assert.equal(steps, ['npx aem-ioevents up --template ims-6.5 --target "$AEM_URL"']);
    for (const round of [1, 2]) await runRecipeStep(steps[0]!, dir, env, `round ${round}`);
    assert.is(packmgr.requests.filter((request) => request.method === 'POST').length, 1);
  });
});

readme('the quick start runs as written: init from a project JSON, verify, build, inspect --strict, deploy', async ({ dir }) => {
  const project = readFileSync(join(ROOT, 'fixtures/console/project.json'), 'utf8');
  writeFileSync(join(dir, 'project.json'), project);
  rmSync(join(dir, 'aem-ioevents.yaml'));
  const oauth = (JSON.parse(project) as { project: { workspace: { details: { credentials: { oauth_server_to_server?: { client_id: string; technical_account_id: string; scopes: string[] } }[] } } } }).project.workspace.details.credentials
    .map((credential) => credential.oauth_server_to_server)
    .find((credential) => credential !== undefined)!;
  const binding = await exampleImsBinding({ clientId: oauth.client_id, technicalAccountId: oauth.technical_account_id, scopes: oauth.scopes });
  const ims = await startImsStandIn({ bindings: [binding] });
  const packmgr = await startPackmgrStandIn({ user: 'admin', password: 'a-throwaway-aem-password' });
  try {
    // The block as a script: the install is this repository's build, `…` the values a user types.
    const lines = readmeBlock('quick-start').split('\n');
    assert.is(lines[0], 'npm install --save-dev aem-ioevents');
    const script = lines
      .slice(1)
      .map((line) => line.replace(/^npx aem-ioevents /, 'node "$AEM_IOEVENTS_BIN" ').replace(/ npx aem-ioevents /, ' node "$AEM_IOEVENTS_BIN" '))
      .map((line) => line.replace('export IOEVENTS_CLIENT_SECRET=…', `export IOEVENTS_CLIENT_SECRET='${CLIENT_SECRET}'`).replace('AEM_PASSWORD=…', 'AEM_PASSWORD=a-throwaway-aem-password'))
      .map((line) => line.replace('http://localhost:4502', packmgr.url))
      .join('\n');
    assert.not.ok(script.includes('…'), script);
    const env = { PATH: process.env.PATH, AEM_IOEVENTS_BIN: BIN, IOEVENTS_IMS_URL: ims.url };
    const result = await run('bash', ['-e', '-c', script], { cwd: dir, env, timeout: 120_000 }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    assert.is('code' in result ? result.code : 0, 0, `${result.stdout}${result.stderr}`);
    assert.ok(result.stdout.includes('wrote aem-ioevents.yaml (template ims-6.5, OAuth Server-to-Server)'), result.stdout);
    assert.is(packmgr.installs(), 1);
    assert.ok(packmgr.repository.has('/apps/aem-ioevents/config/com.adobe.granite.auth.oauth.accesstoken.provider~ioevents'));
    for (const secret of [CLIENT_SECRET, 'a-throwaway-aem-password', 'p8e-OAUTH-THROWAWAY-secret-in-project-file']) assert.not.ok(`${result.stdout}${result.stderr}`.includes(secret), secret);
  } finally {
    await ims.close();
    await packmgr.close();
  }
});

/** The examples of the Commands table (its second column), in order. */
function commandExamples(): string[] {
  const section = README.slice(README.indexOf('## Commands\n'), README.indexOf('### Exit codes'));
  return section.split('\n').filter((line) => line.startsWith('| `') && !line.startsWith('| `--help`')).map((line) => /^\| `[^`]*` \| `([^`]*)` \|/.exec(line)?.[1] ?? '').concat(['aem-ioevents deploy --help']);
}

readme("every example of the Commands table runs and succeeds (two AEM stand-ins for author1 and author2, IMS's for verify)", async ({ dir }) => {
  const examples = commandExamples();
  assert.equal(examples.map((example) => /(?:^|\s)aem-ioevents (\S+)/.exec(example)?.[1]), ['init', 'keygen', 'build', 'templates', 'inspect', 'verify', 'deploy', 'check', 'up', 'deploy']);
  mkdirSync(join(dir, 'init'));
  writeFileSync(join(dir, 'init', 'project.json'), readFileSync(join(ROOT, 'fixtures/console/project.json')));
  const ims = await startImsStandIn({ bindings: [await exampleImsBinding()] });
  const authors = [await startPackmgrStandIn({ user: 'admin', password: 'a-throwaway-aem-password' }), await startPackmgrStandIn({ user: 'admin', password: 'a-throwaway-aem-password' })];
  for (const author of authors) author.checks.installConnector();
  try {
    const env = { PATH: process.env.PATH, ...ENV, IOEVENTS_IMS_URL: ims.url, AEM_USER: 'admin', AEM_PASSWORD: 'a-throwaway-aem-password', AEM_IOEVENTS_BIN: BIN };
    for (const example of examples) {
      const line = example
        .replace('IOEVENTS_KEYSTORE_PASSWORD=…', 'IOEVENTS_KEYSTORE_PASSWORD=throwaway-Keystore-1')
        .replace(/(^|\s)aem-ioevents /, '$1node "$AEM_IOEVENTS_BIN" ')
        .replace('https://author1', authors[0]!.url)
        .replace('https://author2', authors[1]!.url);
      // init writes aem-ioevents.yaml: in a folder of its own, beside the README's configuration.
      const cwd = example.includes(' init ') || example.startsWith('aem-ioevents init') ? join(dir, 'init') : dir;
      const result = await run('bash', ['-c', line], { cwd, env, timeout: 120_000 }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      assert.is('code' in result ? result.code : 0, 0, `${example}\n${result.stdout}${result.stderr}`);
    }
    // deploy installs the stage build; up, without --env, the other one.
    for (const author of authors) assert.is(author.installs(), 2);
  } finally {
    await ims.close();
    for (const author of authors) await author.close();
  }
});

readme('the library example runs and prints what its comments say', async ({ dir }) => {
  const source = readmeBlock('library').replace("from 'aem-ioevents'", `from '${join(ROOT, 'src/index.ts')}'`);
  const expected = [...source.matchAll(/\/\/ (.*)$/gm)].map((match) => match[1]!.replace(/ \(.*\)$/, ''));
  writeFileSync(join(dir, 'example.mts'), source);
  // Without the test runner's FORCE_COLOR, console.log prints numbers as a user's CI log shows them.
  const { FORCE_COLOR: _, ...env } = process.env;
  const result = await run(process.execPath, ['--import', 'tsx', join(dir, 'example.mts')], { cwd: ROOT, env, timeout: 60_000 });
  assert.is(result.stdout, `${expected.join('\n')}\n`);
  assert.equal(expected, ['eventproxy-config', '2 E_ZIP_UNREADABLE']);
});

readme.run();
