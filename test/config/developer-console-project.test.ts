import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/config-error.ts';
import { listProjectSecrets, parseDeveloperConsoleProject, resolveWorkspaceIds } from '../../src/config/developer-console-project.ts';
import { readConfig } from '../../src/config/read-config.ts';
import { InputError } from '../../src/errors.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { ENV, parse, validTree, withChanges, CLOUD_SERVICE_YAML } from './valid-config.ts';

const PROJECT_TEXT = readFileSync(new URL('../../fixtures/console/project.json', import.meta.url), 'utf8');
const PROJECT_SECRETS = ['p8e-OAUTH-THROWAWAY-secret-in-project-file', 'p8e-JWT-THROWAWAY-secret-in-project-file'];

function projectWith(change: (project: { project: Record<string, any> }) => void): string {
  const json = JSON.parse(PROJECT_TEXT) as { project: Record<string, any> };
  change(json);
  return JSON.stringify(json);
}

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    assert.instance(error, InputError);
    return error as InputError;
  }
  return assert.unreachable('expected an InputError') as never;
}

const parseSuite = suite('parseDeveloperConsoleProject');

parseSuite('reads the ids, the IMS org and every credential with its client ID and technical account', () => {
  assert.equal(parseDeveloperConsoleProject(PROJECT_TEXT, 'p.json'), {
    consumerOrgId: '1340225',
    projectId: '4566206088344794932',
    workspaceId: '4566206088344812345',
    imsOrgId: '0123456789ABCDEF01234567@AdobeOrg',
    credentials: [
      { id: '179144', clientId: 'fedcba9876543210fedcba9876543210', technicalAccountId: 'FEDCBA9876543210FEDCBA98@techacct.adobe.com', flow: 'oauth', scopes: ['AdobeID', 'openid', 'read_organizations', 'adobeio_api'] },
      { id: '179145', clientId: '0123456789abcdef0123456789abcdef', technicalAccountId: '0123456789ABCDEF01234567@techacct.adobe.com', flow: 'jwt' },
    ],
  });
});

parseSuite('a byte order mark, exact numbers and credentials without identifiers are accepted', () => {
  const text = `\uFEFF${projectWith((p) => {
    p.project.org.id = 1340225;
    p.project.workspace.details.credentials.push({ id: 7, name: 'API key only' }, { name: 'no id' });
  })}`;
  const project = parseDeveloperConsoleProject(text, 'p.json');
  assert.is(project.consumerOrgId, '1340225');
  assert.equal(project.credentials.at(-1), { id: '7' });
  assert.is(project.credentials.length, 3);
});

parseSuite('empty identifiers and an empty scope list are absent (init writes <fill in>), not values', () => {
  const text = projectWith((p) => {
    p.project.org.ims_org_id = '';
    const [oauth, jwt] = p.project.workspace.details.credentials;
    oauth.oauth_server_to_server.client_id = ' ';
    oauth.oauth_server_to_server.scopes = [];
    jwt.jwt.technical_account_id = '';
  });
  assert.equal(parseDeveloperConsoleProject(text, 'p.json'), {
    consumerOrgId: '1340225',
    projectId: '4566206088344794932',
    workspaceId: '4566206088344812345',
    credentials: [
      { id: '179144', technicalAccountId: 'FEDCBA9876543210FEDCBA98@techacct.adobe.com', flow: 'oauth' },
      { id: '179145', clientId: '0123456789abcdef0123456789abcdef', flow: 'jwt' },
    ],
  });
});

parseSuite('broken JSON is bad input that never quotes the file, which holds secrets', () => {
  const error = inputError(() => parseDeveloperConsoleProject(PROJECT_TEXT.slice(0, PROJECT_TEXT.indexOf('p8e-JWT') + 20), '/x/p.json'));
  assert.is(error.code, 'E_PROJECT_FILE');
  assert.is(error.message, 'workspace.projectFile /x/p.json is not valid JSON; give the project file the Adobe Developer Console downloads, unchanged');
});

