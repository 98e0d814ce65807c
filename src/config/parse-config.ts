/**
 * `parseConfig`: the configuration text → a frozen, typed {@link IoEventsConfig}, without I/O.
 * The steps, in order:
 *
 * 1. parse YAML or JSON (syntax errors with line and column, duplicate keys rejected);
 * 2. merge `environments.<envName>` over the rest, drop `environments`;
 * 3. replace `${NAME}` in string values from `env`;
 * 4. fill in defaults, apply `IOEVENTS_IMS_URL`;
 * 5. validate every field (all problems in one error), resolve relative paths against `baseDir`;
 * 6. collect warnings and freeze.
 *
 * Problems of steps 3 to 5 are named by field path; they get their line and column in the file
 * on the way out (`field-positions.ts`).
 */
import { selectEnvironment } from './environments.ts';
import { isAtOrBelow } from './field-path.ts';
import { withFieldLines } from './field-positions.ts';
import type { FieldContext } from './field-reader.ts';
import { applyDefaults } from './defaults.ts';
import { interpolateVariables } from './interpolate.ts';
import type { Interpolation } from './interpolate.ts';
import { parseConfigText } from './parse-text.ts';
import { assertNoMisplacedSecrets, listSecretFields } from './misplaced-secrets.ts';
import { HIDDEN_FIELDS } from './schema.ts';
import type { ParseConfigOptions, ParsedConfig } from './types.ts';
import { validateConfig } from './validate-config.ts';
import { collectWarnings, findLiteralSecrets } from './warnings.ts';

/** Parses and validates a configuration; throws `ConfigError` or `InputError` (exit 2). */
export function parseConfig(text: string, options: ParseConfigOptions): ParsedConfig {
  const tree = parseConfigText(text, options.format, options.fileLabel);
  try {
    return checkConfig(tree, options);
  } catch (error) {
    throw withFieldLines(error, { ...options, text });
  }
}

// Steps 2 to 6, on the parsed text.
function checkConfig(tree: Record<string, unknown>, options: ParseConfigOptions): ParsedConfig {
  const { fileLabel, env, envName } = options;
  const selection = selectEnvironment(tree, envName, fileLabel);
  const interpolation = interpolateVariables(selection.tree, env, fileLabel);
  // The secret fields' values as given, before validation: a message about any other field that
  // quotes the same text must not show it either (issue 11, point 6).
  for (const { value, source } of listSecretFields(interpolation.tree)) options.secrets?.add(value, source);
  // A secret in any other field would be shown, packaged or sent as that field: refused first,
  // before a field rule could quote it in a message that a library caller sees unredacted.
  assertNoMisplacedSecrets(interpolation.tree, env, fileLabel);
  const defaulted = applyDefaults(interpolation.tree, env);
  const context = describeFields(interpolation, selection.overridden, envName, defaulted.imsUrlSource === 'IOEVENTS_IMS_URL');
  const config = validateConfig(defaulted.tree, {
    ...context,
    fileLabel,
    baseDir: options.baseDir,
    earlierIssues: selection.issues,
    overridden: selection.overridden,
  });
  const literalSecrets = findLiteralSecrets(config, interpolation.fromVariables);
  return deepFreeze({
    config,
    format: options.format,
    ...(envName === undefined ? {} : { environment: envName }),
    warnings: collectWarnings(config, literalSecrets),
    literalSecrets,
    fromVariables: [...interpolation.fromVariables],
    imsUrlSource: defaulted.imsUrlSource,
    defaulted: [...defaulted.defaulted],
  });
}

// Where each field's value came from (for messages), and which values messages must not show:
// secrets, and anything from the environment (CI variables are often secrets under plain names).
function describeFields(interpolation: Interpolation, overridden: readonly string[], envName: string | undefined, imsUrlFromEnv: boolean): FieldContext {
  const variablesAt = (path: string): string[] =>
    [...interpolation.variables].filter(([at]) => isAtOrBelow(at, path) || isAtOrBelow(path, at)).flatMap(([, names]) => names);
  return {
    origin: (path) => {
      const origins: string[] = [];
      if (envName !== undefined && overridden.some((at) => isAtOrBelow(path, at))) origins.push(`environments.${envName}`);
      origins.push(...new Set(variablesAt(path).map((name) => `\${${name}}`)));
      if (imsUrlFromEnv && path === 'ims.url') origins.push('IOEVENTS_IMS_URL');
      return origins.length === 0 ? undefined : origins.join(', ');
    },
    hiddenBecause: (path) => {
      if (HIDDEN_FIELDS.some((field) => isAtOrBelow(path, field))) return 'secret';
      return variablesAt(path).length > 0 ? 'from the environment' : undefined;
    },
  };
}

/** Freezes a value and everything below it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
