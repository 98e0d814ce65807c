/**
 * `PackageNode`: the node tree a package brings, with primary types, as Package Manager would
 * import it (filevault-format.md §2.2): folders, DocView elements that carry properties, plain
 * files (`nt:file`), and the intermediate folders between them. Elements without properties only
 * order their siblings and are not nodes.
 *
 * | source         | node                                                                 |
 * | -------------- | -------------------------------------------------------------------- |
 * | `docview`      | an element with properties (its `jcr:primaryType`, if any)           |
 * | `file`         | a file imported as `nt:file`                                         |
 * | `folder`       | a folder without `.content.xml`: created only if missing (intermediate) |
 */

import { InputError } from '../errors.ts';

/** The deepest node path accepted (no repository is that deep; JSON of a deeper tree cannot be printed). */
export const MAX_NODE_DEPTH = 1000;

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

/** Builds the tree while the package is walked; parents are created on demand. */
export class PackageTreeBuilder {
  private readonly nodes = new Map<string, MutableNode>();
  private readonly root: MutableNode = { name: '', path: '/', source: 'folder', children: [] };

  /** `label` names the package in the error for a node deeper than {@link MAX_NODE_DEPTH}. */
  constructor(private readonly label = 'package') {
    this.nodes.set('/', this.root);
  }

  /** Number of nodes, the root included. */
  get size(): number {
    return this.nodes.size;
  }

  /** A folder: known as intermediate unless something defines it. */
  addFolder(path: string, file: string): void {
    const node = this.ensure(path);
    node.file ??= file;
  }

  /** A plain file, imported as `nt:file` (a `.dir` folder's DocView may still type it). */
  addFile(path: string, file: string): void {
    const node = this.ensure(path);
    if (node.source === 'docview') return;
    Object.assign(node, { source: 'file' as const, primaryType: 'nt:file', file });
  }

  /** An element with properties. */
  addDocViewNode(path: string, file: string, primaryType: string | undefined, mixinTypes: readonly string[]): void {
    const node = this.ensure(path);
    node.source = 'docview';
    node.file = file;
    if (primaryType !== undefined) node.primaryType = primaryType;
    else delete node.primaryType;
    if (mixinTypes.length > 0) node.mixinTypes = [...mixinTypes];
  }

  /** The finished tree. */
  build(): PackageNode {
    return this.root;
  }

  // The node at `path`, with every missing ancestor created first (no recursion: paths may be deep).
  private ensure(path: string): MutableNode {
    if (path.split('/').length - 1 > MAX_NODE_DEPTH) {
      throw new InputError(`${this.label} has a node deeper than ${MAX_NODE_DEPTH} levels (${path.slice(0, 80)}…); refusing to read the package`, { code: 'E_PACKAGE_DEPTH' });
    }
    const missing: string[] = [];
    let at = path;
    while (!this.nodes.has(at)) {
      missing.push(at);
      const slash = at.lastIndexOf('/');
      at = slash <= 0 ? '/' : at.slice(0, slash);
    }
    let parent = this.nodes.get(at)!;
    for (const p of missing.reverse()) {
      const node: MutableNode = { name: p.slice(p.lastIndexOf('/') + 1), path: p, source: 'folder', children: [] };
      parent.children.push(node);
      this.nodes.set(p, node);
      parent = node;
    }
    return parent;
  }
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
