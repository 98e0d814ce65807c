/**
 * Strict JSON text → plain values. `jsonc-parser` (VS Code's parser, comments and trailing
 * commas switched off) locates and names a syntax error with the same words on every Node
 * version, where `JSON.parse` messages vary and may quote the source, which may hold a secret.
 * Duplicate keys are rejected by name: `JSON.parse` silently keeps the last one.
 */
// The ESM parser module by path: the package's `main` is a UMD wrapper whose hidden require()
// calls esbuild cannot follow, and its ESM `main.js` also loads the formatter, whose tables of
// indentation strings (~200 KB) cost a cold start about 2 ms for nothing.
import { parseTree } from 'jsonc-parser/lib/esm/impl/parser.js';
import type { Node, ParseError, ParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
import type { ConfigIssue } from './config-error.ts';
import { childPath, itemPath } from './field-path.ts';
import { findTooDeepJson, TOO_DEEP } from './nesting.ts';
import type { TextParseResult } from './parse-text.ts';

// By jsonc-parser's ParseErrorCode (a const enum: its numbers are its API).
const WORDS: Readonly<Record<number, string>> = {
  1: 'unexpected character; strings need double quotes', // InvalidSymbol
  2: 'invalid number', // InvalidNumberFormat
  3: 'expected a key in double quotes (no trailing comma)', // PropertyNameExpected
  4: 'expected a value', // ValueExpected
  5: "expected ':'", // ColonExpected
  6: "expected ','", // CommaExpected
  7: "expected '}'", // CloseBraceExpected
  8: "expected ']'", // CloseBracketExpected
  9: 'unexpected content after the end of the JSON value', // EndOfFileExpected
  10: 'comments are not allowed in JSON; write the configuration in YAML to keep comments', // InvalidCommentToken
  11: 'comments are not allowed in JSON; write the configuration in YAML to keep comments', // UnexpectedEndOfComment
  12: 'unterminated string', // UnexpectedEndOfString
  13: 'incomplete number', // UnexpectedEndOfNumber
  14: 'invalid \\u escape', // InvalidUnicode
  15: 'invalid escape sequence', // InvalidEscapeCharacter
  16: 'control character inside a string; escape it', // InvalidCharacter
};

/** Parses JSON text strictly; never throws. */
export function parseJsonText(text: string): TextParseResult {
  // Before the parsers: jsonc-parser and the walks after it recurse once per level.
  const tooDeep = findTooDeepJson(text);
  if (tooDeep !== undefined) return { issues: [jsonIssue(text, tooDeep, `JSON: ${TOO_DEEP}`)] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined) return { issues: [jsonIssue(text, first.offset, `JSON: ${describeCode(first.error)}`)] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // jsonc-parser is slightly more lenient than JSON (e.g. leading zeros); JSON.parse has the last word.
    return { issues: [{ path: '', message: 'JSON: not valid JSON (check numbers such as leading zeros)' }] };
  }
  const duplicates = root === undefined ? [] : findDuplicateKeys(text, root);
  return duplicates.length > 0 ? { issues: duplicates } : { value };
}

function describeCode(code: ParseErrorCode): string {
  return WORDS[code] ?? 'syntax error';
}

function jsonIssue(text: string, offset: number, message: string, path = ''): ConfigIssue {
  const { line, column } = lineAndColumn(text, offset);
  return { path, line, column, message };
}

/** 1-based line and column (UTF-16 units) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function findDuplicateKeys(text: string, root: Node): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const visit = (node: Node, path: string): void => {
    if (node.type === 'array') node.children?.forEach((child, index) => visit(child, itemPath(path, index)));
    if (node.type !== 'object') return;
    const firstLines = new Map<string, number>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (keyNode === undefined) continue;
      const key = String(keyNode.value);
      const { line } = lineAndColumn(text, keyNode.offset);
      const first = firstLines.get(key);
      if (first === undefined) firstLines.set(key, line);
      else issues.push(jsonIssue(text, keyNode.offset, `duplicate key (first at line ${first}); keep one of them`, childPath(path, key)));
      if (valueNode !== undefined) visit(valueNode, childPath(path, key));
    }
  };
  visit(root, '');
  return issues;
}
