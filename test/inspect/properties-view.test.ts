import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readPackagePropertiesView } from '../../src/inspect/properties-view.ts';

const view = (entries: Record<string, string>) => readPackagePropertiesView(new Map(Object.entries(entries)));

const viewSuite = suite('readPackagePropertiesView');

viewSuite('reads the id, the enums ignoring case, hooks and dependencies as PackagePropertiesImpl does', () => {
  const v = view({ group: '/etc/packages/my/group', name: 'n', packageType: 'Application', acHandling: 'Merge_Preserve', 'installhook.a.class': 'x.A', dependencies: 'g:a:[1.0,2.0),g:b', allowIndexDefinitions: 'True' });
  assert.equal(v.id, { group: 'my/group', name: 'n', version: '' });
  assert.equal([v.packageType, v.acHandling, v.allowIndexDefinitions], ['application', 'merge_preserve', true]);
  assert.equal([...v.externalHooks], [['a', 'x.A']]);
  assert.equal(v.dependencies, ['g:a:[1.0,2.0)', 'g:b']);
});

viewSuite('absent or invalid values fall back as in FileVault: no id, no type, acHandling ignore', () => {
  const v = view({ name: 'n', packageType: 'library', acHandling: 'sometimes' });
  assert.equal([v.id, v.packageType, v.acHandling, v.allowIndexDefinitions, v.dependencies], [undefined, undefined, 'ignore', false, []]);
  assert.equal(view({ group: '/g', name: 'n', version: '2' }).id, { group: 'g', name: 'n', version: '2' });
});

viewSuite.run();
