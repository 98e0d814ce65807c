import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatTemplateList, type TemplateSummary } from '../../src/commands/templates.ts';
import { runBin, runInProcess } from '../helpers/cli.ts';
import { ADDON_CLOUD_SERVICE_WARNING, ADDON_SCOPES_WARNING, IMS_OAUTH_GRANT_WARNING } from '../helpers/setup-warnings.ts';

const NO_JWT_TOKENS = 'no: JWT credentials ended on 2025-06-30; Adobe converted the last ones to OAuth Server-to-Server by 2026-03-01';

const EXPECTED_TEXT = [
  'aio-aem-events      AEM 6.5, Cloud Service  container  Adobe I/O Events add-on (aio-aem-events) Workspace Configuration, JWT or OAuth Server-to-Server',
  `  jwt:   AEM 6.5, Cloud Service; tokens: ${NO_JWT_TOKENS}`,
  `         note: ${ADDON_CLOUD_SERVICE_WARNING}`,
  '  oauth: AEM 6.5 with add-on 2.0.0 or later, Cloud Service with add-on 2.0.0 or later; tokens: yes',
  `         note: ${ADDON_SCOPES_WARNING}`,
  `         note: ${ADDON_CLOUD_SERVICE_WARNING}`,
  'cloudservice-6.3 *  AEM 6.2, 6.3            content    Adobe I/O Events Cloud Services configuration and the eventproxy-service keystore',
  `  jwt:   AEM 6.2, 6.3; tokens: ${NO_JWT_TOKENS}`,
  'ims-6.5             AEM 6.4, 6.5            container  Adobe IMS configuration (OSGi access token provider and its client secret) for the eventproxy connector',
  `  jwt:   AEM 6.4, 6.5 before SP20; tokens: ${NO_JWT_TOKENS}`,
  "  oauth: AEM 6.5 SP20 or later, 6.5 SP11 to SP19 with Adobe's Granite hotfix; tokens: yes",
  `         note: ${IMS_OAUTH_GRANT_WARNING}`,
  '* the default of build; choose another with build --template NAME, or --template ./DIR for your own copy',
  '',
].join('\n');

const templatesCommand = suite('aem-ioevents templates');

templatesCommand('one line per built-in template with its AEM versions and package type, then per flow the AEM versions, whether it still gets tokens and its notes; the default marked', async () => {
  const run = await runInProcess(['templates']);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stderr, '');
  assert.is(run.stdout, EXPECTED_TEXT);
});

templatesCommand('--json prints one object listing them, each flow with its AEM versions and token status', async () => {
  const run = await runInProcess(['templates', '--json']);
  assert.is(run.code, 0);
  assert.equal(JSON.parse(run.stdout), {
    ok: true,
    templates: [
      {
        name: 'aio-aem-events',
        title: 'Adobe I/O Events add-on (aio-aem-events) Workspace Configuration, JWT or OAuth Server-to-Server',
        aem: ['6.5', 'Cloud Service'],
        packageType: 'container',
        default: false,
        flows: [
          { flow: 'jwt', aem: ['6.5', 'Cloud Service'], canGetTokens: false, tokens: NO_JWT_TOKENS, caveats: [ADDON_CLOUD_SERVICE_WARNING] },
          { flow: 'oauth', aem: ['6.5 with add-on 2.0.0 or later', 'Cloud Service with add-on 2.0.0 or later'], canGetTokens: true, tokens: 'yes', caveats: [ADDON_SCOPES_WARNING, ADDON_CLOUD_SERVICE_WARNING] },
        ],
      },
      {
        name: 'cloudservice-6.3',
        title: 'Adobe I/O Events Cloud Services configuration and the eventproxy-service keystore',
        aem: ['6.2', '6.3'],
        packageType: 'content',
        default: true,
        flows: [{ flow: 'jwt', aem: ['6.2', '6.3'], canGetTokens: false, tokens: NO_JWT_TOKENS, caveats: [] }],
      },
      {
        name: 'ims-6.5',
        title: 'Adobe IMS configuration (OSGi access token provider and its client secret) for the eventproxy connector',
        aem: ['6.4', '6.5'],
        packageType: 'container',
        default: false,
        flows: [
          { flow: 'jwt', aem: ['6.4', '6.5 before SP20'], canGetTokens: false, tokens: NO_JWT_TOKENS, caveats: [] },
          { flow: 'oauth', aem: ['6.5 SP20 or later', "6.5 SP11 to SP19 with Adobe's Granite hotfix"], canGetTokens: true, tokens: 'yes', caveats: [IMS_OAUTH_GRANT_WARNING] },
        ],
      },
    ],
  });
});

templatesCommand('the bundled bin finds the templates shipped beside it', () => {
  const run = runBin(['templates']);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stdout, EXPECTED_TEXT);
});

templatesCommand('an extra argument is bad input', async () => {
  const run = await runInProcess(['templates', '--all']);
  assert.is(run.code, 2);
  assert.is(run.stderr, 'error: unknown option --all; see aem-ioevents templates --help\n');
});

templatesCommand.run();

// ---

const formatTemplateListSuite = suite('formatTemplateList');

formatTemplateListSuite('pads the columns to the longest cell', () => {
  const list: TemplateSummary[] = [
    { name: 'a', title: 'A', aem: ['6.5'], packageType: 'content', default: false, flows: [] },
    { name: 'longer-name', title: 'B', aem: ['6.2', '6.3', '6.4'], packageType: 'container', default: true, flows: [{ flow: 'oauth', aem: ['6.5 SP20 or later'], canGetTokens: true, tokens: 'yes', caveats: ['x'] }] },
  ];
  assert.is(
    formatTemplateList(list),
    [
      'a              AEM 6.5            content    A',
      'longer-name *  AEM 6.2, 6.3, 6.4  container  B',
      '  oauth: AEM 6.5 SP20 or later; tokens: yes',
      '         note: x',
      '* the default of build; choose another with build --template NAME, or --template ./DIR for your own copy',
    ].join('\n'),
  );
});

formatTemplateListSuite.run();

// ---

const tokenStatusSuite = suite('templates: the JWT token status follows the day (src/ims/end-of-life.ts)');

tokenStatusSuite('before the end of life, until the conversion, after it', async () => {
  const days: readonly (readonly [string, boolean, string])[] = [
    ['2025-01-15T00:00:00Z', true, 'yes, but deprecated (JWT end of life 2025-06-30)'],
    ['2025-09-01T00:00:00Z', true, 'until the certificate expires, 2026-03-01 at the latest (JWT end of life 2025-06-30)'],
    ['2026-03-01T00:00:00Z', false, NO_JWT_TOKENS],
  ];
  for (const [day, canGetTokens, tokens] of days) {
    const run = await runInProcess(['templates', '--json'], { now: new Date(day) });
    const flows = (JSON.parse(run.stdout) as { templates: { name: string; flows: { flow: string; canGetTokens: boolean; tokens: string }[] }[] }).templates.flatMap((t) => t.flows.map((f) => ({ ...f, name: t.name })));
    for (const f of flows.filter((g) => g.flow === 'jwt')) assert.equal([f.canGetTokens, f.tokens], [canGetTokens, tokens], `${day} ${f.name}`);
    for (const f of flows.filter((g) => g.flow === 'oauth')) assert.equal([f.canGetTokens, f.tokens], [true, 'yes'], `${day} ${f.name}`);
  }
});

tokenStatusSuite.run();
