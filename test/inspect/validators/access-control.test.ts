import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createAccessControlValidator } from '../../../src/inspect/validators/access-control.ts';
import { at, contextFor, docViewNode, summarize } from '../validator-helpers.ts';

const ignored = (h: string) => `error Found an access control list, but it is never considered during installation as the property 'acHandling' is set to '${h}'!`;
const missing = (h: string) => `error Found no access control list, but there is supposed to be one contained as the property 'acHandling' is set to '${h}'!`;
const acl = (type: string) => docViewNode({ 'jcr:primaryType': type, 'jcr:title': 'title' }, 'jcr:content');
const plain = docViewNode({ 'jcr:primaryType': 'nt:unstructured', 'jcr:title': 'title' }, 'jcr:content');

const aclSuite = suite('createAccessControlValidator');

aclSuite('FileVault AccessControlValidatorTest: ACLs against acHandling', () => {
  const cases: [string, typeof plain, string[], string[]][] = [
    ['merge', acl('rep:ACL'), [], []],
    ['clear', plain, [], []],
    ['merge', plain, [], [missing('MERGE')]],
    ['clear', acl('rep:PrincipalPolicy'), [ignored('CLEAR')], []],
    ['ignore', acl('rep:PrincipalPolicy'), [ignored('IGNORE')], []],
    ['merge_preserve', acl('rep:CugPolicy'), [], []],
    ['overwrite', plain, [], [missing('OVERWRITE')]],
  ];
  for (const [acHandling, node, onNode, atEnd] of cases) {
    const validator = createAccessControlValidator(contextFor({ properties: { acHandling } }));
    assert.equal(summarize(validator.docViewNode!(node, at('/apps/test/deep'), false)), onNode, `${acHandling} ${node.primaryType}`);
    assert.equal(summarize(validator.done!()), atEnd, `${acHandling} ${node.primaryType} done`);
  }
});

aclSuite('no acHandling, or an invalid one, means ignore (PackagePropertiesImpl.getACHandling)', () => {
  for (const properties of [{}, { acHandling: 'sometimes' }, { acHandling: 'IGNORE' }] as Record<string, string>[]) {
    const validator = createAccessControlValidator(contextFor({ properties }));
    assert.equal(summarize(validator.docViewNode!(acl('rep:ACL'), at('/a/rep:policy'), true)), [ignored('IGNORE')]);
  }
});

aclSuite.run();
