import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createFilterValidator, isRegexValidForRootPath, validateFilterXml } from '../../../src/inspect/validators/filter.ts';
import { at, contextFor, docViewNode, FILEVAULT_TEST_FILTER, summarize } from '../validator-helpers.ts';
import { withFileVaultHeader } from '../zip-bytes.ts';

const notContained = (path: string) => `error Node '${path}' is not contained in any of the filter rules`;
const ancestor = (path: string) => `warning Ancestor node '${path}' is not covered by any of the filter rules. Preferably depend on a package that provides this node or include it in the filter rules!`;
const cleanup = (path: string) => `error Node '${path}' is covered by a 'cleanup' filter rule. That filter type is only supposed to be used for removing nodes during import!`;

const nodesSuite = suite('createFilterValidator: nodes');

nodesSuite('FileVault testAllNodesContained: contained nodes pass, a node under a cleanup filter is an error', () => {
  const validator = createFilterValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }));
  const cases: [string, string[]][] = [
    ['/apps/test/huhu', []], ['/apps/test', []], ['/apps/test2/valid', []],
    ['/apps/test3/valid', [cleanup('/apps/test3/valid')]], ['/apps/test4/test/valid', []],
  ];
  for (const [path, expected] of cases) assert.equal(summarize(validator.jcrPath!(at(path), false, false)), expected, path);
});

nodesSuite('FileVault testUncontainedNodes: folders are not checked, files and non-root elements with properties are', () => {
  const validator = createFilterValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }));
  assert.equal(summarize(validator.jcrPath!(at('/apps'), true, false)), []);
  assert.equal(summarize(validator.jcrPath!(at('/apps/notcontained'), false, false)), [notContained('/apps/notcontained')]);
  assert.equal(summarize(validator.jcrPath!(at('/apps/test3/invalid'), false, false)), [notContained('/apps/test3/invalid')]);
  const titled = docViewNode({ 'jcr:primaryType': 'nt:unstructured', 'jcr:title': 'title' });
  assert.equal(summarize(validator.docViewNode!(titled, at('/apps/notcontained'), true)), [], 'the root element is checked as the file');
  assert.equal(summarize(validator.docViewNode!(docViewNode({}, 'jcr:content'), at('/apps/notcontained/ordernode'), false)), [], 'ordering element');
  assert.equal(summarize(validator.docViewNode!(titled, at('/apps/notcontained/regularnode'), false)), [notContained('/apps/notcontained/regularnode')]);
});

nodesSuite('FileVault testUncoveredAncestorNodesFailure: ancestors of roots are warnings, the known roots say so', () => {
  const validator = createFilterValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }));
  assert.equal(summarize(validator.jcrPath!(at('/apps'), false, false)), [
    "warning Ancestor node '/apps' is not covered by any of the filter rules but that node is a given root (either by a dependency or by the known roots). Remove the file(s) representing that node!",
  ]);
  assert.equal(summarize(validator.jcrPath!(at('/apps/test4'), false, false)), [ancestor('/apps/test4')]);
});

nodesSuite('FileVault testHasDanglingAncestors: the first uncontained ancestor below the root, once (JCRVLT-378)', () => {
  const filter = `<workspaceFilter version="1.0">
    <filter root="/var/acs-commons">
        <include pattern="/var/acs-commons"/>
        <include pattern="/var/acs-commons/mcp/rep:policy(/.*)?"/>
        <include pattern="/var/acs-commons/on-deploy-scripts-status"/>
        <include pattern="/var/acs-commons/on-deploy-scripts-status/rep:policy(/.*)?"/>
        <include pattern="/var/acs-commons/on-deploy-scripts-status/README.txt"/>
    </filter>
</workspaceFilter>`;
  const validator = createFilterValidator(contextFor({ filter }));
  assert.equal(summarize(validator.jcrPath!(at('/var/acs-commons/on-deploy-scripts-status/README.txt'), false, false)), []);
  assert.equal(summarize(validator.jcrPath!(at('/var/acs-commons/mcp/rep:policy'), false, false)), [ancestor('/var/acs-commons/mcp')]);
  assert.equal(summarize(validator.jcrPath!(at('/var/acs-commons/on-deploy-scripts-status/rep:policy'), false, false)), []);
  assert.equal(summarize(validator.jcrPath!(at('/var/acs-commons/mcp/rep:policy/allow'), false, false)), [], 'reported once');
});

