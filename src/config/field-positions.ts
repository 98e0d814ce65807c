/**
 * Every configuration problem with its line (issue 12, point 9; the README promises "all problems
 * of a file are reported together, each with its line"). Validation works on the merged,
 * interpolated tree, which has no positions; when it reports problems, the text is parsed a
 * second time for the positions of its fields, and only then, so a valid configuration costs
 * nothing.
 *
 * A problem is placed at its field's key (a list item: at the item). A field that is missing has
 * no line of its own: it is placed at the nearest enclosing field that is in the file (a missing
 * `cloudService.title` at `cloudService:`), and a missing section has no line at all. A field that
 * the chosen environment set, replaced or removed is placed under `environments.<name>`, where its
 * value came from. The problems are then listed in file order.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { parseTree } from 'jsonc-parser/lib/esm/impl/parser.js';
import type { Node } from 'jsonc-parser/lib/esm/main.js';
import { ConfigError } from './config-error.ts';
import type { ConfigErrorCode, ConfigIssue } from './config-error.ts';
import { selectEnvironment } from './environments.ts';
import { childPath, isAtOrBelow, itemPath } from './field-path.ts';
import { lineAndColumn } from './parse-json.ts';
import { parseConfigText, withoutByteOrderMark } from './parse-text.ts';
import type { ConfigFormat } from './types.ts';

/** 1-based line and column of a field's key, or of a list item. */
export interface FieldPosition {
  readonly line: number;
  readonly column: number;
}

/** The configuration text a {@link ConfigError} is about, as `parseConfig` read it. */
export interface ConfigSource {
  readonly text: string;
  readonly format: ConfigFormat;
  readonly fileLabel: string;
  /** The `environments` entry that was merged (`--env`). */
  readonly envName?: string | undefined;
}

/**
 * `error` with a line and column added to each of its problems that has none and whose field (or
 * an enclosing one) is in `source`; any other error, or one with nothing to add, is returned as is.
 * `source.text` must have parsed without a syntax error.
 */
export function withFieldLines(error: unknown, source: ConfigSource): unknown {
  if (!(error instanceof ConfigError) || error.issues.every((issue) => issue.line !== undefined || issue.path === '')) return error;
  const positions = findFieldPositions(source.text, source.format);
  const { envName } = source;
  // Which paths the environment set: the same merge as parseConfig's, on the same text.
  const overridden = envName === undefined ? [] : selectEnvironment(parseConfigText(source.text, source.format, source.fileLabel), envName, source.fileLabel).overridden;
  const issues = error.issues.map((issue): ConfigIssue => {
    if (issue.line !== undefined || issue.path === '') return issue;
    const fromEnvironment = envName !== undefined && overridden.some((at) => isAtOrBelow(issue.path, at));
    // Down to `environments.<name>` itself: an entry given as an alias has no fields of its own.
    const found = fromEnvironment ? nearest(childPath(`environments.${envName}`, issue.path), positions, 'environments') : nearest(issue.path, positions, '');
    return found === undefined ? issue : { ...issue, line: found.line, column: found.column };
  });
  return new ConfigError(error.file, inFileOrder(issues), error.code as ConfigErrorCode);
}

// Top to bottom, so the list reads like the file; problems without a line (a missing section)
// first. Stable: problems at the same place keep the order validation found them in.
function inFileOrder(issues: readonly ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 1) - (b.column ?? 1));
}

/** The position of every key and list item of the text, by field path (`cloudService.name`, `ims.scopes[1]`). */
export function findFieldPositions(text: string, format: ConfigFormat): Map<string, FieldPosition> {
  // As parseConfigText reads it, so columns agree with those of syntax errors.
  const body = withoutByteOrderMark(text);
  return format === 'json' ? jsonPositions(body) : yamlPositions(body);
}

/** The position of the field at `path` (`nodes[0].properties.apiKey`) or of its nearest enclosing field in the file. */
export function findNearestPosition(path: string, positions: ReadonlyMap<string, FieldPosition>): FieldPosition | undefined {
  return nearest(path, positions, '');
}

// The position of `path` or of its nearest enclosing field, not going up to `stop` or above it.
function nearest(path: string, positions: ReadonlyMap<string, FieldPosition>, stop: string): FieldPosition | undefined {
  for (let at: string | undefined = path; at !== undefined && at !== stop; at = parentPath(at)) {
    const position = positions.get(at);
    if (position !== undefined) return position;
  }
  return undefined;
}

// `ims` for `ims.scopes`, `ims.scopes` for `ims.scopes[1]`, undefined for a top-level key.
function parentPath(path: string): string | undefined {
  const last = /(?:\.[^.[\]]*|\[\d+\])$/u.exec(path);
  return last === null || last.index === 0 ? undefined : path.slice(0, last.index);
}

function yamlPositions(text: string): Map<string, FieldPosition> {
  const positions = new Map<string, FieldPosition>();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, version: '1.2' });
  const set = (path: string, node: { range?: readonly number[] | null } | null): void => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    positions.set(path, { line, column: col });
  };
  // Nesting is bounded: parseConfigText refused anything deeper than MAX_NESTING_DEPTH.
  const visit = (node: unknown, path: string): void => {
    if (isSeq(node)) {
      node.items.forEach((item, index) => {
        set(itemPath(path, index), item as { range?: readonly number[] | null });
        visit(item, itemPath(path, index));
      });
    }
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = childPath(path, String(pair.key.value));
      set(key, pair.key);
      visit(pair.value, key);
    }
  };
  visit(document.contents, '');
  return positions;
}

function jsonPositions(text: string): Map<string, FieldPosition> {
  const positions = new Map<string, FieldPosition>();
  const set = (path: string, node: Node): void => void positions.set(path, lineAndColumn(text, node.offset));
  const visit = (node: Node, path: string): void => {
    if (node.type === 'array') {
      node.children?.forEach((child, index) => {
        set(itemPath(path, index), child);
        visit(child, itemPath(path, index));
      });
    }
    if (node.type !== 'object') return;
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (keyNode === undefined) continue;
      const key = childPath(path, String(keyNode.value));
      set(key, keyNode);
      if (valueNode !== undefined) visit(valueNode, key);
    }
  };
  const root = parseTree(text, [], { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (root !== undefined) visit(root, '');
  return positions;
}
