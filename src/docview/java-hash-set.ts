/**
 * The iteration order of a `java.util.HashSet<String>` (a `HashMap` underneath), reproduced so the
 * namespace declarations come out in the order FileVault writes them (FileVault
 * `AggregateImpl.loadNamespaces`). It depends on the insertion order only where keys share a bucket.
 *
 * | `HashMap` (JDK 8 to 21)                | reproduced here                                             |
 * | -------------------------------------- | ----------------------------------------------------------- |
 * | bucket = `(h ^ h >>> 16) & (n - 1)`    | `bucketOf`, `h` = `String.hashCode()`                        |
 * | capacity 16, resize past 3/4 full      | `put` doubles the table when `size > capacity * 0.75`       |
 * | a bucket reaching 9 keys               | doubles the table while it is below 64                      |
 * | resize splits a bucket in two          | `resize` keeps each half's order                            |
 *
 * Not reproduced: with 64 slots or more, Java turns a bucket of 9 keys into a red-black tree and
 * iterates its root first. That needs 9 namespace prefixes on one DocView root sharing the low
 * 6 bits of their hash; such a bucket keeps list order here.
 *
 * Example: adding `nt`, `foo1`, `foo2` iterates as `nt foo1 foo2` (buckets 6, 11, 12).
 */
import { javaStringHash } from './java-lang.ts';

const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;

interface Entry {
  readonly key: string;
  readonly hash: number;
  next: Entry | undefined;
}

interface Table {
  buckets: (Entry | undefined)[];
  size: number;
}

/** The order in which a `HashSet<String>` created empty and filled with `keys` (in this order) iterates. */
export function javaHashSetOrder(keys: Iterable<string>): string[] {
  const table: Table = { buckets: new Array<Entry | undefined>(16), size: 0 };
  for (const key of keys) put(table, key);
  const order: string[] = [];
  for (const head of table.buckets) {
    for (let entry = head; entry !== undefined; entry = entry.next) order.push(entry.key);
  }
  return order;
}

function spreadHash(key: string): number {
  const h = javaStringHash(key);
  return h ^ (h >>> 16);
}

function put(table: Table, key: string): void {
  const hash = spreadHash(key);
  const index = hash & (table.buckets.length - 1);
  const head = table.buckets[index];
  if (head === undefined) table.buckets[index] = { key, hash, next: undefined };
  else if (!appendToList(table, head, key, hash)) return;
  if (++table.size > table.buckets.length * 0.75) resize(table);
}

// HashMap.putVal's list branch: append at the tail; a ninth key grows a table below 64 slots.
function appendToList(table: Table, head: Entry, key: string, hash: number): boolean {
  let count = 0;
  let last = head;
  for (let entry: Entry | undefined = head; entry !== undefined; entry = entry.next) {
    if (entry.key === key) return false;
    last = entry;
    count++;
  }
  last.next = { key, hash, next: undefined };
  if (count >= TREEIFY_THRESHOLD && table.buckets.length < MIN_TREEIFY_CAPACITY) resize(table);
  return true;
}

function resize(table: Table): void {
  const old = table.buckets;
  const bit = old.length;
  const buckets = new Array<Entry | undefined>(bit * 2);
  old.forEach((head, index) => {
    if (head === undefined) return;
    const [low, high] = splitList(head, bit);
    buckets[index] = low;
    buckets[index + bit] = high;
  });
  table.buckets = buckets;
}

function splitList(head: Entry, bit: number): [Entry | undefined, Entry | undefined] {
  const heads: [Entry | undefined, Entry | undefined] = [undefined, undefined];
  const tails: [Entry | undefined, Entry | undefined] = [undefined, undefined];
  for (let entry: Entry | undefined = head; entry !== undefined; ) {
    const next: Entry | undefined = entry.next;
    entry.next = undefined;
    const side = (entry.hash & bit) === 0 ? 0 : 1;
    if (tails[side] === undefined) heads[side] = entry;
    else tails[side]!.next = entry;
    tails[side] = entry;
    entry = next;
  }
  return heads;
}
