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
};

/** Parses YAML text; never throws. */
export function parseYamlText(text: string): TextParseResult {
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

// Duplicate keys, and aliases without an anchor before them (toJS would throw without a position).
function checkTree(document: Document, lineCounter: LineCounter): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const visit = (node: unknown, path: string): void => {
    if (isAlias(node) && node.resolve(document) === undefined) {
      const at = lineCounter.linePos(node.range?.[0] ?? 0);
      // Not named: a secret that starts with '*' lands here.
      issues.push({ path, line: at.line, column: at.col, message: 'YAML: an alias (*name) with no anchor (&name) before it; put a value that starts with * in quotes' });
    }
    if (isSeq(node)) node.items.forEach((item, index) => visit(item, itemPath(path, index)));
    if (!isMap(node)) return;
    const firstLines = new Map<string, number>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const at = isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]) : undefined;
      const first = firstLines.get(key);
      if (first === undefined) firstLines.set(key, at?.line ?? 0);
      else issues.push({ path: childPath(path, key), line: at?.line, column: at?.col, message: `duplicate key (first at line ${first}); keep one of them` });
      visit(pair.value, childPath(path, key));
    }
  };
  visit(document.contents, '');
  return issues;
}
