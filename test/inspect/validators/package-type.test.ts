import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createPackageTypeValidator } from '../../../src/inspect/validators/package-type.ts';
import { at, contextFor, docViewNode, FILEVAULT_TEST_FILTER, summarize } from '../validator-helpers.ts';

// An empty filter covers every path, as the mocked filter of FileVault's PackageTypeValidatorTest does.
const validatorFor = (packageType?: string, extra: Record<string, string> = {}) =>
  createPackageTypeValidator(contextFor({ properties: { ...(packageType === undefined ? {} : { packageType }), ...extra } }));
const appContent = (t: string) => `error Package of type '${t}' is not supposed to contain content below root nodes 'apps' or 'libs'!`;
const noAppContent = (t: string) => `error Package of type '${t}' is not supposed to contain content outside root nodes 'apps' or 'libs'!`;
const noOsgi = (t: string) => `error Package of type '${t}' is not supposed to contain OSGi bundles or configurations!`;
const onlyOsgi = "error Package of type 'CONTAINER' is not supposed to contain anything but OSGi bundles/configurations and subpackages!";
// vault-validation/src/test/resources/filter-with-mutable-and-immutable-roots.xml
const MUTABLE_AND_IMMUTABLE = '<workspaceFilter version="1.0">\n    <filter root="/apps/test"/>\n    <filter root="/content/test" />\n</workspaceFilter>';

const typeSuite = suite('createPackageTypeValidator');

typeSuite('FileVault testMixedPackageType: no type is a warning, mixed is legacy, nodes are not checked', () => {
  assert.equal(summarize(validatorFor().properties!(contextFor().properties)), ["warning No package type set, make sure that property 'packageType' is set in the properties.xml!"]);
  const mixed = validatorFor('mixed');
  assert.equal(summarize(mixed.nodePath!(at('/apps/some/node'))), []);
  assert.equal(summarize(mixed.properties!(contextFor({ properties: { packageType: 'mixed' } }).properties)), ["warning Package of type 'MIXED' is legacy. Use one of the other types instead!"]);
});

typeSuite('FileVault testContentPackageType: nothing below /apps or /libs, no OSGi bundles or configurations', () => {
  const validator = validatorFor('content');
  for (const path of ['/apps/some/node', '/apps', '/libs/some/node', '/libs']) assert.equal(summarize(validator.nodePath!(at(path))), [appContent('CONTENT')], path);
  for (const path of ['/content/is/allowed', '/etc/packages/some/sub/package.zip']) assert.equal(summarize(validator.nodePath!(at(path))), [], path);
  assert.equal(summarize(validator.nodePath!(at('/apps/install/mybundle-123.jar'))), [appContent('CONTENT'), noOsgi('CONTENT')]);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'sling:OsgiConfig' }), at('/apps/config/someconfig'), true)), [noOsgi('CONTENT')]);
  assert.equal(summarize(validator.docViewNode!(docViewNode({ 'jcr:primaryType': 'nt:unstructured' }), at('/apps/config/someconfig'), true)), []);
  const context = contextFor({ filter: MUTABLE_AND_IMMUTABLE, properties: { packageType: 'content' } });
  assert.equal(summarize(createPackageTypeValidator(context).filter!(context.filter)), [
    "error Package of type 'CONTENT' is not supposed to contain immutable filter root paths but has filter root '/apps/test'!",
  ]);
  assert.equal(summarize(validator.done!()), []);
});

typeSuite('FileVault testApplicationPackageType: only /apps and /libs, no bundles, hooks or filter rules', () => {
  const validator = validatorFor('application');
  for (const path of ['/apps/some/script', '/libs']) assert.equal(summarize(validator.nodePath!(at(path))), [], path);
  for (const path of ['/content/some/node', '/etc/something', '/conf/something', '/oak:index/testindex']) assert.equal(summarize(validator.nodePath!(at(path))), [noAppContent('APPLICATION')], path);
  for (const path of ['/apps/install/mybundle.jar', '/apps/install/config.cfg']) assert.equal(summarize(validator.nodePath!(at(path))), [noOsgi('APPLICATION')], path);
  assert.equal(summarize(validator.properties!(contextFor({ properties: { packageType: 'application' } }).properties)), []);
  const hooked = validatorFor('application', { 'installhook.key.class': 'com.example.ExternalHook' });
  assert.equal(summarize(hooked.properties!(contextFor({ properties: { packageType: 'application', 'installhook.key.class': 'com.example.ExternalHook' } }).properties)), [
    "error Package of type 'APPLICATION' must not contain package hooks but has '{key=com.example.ExternalHook}'!",
  ]);
  assert.equal(summarize(validator.metaInfPath!('META-INF/vault/hooks/myhook.jar', false)), ["error Package of type 'APPLICATION' must not contain package hooks but has 'vault/hooks/myhook.jar'!"]);
  const plain = contextFor({ filter: '<workspaceFilter version="1.0"><filter root="/apps/test"/></workspaceFilter>', properties: { packageType: 'application' } });
  assert.equal(summarize(createPackageTypeValidator(plain).filter!(plain.filter)), []);
  const ruled = contextFor({ filter: FILEVAULT_TEST_FILTER, properties: { packageType: 'application' } });
  assert.equal(summarize(createPackageTypeValidator(ruled).filter!(ruled.filter)), ["error Package of type 'APPLICATION' is not supposed to contain includes/excludes below any of its filters!"]);
});

typeSuite('FileVault testContainerPackageType: anything but bundles, configurations and sub-packages, reported at the end', () => {
  const validator = validatorFor('container');
  for (const [path, file] of [['/apps/some/node', 'some/file1'], ['/libs/some/node', 'some/file2'], ['/content/some/node', 'some/file3']]) {
    assert.equal(summarize(validator.nodePath!(at(path!, file!))), []);
  }
  const done = validator.done!()!;
  assert.equal(summarize(done), [onlyOsgi, onlyOsgi, onlyOsgi]);
  assert.equal(done.map((m) => [m.nodePath, m.path]), [['/apps/some/node', 'some/file1'], ['/libs/some/node', 'some/file2'], ['/content/some/node', 'some/file3']]);
  const folders = validatorFor('container');
  for (const path of ['/apps/install.runmode', '/apps/install.runmode/somebundle.jar', '/etc/packages/some/sub/package.zip', '/apps/install.runmode2']) folders.nodePath!(at(path, path));
  assert.equal(folders.done!()!.map((m) => `${m.nodePath} ${m.message}`), [`/apps/install.runmode2 ${onlyOsgi.slice('error '.length)}`]);
  const context = contextFor({ filter: MUTABLE_AND_IMMUTABLE, properties: { packageType: 'container' } });
  assert.equal(summarize(createPackageTypeValidator(context).filter!(context.filter)), [
    `error Package of type 'CONTAINER' is not supposed to contain mutable filter root paths except for subpackages below in "/etc/packages/" but has filter root '/content/test'!`,
  ]);
  const dependent = contextFor({ properties: { packageType: 'container', dependencies: 'group:a:1.0,group:b' } });
  assert.equal(summarize(createPackageTypeValidator(dependent).properties!(dependent.properties)), [
    "error Package of type 'CONTAINER' must not have package dependencies but found dependencies 'group:a:1.0group:b'!",
  ]);
});

typeSuite.run();
