/**
 * The packages the Package Manager stand-in keeps, as AEM keeps them at `/etc/packages/<group>/
 * <name>-<version>.zip`: `GET` of that path answers the stored bytes, and `list.jsp` lists them in
 * the shape of filevault-format.md §7.2 (wcm.io `listResponse.json`), `lastUnpacked` set once
 * installed. Test code only.
 */
import { jsonReply, type Reply } from './stand-in-replies.ts';

/** One stored package. */
export interface StoredPackage {
  readonly bytes: Uint8Array;
  readonly id: string;
  readonly idParts: { readonly group: string; readonly name: string; readonly version: string };
  /** When it was last installed (ms), 0 until then. */
  lastUnpacked: number;
}

/** `GET /etc/packages/…zip`: the bytes as uploaded. */
export function downloadPackage(stored: StoredPackage | undefined): Reply | undefined {
  return stored === undefined ? undefined : { status: 200, contentType: 'application/zip', body: stored.bytes };
}

/** `GET /crx/packmgr/list.jsp[?path=…]`: every stored package, or the one at `path`. */
export function listPackages(packages: ReadonlyMap<string, StoredPackage>, path: string | undefined): Reply {
  const results = [...packages].filter(([at]) => path === undefined || at === path).map(([at, p]) => ({
    pid: p.id,
    path: at,
    name: p.idParts.name,
    downloadName: at.slice(at.lastIndexOf('/') + 1),
    group: p.idParts.group,
    groupTitle: p.idParts.group,
    version: p.idParts.version,
    size: p.bytes.length,
    created: 1795435200000,
    createdBy: 'admin',
    // Absent until installed, as AEM leaves it.
    ...(p.lastUnpacked > 0 && { lastUnpacked: p.lastUnpacked, lastUnpackedBy: 'admin' }),
    hasSnapshot: false,
    needsRewrap: false,
    requiresRoot: false,
    requiresRestart: false,
    dependencies: [],
    resolved: true,
    filter: [],
    screenshots: [],
  }));
  return jsonReply({ results, total: results.length });
}
