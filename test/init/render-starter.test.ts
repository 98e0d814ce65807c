import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { InputError } from '../../src/errors.ts';
import { renderStarterConfig } from '../../src/init/render-starter.ts';
import { chooseStarterFlow, listTemplateFlows } from '../../src/init/starter-plan.ts';
import { DEFAULT_TEMPLATE, readTemplate } from '../../src/template/template.ts';
import { PROJECT_SECRETS, readFixtureProject, readGolden, SCHEMA_REFERENCE, STARTER_CASES } from './starter-cases.ts';

const render = async (name: string, flow: 'jwt' | 'oauth', withProject = false) =>
  renderStarterConfig({
    template: await readTemplate(name, '.'),
    flow,
    templateFlag: name === DEFAULT_TEMPLATE ? '' : `--template ${name}`,
    schemaReference: SCHEMA_REFERENCE,
    ...(withProject && { project: readFixtureProject() }),
  });

for (const { template, flow, golden } of STARTER_CASES) {
  test(`the starter of ${template} with ${flow} is fixtures/init/${golden}, byte for byte`, async () => {
    assert.fixture(await render(template, flow), readGolden(golden));
  });
}

test('the project fills the ids of its credential for the flow, and none of its secrets', async () => {
  const text = await render('aio-aem-events', 'oauth', true);
  assert.fixture(text, readGolden('aio-aem-events-oauth-project.yaml'));
  for (const secret of PROJECT_SECRETS) assert.not.ok(text.includes(secret), secret);
  const tree = parse(text) as Record<string, Record<string, unknown>>;
  assert.equal(tree['cloudService']!['clientSecret'], '${IOEVENTS_CLIENT_SECRET}');
  assert.equal(tree['workspace'], { consumerOrgId: '1340225', projectId: '4566206088344794932', workspaceId: '4566206088344812345', credentialId: '179144' });
  assert.equal(tree['ims'], { scopes: ['AdobeID', 'openid', 'read_organizations', 'adobeio_api'] });
});

test('the first line points the YAML language server to the schema', async () => {
  for (const { template, flow } of STARTER_CASES) {
    assert.is((await render(template, flow)).split('\n')[0], `# yaml-language-server: $schema=${SCHEMA_REFERENCE}`);
  }
});

test('the flows of a template: both for ims-6.5 and aio-aem-events (OAuth first), JWT only for cloudservice-6.3', async () => {
  const flows = async (name: string) => listTemplateFlows(await readTemplate(name, '.'));
  assert.equal(await flows('ims-6.5'), ['oauth', 'jwt']);
  assert.equal(await flows('aio-aem-events'), ['oauth', 'jwt']);
  assert.equal(await flows('cloudservice-6.3'), ['jwt']);
});

test('the default flow is OAuth where the template has it; a flow it lacks is an InputError naming both', async () => {
  assert.is(chooseStarterFlow(await readTemplate('ims-6.5', '.'), undefined), 'oauth');
  assert.is(chooseStarterFlow(await readTemplate('cloudservice-6.3', '.'), undefined), 'jwt');
  const template = await readTemplate('cloudservice-6.3', '.');
  assert.throws(
    () => chooseStarterFlow(template, 'oauth'),
    (error: unknown) =>
      error instanceof InputError &&
      error.message ===
        '--flow oauth: template cloudservice-6.3 has no OAuth Server-to-Server variant, only JWT (Service Account); choose a template that has it (aem-ioevents templates lists them; ims-6.5 and aio-aem-events have both)',
  );
  assert.throws(() => chooseStarterFlow(template, 'saml'), (error: unknown) => error instanceof InputError && error.message === '--flow saml: expected jwt or oauth');
});

test('a value from the project with ${ in it stays literal ($${), and odd values are quoted', async () => {
  const project = readFixtureProject();
  const odd = { ...project, imsOrgId: '${HOME}: #1', credentials: [{ id: '1', clientId: 'true', flow: 'oauth' as const, scopes: ['a,b'] }] };
  const text = renderStarterConfig({ template: await readTemplate('ims-6.5', '.'), flow: 'oauth', templateFlag: '', schemaReference: SCHEMA_REFERENCE, project: odd });
  const tree = parse(text) as Record<string, Record<string, unknown>>;
  assert.is(tree['cloudService']!['organizationId'], '$${HOME}: #1');
  assert.is(tree['cloudService']!['apiKey'], 'true');
  assert.equal(tree['ims']!['scopes'], ['a,b']);
});

test.run();
