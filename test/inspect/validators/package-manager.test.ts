import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readPackagePropertiesView } from '../../../src/inspect/properties-view.ts';
import { checkPackageFacts } from '../../../src/inspect/validators/package-manager.ts';
import type { PackageEntry } from '../../../src/inspect/zip-reader.ts';
import { summarize } from '../validator-helpers.ts';

const entry = (path: string, storedWithDescriptor = false): PackageEntry => ({ path, isDirectory: path.endsWith('/'), size: 1, storedWithDescriptor });
const facts = (properties: Record<string, string> | undefined, extra: Partial<Parameters<typeof checkPackageFacts>[0]> = {}) => checkPackageFacts({
  entries: [entry('jcr_root/')], hasPropertiesXml: properties !== undefined, properties: properties && readPackagePropertiesView(new Map(Object.entries(properties))),
  hasFilterXml: true, hasJcrRoot: true, ...extra,
});

const factsSuite = suite('checkPackageFacts');

factsSuite('a valid id, filter and jcr_root: nothing to say', () => {
  assert.equal(summarize(facts({ group: 'my/group', name: 'n', version: '1.0' })), []);
});

factsSuite('what Package Manager refuses or changes, in its words', () => {
  assert.equal(summarize(facts({ group: 'g', name: 'n', version: '1.0' }, { hasJcrRoot: false, hasFilterXml: false })), [
    "error Given archive is not a content package. Missing 'jcr_root'.",
    'error META-INF/vault/filter.xml is missing: Package Manager uploads the package but cannot install it ("Package not valid.")',
  ]);
  assert.equal(summarize(facts(undefined)), ['warning META-INF/vault/properties.xml is missing: without group and name Package Manager stores the package under a temporary id (temporary:pack_<uuid>)']);
  assert.equal(summarize(facts({ name: 'n' })), ["warning properties.xml has no 'group': Package Manager stores the package under a temporary id (temporary:pack_<uuid>)"]);
  assert.equal(summarize(facts({ group: 'g', name: 'n' })), [`warning properties.xml has no 'version': FileVault uses the empty version ("Package does not specify a version. setting to ''")`]);
  assert.equal(summarize(facts({ group: 'g', name: 'n', version: 'a/b' })), [
    `error package version 'a/b' is not a valid JCR name: '/' not allowed in name; Package Manager refuses the upload ("Unable to create package. Illegal package name.")`,
  ]);
  assert.equal(summarize(facts({ group: '/etc/packages/my group ', name: 'n', version: '1' })), [
    `error package group 'my group ' has an invalid segment 'my group ': Trailing spaces not allowed; Package Manager refuses the upload ("Unable to create package. Illegal package name.")`,
  ]);
});

factsSuite('the zip itself: duplicate names and STORED entries with a data descriptor', () => {
  const messages = facts({ group: 'g', name: 'n', version: '1' }, { entries: [entry('jcr_root/a.txt'), entry('jcr_root/a.txt'), entry('jcr_root/b.txt', true)] });
  assert.equal(summarize(messages), [
    "warning the zip holds 2 entries named 'jcr_root/a.txt'; zip readers disagree about which one counts",
    `error entry 'jcr_root/b.txt' is STORED with a data descriptor: java.util.zip.ZipInputStream (AEM's upload) fails with "only DEFLATED entries can have EXT descriptor"`,
  ]);
  assert.equal(messages.map((m) => m.path), ['jcr_root/a.txt', 'jcr_root/b.txt']);
});

factsSuite.run();
