/**
 * `WorkspaceFilter`, `PathFilterSet`, `ImportMode` and `META-INF/vault/filter.xml`
 * (FileVault's `filter.md`; `DefaultWorkspaceFilter.generateSource`). What FileVault
 * writes, and so what we write:
 *
 *     <?xml version="1.0" encoding="UTF-8"?>
 *     <workspaceFilter version="1.0">
 *         <filter root="/bar" mode="merge" type="cleanup"/>
 *         <filter root="/tmp">
 *             <include pattern="/a/.*" matchProperties="true"/>
 *         </filter>
 *     </workspaceFilter>
 *
 * `mode` only when not `replace`, lower case; attributes `root`, `mode`, `type` in that order;
 * empty filters self-close; 4-space indent; a final newline.
 */
import { escapeXmlAttribute } from '../docview/xml-escape.ts';
import { XML_DECLARATION } from './constants.ts';

/** How a filter root is imported (`ImportMode.java`); `merge` and `update` are deprecated in favour of the `_properties` forms. */
export type ImportMode = 'replace' | 'merge' | 'update' | 'merge_properties' | 'update_properties';

/** One include or exclude rule: a Java regular expression matched against the whole path. */
export interface PathFilter {
  readonly kind: 'include' | 'exclude';
  readonly pattern: string;
  /** The pattern matches property paths instead of node paths. */
  readonly matchProperties?: boolean;
}

/** One `<filter>`: a root, its import mode and its ordered rules. */
export interface PathFilterSet {
  readonly root: string;
  /** Defaults to `replace`. */
  readonly mode?: ImportMode;
  /** Only `cleanup` means something (the XSD allows nothing else). */
  readonly type?: 'cleanup';
  readonly rules: readonly PathFilter[];
}

/** The whole `filter.xml`. */
export interface WorkspaceFilter {
  readonly filterSets: readonly PathFilterSet[];
}

/** Renders `filter.xml` exactly as FileVault's `DefaultWorkspaceFilter` does. */
export function renderFilterXml(filter: WorkspaceFilter): string {
  const lines = [XML_DECLARATION, '<workspaceFilter version="1.0">'];
  for (const set of filter.filterSets) {
    const attributes = [`root="${escapeXmlAttribute(set.root)}"`];
    if (set.mode !== undefined && set.mode !== 'replace') attributes.push(`mode="${set.mode}"`);
    if (set.type !== undefined) attributes.push(`type="${set.type}"`);
    if (set.rules.length === 0) {
      lines.push(`    <filter ${attributes.join(' ')}/>`);
      continue;
    }
    lines.push(`    <filter ${attributes.join(' ')}>`);
    for (const rule of set.rules) {
      const matchProperties = rule.matchProperties ? ' matchProperties="true"' : '';
      lines.push(`        <${rule.kind} pattern="${escapeXmlAttribute(rule.pattern)}"${matchProperties}/>`);
    }
    lines.push('    </filter>');
  }
  lines.push('</workspaceFilter>', '');
  return lines.join('\n');
}
