import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createNodeTypesValidator } from '../../../src/inspect/validators/node-types.ts';
import { readCndDeclarations } from '../../../src/inspect/validators/node-type-names.ts';
import { at, contextFor, docViewNode, FILEVAULT_TEST_FILTER, summarize } from '../validator-helpers.ts';

const SKIP = 'Skip validation of nodes with that type/name';
const none = readCndDeclarations([]);
const validatorFor = (cnds: string[] = []) => createNodeTypesValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }), readCndDeclarations(cnds));

const typesSuite = suite('createNodeTypesValidator');

typesSuite('FileVault testExistenceOfPrimaryNodeTypes: an element with properties in the filter needs jcr:primaryType', () => {
  const validator = validatorFor();
  assert.equal(summarize(validator.docViewNode!(docViewNode({}), at('/apps/test'), false)), [], 'ordering element');
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:title': 'mytitle' }), at('/apps/test'), false)), ["error Mandatory jcr:primaryType missing on node '/apps/test'"]);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'nt:unstructured', 'jcr:title': 'mytitle' }), at('/apps/test'), false)), []);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ prop1: 'x' }), at('/apps/test/node4'), false)), ["error Mandatory jcr:primaryType missing on node '/apps/test/node4'"]);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:title': 'outside' }), at('/other/node'), false)), [], 'outside the filter');
});

typesSuite('FileVault testUnknownNamespaceInType and testUnknownNamespaceInName: warnings, each once', () => {
  const validator = validatorFor();
  const folder = docViewNode({ 'jcr:primaryType': 'sling:Folder' });
  assert.equal(summarize(validator.docViewNode!(folder, at('/apps/test/node4'), false)), [`warning Invalid primary type 'sling:Folder': sling: is not a registered namespace prefix. ${SKIP}`]);
  assert.equal(summarize(validator.docViewNode!(folder, at('/apps/test/node5'), false)), [], 'once');
  const dialog = createNodeTypesValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }), none);
  assert.equal(summarize(dialog.docViewNode!(docViewNode({ 'jcr:primaryType': 'nt:folder' }), at('/apps/test/cq:dialog', 'jcr_root/apps/test/_cq_dialog'), false)), [
    `warning Invalid node name 'cq:dialog': cq: is not a registered namespace prefix. ${SKIP}`,
  ]);
  assert.equal(summarize(dialog.docViewNode!(docViewNode({ 'jcr:primaryType': 'nt:folder' }), at('/apps/test/cq:other'), false)), [], 'registered on demand');
});

typesSuite('a type unknown in a registered namespace, and a mixin with an unknown prefix', () => {
  const validator = validatorFor();
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'nt:foo' }), at('/apps/test/a'), false)), [`warning {http://www.jcp.org/jcr/nt/1.0}foo ${SKIP}`]);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'nt:unstructured', 'jcr:mixinTypes': '[mix:title,cq:ReplicationStatus]' }), at('/apps/test/b'), false)), [
    `warning Invalid mixin type 'cq:ReplicationStatus': cq: is not a registered namespace prefix. ${SKIP}`,
  ]);
});

typesSuite("the package's own CND makes its namespaces and types known", () => {
  const validator = validatorFor(["<'sling'='http://sling.apache.org/jcr/sling/1.0'>\n// a comment\n[sling:Folder] > nt:folder\n  - * (undefined)\n"]);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'sling:Folder' }), at('/apps/test/x'), false)), []);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'sling:OrderedFolder' }), at('/apps/test/y'), false)), [`warning {http://sling.apache.org/jcr/sling/1.0}OrderedFolder ${SKIP}`]);
});

typesSuite.run();

// ---

const cndSuite = suite('readCndDeclarations');

cndSuite("a node type whose prefix is declared nowhere is left out, also a prefix named like Object.prototype's members", () => {
  const declared = readCndDeclarations(["<'my'='http://example.com/my'>\n[my:type]\n[constructor:type]\n[toString:type]\n[other:type]"]);
  assert.equal(declared.types, ['{http://example.com/my}type']);
});

cndSuite.run();
