import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createDuplicateUuidValidator } from '../../../src/inspect/validators/duplicate-uuid.ts';
import { at, contextFor, docViewNode, FILEVAULT_TEST_FILTER, summarize } from '../validator-helpers.ts';

const uuidSuite = suite('createDuplicateUuidValidator');

uuidSuite('FileVault testWithDuplicates: the second node with a jcr:uuid already seen', () => {
  const validator = createDuplicateUuidValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }));
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:uuid': '1' }), at('/apps/test/node1'), false)), []);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:uuid': '2' }), at('/apps/test/node2'), false)), []);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:uuid': '1' }), at('/apps/test/node3'), false)), [
    "error Found the same jcr:uuid value '1' in '/apps/test/node1' and '/apps/test/node3'",
  ]);
});

uuidSuite('nodes outside the filter are not imported, so their uuids do not count', () => {
  const validator = createDuplicateUuidValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }));
  validator.docViewNode!(docViewNode({ 'jcr:uuid': '1' }), at('/other/a'), false);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:uuid': '1' }), at('/apps/test/b'), false)), []);
});

uuidSuite.run();
