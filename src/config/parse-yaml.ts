/**
 * YAML 1.2 text → plain values, with the `yaml` package. Every syntax error and warning is
 * reported with its line and column; duplicate keys are rejected by name (the YAML spec
 * forbids them, and a silent "last one wins" hides a mistake). Messages are our own words per
 * error code where the library's would quote the source text, which may hold a secret.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, ErrorCode, YAMLError } from 'yaml';
import type { ConfigIssue } from './config-error.ts';
import { childPath, itemPath } from './field-path.ts';
import { findTooDeepYaml, MAX_NESTING_DEPTH, TOO_DEEP } from './nesting.ts';
import { lineAndColumn } from './parse-json.ts';
import type { TextParseResult } from './parse-text.ts';


// Codes whose library message may quote the source (a scalar, an escape): say it without the quote.
const OWN_WORDS: Partial<Record<ErrorCode, string>> = {
  BAD_ALIAS: 'malformed anchor (&name) or alias (*name); put a value that starts with & or * in quotes',
  BAD_DQ_ESCAPE: 'invalid escape sequence in a double-quoted string',
  BAD_SCALAR_START: 'a plain value cannot start with this character; put the value in quotes',
  BAD_COLLECTION_TYPE: 'a tag does not fit the kind of value it is on',
  BAD_DIRECTIVE: 'unknown or malformed % directive',
  BAD_PROP_ORDER: 'anchors and tags must come after the indicator',
  TAG_RESOLVE_FAILED: 'unknown tag; remove the ! tag',
  UNEXPECTED_TOKEN: 'unexpected content here; check indentation and quotes',
  // The yaml package's own parser ran out of stack: far deeper than we accept anyway.
  RESOURCE_EXHAUSTION: TOO_DEEP,
};

/** Parses YAML text; never throws. */
export function parseYamlText(text: string): TextParseResult {
  // Before the composer, which recurses once per level.
  const tooDeep = findTooDeepYaml(text);
  if (tooDeep !== undefined) {
    const { line, column } = lineAndColumn(text, tooDeep);
    return { issues: [{ path: '', line, column, message: `YAML: ${TOO_DEEP}` }] };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, version: '1.2' });
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) return { issues: problems.map((error) => yamlIssue(error, lineCounter)) };
  const treeIssues = checkTree(document, lineCounter);
  if (treeIssues.length > 0) return { issues: treeIssues };
  try {
    return { value: document.toJS({ maxAliasCount: 100 }) };
  } catch {
    // An alias bomb ("billion laughs"): toJS stops it at maxAliasCount.
    return { issues: [{ path: '', message: 'YAML: aliases (*name) expand too often; write the values out' }] };
  }
}

function yamlIssue(error: YAMLError, lineCounter: LineCounter): ConfigIssue {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const words = OWN_WORDS[error.code] ?? lowerFirst(error.message);
  return { path: '', line, column: col, message: `YAML: ${words}` };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

// Duplicate keys, aliases without an anchor before them (toJS would throw without a position),
// aliases inside the value they name (toJS makes a cycle that every later walk follows forever),
// and nesting deeper than MAX_NESTING_DEPTH (nesting.ts), counting what an alias brings in: a
// chain of aliases, each adding levels to the last, nests deeper than the text shows.
function checkTree(document: Document, lineCounter: LineCounter): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const ancestors: unknown[] = [];
  // Levels of mappings and lists at and below each collection already visited (an anchor's value
  // is visited before any alias to it).
  const heights = new Map<unknown, number>();
  const issueAt = (node: { range?: readonly number[] | null }, path: string, message: string): ConfigIssue => {
    const at = lineCounter.linePos(node.range?.[0] ?? 0);
    return { path, line: at.line, column: at.col, message };
  };
  // Returns the levels the node adds once aliases are expanded.
  const visit = (node: unknown, path: string): number => {
    if (isAlias(node)) {
      const target = node.resolve(document);
      const height = heights.get(target) ?? 0;
      // Not named: a secret that starts with '*' lands here.
      if (target === undefined) issues.push(issueAt(node, path, 'YAML: an alias (*name) with no anchor (&name) before it; put a value that starts with * in quotes'));
      else if (ancestors.includes(target)) issues.push(issueAt(node, path, 'YAML: an alias (*name) inside the value it names; the value would contain itself without end'));
      else if (ancestors.length + height > MAX_NESTING_DEPTH) issues.push(issueAt(node, path, `YAML: with this alias (*name), the value is ${TOO_DEEP}`));
      return height;
    }
    if (!isSeq(node) && !isMap(node)) return 0;
    if (ancestors.length >= MAX_NESTING_DEPTH) {
      issues.push(issueAt(node, path, `YAML: ${TOO_DEEP}`));
      return 1;
    }
    ancestors.push(node);
    const height = 1 + visitCollection(node, path);
    ancestors.pop();
    heights.set(node, height);
    return height;
  };
  // Returns the largest height of the items.
  const visitCollection = (node: unknown, path: string): number => {
    let height = 0;
    if (isSeq(node)) node.items.forEach((item, index) => (height = Math.max(height, visit(item, itemPath(path, index)))));
    if (!isMap(node)) return height;
    const firstLines = new Map<string, number>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const at = isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]) : undefined;
      const first = firstLines.get(key);
      if (first === undefined) firstLines.set(key, at?.line ?? 0);
      else issues.push({ path: childPath(path, key), line: at?.line, column: at?.col, message: `duplicate key (first at line ${first}); keep one of them` });
      height = Math.max(height, visit(pair.value, childPath(path, key)));
    }
    return height;
  };
  visit(document.contents, '');
  return issues;
}
