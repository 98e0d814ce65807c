// Every configuration problem with its line (issue 12, point 9): the README promises "all problems
// of a file are reported together, each with its line".
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError } from '../../src/config/config-error.ts';
import { findFieldPositions } from '../../src/config/field-positions.ts';
import { parseConfig } from '../../src/config/parse-config.ts';
import type { ConfigFormat } from '../../src/config/types.ts';
import { CLOUD_SERVICE_YAML, ENV } from './valid-config.ts';

/** The problem lines of the error that parsing `lines` throws (without the header). */
function problems(lines: readonly string[], options: { format?: ConfigFormat; envName?: string; env?: Record<string, string> } = {}): string[] {
  const format = options.format ?? 'yaml';
  try {
    parseConfig(lines.join('\n'), { format, fileLabel: `/cfg/aem-ioevents.${format}`, env: { ...ENV, ...options.env }, envName: options.envName, baseDir: '/cfg' });
  } catch (error) {
    assert.instance(error, ConfigError);
    const [header, ...rest] = (error as ConfigError).message.split('\n');
    assert.is(header, `Invalid configuration file /cfg/aem-ioevents.${format} (${rest.length} problem${rest.length === 1 ? '' : 's'}):`);
    return rest;
  }
  return assert.unreachable('expected a ConfigError') as never;
}

const REQUIRED_TITLE = 'required; give the title shown in Cloud Services, like Adobe I/O Events';

const linesSuite = suite('configuration problems with their lines');

// CLOUD_SERVICE_YAML is lines 1 to 7: cloudService:, name, title, apiKey, technicalAccountId, organizationId, clientSecret.
const cases: ReadonlyArray<readonly [string, readonly string[], readonly string[], { envName?: string; env?: Record<string, string> }?]> = [
  ['an unknown key: at the key', [...CLOUD_SERVICE_YAML, '  clientSecert: x'], ['  - cloudService.clientSecert at line 8, column 3: unknown key; did you mean clientSecret?']],
  ['an unknown section: at its key', [...CLOUD_SERVICE_YAML, 'cloudservice:', '  name: x'], ['  - cloudservice at line 8, column 1: unknown key; did you mean cloudService?']],
  ['a wrong type: at the key', [...CLOUD_SERVICE_YAML, 'package:', '  version: 1.0'], ['  - package.version at line 9, column 3: expected a string, got 1 (number); put the value in quotes']],
  [
    'a rule failure: at the key',
    [...CLOUD_SERVICE_YAML, 'osgi:', '  runMode: author/prod'],
    ["  - osgi.runMode at line 9, column 3: expected run modes of letters, digits, '_' and '-', joined by '.', got 'author/prod'; like author, publish or author.prod; leave it out for every instance"],
  ],
  [
    'a list item: at the item, in a flow list too',
    [...CLOUD_SERVICE_YAML, 'ims:', '  scopes: [openid, openid]'],
    ['  - ims.scopes[1] at line 9, column 20: listed twice (first as ims.scopes[0]); remove one'],
  ],
  [
    'a variable that is not set: at the key',
    [...CLOUD_SERVICE_YAML, 'osgi:', '  app: ${APP}'],
    ["  - osgi.app at line 9, column 3: the environment variable APP is not set; set it for this command (in CI, from the pipeline's secrets or variables)"],
  ],
  // Decision: a missing field has no line of its own; it is placed at its section's key, and a missing section has no line.
  ['a missing required field: at its section', CLOUD_SERVICE_YAML.filter((line) => !line.startsWith('  title:')), [`  - cloudService.title at line 1, column 1: ${REQUIRED_TITLE}`]],
  [
    'a missing required section: no line',
    ['package:', '  name: x'],
    ['  - cloudService: required section missing; give name, title, apiKey, technicalAccountId, organizationId and clientSecret'],
  ],
];
for (const [what, lines, expected, options] of cases) {
  linesSuite(what, () => {
    assert.equal(problems(lines, options), expected);
  });
}

linesSuite('every problem of a file at once, each with its line, in file order', () => {
  const lines = ['package:', '  version: 1.0', ...CLOUD_SERVICE_YAML.filter((line) => !line.startsWith('  title:')), '  externalizer: http://x', 'osgi:', '  flow: oauth2', '  runmode: author'];
  assert.equal(problems(lines), [
    '  - package.version at line 2, column 3: expected a string, got 1 (number); put the value in quotes',
    `  - cloudService.title at line 3, column 1: ${REQUIRED_TITLE}`,
    "  - cloudService.externalizer at line 9, column 3: expected a Link Externalizer domain name of letters, digits, '.', '_' and '-', like author or publish, got 'http://x'; use a name from the Day CQ Link Externalizer configuration of the AEM instance",
    "  - osgi.flow at line 11, column 3: expected jwt or oauth, got 'oauth2'; jwt writes the JWT claims and key (end of life at Adobe), oauth the OAuth Server-to-Server scopes (give ims.scopes)",
    '  - osgi.runmode at line 12, column 3: unknown key; did you mean runMode?',
  ]);
});

linesSuite.run();

// ---

const environmentSuite = suite('configuration problems with their lines: environments');

// Lines 8 to 19 after CLOUD_SERVICE_YAML.
const WITH_ENVIRONMENTS = [
  ...CLOUD_SERVICE_YAML,
  'ims:',
  '  url: http://ims.example.test',
  'environments:',
  '  stage:',
  '    cloudService:',
  '      name: a/b',
  '    ims:',
  '      scopes: [openid, a b]',
  '  ci:',
  '    cloudService:',
  '      title: null',
  '      nmae: x',
];

