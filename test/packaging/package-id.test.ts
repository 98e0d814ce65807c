import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatPackageId, getDownloadName, getPackageIdError, getPackagePath, type PackageId } from '../../src/packaging/package-id.ts';

const id: PackageId = { group: 'aem-ioevents', name: 'eventproxy-config', version: '1.0.0' };
const nested: PackageId = { group: 'my/deep/group', name: 'tmp', version: '' };

const formatSuite = suite('formatPackageId');

formatSuite('writes group:name:version, and group:name without a version', () => {
  assert.is(formatPackageId(id), 'aem-ioevents:eventproxy-config:1.0.0');
  assert.is(formatPackageId(nested), 'my/deep/group:tmp');
});

formatSuite.run();

// ---

const namesSuite = suite('getDownloadName, getPackagePath');

namesSuite('name-version.zip under /etc/packages/<group>/', () => {
  assert.is(getDownloadName(id), 'eventproxy-config-1.0.0.zip');
  assert.is(getPackagePath(id), '/etc/packages/aem-ioevents/eventproxy-config-1.0.0.zip');
  assert.is(getDownloadName(nested), 'tmp.zip');
  assert.is(getPackagePath(nested), '/etc/packages/my/deep/group/tmp.zip');
  assert.is(getPackagePath({ group: '', name: 'x', version: '1' }), '/etc/packages/x-1.zip');
});

namesSuite.run();

// ---

const errorSuite = suite('getPackageIdError');

errorSuite('a valid id has no error', () => {
  assert.is(getPackageIdError(id), undefined);
  assert.is(getPackageIdError(nested), undefined);
});

errorSuite('tmp with a trailing space is refused, as FileVault refuses tmp_illegal.zip', () => {
  assert.is(getPackageIdError({ group: 'my_packages', name: 'tmp ', version: '' }), "package name 'tmp ' is not a valid JCR name: Trailing spaces not allowed");
});

errorSuite('the version and every group segment must be JCR names too', () => {
  assert.is(getPackageIdError({ ...id, version: '1.0/x' }), "package version '1.0/x' is not a valid JCR name: '/' not allowed in name");
  assert.is(getPackageIdError({ ...id, group: 'a/b*/c' }), "package group 'a/b*/c' has an invalid segment 'b*': '*' not allowed in name");
  assert.is(getPackageIdError({ ...id, name: '..' }), "package name '..' is not a valid JCR name: '..' is not a valid name");
});

errorSuite.run();
