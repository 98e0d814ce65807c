import { readdirSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { inspectPackage, type InspectResult } from '../../src/inspect/inspect-package.ts';
import { walkPackageTree } from '../../src/inspect/package-tree.ts';
import { findCorpusDir } from '../docview/corpus.ts';

const corpusDir = findCorpusDir();

function listZips(dir: string, prefix = ''): string[] {
  return readdirSync(dir + prefix, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return listZips(dir, `${prefix}${entry.name}/`);
    return entry.name.endsWith('.zip') ? [prefix + entry.name] : [];
  }).sort();
}

const results = new Map<string, InspectResult>();
async function inspected(zip: string): Promise<InspectResult> {
  let result = results.get(zip);
  if (result === undefined) results.set(zip, (result = await inspectPackage({ file: corpusDir + zip }, { name: zip })));
  return result;
}

const messages = (result: InspectResult, severity: string): string[] => result.findings.filter((f) => f.severity === severity).map((f) => `${f.validator}: ${f.message}`);
const paths = (result: InspectResult): string[] => [...walkPackageTree(result.tree)].map(({ node }) => `${node.path}${node.primaryType === undefined ? '' : ` [${node.primaryType}]`}`);

const corpusSuite = suite('inspectPackage on FileVault\'s test packages');

corpusSuite('reads every package of the corpus without a crash', async () => {
  if (corpusDir === undefined) return;
  const zips = listZips(corpusDir);
  assert.ok(zips.length >= 90, `${zips.length} packages`);
  for (const zip of zips) {
    const result = await inspected(zip);
    assert.is(result.package, zip);
    assert.ok(result.nodeCount >= 1, zip);
    assert.equal(result.counts.errors + result.counts.warnings + result.counts.infos, result.findings.length, zip);
  }
});

corpusSuite('README: tmp_illegal.zip is refused for its package name (trailing space)', async () => {
  if (corpusDir === undefined) return;
  assert.equal(messages(await inspected('tmp_illegal.zip'), 'error'), [
    `package-manager: package name 'tmp ' is not a valid JCR name: Trailing spaces not allowed; Package Manager refuses the upload ("Unable to create package. Illegal package name.")`,
  ]);
});

corpusSuite('README: properties-with-0mtime.zip uploads but is not installable (no filter.xml)', async () => {
  if (corpusDir === undefined) return;
  assert.equal(messages(await inspected('properties-with-0mtime.zip'), 'error'), [
    'package-manager: META-INF/vault/filter.xml is missing: Package Manager uploads the package but cannot install it ("Package not valid.")',
  ]);
});

corpusSuite('README: the minimal package has no error; warnings only for the empty filter, no version, no package type', async () => {
  if (corpusDir === undefined) return;
  const result = await inspected('tmp_foo_bar_test_minimal.zip');
  assert.equal(messages(result, 'error'), []);
  assert.equal(messages(result, 'warning'), [
    `package-manager: properties.xml has no 'version': FileVault uses the empty version ("Package does not specify a version. setting to ''")`,
    "jackrabbit-packagetype: No package type set, make sure that property 'packageType' is set in the properties.xml!",
    'jackrabbit-filter: The filter has no <filter> element: FileVault imports everything below jcr_root and removes nothing, so nodes are not checked against filter rules',
  ]);
  assert.equal(result.id, { group: 'my_packages', name: 'tmp_foo_bar_test_minimal', version: '' });
  assert.equal(paths(result), ['/', '/tmp', '/tmp/foo', '/tmp/foo/bar', '/tmp/foo/bar/test.txt [nt:file]']);
});

corpusSuite('README: full coverage, binary properties, same-name siblings and package types read as FileVault reads them', async () => {
  if (corpusDir === undefined) return;
  const full = await inspected('fullcoverage.zip');
  assert.equal(paths(full).slice(2), ['/tmp/fullcoverage [nt:unstructured]', '/tmp/fullcoverage/a [nt:unstructured]', '/tmp/fullcoverage/a/aa [nt:unstructured]', '/tmp/fullcoverage/b [nt:unstructured]']);
  assert.equal(full.tree.children[0]!.children[0]!.mixinTypes, ['vlt:FullCoverage']);
  assert.equal(paths(await inspected('tmp_binary.zip')), ['/ [rep:root]', '/tmp [sling:Folder]', '/tmp/binary [nt:unstructured]', '/tmp/binary/test [nt:unstructured]']);
  assert.equal(paths(await inspected('test_sns.zip')).slice(3), ['/tmp/testroot/foo [nt:unstructured]', '/tmp/testroot/foo[2] [nt:unstructured]', '/tmp/testroot/foo[3] [nt:unstructured]']);
  for (const type of ['application', 'content', 'container', 'mixed']) {
    assert.is((await inspected(`packagetype/${type}-pkg.zip`)).properties?.packageType, type);
  }
  assert.equal(messages(await inspected('packagetype/mixed-pkg.zip'), 'warning')[0], "jackrabbit-packagetype: Package of type 'MIXED' is legacy. Use one of the other types instead!");
  assert.equal(messages(await inspected('packagetype/notype-pkg.zip'), 'warning')[0], "jackrabbit-packagetype: No package type set, make sure that property 'packageType' is set in the properties.xml!");
});

corpusSuite('the exporter\'s own packages read clean: tmp.zip has no error and its CND makes sling: known', async () => {
  if (corpusDir === undefined) return;
  const result = await inspected('tmp.zip');
  assert.equal(messages(result, 'error'), []);
  assert.equal(result.findings.filter((f) => f.validator === 'jackrabbit-nodetypes'), []);
  assert.equal(result.filter?.filterSets.map((s) => s.root), ['/tmp']);
});

corpusSuite.run();
