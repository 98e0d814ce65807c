/**
 * `createContentPackage()`: the conductor that lays out a FileVault content package, as a list
 * of steps like FileVault's exporter (`AbstractExporter.export`): properties, filter, then the
 * content tree. Pure: it returns the zip entries; writing is someone else's job.
 *
 *     META-INF/  META-INF/vault/
 *     META-INF/vault/properties.xml   META-INF/vault/filter.xml
 *     jcr_root/  jcr_root/<platform path>/.content.xml  jcr_root/<platform path>/<file>
 *     jcr_root/<platform path>.xml   (full coverage: a sling:OsgiConfig, an ACL, … with its subtree)
 *
 * A node of a type FileVault's `full` aggregator takes (`defaultConfig-1.1.xml`: `sling:OsgiConfig`,
 * `rep:ACL`, `cq:Widget`, …, or the `vlt:FullCoverage` mixin) is written as `<name>.xml`, as
 * FileVault's exporter writes it; every other node as `<name>/.content.xml`.
 */
import { renderDocView } from '../docview/docview-format.ts';
import type { DocViewNode } from '../docview/docview-node.ts';
import { getPlatformPath } from '../docview/platform-name-format.ts';
import type { RenderedFile, RenderedNode } from '../template/render-template.ts';
import type { ArchiveEntry } from './archive.ts';
import { DOT_CONTENT_XML, FILTER_XML, PROPERTIES_XML, ROOT_DIR } from './constants.ts';
import { renderPropertiesXml, type PackageProperties } from './package-properties.ts';
import { renderFilterXml, type WorkspaceFilter } from './workspace-filter.ts';

/** What goes into a package. */
export interface ContentPackageInput {
  readonly properties: PackageProperties;
  readonly filter: WorkspaceFilter;
  /** Nodes that get their own `.content.xml`. */
  readonly nodes: readonly RenderedNode[];
  /** Plain files (imported as `nt:file`). */
  readonly files: readonly RenderedFile[];
  /** Namespace prefixes beyond the well-known ones. */
  readonly namespaces?: Readonly<Record<string, string>>;
  /** Extra entries outside `jcr_root` and `META-INF/vault` (e.g. `META-INF/maven/…`). */
  readonly extraEntries?: readonly ArchiveEntry[];
}

/** Lays out the package's entries in FileVault's order, every folder with its own directory entry. */
export function createContentPackage(input: ContentPackageInput): ArchiveEntry[] {
  const encoder = new TextEncoder();
  const metaInf: ArchiveEntry[] = [
    { path: PROPERTIES_XML, content: encoder.encode(renderPropertiesXml(input.properties)) },
    { path: FILTER_XML, content: encoder.encode(renderFilterXml(input.filter)) },
    ...(input.extraEntries ?? []),
  ];
  const content: ArchiveEntry[] = [
    ...input.nodes.map((n) => ({
      path: isFullCoverage(n.node) ? `${toZipPath(n.path)}.xml` : `${toZipPath(n.path)}/${DOT_CONTENT_XML}`,
      content: encoder.encode(renderDocView(n.node, input.namespaces === undefined ? {} : { namespaces: input.namespaces })),
    })),
    ...input.files.map((f) => ({ path: toZipPath(f.path), content: f.content })),
  ];
  // jcr_root/ always: without it the upload fails ("Missing 'jcr_root'", filevault-format.md §1.2).
  return [...withDirectories(metaInf, []), ...withDirectories(content.sort(byPath), [`${ROOT_DIR}/`])];
}

// defaultConfig-1.1.xml, aggregator `full`: these node types (and their subtypes, not known here) or the mixin.
const FULL_COVERAGE_TYPES = new Set(['sling:OsgiConfig', 'rep:ACL', 'rep:CugPolicy', 'rep:PrincipalPolicy', 'cq:Widget', 'cq:EditConfig', 'cq:WorkflowModel']);
const FULL_COVERAGE_MIXINS = new Set(['vlt:FullCoverage', 'mix:language']);

/** True when FileVault's exporter writes `node` as a full-coverage `<name>.xml` (FileVault `defaultConfig-1.1.xml`). */
export function isFullCoverage(node: DocViewNode): boolean {
  const values = (name: string): readonly string[] => node.properties.find((p) => p.name === name)?.values ?? [];
  return values('jcr:primaryType').some((type) => FULL_COVERAGE_TYPES.has(type)) || values('jcr:mixinTypes').some((mixin) => FULL_COVERAGE_MIXINS.has(mixin));
}

// Repository path → zip path: PlatformNameFormat per segment under jcr_root.
function toZipPath(repositoryPath: string): string {
  return `${ROOT_DIR}${getPlatformPath(repositoryPath)}`;
}

// Each file preceded by the directory entries of its folders that were not written yet.
function withDirectories(entries: readonly ArchiveEntry[], initial: readonly string[]): ArchiveEntry[] {
  const written = new Set<string>(initial);
  const out: ArchiveEntry[] = initial.map((path) => ({ path }));
  for (const entry of entries) {
    const segments = entry.path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const dir = `${segments.slice(0, i).join('/')}/`;
      if (!written.has(dir)) {
        written.add(dir);
        out.push({ path: dir });
      }
    }
    out.push(entry);
  }
  return out;
}

function byPath(a: ArchiveEntry, b: ArchiveEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
