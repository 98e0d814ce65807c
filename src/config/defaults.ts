/**
 * Step 4 of {@link parseConfig}: the defaults of {@link CONFIG_DEFAULTS} for absent keys, and
 * `IOEVENTS_IMS_URL`, which overrides `ims.url` (README, "Configuration"). A section that is
 * present but not a mapping is left alone for validation to report.
 */
import { readVariable } from '../environment-variable.ts';
import { isMapping } from './field-path.ts';
import { CONFIG_DEFAULTS } from './schema.ts';
import type { ConfigSection } from './schema.ts';
import type { Environment, ParsedConfig } from './types.ts';

/** The tree with defaults filled in. */
export interface Defaulted {
  readonly tree: Record<string, unknown>;
  readonly imsUrlSource: ParsedConfig['imsUrlSource'];
  /** Field paths (`package.dependencies`) whose value is the default, because the file left them out. */
  readonly defaulted: readonly string[];
}

// Sections that exist even when the file leaves them out; keystore is optional, cloudService required.
const IMPLIED_SECTIONS: readonly ConfigSection[] = ['package', 'serviceUser', 'ims', 'osgi'];

/** Fills in defaults; the input is not changed. */
export function applyDefaults(tree: Record<string, unknown>, env: Environment): Defaulted {
  const result: Record<string, unknown> = { ...tree };
  const defaulted: string[] = [];
  // `keystore:` with nothing below it is YAML null: the same as leaving the section out.
  for (const section of Object.keys(CONFIG_DEFAULTS)) if (result[section] === null) delete result[section];
  for (const [section, defaults] of Object.entries(CONFIG_DEFAULTS) as [ConfigSection, Record<string, unknown>][]) {
    const value = result[section] ?? (IMPLIED_SECTIONS.includes(section) ? {} : undefined);
    if (!isMapping(value)) continue;
    for (const key of Object.keys(defaults)) if (value[key] === undefined) defaulted.push(`${section}.${key}`);
    result[section] = { ...copyValues(defaults), ...value };
  }
  const override = readVariable(env, 'IOEVENTS_IMS_URL');
  const ims = result['ims'];
  if (override !== undefined && override !== '' && isMapping(ims)) {
    result['ims'] = { ...ims, url: override };
    return { tree: result, imsUrlSource: 'IOEVENTS_IMS_URL', defaulted: defaulted.filter((path) => path !== 'ims.url') };
  }
  const fromFile = isMapping(tree['ims']) && tree['ims']['url'] !== undefined;
  return { tree: result, imsUrlSource: fromFile ? 'file' : 'default', defaulted };
}

// Fresh lists, so that nothing downstream can touch the shared defaults.
function copyValues(defaults: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, Array.isArray(value) ? [...value] : value]));
}
