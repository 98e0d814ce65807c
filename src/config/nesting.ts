/**
 * How deep user data may nest: the configuration, a `template.yaml`. Every walk of that data
 * (environments, variables, defaults, validation, freezing, a template's node tree) recurses, so
 * without a limit a file of 200,000 `[` ends as a stack overflow instead of an answer, and a YAML
 * alias that contains itself (`extra: &r [*r]`) as an endless walk. The parsers check this limit
 * before any walk starts: `parseJsonText` on the text, `parseYamlText` on the YAML syntax tree
 * (and again on the document, where aliases add levels).
 */
import { Parser } from 'yaml';
import type { CST } from 'yaml';

/**
 * The deepest nesting of mappings and lists accepted, counting the top level as 1. A
 * configuration nests 4 levels (`environments.oauth.ims.scopes`), a built-in template some 12
 * (`nodes[0].children[0].properties.x`, 3 per node level).
 */
export const MAX_NESTING_DEPTH = 64;

/** The issue text for data nested deeper than {@link MAX_NESTING_DEPTH}. */
export const TOO_DEEP = `nested deeper than ${MAX_NESTING_DEPTH} levels of mappings and lists; flatten it`;

/**
 * The offset of the first `[` or `{` of JSON text that opens level {@link MAX_NESTING_DEPTH} + 1,
 * or `undefined`. A loop over the characters, so no text is too deep for it; brackets inside
 * strings do not count.
 */
export function findTooDeepJson(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // a backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > MAX_NESTING_DEPTH) return i;
    } else if (char === 0x5d || char === 0x7d) {
      depth--;
    }
  }
  return undefined;
}

/**
 * The offset of the first collection of YAML text at level {@link MAX_NESTING_DEPTH} + 1, or
 * `undefined`. It walks the syntax tree of the yaml package's parser, which keeps its own stack,
 * with a stack of its own: the yaml package's composer recurses per level, and where it runs out
 * of stack depends on the machine.
 */
export function findTooDeepYaml(text: string): number | undefined {
  const pending: Array<[CST.Token | undefined, number]> = [...new Parser().parse(text)].map((token) => [token, 0]);
  let first: number | undefined;
  // Not in file order: the smallest offset of all is the first one. No token is visited twice.
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [token, depth] = next;
    if (token === undefined) continue;
    if (token.type === 'document') pending.push([token.value, depth]);
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > MAX_NESTING_DEPTH) {
      first = Math.min(first ?? token.offset, token.offset);
      continue;
    }
    for (const item of token.items) pending.push(['key' in item ? (item.key ?? undefined) : undefined, depth + 1], [item.value, depth + 1]);
  }
  return first;
}
