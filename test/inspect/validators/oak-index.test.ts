import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createOakIndexValidator } from '../../../src/inspect/validators/oak-index.ts';
import { at, contextFor, docViewNode, summarize } from '../validator-helpers.ts';

const potential = (root: string) => `error Package 'rootpackage' contains filter rule overwriting a potential index definition below '${root}' but the according property allowIndexDefinitions is not set to 'true'`;
const atNode = "error Package 'rootpackage' contains index definition but the according property allowIndexDefinitions is not set to 'true'";

const oakSuite = suite('createOakIndexValidator');

oakSuite('FileVault test_filter: roots at or below an oak:index, not oak:index2', () => {
  // vault-validation/src/test/resources/oak-index/filter.xml
  const filter = `<workspaceFilter version="1.0">
    <filter root="/oak:index/ccProfile" mode="merge"/>
    <filter root="/apps/project/oak:index/indexDef"/>
    <filter root="/apps/anotherproject/oak:index"/>
    <filter root="/apps/project3/oak:index2"/>
</workspaceFilter>`;
  const context = contextFor({ filter });
  assert.equal(summarize(createOakIndexValidator(context)!.filter!(context.filter)), [
    potential('/oak:index/ccProfile'), potential('/apps/project/oak:index/indexDef'), potential('/apps/anotherproject/oak:index'),
  ]);
});

oakSuite('FileVault test_index_at_root and test_index_at_deep_path: any oak:QueryIndexDefinition node', () => {
  const validator = createOakIndexValidator(contextFor())!;
  const index = docViewNode({ 'jcr:primaryType': 'oak:QueryIndexDefinition', includedPaths: '[/home]]' }, 'testindex');
  assert.equal(summarize(validator.docViewNode!(index, at('/oak:index/testindex'), true)), [atNode]);
  assert.equal(summarize(validator.docViewNode!(index, at('/apps/project/oak:index/indexDef'), false)), [atNode]);
});

oakSuite('FileVault test_index_acl: access control below an index is not an index', () => {
  const context = contextFor({ filter: '<workspaceFilter version="1.0">\n  <filter root="/oak:index/rep:policy"/>\n</workspaceFilter>' });
  const validator = createOakIndexValidator(context)!;
  assert.equal(summarize(validator.filter!(context.filter)), []);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'rep:ACL' }), at('/oak:index/rep:policy'), true)), []);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'rep:GrantACE' }, 'allow'), at('/oak:index/rep:policy/allow'), false)), []);
});

oakSuite('allowIndexDefinitions=true (any case) turns the validator off', () => {
  assert.is(createOakIndexValidator(contextFor({ properties: { allowIndexDefinitions: 'TRUE' } })), undefined);
  assert.ok(createOakIndexValidator(contextFor({ properties: { allowIndexDefinitions: 'yes' } })) !== undefined);
});

oakSuite.run();
