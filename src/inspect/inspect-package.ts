/**
 * `inspectPackage()`: the conductor. It reads a package the way FileVault's validation walks
 * one (`ValidationExecutor`), one entry at a time, and keeps only the model:
 *
 * 1. the zip's central directory, refused as a whole when unsafe (`zip-reader.ts`);
 * 2. `properties.xml`, `filter.xml` and `*.cnd` below `META-INF/vault/` (at any depth, as
 *    FileVault loads them: `meta-inf-files.ts`), then the package-level facts;
 * 3. every folder and file below `jcr_root/`, parents first (`package-files.ts`): DocView files
 *    are parsed and each element handed to the validators;
 * 4. each validator's `done()`; then every entry not read is decompressed once to check its CRC.
 *
 * The result holds the package id, properties, filter, node tree and findings; nothing is written.
 */
import { DocViewParseError } from '../docview/docview-parse.ts';
import { FILTER_XML, PROPERTIES_XML } from '../packaging/constants.ts';
import type { PackageId } from '../packaging/package-id.ts';
import type { WorkspaceFilter } from '../packaging/workspace-filter.ts';
import { type DocViewFileElements, getDocViewRootPath, parseDocViewFile } from './docview-file.ts';
import { FilterModel } from './filter-model.ts';
import type { Finding, FindingCounts } from './finding.ts';
import { FindingCollector, type MAX_FINDINGS_PER_KIND, type OmittedFindings } from './finding-collector.ts';
import { checkMetaInfFiles, findMetaInfFiles } from './meta-inf-files.ts';
import { filePathToNodePath, hasJcrRoot, walkJcrRoot, type WalkStep } from './package-files.ts';
import { type MAX_TREE_NODES, PackageTreeBuilder, type PackageNode } from './package-tree.ts';
import { readPackagePropertiesView } from './properties-view.ts';
import { createValidators } from './validators/index.ts';
import { checkDocViewElement, NOT_DOCVIEW, parseFailure } from './validators/docview-parser.ts';
import { validateFilterXml } from './validators/filter.ts';
import { readCndDeclarations } from './validators/node-type-names.ts';
import { checkPackageFacts } from './validators/package-manager.ts';
import { validatePropertiesXml } from './validators/properties.ts';
import type { NodeContext, ValidationContext, Validator } from './validator.ts';
import type { ValidationSettings } from './validation-settings.ts';
import { decodeXmlBytes, decodeXmlPieces, isDocViewXml } from './xml-decode.ts';
import { openPackageZip, type PackageArchive, type PackageEntry, type PackageSource } from './zip-reader.ts';
import type { ZipLimits } from './zip-safety.ts';

/** Options of {@link inspectPackage}. */
export interface InspectOptions {
  /** How the package is named in messages. @default the file path, or `package.zip` for bytes */
  readonly name?: string;
  /** Limits against hostile zips. */
  readonly limits?: Partial<ZipLimits>;
  /** FileVault's validator settings (`--cnd`, `--valid-root`, `--severity`); absent: FileVault's defaults. */
  readonly validation?: ValidationSettings;
}

/** What `inspect` found out about a package. */
export interface InspectResult {
  /** How the package was named. */
  readonly package: string;
  /** `group:name:version` from properties.xml, when it has group and name. */
  readonly id: PackageId | undefined;
  /** properties.xml entries, when it could be read. */
  readonly properties: Readonly<Record<string, string>> | undefined;
  /** filter.xml, when FileVault can load it. */
  readonly filter: WorkspaceFilter | undefined;
  /** The nodes the package brings, below `/`: the first {@link MAX_TREE_NODES} in depth-first order. */
  readonly tree: PackageNode;
  /** Nodes the package brings, the root included (those not in {@link tree} too). */
  readonly nodeCount: number;
  /** Nodes not in {@link tree} (0 up to {@link MAX_TREE_NODES} nodes). */
  readonly omittedNodes: number;
  readonly entryCount: number;
  /** In the order the validators reported them: the first {@link MAX_FINDINGS_PER_KIND} of each validator and severity. */
  readonly findings: readonly Finding[];
  /** Findings beyond those in {@link findings}, counted per validator and severity. */
  readonly omittedFindings: readonly OmittedFindings[];
  /** All findings by severity, the omitted ones included. */
  readonly counts: FindingCounts;
}

/**
 * Reads and validates a content package without writing anything.
 * @throws InputError when the package is not a readable, safe zip (exit 2).
 */
