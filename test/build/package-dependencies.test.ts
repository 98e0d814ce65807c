import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { selectPackageDependencies } from '../../src/build/package-dependencies.ts';
import { parse, withChanges } from '../config/valid-config.ts';

const selectPackageDependenciesSuite = suite('selectPackageDependencies');

selectPackageDependenciesSuite('content and other types keep the dependencies, default or given', () => {
  for (const type of ['content', 'application', 'mixed', undefined] as const) {
    assert.equal(selectPackageDependencies(parse(withChanges({})), type, 't'), { dependencies: ['eventproxy:aem-event-proxy'], warnings: [] });
    assert.equal(selectPackageDependencies(parse(withChanges({ package: { dependencies: ['a:b'] } })), type, 't'), { dependencies: ['a:b'], warnings: [] });
  }
});

selectPackageDependenciesSuite('a container drops the default silently, and given ones with a warning', () => {
  assert.equal(selectPackageDependencies(parse(withChanges({})), 'container', 'ims-6.5'), { dependencies: [], warnings: [] });
  assert.equal(selectPackageDependencies(parse(withChanges({ package: { dependencies: [] } })), 'container', 'ims-6.5'), { dependencies: [], warnings: [] });
  assert.equal(selectPackageDependencies(parse(withChanges({ package: { dependencies: ['eventproxy:aem-event-proxy', 'a:b:[1,2)'] } })), 'container', 'ims-6.5'), {
    dependencies: [],
    warnings: [
      'package.dependencies (eventproxy:aem-event-proxy, a:b:[1,2)) are not written: template ims-6.5 makes a container package, which FileVault does not allow to have dependencies; install them before this package',
    ],
  });
});

selectPackageDependenciesSuite.run();
