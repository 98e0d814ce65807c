import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseTemplate } from '../../src/template/parse-template.ts';
import { listBuiltInTemplates, readBuiltInTemplates, readTemplate, type TemplateNode } from '../../src/template/template.ts';
import { InputError } from '../../src/errors.ts';

const parseTemplateSuite = suite('parseTemplate');

// The message of the InputError that parsing `text` throws.
function templateError(text: string): string {
  try {
    parseTemplate(text, 'bad.yaml');
  } catch (error) {
    assert.instance(error, InputError);
    return (error as Error).message;
  }
  throw new Error('expected parseTemplate to throw');
}

const CONTEXT_KEYS = 'package.group, package.name, package.version, cloudService.name, cloudService.title, cloudService.externalizer, cloudService.apiKey, cloudService.technicalAccountId, cloudService.organizationId, cloudService.clientSecret, serviceUser.home, keystore.include, keystore.alias, keystore.protectedPassword, keystore.bytes, ims.url, ims.metascopes, ims.scopes, ims.jwtClaims, ims.oauthClaims, ims.metascopePaths, ims.scopesText, osgi.app, osgi.runMode, osgi.configFolder, flow.jwt, flow.oauth, workspace.consumerOrgId, workspace.projectId, workspace.workspaceId, workspace.credentialId, privateKey.encodedPkcs8';

const minimal = `
name: t
title: T
aem: ['6.3']
packageType: content
filters:
  - root: /etc/x/{{cloudService.name}}
    status: confirmed
nodes:
  - path: /etc/x/{{cloudService.name}}
    status: inferred
    properties:
      jcr:primaryType: { value: nt:unstructured, status: confirmed }
      count: { value: 3, status: inferred }
      ratio: { value: 1.5, status: inferred }
      enabled: { value: true, status: inferred }
      tags: { value: [a, b], status: inferred }
      when: { value: '{{keystore.alias}}', type: Name, status: inferred, when: keystore.include }
`;

parseTemplateSuite('reads names, statuses and infers JCR types from YAML numbers and booleans', () => {
  const template = parseTemplate(minimal, 't.yaml');
  assert.is(template.name, 't');
  assert.equal(template.aem, ['6.3']);
  assert.equal(template.filters[0], { status: 'confirmed', root: '/etc/x/{{cloudService.name}}', rules: [] });
  const props = Object.fromEntries(template.nodes[0]!.properties.map((p) => [p.name, [p.value, p.type]]));
  assert.equal(props, {
    'jcr:primaryType': ['nt:unstructured', 'undefined'],
    count: ['3', 'Long'],
    ratio: ['1.5', 'Double'],
    enabled: ['true', 'Boolean'],
    tags: [['a', 'b'], 'undefined'],
    when: ['{{keystore.alias}}', 'Name'],
  });
  assert.is(template.nodes[0]!.properties[5]!.when, 'keystore.include');
});

parseTemplateSuite('reports every problem at once, each with its place', () => {
  const bad = `
name: t
title: T
colour: blue
filters:
  - root: /etc/{{cloudService.nmae}}
nodes:
  - path: /etc/x
    status: guessed
    properties:
      'a/b': { value: x, status: confirmed }
      c: { value: x, status: confirmed, type: Integer }
    files:
      - name: f
        content: cloudService.name
        status: confirmed
`;
  assert.fixture(
    templateError(bad),
    [
      'template bad.yaml is not valid:',
      "  - colour at line 4, column 1: unknown key (expected name, title, aem, flows, packageType, namespaces, filters, nodes, checks)",
      '  - filters[0].status at line 6, column 5: expected one of confirmed, inferred, but it is missing',
      `  - filters[0].root at line 6, column 5: 'cloudService.nmae' is not a template context key; did you mean cloudService.name? (${CONTEXT_KEYS})`,
      "  - nodes[0].properties.a/b at line 11, column 7: 'a/b' is not a valid JCR name: '/' not allowed in name",
      '  - nodes[0].properties.c.type at line 12, column 41: expected one of undefined, String, Binary, Long, Double, Decimal, Date, Boolean, Name, Path, Reference, WeakReference, URI, got "Integer"',
      '  - nodes[0].status at line 9, column 5: expected one of confirmed, inferred, got "guessed"',
      "  - nodes[0].files[0].content at line 15, column 9: 'cloudService.name' is not a template context key holding bytes (keystore.bytes)",
    ].join('\n'),
  );
});

parseTemplateSuite('only own template context keys count: {{constructor}}, {{toString}}, when: __proto__ and content: hasOwnProperty are none', () => {
  const bad = `
name: t
title: T
filters:
  - root: /etc/{{constructor}}
    status: confirmed
nodes:
  - path: /etc/{{ toString }}
    status: confirmed
    when: __proto__
    files:
      - { name: f, content: hasOwnProperty, status: confirmed }
`;
  assert.fixture(
    templateError(bad),
    [
      'template bad.yaml is not valid:',
      `  - filters[0].root at line 5, column 5: 'constructor' is not a template context key (${CONTEXT_KEYS})`,
      `  - nodes[0].path at line 8, column 5: 'toString' is not a template context key (${CONTEXT_KEYS})`,
      `  - nodes[0].when at line 10, column 5: '__proto__' is not a template context key (${CONTEXT_KEYS})`,
      "  - nodes[0].files[0].content at line 12, column 20: 'hasOwnProperty' is not a template context key holding bytes (keystore.bytes)",
    ].join('\n'),
  );
});

