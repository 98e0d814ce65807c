/**
 * `PackageNode`: the node tree a package brings, with primary types, as Package Manager would
 * import it (FileVault's importer, `docview.md`): folders, DocView elements that carry properties, plain
 * files (`nt:file`), and the intermediate folders between them. Elements without properties only
 * order their siblings and are not nodes.
 *
 * | source         | node                                                                 |
 * | -------------- | -------------------------------------------------------------------- |
 * | `docview`      | an element with properties (its `jcr:primaryType`, if any)           |
 * | `file`         | a file imported as `nt:file`                                         |
 * | `folder`       | a folder without `.content.xml`: created only if missing (intermediate) |
 *
 * Only the first {@link MAX_TREE_NODES} nodes in depth-first order are kept (memory must not
 * follow the package); the others are counted, once each, by a fingerprint of
 * their path. Nodes are added in the order the package is walked, which is not the tree's order
 * (a folder may add a child to a node seen long before), so the kept part is kept a prefix:
 *
 * | a new node's parent                                  | the new node                              |
 * | ---------------------------------------------------- | ----------------------------------------- |
 * | not kept, or kept but some descendant was not kept   | not kept (it comes after a node not kept) |
 * | kept with all its descendants                        | kept; when that makes one too many, the last kept node in depth-first order is given up |
 */

import { InputError } from '../errors.ts';
import { FingerprintSet } from './fingerprint-set.ts';

/** The deepest node path accepted (no repository is that deep; JSON of a deeper tree cannot be printed). */
export const MAX_NODE_DEPTH = 1000;

/** Most nodes kept in the tree of a result (the report prints at most 200 lines of it; `--json` all of it). */
export const MAX_TREE_NODES = 10_000;

/** Where a node's definition comes from. */
export type NodeSource = 'docview' | 'file' | 'folder';

/** One node of the tree. */
export interface PackageNode {
  /** Repository name (`''` for the root). */
  readonly name: string;
  readonly path: string;
  readonly source: NodeSource;
  readonly primaryType?: string;
  readonly mixinTypes?: readonly string[];
  /** The package entry that defines it. */
  readonly file?: string;
  readonly children: readonly PackageNode[];
}

interface MutableNode {
  name: string;
  path: string;
  source: NodeSource;
  primaryType?: string;
  mixinTypes?: string[];
  file?: string;
  children: MutableNode[];
}

// Where a kept node hangs, and whether some descendant of it was given up.
interface Kept {
  readonly node: MutableNode;
  readonly parent: Kept | undefined;
  truncated: boolean;
}

/** Builds the tree while the package is walked; parents are created on demand. */
export class PackageTreeBuilder {
  private readonly root: MutableNode = { name: '', path: '/', source: 'folder', children: [] };
  private readonly kept = new Map<string, Kept>([['/', { node: this.root, parent: undefined, truncated: false }]]);
  private readonly seen = new FingerprintSet();

  /**
   * `label` names the package in the error for a node deeper than {@link MAX_NODE_DEPTH};
   * `maxNodes` is how many nodes are kept (tests set a small one).
   */
  constructor(private readonly label = 'package', private readonly maxNodes = MAX_TREE_NODES) {
    this.seen.add('/');
  }

  /** Number of nodes, the root included. */
  get size(): number {
    return this.seen.size;
  }

  /** Number of nodes not kept in {@link build}'s tree. */
  get omitted(): number {
    return this.seen.size - this.kept.size;
  }

  /** A folder: known as intermediate unless something defines it. */
  addFolder(path: string, file: string): void {
    const node = this.ensure(path);
    if (node === undefined) return;
    node.file ??= file;
  }

  /** A plain file, imported as `nt:file` (a `.dir` folder's DocView may still type it). */
  addFile(path: string, file: string): void {
    const node = this.ensure(path);
    if (node === undefined || node.source === 'docview') return;
    Object.assign(node, { source: 'file' as const, primaryType: 'nt:file', file });
  }

  /** An element with properties. */
  addDocViewNode(path: string, file: string, primaryType: string | undefined, mixinTypes: readonly string[]): void {
    const node = this.ensure(path);
    if (node === undefined) return;
    node.source = 'docview';
    node.file = file;
    if (primaryType !== undefined) node.primaryType = primaryType;
    else delete node.primaryType;
    if (mixinTypes.length > 0) node.mixinTypes = [...mixinTypes];
  }

  /** The finished tree: the first nodes in depth-first order, see {@link omitted}. */
  build(): PackageNode {
    return this.root;
  }

  // The kept node at `path` (undefined when it is not kept), with every missing ancestor created first (no recursion: paths may be deep).
  private ensure(path: string): MutableNode | undefined {
    if (depthOf(path) > MAX_NODE_DEPTH) {
      throw new InputError(`${this.label} has a node deeper than ${MAX_NODE_DEPTH} levels (${path.slice(0, 80)}…); refusing to read the package`, { code: 'E_PACKAGE_DEPTH' });
    }
    const existing = this.kept.get(path);
    if (existing !== undefined) return existing.node;
    // Each path is hashed once: added as it is found missing ('/' is always there).
    if (!this.seen.add(path)) return undefined;
    const missing: string[] = [path];
    let at = parentPath(path);
    while (this.seen.add(at)) {
      missing.push(at);
      at = parentPath(at);
    }
    let parent = this.kept.get(at);
    for (let i = missing.length - 1; i >= 0; i--) parent = this.attach(parent, missing[i]!);
    return parent?.node;
  }

  // A new node below `parent` (undefined: not kept), kept when it falls among the first nodes.
  private attach(parent: Kept | undefined, path: string): Kept | undefined {
    if (parent === undefined || parent.truncated) return undefined;
    const node: MutableNode = { name: path.slice(path.lastIndexOf('/') + 1), path, source: 'folder', children: [] };
    const kept: Kept = { node, parent, truncated: false };
    parent.node.children.push(node);
    this.kept.set(path, kept);
    if (this.kept.size > this.maxNodes) this.giveUpLast();
    return this.kept.get(path);
  }

  // Gives up the last kept node in depth-first order (a leaf of the kept tree); its ancestors now miss a descendant.
  private giveUpLast(): void {
    let last = this.kept.get('/')!;
    while (last.node.children.length > 0) last = this.kept.get(last.node.children.at(-1)!.path)!;
    last.parent!.node.children.pop();
    this.kept.delete(last.node.path);
    for (let up = last.parent; up !== undefined && !up.truncated; up = up.parent) up.truncated = true;
  }
}

function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

function depthOf(path: string): number {
  let depth = 0;
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) depth++;
  return depth;
}

/** Visits every node depth-first with its depth (the root has depth 0). */
export function* walkPackageTree(root: PackageNode): Generator<{ node: PackageNode; depth: number }> {
  const stack: { node: PackageNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    yield next;
    for (let i = next.node.children.length - 1; i >= 0; i--) stack.push({ node: next.node.children[i]!, depth: next.depth + 1 });
  }
}