export async function inspectPackage(source: PackageSource, options: InspectOptions = {}): Promise<InspectResult> {
  const label = options.name ?? ('file' in source ? source.file : 'package.zip');
  const archive = await openPackageZip(source, { label, ...(options.limits === undefined ? {} : { limits: options.limits }) });
  try {
    return await new Inspection(archive, label, options.validation ?? {}).run();
  } finally {
    archive.close();
  }
}

const META_INF = 'META-INF/';

// The nodes a DocView file defines: the first, and all of them on demand.
interface DocViewNodes {
  readonly first: NodeContext;
  forEach(onNode: (node: NodeContext) => void): void;
}

class Inspection {
  private readonly collector: FindingCollector;
  private readonly read = new Set<PackageEntry>();
  private readonly tree: PackageTreeBuilder;
  private validators: readonly Validator[] = [];

  constructor(private readonly archive: PackageArchive, private readonly label: string, private readonly settings: ValidationSettings) {
    this.tree = new PackageTreeBuilder(label);
    this.collector = new FindingCollector(undefined, settings.severity);
  }

  async run(): Promise<InspectResult> {
    const { entries } = this.archive;
    const meta = await this.readMetaInf(entries);
    const { context } = meta;
    const at = (path: string) => ({ path });
    const cnds = [...(this.settings.cnds ?? []).map((cnd) => cnd.text), ...(await this.readCnds(entries))];
    this.validators = createValidators(context, readCndDeclarations(cnds));
    if (meta.propertiesEntries !== undefined) this.collector.call(this.validators, (v) => v.properties?.(context.properties), at(PROPERTIES_XML));
    if (context.hasFilter) this.collector.call(this.validators, (v) => v.filter?.(context.filter), at(FILTER_XML));
    for (const entry of entries) if (entry.path.startsWith(META_INF)) this.collector.call(this.validators, (v) => v.metaInfPath?.(entry.path, entry.isDirectory), at(entry.path));
    for (const step of walkJcrRoot(entries)) await this.visit(step);
    this.collector.call(this.validators, (v) => v.done?.(), at(''));
    // Every entry is decompressed once, as Package Manager's upload does: a corrupt one is unreadable.
    for (const entry of entries) if (!entry.isDirectory && !this.read.has(entry)) await this.archive.verify(entry);
    return {
      package: this.label,
      id: context.properties.id,
      properties: meta.propertiesEntries && Object.fromEntries(meta.propertiesEntries),
      filter: meta.filter,
      tree: this.tree.build(),
      nodeCount: this.tree.size,
      omittedNodes: this.tree.omitted,
      entryCount: entries.length,
      findings: this.collector.findings,
      omittedFindings: this.collector.omitted,
      counts: this.collector.counts,
    };
  }

  // properties.xml and filter.xml with their own validators, then the package-level facts.
  private async readMetaInf(entries: readonly PackageEntry[]) {
    // Every properties.xml and filter.xml below META-INF/vault/ is loaded, the last one counts (meta-inf-files.ts).
    const propertiesEntries = findMetaInfFiles(entries, 'properties.xml');
    const filterEntries = findMetaInfFiles(entries, 'filter.xml');
    let propertiesReading: ReturnType<typeof validatePropertiesXml> | undefined;
    for (const entry of propertiesEntries) {
      propertiesReading = validatePropertiesXml(await this.readEntry(entry));
      this.collector.add('jackrabbit-properties', propertiesReading.messages, { path: entry.path });
    }
    let filterReading: Awaited<ReturnType<typeof this.readFilter>> | undefined;
    for (const entry of filterEntries) {
      filterReading = await this.readFilter(entry);
      this.collector.add('jackrabbit-filter', filterReading.messages, { path: entry.path });
    }
    const propertiesEntry = propertiesEntries.at(-1);
    const filterEntry = filterEntries.at(-1);
    const properties = readPackagePropertiesView(propertiesReading?.entries);
    const filter = filterReading?.filter;
    const roots = this.settings.validRoots;
    const context: ValidationContext = {
      properties, filter: new FilterModel(filter), packageLabel: this.label, hasFilter: filter !== undefined,
      ...(roots !== undefined && { validRoots: new Set(['', ...roots]) }),
    };
    const facts = { entries, hasPropertiesXml: propertiesEntry !== undefined, properties: propertiesReading?.entries && properties, hasFilterXml: filterEntry !== undefined, hasJcrRoot: hasJcrRoot(entries) };
    this.collector.add('package-manager', checkPackageFacts(facts), { path: '' });
    this.collector.add('package-manager', [...checkMetaInfFiles(propertiesEntries, 'properties.xml'), ...checkMetaInfFiles(filterEntries, 'filter.xml')], { path: '' });
    return { context, filter, propertiesEntries: propertiesReading?.entries };
  }

