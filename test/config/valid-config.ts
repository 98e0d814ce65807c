// Shared by the parseConfig suites: a valid configuration to change one field at a time.
import * as assert from 'uvu/assert';
import { ConfigError } from '../../src/config/config-error.ts';
import { parseConfig } from '../../src/config/parse-config.ts';
import type { Environment, ParsedConfig } from '../../src/config/types.ts';

/** How messages name the file. */
export const FILE = '/cfg/aem-ioevents.json';
/** Distinctive secret values: a test fails if any of them shows up in a message. */
export const SECRET = 'Sup3r-Secret-Value';
export const KEYSTORE_PASSWORD = 'Ks-Passw0rd-Value';
export const PASSPHRASE = 'Pass-Phrase-Value';
/** A value in AEM's protected form (the /system/console/crypto example). */
export const PROTECTED = '{435c89a1e94895d5a8447b856ec479aa24d8cdfc7a6dc51991202b62b065a1e6}';
/** The variables the valid file needs. */
export const ENV: Environment = { IOEVENTS_CLIENT_SECRET: SECRET, IOEVENTS_KEYSTORE_PASSWORD: KEYSTORE_PASSWORD };

/** The `cloudService` section of a valid YAML file, as lines (its secret from a variable). */
export const CLOUD_SERVICE_YAML: readonly string[] = [
  'cloudService:',
  '  name: ioevents',
  '  title: Adobe I/O Events',
  '  apiKey: 0123456789abcdef0123456789abcdef',
  '  technicalAccountId: 0123456789ABCDEF01234567@techacct.adobe.com',
  '  organizationId: 0123456789ABCDEF01234567@AdobeOrg',
  '  clientSecret: ${IOEVENTS_CLIENT_SECRET}',
];

/** A parsed file. */
export type Tree = Record<string, unknown>;

/** A valid file whose secrets come from variables. */
export function validTree(): Tree {
  return {
    cloudService: {
      name: 'ioevents',
      title: 'Adobe I/O Events',
      apiKey: '0123456789abcdef0123456789abcdef',
      technicalAccountId: '0123456789ABCDEF01234567@techacct.adobe.com',
      organizationId: '0123456789ABCDEF01234567@AdobeOrg',
      clientSecret: '${IOEVENTS_CLIENT_SECRET}',
    },
  };
}

/** `validTree()` with `changes` merged in; `undefined` removes a key. */
export function withChanges(changes: Tree, base: Tree = validTree()): Tree {
  const result: Tree = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    const current = result[key];
    if (value === undefined) delete result[key];
    else if (isPlain(value) && isPlain(current)) result[key] = withChanges(value, current);
    else result[key] = value;
  }
  return result;
}

/** A mapping, not a list. */
export function isPlain(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses `tree` as a JSON file in /cfg, one key a line, indented by 2 (so each problem has a line of its own). */
export function parse(tree: Tree, options: { env?: Environment; envName?: string } = {}): ParsedConfig {
  return parseConfig(JSON.stringify(tree, null, 2), { format: 'json', fileLabel: FILE, env: options.env ?? ENV, envName: options.envName, baseDir: '/cfg' });
}

/** The ConfigError that parsing `tree` throws. */
export function failure(tree: Tree, options: { env?: Environment; envName?: string } = {}): ConfigError {
  try {
    parse(tree, options);
  } catch (error) {
    assert.instance(error, ConfigError);
    return error as ConfigError;
  }
  return assert.unreachable('expected a ConfigError') as never;
}

/** The one problem the change causes, as `path: message`. */
export function problemOf(changes: Tree, options: { env?: Environment; envName?: string } = {}): string {
  const error = failure(withChanges(changes), options);
  assert.is(error.code, 'E_CONFIG_FIELD');
  assert.is(error.issues.length, 1, error.message);
  return error.message.split('\n')[1]!.replace(/^ {2}- /, '');
}

