/**
 * The file tree below `jcr_root/`, walked in the order FileVault's validation needs: a folder,
 * then its `.content.xml`, then its other files, then its sub-folders, each by name. Folders
 * that only appear as part of a file's path count as folders too (zip directory entries are
 * optional, FileVault's `packaging.md`).
 *
 * | file below `jcr_root/`       | node path (`ValidationExecutor.filePathToNodePath`) |
 * | ---------------------------- | ---------------------------------------------------- |
 * | `apps/_cq_dialog`            | `/apps/cq:dialog`                                    |
 * | `apps/file.png.dir`          | `/apps/file.png`                                     |
 * | `tmp/binary/_jcr_data.binary`| `/tmp/binary` (the node holding the binary property) |
 */
import { getRepositoryPath } from '../docview/platform-name-format.ts';
import { ROOT_DIR } from '../packaging/constants.ts';
import type { PackageEntry } from './zip-reader.ts';

/** One step of the walk. */
export type WalkStep =
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 'file'; readonly path: string; readonly entry: PackageEntry };

interface Folder {
  readonly files: Map<string, PackageEntry>;
  readonly folders: Map<string, Folder>;
}

const PREFIX = `${ROOT_DIR}/`;

/** True when some entry lies below `jcr_root/` (or is the `jcr_root/` folder itself). */
export function hasJcrRoot(entries: readonly PackageEntry[]): boolean {
  return entries.some((entry) => entry.path.startsWith(PREFIX));
}

/** Walks the entries below `jcr_root/`; paths are relative to it (`apps/x/.content.xml`, folders without `/`). */
export function* walkJcrRoot(entries: readonly PackageEntry[]): Generator<WalkStep> {
  const root: Folder = { files: new Map(), folders: new Map() };
  for (const entry of entries) {
    if (!entry.path.startsWith(PREFIX)) continue;
    const segments = entry.path.slice(PREFIX.length).split('/');
    const fileName = entry.isDirectory ? undefined : segments.pop();
    let folder = root;
    for (const segment of segments) {
      if (segment === '') continue;
      let child = folder.folders.get(segment);
      if (child === undefined) folder.folders.set(segment, (child = { files: new Map(), folders: new Map() }));
      folder = child;
    }
    if (fileName !== undefined && fileName !== '') folder.files.set(fileName, entry);
  }
  yield* walkFolder(root, '');
}

// Depth-first without recursion: a hostile zip may hold very deep paths.
function* walkFolder(root: Folder, rootPath: string): Generator<WalkStep> {
  const stack: [Folder, string][] = [[root, rootPath]];
  while (stack.length > 0) {
    const [folder, path] = stack.pop()!;
    if (path !== '') yield { kind: 'folder', path };
    const prefix = path === '' ? '' : `${path}/`;
    const dotContent = folder.files.get('.content.xml');
    if (dotContent !== undefined) yield { kind: 'file', path: `${prefix}.content.xml`, entry: dotContent };
    for (const name of [...folder.files.keys()].sort(byUnits)) {
      if (name !== '.content.xml') yield { kind: 'file', path: prefix + name, entry: folder.files.get(name)! };
    }
    for (const name of [...folder.folders.keys()].sort(byUnits).reverse()) stack.push([folder.folders.get(name)!, prefix + name]);
  }
}

function byUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `ValidationExecutor.filePathToNodePath` for a path below `jcr_root/`. */
export function filePathToNodePath(path: string): string {
  let platformPath = path;
  if (platformPath.endsWith('.binary')) platformPath = platformPath.includes('/') ? platformPath.slice(0, platformPath.lastIndexOf('/')) : '';
  const repositoryPath = getRepositoryPath(platformPath, { respectDotDir: true });
  return repositoryPath === '' ? '/' : `/${repositoryPath}`;
}