parseTemplateSuite('a secret context key in a node path or filter root is refused, naming the key and never a value', () => {
  const bad = `
name: t
title: T
filters:
  - root: /etc/x/{{cloudService.clientSecret}}
    status: confirmed
nodes:
  - path: '{{serviceUser.home}}/{{ keystore.protectedPassword }}'
    status: confirmed
  - path: /etc/{{privateKey.encodedPkcs8}}
    status: confirmed
`;
  const refused = 'is a secret and cannot be part of a repository path, which the package\'s entry names, its filter and the build report show; use it in a property value';
  assert.fixture(
    templateError(bad),
    [
      'template bad.yaml is not valid:',
      `  - filters[0].root at line 5, column 5: {{cloudService.clientSecret}} ${refused}`,
      `  - nodes[0].path at line 8, column 5: {{keystore.protectedPassword}} ${refused}`,
      `  - nodes[1].path at line 10, column 5: {{privateKey.encodedPkcs8}} ${refused}`,
    ].join('\n'),
  );
});

parseTemplateSuite('a property given as a list holds variants, each a full spec with its own when, status and type', () => {
  const template = parseTemplate(
    `
name: t
title: T
filters: []
nodes:
  - path: /apps/x
    status: confirmed
    properties:
      url:
        - { value: '{{ims.url}}/ims/exchange/jwt', when: flow.jwt, status: inferred, source: a }
        - { value: '{{ims.url}}/ims/token/v3', when: flow.oauth, status: confirmed, source: b }
      timeout: [{ value: 5, when: flow.jwt, status: inferred }, { value: '7', status: inferred }]
`,
    't.yaml',
  );
  const props = template.nodes[0]!.properties.map((p) => [p.name, p.value, p.type, p.when ?? null, p.status]);
  assert.equal(props, [
    ['url', '{{ims.url}}/ims/exchange/jwt', 'undefined', 'flow.jwt', 'inferred'],
    ['url', '{{ims.url}}/ims/token/v3', 'undefined', 'flow.oauth', 'confirmed'],
    ['timeout', '5', 'Long', 'flow.jwt', 'inferred'],
    ['timeout', '7', 'undefined', null, 'inferred'],
  ]);
});

parseTemplateSuite('an empty variant list and a bad variant are reported with their places', () => {
  const bad = `
name: t
title: T
filters: []
nodes:
  - path: /apps/x
    status: confirmed
    properties:
      a: []
      b: [{ value: x, status: maybe }]
`;
  assert.is(
    templateError(bad),
    [
      'template bad.yaml is not valid:',
      '  - nodes[0].properties.a at line 9, column 7: expected a property spec, or a non-empty list of variants',
      '  - nodes[0].properties.b[0].status at line 10, column 23: expected one of confirmed, inferred, got "maybe"',
    ].join('\n'),
  );
});

parseTemplateSuite('a node, property or file name holding a character XML 1.0 cannot carry is refused, naming its place and the character', () => {
  const text = minimal
    .replace('      count: { value: 3, status: inferred }', '      "co\\x01unt": { value: 3, status: inferred }')
    .concat('    children:\n      - { name: "jcr:con\\0tent", status: inferred }\n    files:\n      - { name: "a\\uFFFEb", content: keystore.bytes, status: inferred }\n');
  const why = (code: string) => `is not a valid JCR name: the character U+${code} is not allowed: XML 1.0 and JCR names cannot hold it`;
  assert.is(
    templateError(text),
    [
      'template bad.yaml is not valid:',
      `  - nodes[0].properties.co\u0001unt at line 14, column 7: "co\\u0001unt" ${why('0001')}`,
      `  - nodes[0].children[0].name at line 20, column 11: "jcr:con\\u0000tent" ${why('0000')}`,
      `  - nodes[0].files[0].name at line 22, column 11: "a\\uFFFEb" ${why('FFFE')}`,
    ].join('\n'),
  );
});

parseTemplateSuite('invalid YAML is bad input naming the file', () => {
  try {
    parseTemplate('name: [unclosed', 'x.yaml');
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as Error).message, /^template x\.yaml is not valid YAML: /);
  }
});

