import { parseDocViewProperty } from '../../src/docview/docview-property.ts';
import { FilterModel } from '../../src/inspect/filter-model.ts';
import { readPackagePropertiesView } from '../../src/inspect/properties-view.ts';
import type { DocViewNodeInfo, Messages, NodeContext, ValidationContext } from '../../src/inspect/validator.ts';
import { parseFilterXml } from '../../src/packaging/parse-filter-xml.ts';

/** FileVault's `vault-validation/src/test/resources/filter.xml`, the filter most of its validator tests load. */
export const FILEVAULT_TEST_FILTER = `<?xml version="1.0" encoding="UTF-8"?>
<workspaceFilter version="1.0">
    <filter root="/apps/test"/>
    <filter root="/apps/test2">
        <include pattern=".*/valid" />
        <include pattern=".*/anothervalid" />
    </filter>
    <filter root="/apps/test3" type="cleanup">
        <exclude pattern=".*/invalid" />
    </filter>
    <filter root="/apps/test4/test">
        <exclude pattern=".*/invalid" />
    </filter>
</workspaceFilter>
`;

/** The validation context of a package with this filter.xml text and these properties. */
export function contextFor(options: { filter?: string; properties?: Readonly<Record<string, string>>; label?: string } = {}): ValidationContext {
  const filter = options.filter === undefined ? undefined : parseFilterXml(options.filter);
  return {
    properties: readPackagePropertiesView(new Map(Object.entries(options.properties ?? {}))),
    filter: new FilterModel(filter),
    packageLabel: options.label ?? 'rootpackage',
    hasFilter: filter !== undefined,
  };
}

/** A DocView element with these attributes (values as written in XML, parsed as FileVault parses them). */
export function docViewNode(attributes: Readonly<Record<string, string>>, name = 'jcr:root'): DocViewNodeInfo {
  const properties = Object.entries(attributes).map(([key, value]) => parseDocViewProperty(key, value));
  const value = (key: string): readonly string[] | undefined => properties.find((p) => p.name === key)?.values;
  return {
    name,
    propertyCount: properties.length,
    primaryType: value('jcr:primaryType')?.[0],
    mixinTypes: value('jcr:mixinTypes') ?? [],
    identifier: value('jcr:uuid')?.[0],
    isRepPolicy: name === 'rep:policy',
  };
}

/** A node context (FileVault's `NodeContextImpl`). */
export function at(nodePath: string, filePath = 'jcr_root/somefile'): NodeContext {
  return { nodePath, filePath };
}

/** Messages as `severity message` lines (nothing for none). */
export function summarize(messages: Messages): string[] {
  return (messages ?? []).map((m) => `${m.severity} ${m.message}`);
}
