/**
 * Step 1 of {@link parseConfig}: the file's text → a plain mapping, or a {@link ConfigError}
 * (`E_CONFIG_SYNTAX`) with the line and column of each syntax error.
 */
import { ConfigError } from './config-error.ts';
import type { ConfigIssue } from './config-error.ts';
import { isMapping } from './field-path.ts';
import { parseJsonText } from './parse-json.ts';
import { parseYamlText } from './parse-yaml.ts';
import { TOP_LEVEL_KEYS } from './schema.ts';
import type { ConfigFormat } from './types.ts';

/** The parsed value, or the problems that stop parsing. */
export type TextParseResult = { readonly value: unknown; readonly issues?: undefined } | { readonly issues: readonly ConfigIssue[] };

/** Parses the text as `format` and checks that the top level is a mapping of sections. */
export function parseConfigText(text: string, format: ConfigFormat, fileLabel: string): Record<string, unknown> {
  const body = withoutByteOrderMark(text);
  const result = format === 'json' ? parseJsonText(body) : parseYamlText(body);
  if (result.issues !== undefined) throw new ConfigError(fileLabel, result.issues, 'E_CONFIG_SYNTAX');
  if (isMapping(result.value)) return result.value;
  const message =
    result.value === null || result.value === undefined
      ? 'the file is empty; it needs at least a cloudService section'
      : `the top level must be a mapping of sections (${TOP_LEVEL_KEYS.join(', ')}), got ${Array.isArray(result.value) ? 'a list' : `a ${typeof result.value}`}`;
  throw new ConfigError(fileLabel, [{ path: '', line: 1, column: 1, message }], 'E_CONFIG_FIELD');
}

/** The text without a leading UTF-8 byte order mark: legal in both formats' files, but not in `JSON.parse` input. Lines and columns count from after it. */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
