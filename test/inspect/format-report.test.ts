import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatInspectReport, toInspectJson } from '../../src/inspect/format-report.ts';
import { inspectPackage } from '../../src/inspect/inspect-package.ts';
import { packageZip, propertiesXml } from './zip-bytes.ts';

const JCR = 'xmlns:jcr="http://www.jcp.org/jcr/1.0"';

const reportSuite = suite('formatInspectReport');

reportSuite('shows id, properties, filter rules, the typed tree and each finding with its place', async () => {
  const bytes = await packageZip({
    'META-INF/vault/properties.xml': propertiesXml({ group: 'g', name: 'n' }),
    'META-INF/vault/filter.xml': '<workspaceFilter version="1.0"><filter root="/apps/x" mode="merge"><include pattern="/apps/x(/.*)?"/><exclude pattern=".*/p" matchProperties="true"/></filter></workspaceFilter>',
    'jcr_root/apps/x/.content.xml': `<jcr:root ${JCR} jcr:primaryType="nt:unstructured" jcr:mixinTypes="[mix:title]"><y title="t"/></jcr:root>`,
  });
  const result = await inspectPackage({ bytes }, { name: 'n.zip' });
  assert.is(formatInspectReport(result), [
    'Package     g:n (n.zip)',
    'Properties  group=g name=n',
    'Filter      /apps/x (merge)',
    '              include /apps/x(/.*)?',
    '              exclude .*/p (properties)',
    'Nodes       4',
    '  apps',
    '    x [nt:unstructured (mix:title)]',
    '      y [no jcr:primaryType]',
    'Findings    1 error, 2 warnings, 0 infos',
    '  warning package-manager META-INF/vault/properties.xml',
    "    properties.xml has no 'version': FileVault uses the empty version (\"Package does not specify a version. setting to ''\")",
    '  warning jackrabbit-packagetype META-INF/vault/properties.xml',
    "    No package type set, make sure that property 'packageType' is set in the properties.xml!",
    '  error jackrabbit-nodetypes jcr_root/apps/x/.content.xml:1:127 (/apps/x/y)',
    "    Mandatory jcr:primaryType missing on node '/apps/x/y'",
    '',
  ].join('\n'));
});

reportSuite('cuts a large tree at its line limit and says how many nodes --json has beyond it', async () => {
  const files: Record<string, string> = { 'META-INF/vault/properties.xml': propertiesXml({ group: 'g', name: 'n', version: '1' }), 'META-INF/vault/filter.xml': '<workspaceFilter/>' };
  for (let i = 0; i < 300; i++) files[`jcr_root/content/f${String(i).padStart(3, '0')}.txt`] = 'x';
  const result = await inspectPackage({ bytes: await packageZip(files) });
  const lines = formatInspectReport(result).split('\n');
  const tree = lines.slice(lines.indexOf('Nodes       302') + 1, lines.findIndex((l) => l.startsWith('Findings')));
  assert.is(result.nodeCount, 302);
  assert.is(tree.length, 201);
  assert.is(tree[0], '  content');
  assert.is(tree[199], '    f198.txt [nt:file]');
  assert.is(tree[200], '  … 101 more nodes (deeper than 6 levels or beyond 200 lines; --json lists them all)');
  const json = toInspectJson(result) as { tree: { children: { children: unknown[] }[] } };
  assert.is(json.tree.children[0]!.children.length, 300);
});

reportSuite.run();
