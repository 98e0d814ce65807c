import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseTemplate } from '../../src/template/parse-template.ts';
import { renderTemplate } from '../../src/template/render-template.ts';
import type { TemplateContext } from '../../src/template/template-context.ts';
import { InputError } from '../../src/errors.ts';

const template = parseTemplate(
  `
name: t
title: T
filters:
  - root: /etc/x/{{cloudService.name}}
    status: confirmed
  - root: '{{serviceUser.home}}/keystore'
    when: keystore.include
    status: inferred
    source: here
nodes:
  - path: /etc/x/{{cloudService.name}}
    status: confirmed
    properties:
      jcr:primaryType: { value: cq:Page, status: confirmed }
    children:
      - name: jcr:content
        status: confirmed
        properties:
          jcr:primaryType: { value: cq:PageContent, status: confirmed }
          jcr:title: { value: 'Config {{cloudService.title}}', status: confirmed }
          scopes: { value: '{{ims.metascopes}}', status: inferred }
          fixed: { value: [a, '{{cloudService.name}}'], status: inferred }
          secret: { value: '{{keystore.protectedPassword}}', when: keystore.protectedPassword, status: inferred }
  - path: '{{serviceUser.home}}/keystore'
    when: keystore.include
    status: confirmed
    properties:
      jcr:primaryType: { value: sling:Folder, status: inferred }
    files:
      - name: store.p12
        content: keystore.bytes
        status: confirmed
`,
  't.yaml',
);

const bytes = new Uint8Array([1, 2, 3]);
const context: TemplateContext = {
  'cloudService.name': 'ioevents',
  'cloudService.title': 'Events',
  'serviceUser.home': '/home/users/system/u',
  'keystore.include': true,
  'keystore.bytes': bytes,
  'ims.metascopes': ['event_receiver_api', 'ent_adobeio_sdk'],
};

const renderTemplateSuite = suite('renderTemplate');

renderTemplateSuite('fills placeholders: embedded text, whole lists as multi-values, lists of text', () => {
  const rendered = renderTemplate(template, context);
  assert.equal(rendered.filter.filterSets.map((s) => s.root), ['/etc/x/ioevents', '/home/users/system/u/keystore']);
  const content = rendered.nodes[0]!.node.children[0]!;
  assert.is(content.name, 'jcr:content');
  assert.equal(content.properties, [
    { name: 'jcr:primaryType', values: ['cq:PageContent'], isMulti: false, type: 'Name' },
    { name: 'jcr:title', values: ['Config Events'], isMulti: false, type: 'undefined' },
    { name: 'scopes', values: ['event_receiver_api', 'ent_adobeio_sdk'], isMulti: true, type: 'undefined' },
    { name: 'fixed', values: ['a', 'ioevents'], isMulti: true, type: 'undefined' },
  ]);
  assert.equal(rendered.files, [{ path: '/home/users/system/u/keystore/store.p12', content: bytes }]);
});

renderTemplateSuite('lists every name with its status, in template order', () => {
  const rendered = renderTemplate(template, context);
  assert.equal(
    rendered.names.map((n) => `${n.status} ${n.kind} ${n.path}`),
    [
      'confirmed filter /etc/x/ioevents',
      'inferred filter /home/users/system/u/keystore',
      'confirmed node /etc/x/ioevents',
      'confirmed property /etc/x/ioevents/jcr:primaryType',
      'confirmed node /etc/x/ioevents/jcr:content',
      'confirmed property /etc/x/ioevents/jcr:content/jcr:primaryType',
      'confirmed property /etc/x/ioevents/jcr:content/jcr:title',
      'inferred property /etc/x/ioevents/jcr:content/scopes',
      'inferred property /etc/x/ioevents/jcr:content/fixed',
      'confirmed node /home/users/system/u/keystore',
      'inferred property /home/users/system/u/keystore/jcr:primaryType',
      'confirmed file /home/users/system/u/keystore/store.p12',
    ],
  );
});

renderTemplateSuite('when: drops entries whose value is absent or false', () => {
  const rendered = renderTemplate(template, { ...context, 'keystore.include': false, 'keystore.protectedPassword': undefined });
  assert.equal(rendered.filter.filterSets.map((s) => s.root), ['/etc/x/ioevents']);
  assert.is(rendered.nodes.length, 1);
  assert.equal(rendered.files, []);
  const withSecret = renderTemplate(template, { ...context, 'keystore.protectedPassword': '{abc}' });
  assert.equal(withSecret.nodes[0]!.node.children[0]!.properties.at(-1), { name: 'secret', values: ['{abc}'], isMulti: false, type: 'undefined' });
});