environmentSuite('a field the environment set is placed where the environment sets it; the rest of its section stays in place', () => {
  assert.equal(problems(WITH_ENVIRONMENTS.slice(0, -4), { envName: 'stage' }), [
    "  - ims.url at line 9, column 3: expected an https URL (http only for 127.0.0.1 or localhost), got 'http://ims.example.test'; give the IMS base URL only, like https://ims-na1.adobelogin.com",
    "  - cloudService.name at line 13, column 7: (from environments.stage) expected a single node name below /etc/cloudservices/eventproxy, without '/' and not '.' or '..', got 'a/b'; use letters, digits, '-' and '_', like ioevents",
    "  - ims.scopes[1] at line 15, column 24: (from environments.stage) expected a scope without spaces or commas, got 'a b'; give one scope per list item, like [openid, AdobeID, read_organizations]",
  ]);
});

environmentSuite('a field the environment removed is placed at its null; the unknown keys of every entry at theirs', () => {
  assert.equal(problems(WITH_ENVIRONMENTS, { envName: 'ci' }), [
    "  - ims.url at line 9, column 3: expected an https URL (http only for 127.0.0.1 or localhost), got 'http://ims.example.test'; give the IMS base URL only, like https://ims-na1.adobelogin.com",
    `  - cloudService.title at line 18, column 7: (from environments.ci) ${REQUIRED_TITLE}`,
    '  - environments.ci.cloudService.nmae at line 19, column 7: unknown key; did you mean name?',
  ]);
});

environmentSuite('without --env, the values of an environment are not checked and nothing is placed there', () => {
  assert.equal(problems(WITH_ENVIRONMENTS.slice(0, -4)), [
    "  - ims.url at line 9, column 3: expected an https URL (http only for 127.0.0.1 or localhost), got 'http://ims.example.test'; give the IMS base URL only, like https://ims-na1.adobelogin.com",
  ]);
});

environmentSuite.run();

// ---

const jsonSuite = suite('configuration problems with their lines: JSON');

jsonSuite('a JSON configuration: each problem at its key, or at its item; missing fields at their section, which comes first', () => {
  const json = JSON.stringify({ cloudService: { name: 'ioevents', titel: 'x', apiKey: 42 }, ims: { scopes: ['openid', 'openid'] } }, null, 2).split('\n');
  assert.equal(problems(json, { format: 'json' }), [
    `  - cloudService.title at line 2, column 3: ${REQUIRED_TITLE}`,
    '  - cloudService.technicalAccountId at line 2, column 3: required; give the Technical Account ID, like 0123456789ABCDEF01234567@techacct.adobe.com',
    '  - cloudService.organizationId at line 2, column 3: required; give the Organization ID, like 0123456789ABCDEF01234567@AdobeOrg',
    '  - cloudService.clientSecret at line 2, column 3: required; give clientSecret: ${IOEVENTS_CLIENT_SECRET} (and set that variable), or clientSecretProtected with the value protected by the target AEM',
    '  - cloudService.titel at line 4, column 5: unknown key; did you mean title?',
    '  - cloudService.apiKey at line 5, column 5: expected a string, got 42 (number); put the value in quotes',
    '  - ims.scopes[1] at line 10, column 7: listed twice (first as ims.scopes[0]); remove one',
  ]);
});

jsonSuite.run();

// ---

const positionsSuite = suite('findFieldPositions');

positionsSuite('YAML and JSON: keys and list items by path, columns after a byte order mark as without it', () => {
  const yaml = 'ims:\n  scopes:\n    - openid\n    - AdobeID\n  url: x\n"a.b": [1, [2]]\n';
  const expected = [
    ['ims', { line: 1, column: 1 }],
    ['ims.scopes', { line: 2, column: 3 }],
    ['ims.scopes[0]', { line: 3, column: 7 }],
    ['ims.scopes[1]', { line: 4, column: 7 }],
    ['ims.url', { line: 5, column: 3 }],
    ['a.b', { line: 6, column: 1 }],
    ['a.b[0]', { line: 6, column: 9 }],
    ['a.b[1]', { line: 6, column: 12 }],
    ['a.b[1][0]', { line: 6, column: 13 }],
  ];
  assert.equal([...findFieldPositions(yaml, 'yaml')], expected);
  assert.equal([...findFieldPositions(`\uFEFF${yaml}`, 'yaml')], expected);
  const json = '{\n"ims": {\n  "scopes": ["openid",\n    "AdobeID"], "url": "x"},\n "a.b": [1, [2]]}';
  assert.equal([...findFieldPositions(`\uFEFF${json}`, 'json')], [
    ['ims', { line: 2, column: 1 }],
    ['ims.scopes', { line: 3, column: 3 }],
    ['ims.scopes[0]', { line: 3, column: 14 }],
    ['ims.scopes[1]', { line: 4, column: 5 }],
    ['ims.url', { line: 4, column: 17 }],
    ['a.b', { line: 5, column: 2 }],
    ['a.b[0]', { line: 5, column: 10 }],
    ['a.b[1]', { line: 5, column: 13 }],
    ['a.b[1][0]', { line: 5, column: 14 }],
  ]);
});

positionsSuite.run();
