import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mergeOver, selectEnvironment } from '../../src/config/environments.ts';
import { InputError } from '../../src/errors.ts';

const base = {
  package: { name: 'eventproxy-config', dependencies: ['a:b', 'c:d'] },
  cloudService: { name: 'ioevents', title: 'Adobe I/O Events', apiKey: 'k' },
  keystore: { file: 'keys/keystore.p12', include: true },
  environments: {
    stage: { cloudService: { name: 'ioevents-stage', title: 'Stage' }, package: { dependencies: ['e:f'] }, keystore: null },
    prod: { ims: { url: 'https://ims-na1.adobelogin.com' } },
  },
};

const selectEnvironmentSuite = suite('selectEnvironment');

selectEnvironmentSuite('without --env the file is used as is, without environments', () => {
  const { environments: _, ...rest } = base;
  assert.equal(selectEnvironment(base, undefined, 'f'), { tree: rest, overridden: [], issues: [] });
});

selectEnvironmentSuite('--env merges mappings key by key, replaces lists, and null removes a key', () => {
  const selection = selectEnvironment(base, 'stage', 'f');
  assert.equal(selection.tree, {
    package: { name: 'eventproxy-config', dependencies: ['e:f'] },
    cloudService: { name: 'ioevents-stage', title: 'Stage', apiKey: 'k' },
  });
  assert.equal(selection.overridden, ['cloudService.name', 'cloudService.title', 'package.dependencies', 'keystore']);
  assert.equal(selection.issues, []);
});

selectEnvironmentSuite('an environment may add a section the file lacks', () => {
  const selection = selectEnvironment(base, 'prod', 'f');
  assert.equal(selection.tree['ims'], { url: 'https://ims-na1.adobelogin.com' });
  assert.equal(selection.overridden, ['ims']);
});

selectEnvironmentSuite('the input is not changed', () => {
  const copy = structuredClone(base);
  selectEnvironment(base, 'stage', 'f');
  assert.equal(base, copy);
});

selectEnvironmentSuite('an unknown --env name is an InputError listing the names', () => {
  try {
    selectEnvironment(base, 'qa', '/cfg/aem-ioevents.yaml');
    assert.unreachable();
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as InputError).code, 'E_CONFIG_ENV');
    assert.is((error as InputError).exitCode, 2);
    assert.is((error as Error).message, '--env qa: no such environment in /cfg/aem-ioevents.yaml; it defines stage, prod');
  }
});

selectEnvironmentSuite('--env without an environments section is an InputError', () => {
  try {
    selectEnvironment({ cloudService: {} }, 'stage', '/cfg/aem-ioevents.yaml');
    assert.unreachable();
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as Error).message, '--env stage: the configuration file /cfg/aem-ioevents.yaml has no environments section; add environments.stage or drop --env');
  }
});

selectEnvironmentSuite('--env with an empty environments mapping says it defines none', () => {
  assert.throws(() => selectEnvironment({ environments: {} }, 'stage', 'f'), (error: Error) => error.message === '--env stage: no such environment in f; it defines none');
});

selectEnvironmentSuite('unknown keys in every environment are reported, chosen or not', () => {
  const tree = {
    environments: {
      stage: { cloudservice: { name: 'x' }, ims: { urll: 'https://x' } },
      prod: { cloudService: { nmae: 'x' }, environments: {} },
      qa: 'not a mapping',
    },
  };
  assert.equal(selectEnvironment(tree, undefined, 'f').issues, [
    { path: 'environments.stage.cloudservice', message: 'unknown key; did you mean cloudService?' },
    { path: 'environments.stage.ims.urll', message: 'unknown key; did you mean url?' },
    { path: 'environments.prod.environments', message: 'environments cannot be nested; move it to the top level' },
    { path: 'environments.prod.cloudService.nmae', message: 'unknown key; did you mean name?' },
    { path: 'environments.qa', message: 'expected a mapping of sections (package, cloudService, keystore, serviceUser, ims, osgi, workspace, validation) to override' },
  ]);
});

selectEnvironmentSuite('environments that is not a mapping is an issue, or an InputError with --env', () => {
  assert.equal(selectEnvironment({ environments: ['stage'] }, undefined, 'f').issues, [
    { path: 'environments', message: 'expected a mapping of environment names to sections, like environments: { stage: { cloudService: { name: ioevents-stage } } }' },
  ]);
  assert.throws(() => selectEnvironment({ environments: ['stage'] }, 'stage', 'f'), /environments in f is not a mapping of environment names/);
});

selectEnvironmentSuite('an empty environments section (YAML null) counts as absent', () => {
  assert.equal(selectEnvironment({ a: 1, environments: null }, undefined, 'f'), { tree: { a: 1 }, overridden: [], issues: [] });
});

selectEnvironmentSuite.run();

// ---

const mergeOverSuite = suite('mergeOver');

mergeOverSuite('a key named __proto__ stays a plain key and changes no prototype', () => {
  const overlay = JSON.parse('{"a": {"__proto__": {"polluted": true}}}') as Record<string, unknown>;
  const merged = mergeOver({ a: { b: 1 } }, overlay, '', []) as Record<string, Record<string, unknown>>;
  assert.equal(Object.keys(merged['a']!), ['b', '__proto__']);
  assert.is(Object.getPrototypeOf(merged['a']), Object.prototype);
  assert.is(({} as Record<string, unknown>)['polluted'], undefined);
});

mergeOverSuite('a mapping over a scalar, and a scalar over a mapping, replace', () => {
  const overridden: string[] = [];
  assert.equal(mergeOver({ a: 1, b: { c: 1 } }, { a: { x: 1 }, b: 2 }, '', overridden), { a: { x: 1 }, b: 2 });
  assert.equal(overridden, ['a', 'b']);
});

mergeOverSuite.run();