nodesSuite('an empty filter is reported once and no node is checked against it', () => {
  const validator = createFilterValidator(contextFor({ filter: '<workspaceFilter version="1.0"></workspaceFilter>' }));
  assert.equal(summarize(validator.jcrPath!(at('/tmp/foo/bar/test.txt'), false, false)), []);
  assert.equal(summarize(validator.done!()), [
    'warning The filter has no <filter> element: FileVault imports everything below jcr_root and removes nothing, so nodes are not checked against filter rules',
  ]);
});

nodesSuite.run();

// ---

const filterSuite = suite('createFilterValidator: filter');

filterSuite('FileVault testUncoveredRootNodesInFilter: a root whose parent is neither a known root nor contained', () => {
  const validator = createFilterValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }));
  assert.equal(summarize(validator.filter!(contextFor({ filter: FILEVAULT_TEST_FILTER }).filter)), [
    "warning Filter root's ancestor '/apps/test4' is not covered by any of the specified dependencies nor a valid root.",
  ]);
});

filterSuite('the undefined root ancestor is an error in an application package, as FileVault decides', () => {
  const context = contextFor({ filter: FILEVAULT_TEST_FILTER, properties: { packageType: 'application' } });
  assert.equal(summarize(createFilterValidator(context).filter!(context.filter)), [
    "error Filter root's ancestor '/apps/test4' is not covered by any of the specified dependencies nor a valid root.",
  ]);
});

filterSuite('FileVault testFilterWithNonMatchingRegex: a pattern that cannot match below its root, a relative root', () => {
  const xml = `<workspaceFilter version="1.0">
    <filter root="/etc/project1">
        <exclude pattern="/some/other" />
    </filter>
    <filter root="invalidroot">
    </filter>
</workspaceFilter>`;
  const context = contextFor({ filter: xml });
  const messages = createFilterValidator(context).filter!(context.filter);
  assert.equal(summarize(messages), [
    "error Invalid pattern given ('/some/other') which will never match for any descendants of the root path '/etc/project1'.",
    "error Root path must be absolute, but does not start with a '/': 'invalidroot'.",
  ]);
  assert.equal([messages![0]!.line, messages![0]!.column], [3, 42]);
});

filterSuite('FileVault testIsRegexValidForRootPath vectors', () => {
  assert.is(isRegexValidForRootPath('/apps/test', '/apps'), true);
  assert.is(isRegexValidForRootPath('.*/somepath', '/apps'), true);
  assert.is(isRegexValidForRootPath('^.*/somepath$', '/apps'), true);
  assert.is(isRegexValidForRootPath('/[aps]{4}', '/apps/test'), false);
  assert.is(isRegexValidForRootPath('/apps', '/apps/test'), false);
  assert.is(isRegexValidForRootPath('/apps/test', '/apps2/test'), false);
  assert.is(isRegexValidForRootPath('/[aps]{3}/somepath', '/apps'), false);
  assert.is(isRegexValidForRootPath('/apps/test', '/apps/test'), true);
});

filterSuite('a pattern Java accepts that cannot be evaluated here is a warning, never a silent pass', () => {
  const xml = '<workspaceFilter version="1.0"><filter root="/apps"><include pattern="/apps/\\p{InGreek}+"/></filter></workspaceFilter>';
  const context = contextFor({ filter: xml });
  assert.equal(summarize(createFilterValidator(context).done!()), [
    "warning Pattern '/apps/\\p{InGreek}+' cannot be evaluated (the Java regular expression construct \\p{InGreek} is not supported); it is taken to match nothing",
    "warning Found orphaned filter entries: includes [regex: /apps/\\p{InGreek}+] below root '/apps'",
  ]);
});

filterSuite.run();

// ---

const orphanSuite = suite('createFilterValidator: orphaned rules');

orphanSuite('FileVault testOrphanedFilterEntries: roots and includes no package path matched', () => {
  const validator = createFilterValidator(contextFor({ filter: FILEVAULT_TEST_FILTER }));
  assert.equal(summarize(validator.jcrPath!(at('/apps/test3'), false, false)), [cleanup('/apps/test3')]);
  assert.equal(summarize(validator.jcrPath!(at('/apps/test2/something/anothervalid'), false, false)), [ancestor('/apps/test2/something')]);
  assert.equal(summarize(validator.jcrPath!(at('/apps/test4/test'), true, false)), []);
  assert.equal(summarize(validator.done!()), [
    "warning Found orphaned filter entries: entry with root '/apps/test', includes [regex: .*/valid] below root '/apps/test2'",
  ]);
});

