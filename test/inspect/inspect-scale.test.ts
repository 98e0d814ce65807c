import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FindingCollector } from '../../src/inspect/finding-collector.ts';
import { formatInspectReport, toInspectJson } from '../../src/inspect/format-report.ts';
import { inspectPackage } from '../../src/inspect/inspect-package.ts';
import { PackageTreeBuilder, walkPackageTree } from '../../src/inspect/package-tree.ts';
import { readDocViewFile } from '../../src/inspect/docview-file.ts';
import { filterXml, packageZip, propertiesXml } from './zip-bytes.ts';

const JCR = 'xmlns:jcr="http://www.jcp.org/jcr/1.0"';

const scaleSuite = suite('inspectPackage: a package of many nodes (issue 11, point 7)');

scaleSuite('one .content.xml of 12,000 siblings: exact counts, the first 10,000 nodes in the tree, 100 findings of a kind and the rest counted', async () => {
  // Every other sibling has no jcr:primaryType: 6,000 errors of jackrabbit-nodetypes.
  const siblings = Array.from({ length: 12_000 }, (_, i) => `<n${i} ${i % 2 === 0 ? 'p="1"' : 'jcr:primaryType="nt:unstructured"'}/>`).join('\n');
  const bytes = await packageZip({
    'META-INF/vault/properties.xml': propertiesXml({ group: 'g', name: 'n', version: '1', packageType: 'content' }),
    'META-INF/vault/filter.xml': filterXml('/content/s'),
    'jcr_root/content/s/.content.xml': `<jcr:root ${JCR} jcr:primaryType="nt:unstructured">\n${siblings}\n</jcr:root>`,
  });
  const result = await inspectPackage({ bytes }, { name: 's.zip' });
  assert.equal([result.nodeCount, result.omittedNodes, result.counts], [12_003, 2_003, { errors: 6_000, warnings: 0, infos: 0 }]);
  const kept = [...walkPackageTree(result.tree)].map(({ node }) => node.path);
  assert.equal([kept.length, kept.slice(0, 4), kept.at(-1)], [10_000, ['/', '/content', '/content/s', '/content/s/n0'], '/content/s/n9996']);
  assert.is(result.findings.length, 100);
  assert.equal(result.findings[99], {
    validator: 'jackrabbit-nodetypes', severity: 'error', path: 'jcr_root/content/s/.content.xml', message: "Mandatory jcr:primaryType missing on node '/content/s/n198'",
    nodePath: '/content/s/n198', line: 200, column: 14,
  });
  assert.equal(result.omittedFindings, [{ validator: 'jackrabbit-nodetypes', severity: 'error', count: 5_900 }]);
  const report = formatInspectReport(result).split('\n');
  assert.equal(report.slice(3, 4), ['Nodes       12003']);
  assert.equal(report.slice(204, 206), [
    '  … 11802 more nodes (deeper than 6 levels or beyond 200 lines; --json lists the first 10000)',
    'Findings    6000 errors, 0 warnings, 0 infos',
  ]);
  assert.equal(report.slice(-3), [
    "    Mandatory jcr:primaryType missing on node '/content/s/n198'",
    '  … and 5900 more errors of jackrabbit-nodetypes (100 of each validator and severity are listed)',
    '',
  ]);
  const json = toInspectJson(result);
  assert.equal([json.nodeCount, json.omittedNodes, json.omittedFindings, json.ok], [12_003, 2_003, [{ validator: 'jackrabbit-nodetypes', severity: 'error', count: 5_900 }], false]);
});

scaleSuite.run();

// ---

const collectorSuite = suite('FindingCollector: the cap per validator and severity');

collectorSuite('keeps the first findings of each validator and severity, counts the others once each', () => {
  const collector = new FindingCollector(2);
  const error = (text: string) => ({ severity: 'error' as const, message: text });
  collector.add('jackrabbit-nodetypes', [error('a'), error('b'), error('a'), error('c'), error('d')], { path: 'f' });
  collector.add('jackrabbit-filter', [{ severity: 'warning', message: 'w' }], { path: 'f' });
  collector.add('jackrabbit-nodetypes', [error('d'), error('e'), { severity: 'warning', message: 'x' }], { path: 'f' });
  assert.equal(collector.findings.map((f) => `${f.validator} ${f.severity} ${f.message}`), [
    'jackrabbit-nodetypes error a', 'jackrabbit-nodetypes error b', 'jackrabbit-filter warning w', 'jackrabbit-nodetypes warning x',
  ]);
  assert.equal(collector.omitted, [{ validator: 'jackrabbit-nodetypes', severity: 'error', count: 3 }]);
  assert.equal(collector.counts, { errors: 5, warnings: 2, infos: 0 });
});

collectorSuite.run();

// ---

const treeSuite = suite('PackageTreeBuilder: the first nodes in depth-first order');

treeSuite('keeps a depth-first prefix whatever the order nodes come in, and counts every node once', () => {
  const tree = new PackageTreeBuilder('p.zip', 4);
  tree.addFolder('/a', 'jcr_root/a/');
  tree.addFolder('/b', 'jcr_root/b/');
  tree.addDocViewNode('/a/x', 'jcr_root/a/.content.xml', 'nt:unstructured', []); // before /b: /b is given up
  tree.addFolder('/b/y', 'jcr_root/b/y/'); // below a node given up
  tree.addDocViewNode('/a/z', 'jcr_root/a/.content.xml', 'nt:unstructured', []);
  tree.addFile('/a/x/deep', 'jcr_root/a/x/deep'); // before /a/z: /a/z is given up
  tree.addFolder('/c', 'jcr_root/c/');
  tree.addFolder('/b', 'jcr_root/b/'); // known already
  assert.equal([...walkPackageTree(tree.build())].map(({ node }) => `${node.path} ${node.primaryType ?? '-'}`), ['/ -', '/a -', '/a/x nt:unstructured', '/a/x/deep nt:file']);
  assert.equal([tree.size, tree.omitted], [8, 4]);
});

treeSuite.run();

// ---

const streamSuite = suite('readDocViewFile: elements visited one at a time');

streamSuite('character data after a child is still reported with its element, before the child', () => {
  const visits = readDocViewFile(`<jcr:root ${JCR} a="1">one<b c="2">two</b>three<d/></jcr:root>`, '/x');
  assert.equal(visits.map((v) => `${v.path} ${v.characterData.map((d) => `${d.text}@${d.column}`).join(',')}`), ['/x one@60,three@81', '/x/b two@73', '/x/d ']);
});

streamSuite.run();