  private async readFilter(entry: PackageEntry): Promise<ReturnType<typeof validateFilterXml>> {
    const decoded = decodeXmlBytes(await this.readEntry(entry));
    if ('error' in decoded) return { filter: undefined, messages: [{ severity: 'error', message: `Invalid filter.xml: ${decoded.error}` }] };
    return validateFilterXml(decoded.text);
  }

  private async readCnds(entries: readonly PackageEntry[]): Promise<string[]> {
    const texts: string[] = [];
    for (const entry of entries) {
      if (entry.isDirectory || !entry.path.startsWith(`${META_INF}vault/`) || !entry.path.endsWith('.cnd')) continue;
      texts.push(new TextDecoder().decode(await this.readEntry(entry)));
    }
    return texts;
  }

  private async visit(step: WalkStep): Promise<void> {
    if (step.kind === 'folder') {
      const context: NodeContext = { nodePath: filePathToNodePath(step.path), filePath: `jcr_root/${step.path}/` };
      this.tree.addFolder(context.nodePath, context.filePath);
      this.collector.call(this.validators, (v) => v.jcrPath?.(context, true, false), context);
      this.collector.call(this.validators, (v) => v.nodePath?.(context), context);
      return;
    }
    const filePath = `jcr_root/${step.path}`;
    const docView = step.path.endsWith('.xml') ? await this.visitXml(step.path, step.entry, filePath) : { sniffed: false };
    if (docView.nodes === undefined) {
      // As ValidationExecutor: a file that defines no node stands for the node named like it.
      const node: NodeContext = { nodePath: filePathToNodePath(step.path), filePath };
      if (!docView.sniffed && !step.path.endsWith('.binary')) this.tree.addFile(node.nodePath, filePath);
      this.collector.call(this.validators, (v) => v.jcrPath?.(node, false, false), node);
      this.collector.call(this.validators, (v) => v.nodePath?.(node), node);
      return;
    }
    const { nodes } = docView;
    this.collector.call(this.validators, (v) => v.jcrPath?.(nodes.first, false, true), nodes.first);
    nodes.forEach((node) => this.collector.call(this.validators, (v) => v.nodePath?.(node), node));
  }

  // An .xml file: when DocView, it is parsed once, then each element goes to the validators; the
  // nodes it defines (the elements with properties) go to the nodePath hooks after the file, as
  // FileVault calls those.
  private async visitXml(path: string, entry: PackageEntry, filePath: string): Promise<{ sniffed: boolean; nodes?: DocViewNodes }> {
    const bytes = await this.readEntry(entry);
    if (!path.endsWith('/.content.xml') && path !== '.content.xml' && !isDocViewXml(bytes)) {
      this.collector.add('jackrabbit-docviewparser', [{ severity: 'info', message: NOT_DOCVIEW }], { path: filePath, nodePath: filePathToNodePath(path) });
      return { sniffed: false };
    }
    const rootPath = getDocViewRootPath(path);
    const decoded = decodeXmlPieces(bytes);
    if ('error' in decoded) {
      this.collector.add('jackrabbit-docviewparser', [parseFailure(decoded.error)], { path: filePath, nodePath: rootPath });
      return { sniffed: true };
    }
    let elements: DocViewFileElements;
    try {
      // In pieces: the file's text is never held whole, only its bytes.
      elements = parseDocViewFile(decoded.pieces, rootPath);
    } catch (error) {
      if (!(error instanceof DocViewParseError)) throw error;
      this.collector.add('jackrabbit-docviewparser', [parseFailure(error.reason, error)], { path: filePath, nodePath: rootPath });
      return { sniffed: true };
    }
    elements.visit((visit) => {
      const context: NodeContext = { nodePath: visit.path, filePath, line: visit.line, column: visit.column };
      this.collector.add('jackrabbit-docviewparser', checkDocViewElement(visit), context);
      this.collector.call(this.validators, (v) => v.docViewNode?.(visit.info, context, visit.isRoot), context);
      if (visit.info.propertyCount > 0) this.tree.addDocViewNode(visit.path, filePath, visit.info.primaryType, visit.info.mixinTypes);
    });
    let first: NodeContext | undefined;
    elements.forEachNode((nodePath, line, column) => void (first ??= { nodePath, filePath, line, column }));
    if (first === undefined) return { sniffed: true };
    const forEach = (onNode: (node: NodeContext) => void): void => elements.forEachNode((nodePath, line, column) => onNode({ nodePath, filePath, line, column }));
    return { sniffed: true, nodes: { first, forEach } };
  }

  private async readEntry(entry: PackageEntry): Promise<Uint8Array> {
    this.read.add(entry);
    return this.archive.read(entry);
  }
}
