import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { CONFIG_FIELD_DOCS } from '../../src/config/field-docs.ts';
import { CONFIG_SCHEMA_FILE, createConfigJsonSchema, formatConfigJsonSchema } from '../../src/config/json-schema.ts';
import { CONFIG_DEFAULTS, CONFIG_KEYS, TOP_LEVEL_KEYS } from '../../src/config/schema.ts';
import { fillInExampleValues, readGolden, STARTER_CASES } from '../init/starter-cases.ts';

type Schema = { properties: Record<string, { properties: Record<string, { default?: unknown }>; required?: string[] }> };

const shipped = readFileSync(new URL(`../../${CONFIG_SCHEMA_FILE}`, import.meta.url), 'utf8');
const schema = JSON.parse(shipped) as Schema;
// An independent validator (a devDependency only), strict about the schema itself.
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(JSON.parse(shipped) as object);
const yamlFixture = (path: string) => parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const errorsOf = (value: unknown) => (validate(value) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));

test('the shipped schema file is what the configuration model makes (run npm run schema after changing schema.ts)', () => {
  assert.fixture(shipped, formatConfigJsonSchema());
});

test('the schema has exactly the keys of CONFIG_KEYS, at the top and in every environment', () => {
  assert.equal(Object.keys(schema.properties), TOP_LEVEL_KEYS);
  for (const [section, keys] of Object.entries(CONFIG_KEYS)) {
    assert.equal(Object.keys(schema.properties[section]!.properties), [...keys], section);
    assert.equal(Object.keys(CONFIG_FIELD_DOCS[section as keyof typeof CONFIG_KEYS].fields), [...keys], section);
  }
  const entry = (createConfigJsonSchema() as { properties: { environments: { additionalProperties: { properties: Record<string, unknown> } } } }).properties.environments.additionalProperties;
  assert.equal(Object.keys(entry.properties), Object.keys(CONFIG_KEYS));
});

test('the defaults in the schema are CONFIG_DEFAULTS', () => {
  for (const [section, defaults] of Object.entries(CONFIG_DEFAULTS)) {
    for (const [key, value] of Object.entries(defaults)) assert.equal(schema.properties[section]!.properties[key]!.default, value, `${section}.${key}`);
  }
});

test('the example configurations are valid', () => {
  for (const path of ['fixtures/example/aem-ioevents.yaml', 'fixtures/config/example.yaml']) assert.equal(errorsOf(yamlFixture(path)), [], path);
});

test('every starter is valid once its <fill in> values are given, and names each one before', () => {
  for (const { golden } of STARTER_CASES) {
    assert.equal(errorsOf(parse(fillInExampleValues(readGolden(golden)))), [], golden);
    assert.ok(errorsOf(parse(readGolden(golden))).some((error) => error.startsWith('/cloudService/apiKey ') || error.startsWith('/cloudService/organizationId ')), golden);
  }
});

test('the schema rejects what build rejects: an unknown key, a wrong type, a malformed id, a missing or doubled secret, OAuth without scopes', () => {
  const example = yamlFixture('fixtures/example/aem-ioevents.yaml');
  const cloudService = example['cloudService'] as Record<string, unknown>;
  const cases: [Record<string, unknown>, string[]][] = [
    [{ ...example, cloudService: { ...cloudService, clientSecert: 'x' } }, ['/cloudService must NOT have additional properties']],
    [{ ...example, cloudservice: {} }, [' must NOT have additional properties']],
    [{ ...example, keystore: { ...(example['keystore'] as object), include: 'yes' } }, ['/keystore/include must be boolean']],
    [{ ...example, cloudService: { ...cloudService, organizationId: '0123456789ABCDEF01234567@techacct.adobe.com' } }, ['/cloudService/organizationId must match pattern "^(?:[0-9a-fA-F]{24}@AdobeOrg)$|\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}"']],
    [{ ...example, cloudService: { ...cloudService, clientSecret: undefined } }, ["/cloudService must have required property 'clientSecret'", "/cloudService must have required property 'clientSecretProtected'", '/cloudService must match exactly one schema in oneOf']],
    [{ ...example, environments: undefined, osgi: { flow: 'oauth' } }, ["/ims must have required property 'scopes'", ' must match "then" schema']],
  ];
  for (const [value, expected] of cases) assert.equal(errorsOf(JSON.parse(JSON.stringify(value))), expected, JSON.stringify(expected));
});

test('${VAR} references pass the patterns: build replaces them before its checks', () => {
  const example = yamlFixture('fixtures/example/aem-ioevents.yaml');
  const value = { ...example, cloudService: { ...(example['cloudService'] as object), organizationId: '${ORG_ID}', apiKey: '${API_KEY}' } };
  assert.equal(errorsOf(value), []);
});

test.run();
