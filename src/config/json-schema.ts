/**
 * The JSON Schema (draft-07, what the YAML language server and VS Code read) of the configuration
 * file, made from the one model: the keys of {@link CONFIG_KEYS}, the defaults of
 * {@link CONFIG_DEFAULTS} and the descriptions and simple rules of {@link CONFIG_FIELD_DOCS}.
 * The package ships it as `schema/aem-ioevents.schema.json` (`npm run schema` writes it; a test
 * fails when the file differs from what this module makes), and `init` points editors to it.
 *
 * It checks what an editor can: unknown keys, types, required keys, formats. `build` checks the
 * rest (JCR names, URLs, the project file). Since `${NAME}` is replaced before validation, every
 * pattern also accepts a value with a reference in it.
 */
import { CONFIG_FIELD_DOCS, type FieldDoc } from './field-docs.ts';
import { MAX_CONFIG_VALUE_LENGTH } from './field-reader.ts';
import { CONFIG_DEFAULTS, CONFIG_KEYS, type ConfigSection } from './schema.ts';

/** A JSON Schema object. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Where the file is in the package. */
export const CONFIG_SCHEMA_FILE = 'schema/aem-ioevents.schema.json';

// A `${NAME}` reference anywhere in the value (interpolate.ts).
const VARIABLE = '\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}';

// Sections that may be written empty (`keystore:` is YAML null): defaults.ts drops them.
const NULLABLE: readonly ConfigSection[] = ['package', 'keystore', 'serviceUser', 'ims', 'osgi'];

/** The schema of the whole configuration file. */
export function createConfigJsonSchema(): JsonSchema {
  const sections = Object.keys(CONFIG_KEYS) as ConfigSection[];
  const top = Object.fromEntries(sections.map((section) => [section, sectionSchema(section, false)]));
  const overrides = Object.fromEntries(sections.map((section) => [section, { anyOf: [sectionSchema(section, true), { type: 'null' }] }]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'aem-ioevents configuration',
    description: 'The configuration that aem-ioevents build, verify and deploy read (aem-ioevents.yaml). ${NAME} takes the environment variable NAME.',
    type: 'object',
    additionalProperties: false,
    required: ['cloudService'],
    properties: {
      ...top,
      environments: {
        description: '--env NAME merges one of these over the rest: mappings key by key, lists and values replace, null removes a key.',
        type: 'object',
        additionalProperties: { type: 'object', additionalProperties: false, properties: overrides },
      },
    },
    // validate-config.ts: the OAuth variant writes the scopes.
    if: { required: ['osgi'], properties: { osgi: { type: 'object', required: ['flow'], properties: { flow: { const: 'oauth' } } } } },
    then: { required: ['ims'], properties: { ims: { type: 'object', required: ['scopes'] } } },
  };
}

/** The schema file's text: what `schema/aem-ioevents.schema.json` holds. */
export function formatConfigJsonSchema(): string {
  return `${JSON.stringify(createConfigJsonSchema(), null, 2)}\n`;
}

// A section at the top (`override` false) or inside an `environments` entry, where nothing is required and null removes a key.
function sectionSchema(section: ConfigSection, override: boolean): JsonSchema {
  const doc = CONFIG_FIELD_DOCS[section];
  const fields = Object.entries(doc.fields as Record<string, FieldDoc>);
  const defaults: Record<string, unknown> = CONFIG_DEFAULTS[section as keyof typeof CONFIG_DEFAULTS] ?? {};
  const properties = Object.fromEntries(
    fields.map(([key, field]) => {
      const schema = fieldSchema(field, defaults[key]);
      return [key, override ? { anyOf: [schema, { type: 'null' }] } : schema];
    }),
  );
  const required = override ? [] : fields.filter(([, field]) => field.required === true).map(([key]) => key);
  return {
    description: doc.description,
    type: !override && NULLABLE.includes(section) ? ['object', 'null'] : 'object',
    additionalProperties: false,
    properties,
    ...(required.length > 0 && { required }),
    // read-sections.ts: exactly one form of the client secret.
    ...(section === 'cloudService' && !override && { oneOf: [{ required: ['clientSecret'] }, { required: ['clientSecretProtected'] }] }),
  };
}

function fieldSchema(field: FieldDoc, defaultValue: unknown): JsonSchema {
  const value = { description: field.description, ...(defaultValue !== undefined && { default: defaultValue }) };
  if (field.kind === 'boolean') return { ...value, type: 'boolean' };
  if (field.kind === 'map') return { ...value, type: 'object', additionalProperties: stringSchema(field) };
  if (field.kind === 'list') {
    return { ...value, type: 'array', items: stringSchema(field), uniqueItems: true, ...(field.nonEmpty === true && { minItems: 1 }) };
  }
  return { ...value, ...stringSchema(field) };
}

function stringSchema(field: FieldDoc): JsonSchema {
  const text = { type: 'string', minLength: field.allowEmpty === true ? 0 : 1, maxLength: MAX_CONFIG_VALUE_LENGTH };
  if (field.enum !== undefined) return { anyOf: [{ enum: [...field.enum] }, { ...text, pattern: VARIABLE }] };
  return field.pattern === undefined ? text : { ...text, pattern: `^(?:${field.pattern.source.replace(/^\^|\$$/g, '')})$|${VARIABLE}` };
}
