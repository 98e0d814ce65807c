/**
 * Step 3 of {@link parseConfig}: `${NAME}` in string values (never in keys) is replaced by the
 * environment variable `NAME`, whole (`${IOEVENTS_CLIENT_SECRET}`) or embedded
 * (`ioevents-${STAGE}`); `$${` writes a literal `${`. A variable that is not set is an error
 * naming it and the field; all of them are reported together (`E_CONFIG_VARIABLE`). A variable
 * set to the empty string counts as set: the field's own rules then say it is empty.
 */
import { ConfigError } from './config-error.ts';
import type { ConfigIssue } from './config-error.ts';
import { childPath, isMapping, itemPath } from './field-path.ts';
import type { Environment } from './types.ts';

/** The tree with every reference replaced, and where the values came from. */
export interface Interpolation {
  readonly tree: Record<string, unknown>;
  /** Field path → the variables its value used. */
  readonly variables: ReadonlyMap<string, readonly string[]>;
  /** Paths whose value consists only of references (no literal text). */
  readonly fromVariables: readonly string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Replaces `${NAME}` references throughout the tree. */
export function interpolateVariables(tree: Record<string, unknown>, env: Environment, fileLabel: string): Interpolation {
  const variables = new Map<string, string[]>();
  const fromVariables: string[] = [];
  const issues: ConfigIssue[] = [];
  const visit = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      const expanded = expandString(value, path, env);
      if (expanded.names.length > 0) variables.set(path, expanded.names);
      if (expanded.names.length > 0 && !expanded.literal) fromVariables.push(path);
      issues.push(...expanded.issues);
      return expanded.value;
    }
    if (Array.isArray(value)) return value.map((item, index) => visit(item, itemPath(path, index)));
    if (isMapping(value)) return mapEntries(value, (key, item) => visit(item, childPath(path, key)));
    return value;
  };
  const result = visit(tree, '') as Record<string, unknown>;
  if (issues.length > 0) throw new ConfigError(fileLabel, issues, 'E_CONFIG_VARIABLE');
  return { tree: result, variables, fromVariables };
}

interface Expansion {
  value: string;
  names: string[];
  /** True when some text did not come from a variable. */
  literal: boolean;
  issues: ConfigIssue[];
}

/** Expands one string value found at `path`. */
export function expandString(text: string, path: string, env: Environment): Expansion {
  const out: Expansion = { value: '', names: [], literal: false, issues: [] };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$${', i)) {
      append(out, '${');
      i += 3;
    } else if (text.startsWith('${', i)) {
      i = expandReference(text, i, path, env, out);
    } else {
      append(out, text[i]!);
      i += 1;
    }
  }
  return out;
}

function append(out: Expansion, literal: string): void {
  out.value += literal;
  out.literal = true;
}

// Expands the reference starting at `start` ("${"); returns the index after it.
function expandReference(text: string, start: number, path: string, env: Environment, out: Expansion): number {
  const close = text.indexOf('}', start + 2);
  const name = close === -1 ? '' : text.slice(start + 2, close);
  if (!NAME.test(name)) {
    const message = `malformed variable reference at character ${start + 1}; write \${NAME} with letters, digits and _ (not starting with a digit), or $\${ for a literal \${`;
    out.issues.push({ path, message });
    return close === -1 ? text.length : close + 1;
  }
  out.names.push(name);
  // Only the environment's own variables: `${constructor}` or `${toString}` would otherwise find
  // Object.prototype's functions and write their source text into the package (issue 11, point 5).
  const value = Object.hasOwn(env, name) ? env[name] : undefined;
  if (value === undefined) out.issues.push({ path, message: `the environment variable ${name} is not set; set it for this command (in CI, from the pipeline's secrets or variables)` });
  else out.value += value;
  return close + 1;
}

function mapEntries(value: Record<string, unknown>, map: (key: string, item: unknown) => unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(result, key, { value: map(key, item), enumerable: true, writable: true, configurable: true });
  }
  return result;
}
