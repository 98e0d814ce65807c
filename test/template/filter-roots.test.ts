// A template's filter roots: each must be a node or file the package writes, and none a shared
// part of the repository; FileVault removes what a root covers and the package lacks.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { parseTemplate } from '../../src/template/parse-template.ts';
import { renderTemplate } from '../../src/template/render-template.ts';

const context = { 'cloudService.name': 'ioevents', 'serviceUser.home': '/home/users/system/u', 'keystore.include': false };

/** A template with one filter root and one node at each path of `nodes` (a child jcr:content below the first). */
function templateWith(root: string, nodes: readonly string[], file?: string) {
  const yaml = [
    'name: cloudservice-6.3',
    'title: T',
    'filters:',
    `  - { root: '${root}', status: confirmed }`,
    'nodes:',
    ...nodes.map((path, i) => `  - { path: '${path}', status: confirmed, properties: { jcr:primaryType: { value: nt:unstructured, status: confirmed } }${i === 0 ? ', children: [{ name: jcr:content, status: confirmed }]' : ''} }`),
  ].join('\n');
  return { ...parseTemplate(yaml, 't.yaml'), ...(file !== undefined && { file }) };
}

function renderError(root: string, nodes: readonly string[]): string {
  try {
    renderTemplate(templateWith(root, nodes, '/w/own/template.yaml'), context);
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as InputError).exitCode, 2);
    return (error as Error).message;
  }
  assert.unreachable(`${root} should be refused`);
  return '';
}

const SHARED = "installing the package would replace or change it on AEM. Give the path of the node the template writes (such as /etc/cloudservices/eventproxy/<name>)";
const NO_NODE = "installing it would delete what is there on AEM (FileVault removes what a filter covers and the package lacks). Make the root the path of a node the template writes, with the same when:";

/** root, node paths, message after `template /w/own/template.yaml filters[0] (root: …): ` */
const REFUSED: readonly (readonly [string, readonly string[], string])[] = [
  ['/etc', ['/etc'], `the filter root /etc is a top-level node of the repository; ${SHARED}`],
  ['/libs', ['/libs'], `the filter root /libs is a top-level node of the repository; ${SHARED}`],
  ['/apps', ['/apps/x'], `the filter root /apps is a top-level node of the repository; ${SHARED}`],
  ['/libs/cq/x', ['/libs/cq/x'], `the filter root /libs/cq/x is in /libs, which no package of yours may change; ${SHARED}`],
  ['/jcr:system/x', ['/jcr:system/x'], `the filter root /jcr:system/x is in /jcr:system, which no package of yours may change; ${SHARED}`],
  ['/home/users', ['/home/users'], `the filter root /home/users is a container other applications share; ${SHARED}`],
  ['/etc/cloudservices', ['/etc/cloudservices'], `the filter root /etc/cloudservices is a container other applications share; ${SHARED}`],
  ['/etc/packages', ['/etc/packages'], `the filter root /etc/packages is a container other applications share; ${SHARED}`],
  // The root holds no node of the package: its children only, or nothing at all.
  ['/etc/cloudservices/eventproxy', ['/etc/cloudservices/eventproxy/ioevents'], `the package writes no node or file at /etc/cloudservices/eventproxy; ${NO_NODE}`],
  ['/etc/x/{{cloudService.name}}', ['/etc/y/ioevents'], `the package writes no node or file at /etc/x/ioevents; ${NO_NODE}`],
];

const filterRoots = suite('template filter roots');

for (const [root, nodes, message] of REFUSED) {
  filterRoots(`root ${root} with nodes ${nodes.join(', ')}: refused, naming the template file, the filter and why`, () => {
    assert.is(renderError(root, nodes), `template /w/own/template.yaml filters[0] (root: ${root}): ${message}`);
  });
}

filterRoots('a root at a node, at a child node or at a file of the package, below a shared container, is fine', () => {
  for (const [root, nodes] of [
    ['/etc/cloudservices/eventproxy/{{cloudService.name}}', ['/etc/cloudservices/eventproxy/ioevents']],
    ['/etc/x/ioevents/jcr:content', ['/etc/x/ioevents']],
    ['{{serviceUser.home}}/keystore', ['/home/users/system/u/keystore']],
  ] as const) {
    assert.equal(renderTemplate(templateWith(root, nodes), context).filter.filterSets.map((s) => s.root), [root.replace('{{cloudService.name}}', 'ioevents').replace('{{serviceUser.home}}', '/home/users/system/u')]);
  }
});

filterRoots('a root whose node when: dropped, while the filter stays: refused (the install would delete the node on AEM)', () => {
  const template = parseTemplate(
    `
name: t
title: T
filters:
  - { root: '{{serviceUser.home}}/keystore', status: confirmed }
nodes:
  - { path: '{{serviceUser.home}}/keystore', when: keystore.include, status: confirmed }
`,
    't.yaml',
  );
  assert.throws(() => renderTemplate(template, context), (error: Error) => error.message === `template t filters[0] (root: {{serviceUser.home}}/keystore): the package writes no node or file at /home/users/system/u/keystore; ${NO_NODE}`);
});

filterRoots.run();
