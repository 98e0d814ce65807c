import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createContentPackage, isFullCoverage } from '../../src/packaging/content-package.ts';

const decode = (bytes?: Uint8Array) => new TextDecoder().decode(bytes);

const createContentPackageSuite = suite('createContentPackage');

const entries = createContentPackage({
  properties: { group: 'g', name: 'n', version: '1.0', packageType: 'content' },
  filter: { filterSets: [{ root: '/etc/cloudservices/eventproxy/io', rules: [] }, { root: '/home/users/system/u/keystore', mode: 'merge_properties', rules: [] }] },
  nodes: [
    {
      path: '/home/users/system/u/keystore',
      node: { name: 'keystore', properties: [{ name: 'jcr:primaryType', values: ['sling:Folder'], isMulti: false, type: 'undefined' }], children: [] },
    },
    {
      path: '/etc/cloudservices/eventproxy/io',
      node: {
        name: 'io',
        properties: [{ name: 'jcr:primaryType', values: ['cq:Page'], isMulti: false, type: 'undefined' }],
        children: [{ name: 'jcr:content', properties: [{ name: 'jcr:title', values: ['{x}'], isMulti: false, type: 'undefined' }, { name: 'jcr:primaryType', values: ['cq:PageContent'], isMulti: false, type: 'undefined' }], children: [] }],
      },
    },
  ],
  files: [{ path: '/home/users/system/u/keystore/store.p12', content: new Uint8Array([9]) }],
});

createContentPackageSuite('META-INF first, then jcr_root sorted, each folder with its own entry before its content', () => {
  assert.equal(entries.map((e) => e.path), [
    'META-INF/',
    'META-INF/vault/',
    'META-INF/vault/properties.xml',
    'META-INF/vault/filter.xml',
    'jcr_root/',
    'jcr_root/etc/',
    'jcr_root/etc/cloudservices/',
    'jcr_root/etc/cloudservices/eventproxy/',
    'jcr_root/etc/cloudservices/eventproxy/io/',
    'jcr_root/etc/cloudservices/eventproxy/io/.content.xml',
    'jcr_root/home/',
    'jcr_root/home/users/',
    'jcr_root/home/users/system/',
    'jcr_root/home/users/system/u/',
    'jcr_root/home/users/system/u/keystore/',
    'jcr_root/home/users/system/u/keystore/.content.xml',
    'jcr_root/home/users/system/u/keystore/store.p12',
  ]);
  assert.ok(entries.filter((e) => e.path.endsWith('/')).every((e) => e.content === undefined));
});

createContentPackageSuite('filter.xml and the DocView are FileVault canonical text', () => {
  const byPath = new Map(entries.map((e) => [e.path, decode(e.content)]));
  assert.fixture(
    byPath.get('META-INF/vault/filter.xml')!,
    '<?xml version="1.0" encoding="UTF-8"?>\n<workspaceFilter version="1.0">\n    <filter root="/etc/cloudservices/eventproxy/io"/>\n    <filter root="/home/users/system/u/keystore" mode="merge_properties"/>\n</workspaceFilter>\n',
  );
  assert.fixture(
    byPath.get('jcr_root/etc/cloudservices/eventproxy/io/.content.xml')!,
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0" xmlns:cq="http://www.day.com/jcr/cq/1.0"',
      '    jcr:primaryType="cq:Page">',
      '    <jcr:content',
      '        jcr:primaryType="cq:PageContent"',
      '        jcr:title="\\{x}"/>',
      '</jcr:root>',
      '',
    ].join('\n'),
  );
  assert.is(byPath.get('META-INF/vault/properties.xml')!.split('\n')[4], '<entry key="group">g</entry>');
});

createContentPackageSuite.run();

// ---

const prop = (name: string, values: string[]) => ({ name, values, isMulti: name === 'jcr:mixinTypes', type: 'undefined' as const });

const isFullCoverageSuite = suite('isFullCoverage');

isFullCoverageSuite('the node types and mixins of FileVault\'s full aggregator, nothing else', () => {
  const node = (properties: ReturnType<typeof prop>[]) => ({ name: 'n', properties, children: [] });
  for (const type of ['sling:OsgiConfig', 'rep:ACL', 'rep:CugPolicy', 'rep:PrincipalPolicy', 'cq:Widget', 'cq:EditConfig', 'cq:WorkflowModel']) {
    assert.ok(isFullCoverage(node([prop('jcr:primaryType', [type])])), type);
  }
  assert.ok(isFullCoverage(node([prop('jcr:primaryType', ['nt:unstructured']), prop('jcr:mixinTypes', ['mix:versionable', 'vlt:FullCoverage'])])));
  assert.ok(isFullCoverage(node([prop('jcr:primaryType', ['nt:unstructured']), prop('jcr:mixinTypes', ['mix:language'])])));
  for (const type of ['cq:Page', 'sling:Folder', 'nt:unstructured', 'nt:folder']) assert.not.ok(isFullCoverage(node([prop('jcr:primaryType', [type])])), type);
  assert.not.ok(isFullCoverage(node([])));
});

isFullCoverageSuite('a sling:OsgiConfig is written as <name>.xml beside its siblings, its folders each with an entry', () => {
  const osgi = createContentPackage({
    properties: { group: 'g', name: 'n', version: '1.0', packageType: 'container' },
    filter: { filterSets: [{ root: '/apps/a/config/p~x', rules: [] }] },
    nodes: [{ path: '/apps/a/config/p~x', node: { name: 'p~x', properties: [prop('jcr:primaryType', ['sling:OsgiConfig']), { name: 'n', values: ['5'], isMulti: false, type: 'Long' }], children: [] } }],
    files: [],
  });
  assert.equal(osgi.map((e) => e.path).slice(4), ['jcr_root/', 'jcr_root/apps/', 'jcr_root/apps/a/', 'jcr_root/apps/a/config/', 'jcr_root/apps/a/config/p~x.xml']);
  assert.is(
    decode(osgi.at(-1)!.content),
    '<?xml version="1.0" encoding="UTF-8"?>\n<jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0" xmlns:sling="http://sling.apache.org/jcr/sling/1.0"\n    jcr:primaryType="sling:OsgiConfig"\n    n="{Long}5"/>\n',
  );
});

isFullCoverageSuite.run();
