import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError } from '../../src/config/config-error.ts';
import { expandString, interpolateVariables } from '../../src/config/interpolate.ts';

const env = { SECRET: 's3cr3t', STAGE: 'stage', EMPTY: '', N: '1' };

const expandStringSuite = suite('expandString');

const cases: ReadonlyArray<readonly [string, string, readonly string[], boolean]> = [
  // text → value, variables used, has literal text
  ['${SECRET}', 's3cr3t', ['SECRET'], false],
  ['ioevents-${STAGE}', 'ioevents-stage', ['STAGE'], true],
  ['${STAGE}${N}', 'stage1', ['STAGE', 'N'], false],
  ['${EMPTY}', '', ['EMPTY'], false],
  ['$${SECRET}', '${SECRET}', [], true],
  ['a$${b}c', 'a${b}c', [], true],
  ['$$${STAGE}', '$${STAGE}', [], true],
  ['price: $5', 'price: $5', [], true],
  ['$', '$', [], true],
  ['{ no dollar }', '{ no dollar }', [], true],
  ['', '', [], false],
];
for (const [text, value, names, literal] of cases) {
  expandStringSuite(`${JSON.stringify(text)} expands to ${JSON.stringify(value)}`, () => {
    assert.equal(expandString(text, 'p', env), { value, names: [...names], literal, issues: [] });
  });
}

const MALFORMED = 'write ${NAME} with letters, digits and _ (not starting with a digit), or $${ for a literal ${';
const malformed: ReadonlyArray<readonly [string, number]> = [
  ['${', 1],
  ['abc${SECRET', 4],
  ['${}', 1],
  ['x ${1ABC}', 3],
  ['${A-B}', 1],
  ['${ SECRET }', 1],
];
for (const [text, at] of malformed) {
  expandStringSuite(`${JSON.stringify(text)} is a malformed reference at character ${at}`, () => {
    assert.equal(expandString(text, 'cloudService.title', env).issues, [
      { path: 'cloudService.title', message: `malformed variable reference at character ${at}; ${MALFORMED}` },
    ]);
  });
}

expandStringSuite('a variable that is not set is an issue naming it', () => {
  assert.equal(expandString('a-${NOPE}-b', 'cloudService.name', env).issues, [
    { path: 'cloudService.name', message: "the environment variable NOPE is not set; set it for this command (in CI, from the pipeline's secrets or variables)" },
  ]);
});

// Object.prototype's members are not variables: only the environment's own keys count.
for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
  expandStringSuite(`\${${name}} is a variable that is not set`, () => {
    for (const variables of [env, process.env]) {
      assert.equal(expandString(`\${${name}}`, 'cloudService.title', variables), {
        value: '',
        names: [name],
        literal: false,
        issues: [{ path: 'cloudService.title', message: `the environment variable ${name} is not set; set it for this command (in CI, from the pipeline's secrets or variables)` }],
      });
    }
  });
}

expandStringSuite.run();

// ---

const interpolateVariablesSuite = suite('interpolateVariables');

interpolateVariablesSuite('string values anywhere are expanded; keys, numbers and booleans are not', () => {
  const tree = { '${STAGE}': 'x', a: { b: ['${STAGE}', 1, true, null], c: 'n-${N}' }, d: '${SECRET}' };
  const result = interpolateVariables(tree, env, 'f');
  assert.equal(result.tree, { '${STAGE}': 'x', a: { b: ['stage', 1, true, null], c: 'n-1' }, d: 's3cr3t' });
  assert.equal([...result.variables], [['a.b[0]', ['STAGE']], ['a.c', ['N']], ['d', ['SECRET']]]);
  assert.equal(result.fromVariables, ['a.b[0]', 'd']);
});

interpolateVariablesSuite('every missing variable is reported together, with its field', () => {
  try {
    interpolateVariables({ cloudService: { clientSecret: '${IOEVENTS_CLIENT_SECRET}' }, keystore: { password: '${IOEVENTS_KEYSTORE_PASSWORD}' } }, {}, '/cfg/aem-ioevents.yaml');
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ConfigError);
    assert.is((error as ConfigError).code, 'E_CONFIG_VARIABLE');
    assert.is((error as ConfigError).exitCode, 2);
    assert.is(
      (error as Error).message,
      [
        'Invalid configuration file /cfg/aem-ioevents.yaml (2 problems):',
        "  - cloudService.clientSecret: the environment variable IOEVENTS_CLIENT_SECRET is not set; set it for this command (in CI, from the pipeline's secrets or variables)",
        "  - keystore.password: the environment variable IOEVENTS_KEYSTORE_PASSWORD is not set; set it for this command (in CI, from the pipeline's secrets or variables)",
      ].join('\n'),
    );
  }
});

interpolateVariablesSuite('a malformed reference inside a secret does not show the secret', () => {
  try {
    interpolateVariables({ cloudService: { clientSecret: 'p8e-Sup3rSecret${' } }, {}, 'f');
    assert.unreachable();
  } catch (error) {
    assert.not.match((error as Error).message, /Sup3r/);
    assert.match((error as Error).message, /cloudService\.clientSecret: malformed variable reference at character 16/);
  }
});

interpolateVariablesSuite.run();
