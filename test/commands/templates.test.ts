import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatTemplateList, type TemplateSummary } from '../../src/commands/templates.ts';
import { runBin, runInProcess } from '../helpers/cli.ts';

const EXPECTED_TEXT = [
  'aio-aem-events      AEM 6.5, Cloud Service  container  Adobe I/O Events add-on (aio-aem-events) Workspace Configuration, JWT or OAuth Server-to-Server',
  'cloudservice-6.3 *  AEM 6.2, 6.3            content    Adobe I/O Events Cloud Services configuration and the eventproxy-service keystore',
  'ims-6.4             AEM 6.4, 6.5            container  Adobe IMS configuration (OSGi access token provider and its client secret) for the eventproxy connector',
  '* the default of build; choose another with build --template NAME, or --template ./DIR for your own copy',
  '',
].join('\n');

const templatesCommand = suite('aem-ioevents templates');

templatesCommand('one line per built-in template with its AEM versions and package type; the default marked', async () => {
  const run = await runInProcess(['templates']);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stderr, '');
  assert.is(run.stdout, EXPECTED_TEXT);
});

templatesCommand('--json prints one object listing them', async () => {
  const run = await runInProcess(['templates', '--json']);
  assert.is(run.code, 0);
  assert.equal(JSON.parse(run.stdout), {
    ok: true,
    templates: [
      { name: 'aio-aem-events', title: 'Adobe I/O Events add-on (aio-aem-events) Workspace Configuration, JWT or OAuth Server-to-Server', aem: ['6.5', 'Cloud Service'], packageType: 'container', default: false },
      { name: 'cloudservice-6.3', title: 'Adobe I/O Events Cloud Services configuration and the eventproxy-service keystore', aem: ['6.2', '6.3'], packageType: 'content', default: true },
      { name: 'ims-6.4', title: 'Adobe IMS configuration (OSGi access token provider and its client secret) for the eventproxy connector', aem: ['6.4', '6.5'], packageType: 'container', default: false },
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
    { name: 'a', title: 'A', aem: ['6.5'], packageType: 'content', default: false },
    { name: 'longer-name', title: 'B', aem: ['6.2', '6.3', '6.4'], packageType: 'container', default: true },
  ];
  assert.is(
    formatTemplateList(list),
    [
      'a              AEM 6.5            content    A',
      'longer-name *  AEM 6.2, 6.3, 6.4  container  B',
      '* the default of build; choose another with build --template NAME, or --template ./DIR for your own copy',
    ].join('\n'),
  );
});

formatTemplateListSuite.run();
