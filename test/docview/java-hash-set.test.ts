import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { javaHashSetOrder } from '../../src/docview/java-hash-set.ts';
import { javaStringHash } from '../../src/docview/java-lang.ts';
import { runJava } from '../helpers/java.ts';
import { hasTool } from '../helpers/tools.ts';

const bucketBits = (key: string): number => {
  const h = javaStringHash(key);
  return h ^ (h >>> 16);
};

// Keys grouped by the low 6 bits of their spread hash, to crowd buckets.
function collidingKeys(): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (let i = 0; i < 40_000; i++) {
    const key = 'k' + i.toString(36);
    const bucket = bucketBits(key) & 63;
    const group = groups.get(bucket) ?? [];
    group.push(key);
    groups.set(bucket, group);
  }
  return groups;
}

// A fixed pseudo-random mix of small sets, large sets and crowded buckets.
function cases(): string[][] {
  let seed = 20260701;
  const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const groups = collidingKeys();
  const all: string[][] = [];
  for (let n = 0; n < 200; n++) {
    const keys: string[] = [];
    for (let g = Math.floor(random() * 3); g >= 0; g--) {
      const group = groups.get(Math.floor(random() * 64))!;
      for (let i = Math.floor(random() * 14); i > 0; i--) keys.push(group[Math.floor(random() * group.length)]!);
    }
    for (let i = Math.floor(random() * 30); i > 0; i--) keys.push('r' + Math.floor(random() * 1e6).toString(36));
    if (!makesTreeBucket(keys)) all.push(keys);
  }
  return all;
}

// Java makes a bucket a tree (root first) once 9 keys share it in a 64-slot table (crowding alone
// grows the table to 64 slots); not reproduced.
function makesTreeBucket(keys: readonly string[]): boolean {
  const counts = new Map<number, number>();
  for (const key of new Set(keys)) counts.set(bucketBits(key) & 63, (counts.get(bucketBits(key) & 63) ?? 0) + 1);
  return Math.max(...counts.values()) > 8;
}

const javaHashSetOrderSuite = suite('javaHashSetOrder');

javaHashSetOrderSuite('iterates FileVault\'s namespace prefixes in the order of the DocViewSaxFormatterIT outputs', () => {
  // Slots 6, 8, 13; FileVault then puts jcr first itself (JCRVLT-266): "jcr nt mix".
  assert.equal(javaHashSetOrder(['jcr', 'nt', 'mix']), ['nt', 'jcr', 'mix']);
  assert.equal(javaHashSetOrder(['mix', 'nt']), ['nt', 'mix']);
  assert.equal(javaHashSetOrder(['foo2', 'foo1', 'nt']), ['nt', 'foo1', 'foo2']);
});

javaHashSetOrderSuite('keeps insertion order inside a shared bucket and drops duplicates', () => {
  // "Aa" and "BB" have the same String.hashCode (2112).
  assert.equal(javaHashSetOrder(['BB', 'Aa', 'BB']), ['BB', 'Aa']);
  assert.equal(javaHashSetOrder(['Aa', 'BB']), ['Aa', 'BB']);
});

javaHashSetOrderSuite('moves keys to their bucket of the doubled table once more than 12 are in', () => {
  // "a".."m": hash 97..109; with 16 slots "p" (112) goes to slot 0, with 32 slots to slot 16.
  const keys = 'pabcdefghijkl'.split('');
  assert.equal(javaHashSetOrder(keys.slice(0, 12)), ['p', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']);
  assert.equal(javaHashSetOrder(keys), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'p']);
});

javaHashSetOrderSuite('matches java.util.HashSet on generated sets, crowded buckets and resizes included', () => {
  if (!hasTool('java')) return;
  const all = cases();
  // Some sets crowd one bucket past 8 keys while the table is small, which doubles it.
  const crowded = all.filter((keys) => {
    const counts = new Map<number, number>();
    for (const key of new Set(keys)) counts.set(bucketBits(key) & 15, (counts.get(bucketBits(key) & 15) ?? 0) + 1);
    return Math.max(...counts.values()) >= 9;
  });
  assert.ok(all.length >= 50, `${all.length} sets`);
  assert.ok(crowded.length >= 10, `${crowded.length} crowded sets`);
  const result = runJava('HashSetOrder', [], all.map((keys) => keys.join(' ')).join('\n') + '\n');
  assert.is(result.status, 0, result.stderr);
  const lines = result.stdout.split('\n');
  all.forEach((keys, n) => assert.is(javaHashSetOrder(keys).join(' '), lines[n], `set ${n}`));
});

javaHashSetOrderSuite.run();
