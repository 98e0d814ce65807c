/**
 * Unknown keys, at every level, with a "did you mean" for typos (`cloudservice`,
 * `clientSecert`) and a pointer to the right section for a key put in the wrong one.
 */
import type { ConfigIssue } from './config-error.ts';
import { childPath, isMapping } from './field-path.ts';
import { CONFIG_KEYS } from './schema.ts';
import type { ConfigSection } from './schema.ts';

/**
 * Checks the sections of `tree` (the whole file, or one `environments` entry) and their keys.
 * @param prefix path of `tree` in messages (`''`, or `environments.stage`)
 * @param topLevel the keys allowed at the top of `tree`
 */
export function findUnknownKeys(tree: Record<string, unknown>, prefix: string, topLevel: readonly string[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [key, value] of Object.entries(tree)) {
    if (!topLevel.includes(key)) {
      issues.push({ path: childPath(prefix, key), message: unknownKeyMessage(key, topLevel) });
    } else if (key in CONFIG_KEYS && isMapping(value)) {
      const known: readonly string[] = CONFIG_KEYS[key as ConfigSection];
      for (const field of Object.keys(value)) {
        if (!known.includes(field)) issues.push({ path: childPath(childPath(prefix, key), field), message: unknownKeyMessage(field, known, key) });
      }
    }
  }
  return issues;
}

function unknownKeyMessage(key: string, known: readonly string[], section?: string): string {
  const suggestion = suggestKey(key, known);
  if (suggestion !== undefined) return `unknown key; did you mean ${suggestion}?`;
  const home = Object.entries(CONFIG_KEYS).find(([name, keys]) => name !== section && (keys as readonly string[]).includes(key));
  if (home !== undefined) return `unknown key here; ${key} belongs in the ${home[0]} section`;
  return `unknown key; the keys here are ${known.join(', ')}`;
}

/** The known key closest to `key` when it looks like a typo of it (same letters ignoring case, or a few edits away). */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  const wanted = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

// Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment).
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