renderTemplateSuite('a missing value is bad input that says how to fix the template', () => {
  try {
    renderTemplate(template, { ...context, 'cloudService.title': undefined });
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as Error).message, "/etc/x/ioevents/jcr:content/jcr:title: {{cloudService.title}} has no value in this configuration; set it, or add 'when: cloudService.title' to the entry");
  }
});

renderTemplateSuite('only own context keys have values: {{constructor}} is missing, when: toString drops its entry', () => {
  // A template that did not pass parseTemplate's key check (as a compiled one does not).
  const node = template.nodes[0]!;
  const own = (property: { name: string; value: string; when?: string }) => ({ ...node, children: [], properties: [{ status: 'inferred' as const, type: 'undefined' as const, ...property }] });
  // The first filter only: the keystore's root needs its node.
  const filters = template.filters.slice(0, 1);
  const dropped = renderTemplate({ ...template, filters, nodes: [own({ name: 'kept', value: 'x', when: 'toString' })] }, context);
  assert.equal(dropped.nodes[0]!.node.properties, []);
  try {
    renderTemplate({ ...template, filters, nodes: [own({ name: 'title', value: '{{constructor}}' })] }, context);
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as Error).message, "/etc/x/ioevents/title: {{constructor}} has no value in this configuration; set it, or add 'when: constructor' to the entry");
  }
});

renderTemplateSuite('a value that would climb out of its parent is refused', () => {
  for (const name of ['..', 'a/../../b', 'x*']) {
    try {
      renderTemplate(template, { ...context, 'cloudService.name': name });
      assert.unreachable(`should throw for ${name}`);
    } catch (error) {
      assert.instance(error, InputError);
      assert.match((error as Error).message, /^template t filter root \/etc\/x\/\{\{cloudService\.name\}\}: segment '.*' of '\/etc\/x\/.*' is not a valid JCR name/);
    }
  }
});

renderTemplateSuite('a value that puts a character XML 1.0 cannot carry into a path is refused, naming it as U+XXXX', () => {
  try {
    renderTemplate(template, { ...context, 'cloudService.name': 'io\u0000events' });
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.is(
      (error as Error).message,
      'template t filter root /etc/x/{{cloudService.name}}: segment "io\\u0000events" of "/etc/x/io\\u0000events" is not a valid JCR name: the character U+0000 is not allowed: XML 1.0 and JCR names cannot hold it',
    );
  }
});

renderTemplateSuite('of several variants of a property, the first whose when holds is written, with its own status', () => {
  const variants = parseTemplate(
    `
name: v
title: V
filters: []
nodes:
  - path: /apps/x/config/pid
    status: confirmed
    properties:
      jcr:primaryType: { value: sling:OsgiConfig, status: confirmed }
      request:
        - { value: '{{ims.url}}/ims/exchange/jwt', when: flow.jwt, status: inferred }
        - { value: '{{ims.url}}/ims/token/v3', when: flow.oauth, status: confirmed }
      fallback:
        - { value: 1, when: flow.oauth, status: inferred }
        - { value: true, status: confirmed }
      onlyOauth: [{ value: x, when: flow.oauth, status: confirmed }]
`,
    'v.yaml',
  );
  const base = { 'ims.url': 'https://ims' };
  const jwt = renderTemplate(variants, { ...base, 'flow.jwt': true, 'flow.oauth': false });
  assert.equal(jwt.nodes[0]!.node.properties.slice(1), [
    { name: 'request', values: ['https://ims/ims/exchange/jwt'], isMulti: false, type: 'undefined' },
    { name: 'fallback', values: ['true'], isMulti: false, type: 'Boolean' },
  ]);
  assert.equal(jwt.names.slice(2).map((n) => `${n.status} ${n.path}`), ['inferred /apps/x/config/pid/request', 'confirmed /apps/x/config/pid/fallback']);
  const oauth = renderTemplate(variants, { ...base, 'flow.jwt': false, 'flow.oauth': true });
  assert.equal(oauth.nodes[0]!.node.properties.slice(1), [
    { name: 'request', values: ['https://ims/ims/token/v3'], isMulti: false, type: 'undefined' },
    { name: 'fallback', values: ['1'], isMulti: false, type: 'Long' },
    { name: 'onlyOauth', values: ['x'], isMulti: false, type: 'undefined' },
  ]);
});

renderTemplateSuite.run();