parseSuite('a missing object or id names its JSON path', () => {
  const cases: [string, string][] = [
    ['[]', 'workspace.projectFile p.json has no project object; give the project file the Adobe Developer Console downloads'],
    [projectWith((p) => delete p.project.workspace), 'workspace.projectFile p.json has no project.workspace object; give the project file the Adobe Developer Console downloads'],
    [projectWith((p) => (p.project.org = 'x')), 'workspace.projectFile p.json has no project.org object; give the project file the Adobe Developer Console downloads'],
    [projectWith((p) => delete p.project.id), 'workspace.projectFile p.json: project.id is missing or not an id of digits'],
    [projectWith((p) => (p.project.workspace.id = 4566206088344812345)), 'workspace.projectFile p.json: project.workspace.id is missing or not an id of digits'],
    [projectWith((p) => (p.project.org.id = 'org-1')), 'workspace.projectFile p.json: project.org.id is missing or not an id of digits'],
  ];
  for (const [text, message] of cases) assert.is(inputError(() => parseDeveloperConsoleProject(text, 'p.json')).message, message);
});

parseSuite.run();

// ---

const resolveSuite = suite('resolveWorkspaceIds');
const project = parseDeveloperConsoleProject(PROJECT_TEXT, 'p.json');

resolveSuite('takes the ids and the credential issued for cloudService.apiKey', () => {
  const { config } = parse(validTree());
  assert.equal(resolveWorkspaceIds(config, project, 'p.json'), {
    workspace: { consumerOrgId: '1340225', projectId: '4566206088344794932', workspaceId: '4566206088344812345', credentialId: '179145' },
    issues: [],
  });
  const oauth = parse(withChanges({ cloudService: { apiKey: 'fedcba9876543210fedcba9876543210', technicalAccountId: 'FEDCBA9876543210FEDCBA98@techacct.adobe.com' } })).config;
  assert.is(resolveWorkspaceIds(oauth, project, 'p.json').workspace.credentialId, '179144');
});

resolveSuite('ids given in the configuration must agree with the file; equal ones are fine', () => {
  const { config } = parse(withChanges({ workspace: { projectFile: 'p.json', projectId: '4566206088344794932', workspaceId: '999' } }));
  const { workspace, issues } = resolveWorkspaceIds(config, project, 'p.json');
  assert.equal(issues, [{ path: 'workspace.workspaceId', message: "'999' differs from '4566206088344812345' in p.json; remove workspace.workspaceId to take the file's value, or fix one of them" }]);
  assert.is(workspace.projectFile, '/cfg/p.json');
});

resolveSuite('a project of another organization, an unknown client ID and another technical account are each an issue', () => {
  const otherOrg = parse(withChanges({ cloudService: { organizationId: 'FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg' } })).config;
  assert.equal(resolveWorkspaceIds(otherOrg, project, 'p.json').issues, [
    { path: 'cloudService.organizationId', message: "'FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg' differs from project.org.ims_org_id '0123456789ABCDEF01234567@AdobeOrg' in p.json; is the project file from another organization?" },
  ]);
  const unknownKey = parse(withChanges({ cloudService: { apiKey: 'nope' } })).config;
  const unknown = resolveWorkspaceIds(unknownKey, project, 'p.json');
  assert.equal(unknown.issues, [
    { path: 'workspace.projectFile', message: "no credential in p.json has the client ID cloudService.apiKey 'nope'; its credentials: 179144 (client ID fedcba9876543210fedcba9876543210), 179145 (client ID 0123456789abcdef0123456789abcdef)" },
  ]);
  assert.is(unknown.workspace.credentialId, undefined);
  const otherAccount = parse(withChanges({ cloudService: { technicalAccountId: 'AAAAAAAAAAAAAAAAAAAAAAAA@techacct.adobe.com' } })).config;
  assert.equal(resolveWorkspaceIds(otherAccount, project, 'p.json').issues, [
    { path: 'cloudService.technicalAccountId', message: "'AAAAAAAAAAAAAAAAAAAAAAAA@techacct.adobe.com' differs from the technical account ID '0123456789ABCDEF01234567@techacct.adobe.com' of credential 179145 in p.json" },
  ]);
});

resolveSuite.run();

// ---

const readSuite = suite('readConfig with workspace.projectFile', { dir: '' });

