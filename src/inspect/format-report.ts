/**
 * The report of `aem-ioevents inspect`: the human text and the one `--json` object.
 *
 *     Package     my_packages:tmp_foo_bar_test_minimal (tmp_foo_bar_test_minimal.zip)
 *     Properties  group=my_packages name=tmp_foo_bar_test_minimal
 *     Filter      /tmp (replace)
 *                   include /tmp/foo(/.*)?
 *     Nodes       5
 *       tmp
 *         foo
 *           bar
 *             test.txt [nt:file]
 *     Findings    0 errors, 3 warnings, 0 infos
 *       warning jackrabbit-packagetype META-INF/vault/properties.xml
 *         No package type set, make sure that property 'packageType' is set in the properties.xml!
 *
 * The tree is cut at a depth and a number of lines, so a package of 10,000 nodes stays readable;
 * `--json` has everything.
 */
import { formatPackageId } from '../packaging/package-id.ts';
import type { Finding } from './finding.ts';
import { hasFailingFindings } from './finding.ts';
import type { InspectResult } from './inspect-package.ts';
import { MAX_FINDINGS_PER_KIND } from './finding-collector.ts';
import { MAX_TREE_NODES, walkPackageTree, type PackageNode } from './package-tree.ts';

/** Options of {@link formatInspectReport}. */
export interface ReportOptions {
  /** Deepest tree level shown. @default 6 */
  readonly maxDepth?: number;
  /** Most tree lines shown. @default 200 */
  readonly maxTreeLines?: number;
}

/** The human-readable report. */
export function formatInspectReport(result: InspectResult, options: ReportOptions = {}): string {
  const lines = [
    `Package     ${result.id === undefined ? '(no group and name)' : formatPackageId(result.id)} (${result.package})`,
    `Properties  ${formatProperties(result.properties)}`,
    ...formatFilter(result),
    `Nodes       ${result.nodeCount}`,
    ...formatTree(result, options),
    `Findings    ${plural(result.counts.errors, 'error')}, ${plural(result.counts.warnings, 'warning')}, ${plural(result.counts.infos, 'info')}`,
    ...result.findings.flatMap(formatFinding),
    ...result.omittedFindings.map(({ validator, severity, count }) =>
      `  … and ${plural(count, `more ${severity}`)} of ${validator} (${MAX_FINDINGS_PER_KIND} of each validator and severity are listed)`),
  ];
  return `${lines.join('\n')}\n`;
}

function formatProperties(properties: InspectResult['properties']): string {
  if (properties === undefined) return '(none readable)';
  return Object.entries(properties).map(([key, value]) => `${key}=${JSON.stringify(value).slice(1, -1)}`).join(' ') || '(empty)';
}

function formatFilter(result: InspectResult): string[] {
  if (result.filter === undefined) return ['Filter      (none readable)'];
  if (result.filter.filterSets.length === 0) return ['Filter      (no <filter>: everything below jcr_root is imported)'];
  return result.filter.filterSets.flatMap((set, i) => [
    `${i === 0 ? 'Filter      ' : '            '}${set.root} (${set.mode ?? 'replace'}${set.type === undefined ? '' : `, ${set.type}`})`,
    ...set.rules.map((rule) => `              ${rule.kind} ${rule.pattern}${rule.matchProperties ? ' (properties)' : ''}`),
  ]);
}

function formatTree(result: InspectResult, options: ReportOptions): string[] {
  const { maxDepth = 6, maxTreeLines = 200 } = options;
  const lines: string[] = [];
  let hidden = result.omittedNodes;
  for (const { node, depth } of walkPackageTree(result.tree)) {
    if (depth === 0) continue;
    if (depth > maxDepth || lines.length >= maxTreeLines) {
      hidden++;
      continue;
    }
    lines.push(`${'  '.repeat(depth)}${node.name}${describeNode(node)}`);
  }
  const json = result.omittedNodes === 0 ? '--json lists them all' : `--json lists the first ${MAX_TREE_NODES}`;
  if (hidden > 0) lines.push(`  … ${plural(hidden, 'more node')} (deeper than ${maxDepth} levels or beyond ${maxTreeLines} lines; ${json})`);
  return lines;
}

function describeNode(node: PackageNode): string {
  if (node.primaryType === undefined) return node.source === 'folder' ? '' : ' [no jcr:primaryType]';
  const mixins = node.mixinTypes === undefined ? '' : ` (${node.mixinTypes.join(', ')})`;
  return ` [${node.primaryType}${mixins}]`;
}

function formatFinding(finding: Finding): string[] {
  const position = finding.line === undefined ? '' : `:${finding.line}:${finding.column ?? 0}`;
  const node = finding.nodePath === undefined ? '' : ` (${finding.nodePath})`;
  return [`  ${finding.severity} ${finding.validator} ${finding.path || '(package)'}${position}${node}`, `    ${finding.message}`];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The `--json` object: everything in the result, and whether it passes. */
export function toInspectJson(result: InspectResult, options: { strict?: boolean } = {}): Record<string, unknown> {
  return {
    ok: !hasFailingFindings(result.findings, options),
    package: result.package,
    id: result.id === undefined ? null : formatPackageId(result.id),
    properties: result.properties ?? null,
    filter: result.filter === undefined ? null : { filterSets: result.filter.filterSets.map(({ root, mode, type, rules }) => ({ root, mode: mode ?? 'replace', ...(type === undefined ? {} : { type }), rules: rules.map(({ kind, pattern, matchProperties }) => ({ kind, pattern, ...(matchProperties ? { matchProperties } : {}) })) })) },
    entryCount: result.entryCount,
    nodeCount: result.nodeCount,
    tree: result.tree,
    ...(result.omittedNodes > 0 ? { omittedNodes: result.omittedNodes } : {}),
    counts: result.counts,
    findings: result.findings,
    ...(result.omittedFindings.length > 0 ? { omittedFindings: result.omittedFindings } : {}),
  };
}
