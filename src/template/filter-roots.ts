/**
 * What a template's filter roots may be. A filter root says "this part of the repository is the
 * package's": on install FileVault removes whatever the root covers and the package lacks
 * (filter.md, import table: "covered, not in package, in repo → removed" in mode `replace`, the
 * default). A user's template with the root `/etc`, or a root whose node a `when:` dropped, would
 * delete the rest of `/etc`, or the node already on AEM. So a root must be a node or a file the
 * package writes, and none may be a shared part of the repository, whatever the mode.
 */
import { InputError } from '../errors.ts';

/**
 * Shared parts of the repository no template may own: `/jcr:system` (versions, node types) and
 * `/libs` (AEM's product code: never changed by customer packages, read-only on AEM as a Cloud
 * Service), with everything below them; and the containers every application shares.
 * Every top-level node (`/etc`, `/apps`, `/content`, `/home`, …) is refused as well.
 */
export const SHARED_ROOTS: readonly string[] = ['/libs', '/jcr:system'];

/** Shared containers refused as roots themselves; a node below them (`/home/users/system/u/keystore`) is fine. */
export const SHARED_CONTAINERS: readonly string[] = ['/apps/system', '/conf/global', '/etc/cloudservices', '/etc/packages', '/home/groups', '/home/users', '/home/users/system'];

/** One rendered filter root: `root` is the resolved path, `written` the root as the template writes it. */
export interface RenderedRoot {
  readonly root: string;
  readonly written: string;
  readonly index: number;
}

/**
 * Throws `InputError` for the first root that is shared, or is neither a node nor a file of the
 * package (`paths`); `label` names the template (its file for a user's own).
 */
export function checkFilterRoots(roots: readonly RenderedRoot[], paths: ReadonlySet<string>, label: string): void {
  for (const { root, written, index } of roots) {
    const where = `template ${label} filters[${index}] (root: ${written})`;
    const shared = findSharedRoot(root);
    if (shared !== undefined) {
      throw new InputError(`${where}: the filter root ${root} is ${shared}; installing the package would replace or change it on AEM. Give the path of the node the template writes (such as /etc/cloudservices/eventproxy/<name>)`, { code: 'E_TEMPLATE' });
    }
    if (!paths.has(root)) {
      throw new InputError(`${where}: the package writes no node or file at ${root}; installing it would delete what is there on AEM (FileVault removes what a filter covers and the package lacks). Make the root the path of a node the template writes, with the same when:`, { code: 'E_TEMPLATE' });
    }
  }
}

// Why `root` is shared, or undefined.
function findSharedRoot(root: string): string | undefined {
  if (root.lastIndexOf('/') === 0) return 'a top-level node of the repository';
  const below = SHARED_ROOTS.find((shared) => root === shared || root.startsWith(`${shared}/`));
  if (below !== undefined) return `in ${below}, which no package of yours may change`;
  return SHARED_CONTAINERS.includes(root) ? 'a container other applications share' : undefined;
}