orphanSuite.run();

// ---

const xmlSuite = suite('validateFilterXml');

xmlSuite('FileVault testFilterWithInvalidElements: the schema messages with their positions, then Invalid filter.xml', () => {
  const xml = withFileVaultHeader('vault-validation/src/test/resources/invalid-package/META-INF/vault/filter.xml', `<workspaceFilter version="1.0">
    <filter root="/etc/project1" mode="invalid">
        <exclude pattern=".*\\.gif" mode="merge" />
        <include pattern="["/> <!-- invalid regex -->
        <invalidelement />
    </filter>
    <filter>
        <include root=""/>
    </filter>
</workspaceFilter>`);
  const reading = validateFilterXml(xml);
  assert.is(reading.filter, undefined);
  assert.equal(reading.messages.map((m) => `${m.line}:${m.column} ${m.message}`), [
    "19:49 cvc-enumeration-valid: Value 'invalid' is not facet-valid with respect to enumeration '[replace, merge, merge_properties, update, update_properties]'. It must be a value from the enumeration.",
    "19:49 cvc-attribute.3: The value 'invalid' of attribute 'mode' on element 'filter' is not valid with respect to its type, 'mode'.",
    "20:51 cvc-complex-type.3.2.2: Attribute 'mode' is not allowed to appear in element 'exclude'.",
    "22:27 cvc-complex-type.2.4.a: Invalid content was found starting with element 'invalidelement'. One of '{exclude, include}' is expected.",
    "24:13 cvc-complex-type.4: Attribute 'root' must appear on element 'filter'.",
    "25:27 cvc-complex-type.3.2.2: Attribute 'root' is not allowed to appear in element 'include'.",
    "25:27 cvc-complex-type.4: Attribute 'pattern' must appear on element 'include'.",
    "19:49 Invalid filter.xml: Invalid value given for attribute 'mode': 'invalid'",
  ]);
  assert.ok(reading.messages.every((m) => m.severity === 'error'));
});

xmlSuite("an attribute named like Object.prototype's members is not allowed either", () => {
  const reading = validateFilterXml('<workspaceFilter version="1.0">\n  <filter root="/apps" constructor="x" toString="y"/>\n</workspaceFilter>');
  assert.equal(reading.messages.map((m) => `${m.line}:${m.column} ${m.message}`), [
    "2:54 cvc-complex-type.3.2.2: Attribute 'constructor' is not allowed to appear in element 'filter'.",
    "2:54 cvc-complex-type.3.2.2: Attribute 'toString' is not allowed to appear in element 'filter'.",
  ]);
});

xmlSuite('an invalid regular expression makes filter.xml invalid, as DefaultWorkspaceFilter.load says', () => {
  const reading = validateFilterXml('<workspaceFilter version="1.0">\n  <filter root="/apps">\n    <include pattern="/apps/["/>\n  </filter>\n</workspaceFilter>');
  assert.equal(summarize(reading.messages), ["error Invalid filter.xml: Invalid pattern given: '/apps/['"]);
  assert.equal([reading.messages[0]!.line, reading.messages[0]!.column], [3, 33]);
});

xmlSuite('XML that is not well-formed is a syntax error with its position', () => {
  const reading = validateFilterXml('<workspaceFilter version="1.0">\n  <filter root="/apps">\n</workspaceFilter>');
  assert.equal(summarize(reading.messages), ['error Invalid filter.xml: Configuration file syntax error. unexpected close tag.']);
  assert.equal([reading.messages[0]!.line, reading.messages[0]!.column], [3, 19]);
});

xmlSuite('a valid filter gives the filter and no message', () => {
  const reading = validateFilterXml(FILEVAULT_TEST_FILTER);
  assert.equal(reading.messages, []);
  assert.equal(reading.filter!.filterSets.map((s) => s.root), ['/apps/test', '/apps/test2', '/apps/test3', '/apps/test4/test']);
});

xmlSuite.run();
