import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createMergeLimitationsValidator } from '../../../src/inspect/validators/merge-limitations.ts';
import { at, contextFor, docViewNode, summarize } from '../validator-helpers.ts';

// FileVault's vault-validation/src/test/resources/filter-with-merge.xml
const FILTER_WITH_MERGE = `<workspaceFilter version="1.0">
    <filter root="/apps/test/deep" mode="merge"/>
    <filter root="/apps/test2">
    </filter>
</workspaceFilter>`;

const mergeSuite = suite('createMergeLimitationsValidator');

mergeSuite('FileVault testWithAggregateAtWrongLevel: a merge root inside a DocView file is an error (JCRVLT-255)', () => {
  const validator = createMergeLimitationsValidator(contextFor({ filter: FILTER_WITH_MERGE }));
  const node = docViewNode({ 'jcr:primaryType': 'nt:unstructured', 'jcr:title': 'title' });
  assert.equal(summarize(validator.docViewNode!(node, at('/apps/test/deep', 'jcr_root/.content.xml'), false)), [
    "error Non-empty Node '/apps/test/deep' is supposed to be imported with mode 'merge' but it is not the aggregator's root node. This is currently not supported by FileVault (https://issues.apache.org/jira/browse/JCRVLT-255).",
  ]);
});

mergeSuite('FileVault testWithAggregateAtCorrectLevel: the root of its own file is fine; so is an empty element', () => {
  const validator = createMergeLimitationsValidator(contextFor({ filter: FILTER_WITH_MERGE }));
  const node = docViewNode({ 'jcr:primaryType': 'nt:unstructured', 'jcr:title': 'title' });
  assert.equal(summarize(validator.docViewNode!(node, at('/apps/test/deep'), true)), []);
  assert.equal(summarize(validator.docViewNode!(docViewNode({}), at('/apps/test/deep'), false)), []);
});

mergeSuite.run();
