/**
 * Reads typed fields out of the parsed tree and collects every problem instead of stopping at
 * the first. Readers return a placeholder (`''`, `false`, `[]`) for a field with a problem;
 * {@link validateConfig} throws before any placeholder can be used.
 */
import { describeValue } from '../errors.ts';
import type { ConfigIssue } from './config-error.ts';
import { childPath, isMapping, itemPath } from './field-path.ts';
import { STARTER_PLACEHOLDER } from './schema.ts';

/** Why a value does not fit: `expected <expected>, got <value>; <hint>`. */
export interface RuleFailure {
  readonly expected: string;
  readonly hint?: string;
}

/** Checks one string value. */
export type Rule = (value: string) => RuleFailure | undefined;

/** What the reader knows about where values came from. */
export interface FieldContext {
  /** `environments.stage`, `${ORG_ID}`, `IOEVENTS_IMS_URL` … for the message, or undefined. */
  readonly origin: (path: string) => string | undefined;
  /** Why a message must not show the value at `path` (`secret`, `from the environment`), or undefined to show it. */
  readonly hiddenBecause: (path: string) => string | undefined;
}

/** Options of {@link FieldReader.text}. */
export interface TextSpec {
  /** When set, the field is required and this says what to give. */
  readonly required?: string;
  readonly rule?: Rule;
  /** Accept `''`. @default false */
  readonly allowEmpty?: boolean;
}

const LONGEST_SHOWN = 100;

/**
 * The longest string value a configuration may hold, in UTF-16 units. The longest real values are
 * URLs (`ims.url`; 2,048 is the common URL limit); ids, names, titles, passwords and AEM's
 * protected form of a password are well under 200. Without a limit, a 10 MB `title` (from a
 * variable: the file itself is capped at 1 MiB) cost 776 MB to build before a zip-bomb check
 * refused our own package.
 */
export const MAX_CONFIG_VALUE_LENGTH = 2048;

/** Collects problems while reading fields. */
export class FieldReader {
  /** Every problem so far. */
  readonly issues: ConfigIssue[] = [];
  readonly #context: FieldContext;

  constructor(context: FieldContext) {
    this.#context = context;
  }

  /** Records a problem at `path`, noting where its value came from. */
  report(path: string, message: string): void {
    const origin = this.#context.origin(path);
    this.issues.push(origin === undefined ? { path, message } : { path, message: `(from ${origin}) ${message}` });
  }

  /** Records `expected …, got …; hint` at `path`. */
  fail(path: string, value: unknown, failure: RuleFailure): void {
    const hint = failure.hint === undefined ? '' : `; ${failure.hint}`;
    this.report(path, `expected ${failure.expected}, got ${this.show(path, value)}${hint}`);
  }

  /** The value for a message: quoted and shortened; only its kind for a secret, a value from the environment, a list or a mapping (which may hold one). */
  show(path: string, value: unknown): string {
    const hidden = this.#context.hiddenBecause(path);
    if (hidden !== undefined) return `${kindOf(value)} (not shown: ${hidden})`;
    if (typeof value === 'object' && value !== null) return kindOf(value);
    if (typeof value === 'string' && value.length > LONGEST_SHOWN) return `'${value.slice(0, LONGEST_SHOWN)}…' (${value.length} characters)`;
    return describeValue(value);
  }

  /** A section (mapping) of the top level; undefined when absent or not a mapping (then reported). */
  section(tree: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
    const value = tree[key];
    if (value === undefined || isMapping(value)) return value;
    // Only the kind: a section given as a single value may well be a secret in the wrong place.
    this.report(key, `expected a mapping of keys to values, got ${kindOf(value)}; indent the ${key} keys below ${key}:`);
    return undefined;
  }

  /** A string field; `undefined` when absent and optional, `''` after a problem. */
  text(section: Record<string, unknown>, parent: string, key: string, spec: TextSpec = {}): string | undefined {
    const path = childPath(parent, key);
    const value = section[key];
    if (value === undefined) {
      if (spec.required !== undefined) this.report(path, `required; give ${spec.required}`);
      return spec.required === undefined ? undefined : '';
    }
    if (!this.#isString(path, value) || !this.#fits(path, value) || !this.#filledIn(path, value, spec.required)) return '';
    if (value === '' && spec.allowEmpty !== true) {
      this.report(path, `must not be empty${spec.required === undefined ? '; give a value or remove the key' : `; give ${spec.required}`}`);
      return '';
    }
    const failure = spec.rule?.(value);
    if (failure !== undefined) this.fail(path, value, failure);
    return value;
  }

  /** A boolean field; `undefined` when absent. */
  flag(section: Record<string, unknown>, parent: string, key: string): boolean | undefined {
    const path = childPath(parent, key);
    const value = section[key];
    if (value === undefined || typeof value === 'boolean') return value;
    this.fail(path, value, { expected: 'true or false', hint: 'write it without quotes' });
    return false;
  }

  /** A list of non-empty strings, each checked by `rule`; duplicates are reported. */
  list(section: Record<string, unknown>, parent: string, key: string, spec: { rule?: Rule; nonEmpty?: string } = {}): string[] | undefined {
    const path = childPath(parent, key);
    const value = section[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.fail(path, value, { expected: 'a list', hint: `write ${key}: [a, b] or one "- item" per line` });
      return [];
    }
    if (value.length === 0 && spec.nonEmpty !== undefined) this.report(path, `must not be empty; ${spec.nonEmpty}`);
    value.forEach((item, index) => this.#item(path, index, item, value, spec.rule));
    return value.filter((item): item is string => typeof item === 'string');
  }

  #item(path: string, index: number, item: unknown, all: readonly unknown[], rule: Rule | undefined): void {
    const at = itemPath(path, index);
    if (!this.#isString(at, item) || !this.#fits(at, item) || !this.#filledIn(at, item)) return;
    if (item === '') this.report(at, 'must not be empty; remove the item or give a value');
    else if (all.indexOf(item) < index) this.report(at, `listed twice (first as ${itemPath(path, all.indexOf(item))}); remove one`);
    else {
      const failure = rule?.(item);
      if (failure !== undefined) this.fail(at, item, failure);
    }
  }

  // Before any rule looks at the value: rules and messages cost in proportion to its length.
  #fits(path: string, value: string): boolean {
    if (value.length <= MAX_CONFIG_VALUE_LENGTH) return true;
    this.report(path, `is ${value.length} characters long; a configuration value may have at most ${MAX_CONFIG_VALUE_LENGTH}`);
    return false;
  }

  // The starter's placeholder is named as such, not as a malformed value (its rule would say "expected …").
  #filledIn(path: string, value: string, wanted?: string): boolean {
    if (value !== STARTER_PLACEHOLDER) return true;
    this.report(path, `still ${STARTER_PLACEHOLDER} (written by aem-ioevents init); give ${wanted ?? 'its value'}`);
    return false;
  }

  #isString(path: string, value: unknown): value is string {
    if (typeof value === 'string') return true;
    if (value === null) this.report(path, 'has no value; give one or remove the key');
    else {
      const hint = typeof value === 'number' || typeof value === 'boolean' ? 'put the value in quotes' : 'give a single text value';
      this.fail(path, value, { expected: 'a string', hint });
    }
    return false;
  }
}

function kindOf(value: unknown): string {
  if (typeof value === 'string') return 'a string';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}