parseTemplateSuite('flows: each flow once, its AEM versions, caveats that name a setup notice', () => {
  const flows = `flows:\n  - flow: oauth\n    aem: ['6.5 SP20 or later']\n    caveats: [ims-oauth-grant]\n`;
  assert.equal(parseTemplate(minimal + flows, 'ok.yaml').flows, [{ flow: 'oauth', aem: ['6.5 SP20 or later'], caveats: ['ims-oauth-grant'] }]);
  assert.equal(parseTemplate(minimal, 'ok.yaml').flows, []);
  const bad = `flows:\n  - flow: saml\n    aem: ['6.5']\n  - flow: jwt\n    aem: ['6.4']\n    caveats: [toString]\n  - flow: jwt\n    aem: ['6.5']\n`;
  assert.is(
    templateError(minimal + bad),
    [
      'template bad.yaml is not valid:',
      '  - flows[0].flow at line 20, column 5: expected one of jwt, oauth, got "saml"',
      "  - flows[1].caveats at line 24, column 5: 'toString' is not a setup notice (ims-oauth-grant, aio-addon-oauth-scopes, aio-addon-cloud-service)",
      "  - flows[2].flow at line 25, column 5: 'jwt' is listed twice",
    ].join('\n'),
  );
});

parseTemplateSuite('checks: a Sling health-check tag or an add-on status servlet path, each with its source; ping only on a path', () => {
  const checks = `checks:\n  - tag: ims-events\n    status: confirmed\n    source: docs\n  - path: /bin/aio/events/publish_ping.json\n    ping: true\n    status: confirmed\n`;
  assert.equal(parseTemplate(minimal + checks, 'ok.yaml').checks, [
    { status: 'confirmed', source: 'docs', kind: 'health', tag: 'ims-events' },
    { status: 'confirmed', kind: 'status', path: '/bin/aio/events/publish_ping.json', ping: true },
  ]);
  assert.equal(parseTemplate(minimal, 'ok.yaml').checks, []);
  const bad = `checks:\n  - tag: a,b\n    status: confirmed\n  - path: http://x/y.json\n    status: confirmed\n  - tag: t\n    path: /p.json\n    status: confirmed\n  - tag: t\n    ping: true\n    status: confirmed\n  - path: /bin/x.json\n    when: keystore.include\n    status: confirmed\n`;
  assert.is(
    templateError(minimal + bad),
    [
      'template bad.yaml is not valid:',
      `  - checks[0].tag at line 20, column 5: expected letters, digits, '.', '_' or '-', got "a,b"`,
      '  - checks[1].path at line 22, column 5: expected a servlet path such as /bin/aio/workspace.json, got "http://x/y.json"',
      '  - checks[2] at line 24, column 5: give either tag (a Sling health-check tag) or path (a status servlet)',
      '  - checks[3].ping at line 28, column 5: only a status servlet (path) can be a ping',
      "  - checks[4].when at line 31, column 5: unknown key (expected tag, path, ping, status, source)",
    ].join('\n'),
  );
});

parseTemplateSuite('the built-in templates name their checks: the connector tags, or the add-on servlets with publish_ping as a ping', async () => {
  const byName = Object.fromEntries((await readBuiltInTemplates()).map((t) => [t.name, t.checks.map((c) => (c.kind === 'health' ? c.tag : `${c.path}${c.ping ? ' (ping)' : ''}`))]));
  const tags = ['conf-events', 'ims-events', 'csm-events'];
  assert.equal(byName, {
    'aio-aem-events': ['/bin/aio/workspace.json', '/bin/aio/events/provider_config.json', '/bin/aio/events/provider.json', '/bin/aio/events/event_metadata.json', '/bin/aio/events/publish_ping.json (ping)'],
    'cloudservice-6.3': tags,
    'ims-6.5': tags,
  });
});

parseTemplateSuite.run();

// ---

const builtInSuite = suite('built-in templates');

builtInSuite('cloudservice-6.3 is listed and parses', async () => {
  assert.ok(listBuiltInTemplates().includes('cloudservice-6.3'));
  const template = await readTemplate('cloudservice-6.3', process.cwd());
  assert.is(template.packageType, 'content');
  assert.equal(template.aem, ['6.2', '6.3']);
});

builtInSuite('the OSGi templates are listed, parse, and make container packages for the AEM versions they serve', async () => {
  const templates = await readBuiltInTemplates();
  assert.equal(
    templates.map((t) => [t.name, t.aem, t.packageType]),
    [
      ['aio-aem-events', ['6.5', 'Cloud Service'], 'container'],
      ['cloudservice-6.3', ['6.2', '6.3'], 'content'],
      ['ims-6.5', ['6.4', '6.5'], 'container'],
    ],
  );
});

builtInSuite('every built-in name says where it comes from', async () => {
  for (const template of await readBuiltInTemplates()) {
    const entries = [...template.filters, ...template.nodes.flatMap(function all(n): TemplateNode[] { return [n, ...n.children.flatMap(all)]; }).flatMap((n) => [n, ...n.properties, ...n.files])];
    for (const entry of entries) assert.ok(entry.source !== undefined && entry.source.length > 10, `${template.name}: ${JSON.stringify(entry).slice(0, 80)}`);
  }
});

builtInSuite('an unknown name lists the built-in ones', async () => {
  try {
    await readTemplate('cloudservice-9', process.cwd());
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as Error).message, /^unknown template 'cloudservice-9'; the built-in templates are .*cloudservice-6\.3/);
  }
});

builtInSuite.run();
