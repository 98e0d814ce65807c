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

  constructor() {
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

  private ensure(path: string): MutableNode {
    const existing = this.nodes.get(path);
    if (existing !== undefined) return existing;
    const slash = path.lastIndexOf('/');
    const parent = this.ensure(slash <= 0 ? '/' : path.slice(0, slash));
    const node: MutableNode = { name: path.slice(slash + 1), path, source: 'folder', children: [] };
    parent.children.push(node);
    this.nodes.set(path, node);
    return node;
  }
}

/** Visits every node depth-first with its depth (the root has depth 0). */
export function* walkPackageTree(node: PackageNode, depth = 0): Generator<{ node: PackageNode; depth: number }> {
  yield { node, depth };
  for (const child of node.children) yield* walkPackageTree(child, depth + 1);
}
