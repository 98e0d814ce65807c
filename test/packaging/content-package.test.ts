import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createContentPackage } from '../../src/packaging/content-package.ts';

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
