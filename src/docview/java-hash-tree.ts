/**
 * `HashMap.TreeNode` as far as iteration order goes: a bucket of 9 or more keys in a table of at
 * least 64 becomes a red-black tree (ordered by hash, then `String.compareTo`) whose nodes stay
 * linked in a list, and every insertion moves the tree's root to the front of that list
 * (`moveRootToFront`). Only `java-hash-set.ts` uses it; removal is never needed.
 *
 * | step (JDK 8 to 21)   | effect on the list order                                       |
 * | -------------------- | -------------------------------------------------------------- |
 * | `treeify`            | list order kept, then the root moved to the front               |
 * | `putTreeVal`         | new key linked right after its tree parent, root moved to front |
 * | `split` on resize    | each half keeps its order; a half of ≤ 6 keys becomes a list,   |
 * |                      | a half of more is re-treeified only when the other half is used |
 */

/** One key of a hash bucket; the tree fields are set only while its bucket is a tree. */
export interface Entry {
  readonly key: string;
  /** The spread hash, `h ^ (h >>> 16)`, as a signed 32-bit int (trees order by it signed). */
  readonly hash: number;
  next: Entry | undefined;
  tree: boolean;
  prev?: Entry | undefined;
  parent?: Entry | undefined;
  left?: Entry | undefined;
  right?: Entry | undefined;
  red?: boolean;
}

const UNTREEIFY_THRESHOLD = 6;

/** `HashMap.treeifyBin` for a table of 64 or more: turns the bucket's list into a tree. */
export function treeifyBucket(buckets: (Entry | undefined)[], index: number): void {
  let prev: Entry | undefined;
  for (let entry = buckets[index]; entry !== undefined; entry = entry.next) {
    entry.tree = true;
    entry.prev = prev;
    prev = entry;
  }
  treeify(buckets, buckets[index]!);
}

/** `TreeNode.putTreeVal`; false when the key is already there. */
export function putTreeEntry(buckets: (Entry | undefined)[], head: Entry, entry: Entry): boolean {
  let root = head;
  while (root.parent !== undefined) root = root.parent;
  for (let p = root; ; ) {
    if (p.key === entry.key) return false;
    const dir = compare(entry, p);
    const child = dir <= 0 ? p.left : p.right;
    if (child !== undefined) {
      p = child;
      continue;
    }
    const after = p.next;
    Object.assign(entry, { tree: true, next: after, parent: p, prev: p });
    if (dir <= 0) p.left = entry;
    else p.right = entry;
    p.next = entry;
    if (after !== undefined) after.prev = entry;
    moveRootToFront(buckets, balanceInsertion(root, entry));
    return true;
  }
}

interface Half {
  head: Entry | undefined;
  tail: Entry | undefined;
  count: number;
}

/** `TreeNode.split`: distributes a tree bucket over the doubled table `buckets`. */
export function splitTree(buckets: (Entry | undefined)[], head: Entry, index: number, bit: number): void {
  const halves: [Half, Half] = [{ head: undefined, tail: undefined, count: 0 }, { head: undefined, tail: undefined, count: 0 }];
  for (let entry: Entry | undefined = head; entry !== undefined; ) {
    const next: Entry | undefined = entry.next;
    const half = halves[(entry.hash & bit) === 0 ? 0 : 1];
    entry.next = undefined;
    entry.prev = half.tail;
    if (half.tail === undefined) half.head = entry;
    else half.tail.next = entry;
    half.tail = entry;
    half.count++;
    entry = next;
  }
  halves.forEach((half, side) => {
    if (half.head === undefined) return;
    buckets[index + side * bit] = half.head;
    if (half.count <= UNTREEIFY_THRESHOLD) untreeify(half.head);
    // A half that kept every key keeps its tree as it is.
    else if (halves[1 - side]!.head !== undefined) treeify(buckets, half.head);
  });
}

function untreeify(head: Entry): void {
  for (let entry: Entry | undefined = head; entry !== undefined; entry = entry.next) {
    Object.assign(entry, { tree: false, prev: undefined, parent: undefined, left: undefined, right: undefined, red: undefined });
  }
}

function treeify(buckets: (Entry | undefined)[], head: Entry): void {
  let root: Entry | undefined;
  for (let x: Entry | undefined = head; x !== undefined; x = x.next) {
    x.left = x.right = undefined;
    if (root === undefined) {
      x.parent = undefined;
      x.red = false;
      root = x;
      continue;
    }
    for (let p = root; ; ) {
      const dir = compare(x, p);
      const child = dir <= 0 ? p.left : p.right;
      if (child !== undefined) {
        p = child;
        continue;
      }
      x.parent = p;
      if (dir <= 0) p.left = x;
      else p.right = x;
      root = balanceInsertion(root, x);
      break;
    }
  }
  moveRootToFront(buckets, root!);
}

// Hash first (signed), then String.compareTo; distinct strings never tie.
function compare(a: Entry, b: Entry): number {
  if (a.hash !== b.hash) return a.hash < b.hash ? -1 : 1;
  return a.key < b.key ? -1 : 1;
}

function moveRootToFront(buckets: (Entry | undefined)[], root: Entry): void {
  const index = root.hash & (buckets.length - 1);
  const first = buckets[index];
  if (root === first) return;
  buckets[index] = root;
  const { prev, next } = root;
  if (next !== undefined) next.prev = prev;
  if (prev !== undefined) prev.next = next;
  if (first !== undefined) first.prev = root;
  root.next = first;
  root.prev = undefined;
}

// TreeNode.balanceInsertion (CLR red-black insertion fix-up), step by step as the JDK does it.
function balanceInsertion(root: Entry, inserted: Entry): Entry {
  let x = inserted;
  x.red = true;
  for (;;) {
    let xp = x.parent;
    if (xp === undefined) {
      x.red = false;
      return x;
    }
    let xpp = xp.parent;
    if (!xp.red || xpp === undefined) return root;
    const leftSide = xp === xpp.left;
    const uncle = leftSide ? xpp.right : xpp.left;
    if (uncle !== undefined && uncle.red) {
      uncle.red = false;
      xp.red = false;
      xpp.red = true;
      x = xpp;
      continue;
    }
    if (x === (leftSide ? xp.right : xp.left)) {
      x = xp;
      root = leftSide ? rotateLeft(root, x) : rotateRight(root, x);
      xp = x.parent;
      xpp = xp?.parent;
    }
    if (xp !== undefined) {
      xp.red = false;
      if (xpp !== undefined) {
        xpp.red = true;
        root = leftSide ? rotateRight(root, xpp) : rotateLeft(root, xpp);
      }
    }
  }
}

function rotateLeft(root: Entry, p: Entry): Entry {
  const r = p.right;
  if (r === undefined) return root;
  p.right = r.left;
  if (r.left !== undefined) r.left.parent = p;
  const pp = (r.parent = p.parent);
  if (pp === undefined) (root = r).red = false;
  else if (pp.left === p) pp.left = r;
  else pp.right = r;
  r.left = p;
  p.parent = r;
  return root;
}

function rotateRight(root: Entry, p: Entry): Entry {
  const l = p.left;
  if (l === undefined) return root;
  p.left = l.right;
  if (l.right !== undefined) l.right.parent = p;
  const pp = (l.parent = p.parent);
  if (pp === undefined) (root = l).red = false;
  else if (pp.right === p) pp.right = l;
  else pp.left = l;
  l.right = p;
  p.parent = l;
  return root;
}
