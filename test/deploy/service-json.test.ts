import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { getInstallPath, getUploadPath, isPackagePath, parsePackmgrJsonAnswer } from '../../src/deploy/service-json.ts';

const parseSuite = suite('parsePackmgrJsonAnswer');

const answers: ReadonlyArray<readonly [string, string, ReturnType<typeof parsePackmgrJsonAnswer>]> = [
  ['an upload', '{"success":true,"msg":"Package uploaded","path":"/etc/packages/my_packages/UNIVERSE.zip"}', { success: true, msg: 'Package uploaded', path: '/etc/packages/my_packages/UNIVERSE.zip' }],
  ['a refusal', `{"success":false,"msg":"Zip File is not a content package. Missing 'jcr_root'."}`, { success: false, msg: "Zip File is not a content package. Missing 'jcr_root'.", path: undefined }],
  ['success as a string', '{"success":"true","msg":"Package installed"}', { success: true, msg: 'Package installed', path: undefined }],
  ['no success', '{"msg":"x"}', { success: undefined, msg: 'x', path: undefined }],
  ['an array', '[]', undefined],
  ['HTML', '<html></html>', undefined],
];
for (const [title, text, expected] of answers) {
  parseSuite(title, () => assert.equal(parsePackmgrJsonAnswer(text), expected));
}

parseSuite.run();

// ---

const pathSuite = suite('getInstallPath');

pathSuite('the install URL path encodes each segment and keeps the slashes of a group', () => {
  assert.is(getUploadPath(), '/crx/packmgr/service/.json/?cmd=upload');
  assert.is(getInstallPath('/etc/packages/aem-ioevents/eventproxy-config-1.0.0.zip'), '/crx/packmgr/service/.json/etc/packages/aem-ioevents/eventproxy-config-1.0.0.zip?cmd=install');
  assert.is(getInstallPath('/etc/packages/my group/a#b-1.zip'), '/crx/packmgr/service/.json/etc/packages/my%20group/a%23b-1.zip?cmd=install');
});

pathSuite.run();

// ---

const isPackagePathSuite = suite('isPackagePath');

const paths: ReadonlyArray<readonly [string, boolean]> = [
  ['/etc/packages/my_packages/UNIVERSE.zip', true],
  ['/etc/packages/adobe/cq60/x-1.0.zip', true],
  ['/etc/packages/x.zip', true],
  ['/etc/packages/../../apps/x.zip', false],
  ['/content/x.zip', false],
  ['/etc/packages/x', false],
];
for (const [path, expected] of paths) {
  isPackagePathSuite(`${path}: ${expected}`, () => assert.is(isPackagePath(path), expected));
}

isPackagePathSuite.run();