readSuite.before.each((context) => {
  context.dir = makeTempDir();
});
readSuite.after.each((context) => removeTempDir(context.dir));

const yaml = (workspace: string): string =>
  [
    ...CLOUD_SERVICE_YAML,
    'workspace:',
    workspace,
    '',
  ].join('\n');

readSuite('fills the workspace ids from the file, relative to the configuration, frozen', async ({ dir }) => {
  writeFileSync(join(dir, 'project.json'), PROJECT_TEXT);
  writeFileSync(join(dir, 'aem-ioevents.yaml'), yaml('  projectFile: project.json'));
  const loaded = await readConfig({ cwd: dir, env: ENV });
  assert.equal(loaded.config.workspace, {
    consumerOrgId: '1340225',
    projectId: '4566206088344794932',
    workspaceId: '4566206088344812345',
    credentialId: '179145',
    projectFile: join(dir, 'project.json'),
  });
  assert.ok(Object.isFrozen(loaded.config.workspace));
});

readSuite('the client secrets of the project file go to the secret sink, and nothing else of it', async ({ dir }) => {
  writeFileSync(join(dir, 'project.json'), PROJECT_TEXT);
  writeFileSync(join(dir, 'aem-ioevents.yaml'), yaml('  projectFile: project.json'));
  const added: [string, string][] = [];
  await readConfig({ cwd: dir, env: ENV, secrets: { add: (value, source) => void (value !== undefined && added.push([value, source])) } });
  const fromProject = added.filter(([, source]) => source === `a client secret in workspace.projectFile ${join(dir, 'project.json')}`).map(([value]) => value);
  assert.equal(fromProject, PROJECT_SECRETS);
});

readSuite('listProjectSecrets: every string under a key naming a secret; none in text that is not JSON or nested past 64 levels', () => {
  assert.equal(listProjectSecrets(PROJECT_TEXT), PROJECT_SECRETS);
  assert.equal(listProjectSecrets('{"a": {"clientSecret": "s1", "secrets": ["s2", 3], "name": "x"}}'), ['s1', 's2']);
  assert.equal(listProjectSecrets('client_secret: s3'), []);
  // An App Builder workspace's file also holds the I/O Runtime namespace's key (`auth`), a credential too.
  const runtime = projectWith((p) => (p.project.workspace.details.runtime = { namespaces: [{ name: '1340225-ioevents', auth: 'uuid-of-namespace:runtime-key-THROWAWAY' }] }));
  assert.equal(listProjectSecrets(runtime), [...PROJECT_SECRETS, 'uuid-of-namespace:runtime-key-THROWAWAY']);
  assert.equal(listProjectSecrets(`{"secret": ${'['.repeat(100000)}"deep"${']'.repeat(100000)}}`), []);
});

readSuite('a disagreement is a configuration error naming the configuration file; no secret of the project file is shown', async ({ dir }) => {
  writeFileSync(join(dir, 'project.json'), PROJECT_TEXT);
  writeFileSync(join(dir, 'aem-ioevents.yaml'), yaml("  projectFile: project.json\n  credentialId: '179144'"));
  try {
    await readConfig({ cwd: dir, env: ENV });
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, ConfigError);
    assert.is((error as ConfigError).code, 'E_CONFIG_FIELD');
    assert.is(
      (error as Error).message,
      `Invalid configuration file ${join(dir, 'aem-ioevents.yaml')} (1 problem):\n  - workspace.credentialId at line 10, column 3: '179144' differs from '179145' in ${join(dir, 'project.json')}; remove workspace.credentialId to take the file's value, or fix one of them`,
    );
    for (const secret of PROJECT_SECRETS) assert.not.ok((error as Error).message.includes(secret));
  }
});

readSuite('a missing project file is bad input that says where to get it', async ({ dir }) => {
  writeFileSync(join(dir, 'aem-ioevents.yaml'), yaml('  projectFile: nowhere.json'));
  try {
    await readConfig({ cwd: dir, env: ENV });
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as InputError).code, 'E_PROJECT_FILE');
    assert.is((error as Error).message, `workspace.projectFile ${join(dir, 'nowhere.json')}: no such file; download the project JSON from the Adobe Developer Console (workspace, Download all)`);
  }
});

readSuite.run();
