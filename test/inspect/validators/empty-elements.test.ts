import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createEmptyElementsValidator } from '../../../src/inspect/validators/empty-elements.ts';
import { at, contextFor, docViewNode, FILEVAULT_TEST_FILTER, summarize } from '../validator-helpers.ts';

const EMPTY = "error Found empty node (used for ordering only) without an accompanying folder which are included in the filter with mode=replace. Either remove the empty node or add at least the 'jcr:primaryType' attribute to make this node really get replaced.";

const emptySuite = suite('createEmptyElementsValidator');

emptySuite('FileVault testWithEmptyElements: empty elements no other file defines, except rep:policy', () => {
  const validator = createEmptyElementsValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }));
  const empty = docViewNode({});
  for (const path of ['/apps/test/node1', '/apps/test/node2', '/apps/test/node3']) assert.equal(summarize(validator.docViewNode!(empty, at(path, 'jcr_root/apps/test/.content.xml'), false)), []);
  validator.docViewNode!(docViewNode({ 'jcr:title': 'title' }), at('/apps/test/node4'), false);
  validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'nt:unstructured' }), at('/apps/test/node5'), false);
  assert.equal(summarize(validator.nodePath!(at('/apps/test/node2', 'jcr_root/apps/test/node.xml'))), []);
  validator.docViewNode!(docViewNode({}, 'rep:policy'), at('/apps/test/node6'), false);
  const done = validator.done!()!;
  assert.equal(summarize(done), [EMPTY, EMPTY]);
  assert.equal(done.map((m) => [m.nodePath, m.path]), [['/apps/test/node1', 'jcr_root/apps/test/.content.xml'], ['/apps/test/node3', 'jcr_root/apps/test/.content.xml']]);
});

emptySuite('FileVault testOnlyNonEmptyElements: elements with properties are never reported', () => {
  const validator = createEmptyElementsValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }));
  validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'nt:unstructured' }), at('somepath1'), false);
  validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'nt:unstructured', 'jcr:title': 'title' }), at('somepath2'), false);
  assert.equal(summarize(validator.done!()), []);
});

emptySuite('FileVault testWithEmptyElementsAndFolders: a folder of the same path defines the node', () => {
  const validator = createEmptyElementsValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }));
  validator.docViewNode!(docViewNode({}), at('/apps/test/node1'), false);
  validator.nodePath!(at('/apps/test/node1', 'jcr_root/apps/test/node1/'));
  assert.equal(summarize(validator.done!()), []);
});

emptySuite('only replace filters count: an empty element under a merge filter is fine', () => {
  const filter = '<workspaceFilter version="1.0"><filter root="/apps/test" mode="merge"/></workspaceFilter>';
  const validator = createEmptyElementsValidator(contextFor({ filter }));
  validator.docViewNode!(docViewNode({}), at('/apps/test/node1'), false);
  assert.equal(summarize(validator.done!()), []);
});

emptySuite.run();
