/**
 * `jackrabbit-nodetypes` (FileVault `NodeTypeValidator`), the part that needs no node type
 * definitions beyond FileVault's built-in list:
 *
 * | check                                                              | severity | message |
 * | ------------------------------------------------------------------ | -------- | ------- |
 * | an element with properties, in the filter, without `jcr:primaryType` | error  | `Mandatory jcr:primaryType missing on node '%s'` |
 * | a type or node name whose prefix no node type file registers        | warning  | `Invalid primary type 'sling:Folder': sling: is not a registered namespace prefix. Skip validation of nodes with that type/name` (also `mixin type`, `node name`) |
 * | a type unknown in a registered namespace                            | warning  | `{http://www.jcp.org/jcr/nt/1.0}foo Skip validation of nodes with that type/name` |
 *
 * Known: the namespaces and types of FileVault's `default-nodetypes.cnd` (JCR 2.0, Oak, `vlt:`;
 * no `cq:` or `sling:`, as in FileVault), plus those the package's own `META-INF/vault/*.cnd`
 * declare. Each distinct warning is given once, as FileVault logs it once. Property and child
 * node definitions are not checked: that needs the repository's node types.
 */
import { FingerprintSet } from '../fingerprint-set.ts';
import { message, type Messages, type NodeContext, type ValidationContext, type ValidationMessage, type Validator } from '../validator.ts';
import { BUILT_IN_NAMESPACES, builtInNodeTypes, type NodeTypeDeclarations } from './node-type-names.ts';

const SKIP = 'Skip validation of nodes with that type/name';

/** Creates the validator; `declarations` come from the package's CND files. */
export function createNodeTypesValidator(context: ValidationContext, declarations: NodeTypeDeclarations): Validator {
  const { filter } = context;
  const namespaces = new Map([...Object.entries(BUILT_IN_NAMESPACES), ...declarations.namespaces]);
  const types = new Set([...builtInNodeTypes(), ...declarations.types]);
  // Node names register unknown prefixes on demand (OnDemandRegisterNamespaceResolverWrapper).
  const onDemand = new Set<string>();
  // Every node path created so far, by fingerprint (8 bytes each, fingerprint-set.ts).
  const created = new FingerprintSet();
  created.add('/');
  const logged = new Set<string>();

  const warnOnce = (text: string): ValidationMessage[] => {
    if (logged.has(text)) return [];
    logged.add(text);
    return [message('warning', `${text} ${SKIP}`)];
  };
  const checkName = (path: string): ValidationMessage[] => {
    const last = path.slice(path.lastIndexOf('/') + 1);
    const name = last.endsWith(']') ? last.replace(/\[\d+\]$/, '') : last;
    const prefix = prefixOf(name);
    if (prefix === undefined || namespaces.has(prefix) || onDemand.has(prefix)) return [];
    onDemand.add(prefix);
    return warnOnce(`Invalid node name '${name}': ${prefix}: is not a registered namespace prefix.`);
  };
  // getTypes: the first type whose prefix is not registered; then the first unknown type.
  const findTypeProblem = (primary: string, mixins: readonly string[]): string | undefined => {
    const all = [['primary type', primary], ...mixins.map((m) => ['mixin type', m])] as const;
    for (const [label, type] of all) {
      const prefix = prefixOf(type) ?? '';
      if (!namespaces.has(prefix)) return `Invalid ${label} '${type}': ${prefix}: is not a registered namespace prefix.`;
    }
    for (const [, type] of all) {
      const prefix = prefixOf(type) ?? '';
      const expanded = `{${namespaces.get(prefix)!}}${prefix === '' ? type : type.slice(prefix.length + 1)}`;
      if (!types.has(expanded)) return expanded;
    }
    return undefined;
  };
  // The answer for a primary type without mixins, by type: a package names few types, for many nodes.
  const problemsByType = new Map<string, string | null>();
  const checkTypes = (primary: string, mixins: readonly string[]): ValidationMessage[] | undefined => {
    let problem: string | null | undefined;
    if (mixins.length > 0) problem = findTypeProblem(primary, mixins);
    else {
      problem = problemsByType.get(primary);
      if (problem === undefined) {
        // Bounded whatever the package names (issue 11, point 7).
        if (problemsByType.size >= 1024) problemsByType.clear();
        problemsByType.set(primary, (problem = findTypeProblem(primary, mixins) ?? null));
      }
    }
    return problem === null || problem === undefined ? undefined : warnOnce(problem);
  };
  const create = (path: string, primary: string | undefined, mixins: readonly string[]): ValidationMessage[] => {
    if (!created.add(path)) return primary === undefined ? [] : (checkTypes(primary, mixins) ?? []);
    if (primary === undefined || !filter.contains(path)) return checkName(path);
    const typeMessages = checkTypes(primary, mixins);
    if (typeMessages !== undefined) return [...typeMessages, ...checkName(path)];
    return checkName(path);
  };

  return {
    id: 'jackrabbit-nodetypes',
    jcrPath(node: NodeContext, isFolder: boolean, isDocView: boolean): Messages {
      if (isFolder) return create(node.nodePath, filter.contains(node.nodePath) ? 'nt:folder' : undefined, []);
      if (isDocView) return undefined;
      return create(node.nodePath, node.filePath.endsWith('.binary') ? undefined : 'nt:file', []);
    },
    docViewNode(node, { nodePath }) {
      if (node.primaryType === undefined) {
        // Ordering-only elements and nodes outside the filter need no type.
        if (!filter.contains(nodePath) || node.propertyCount === 0) return undefined;
        return [message('error', `Mandatory jcr:primaryType missing on node '${nodePath}'`)];
      }
      return create(nodePath, node.primaryType, node.mixinTypes);
    },
  };
}

function prefixOf(name: string): string | undefined {
  const colon = name.indexOf(':');
  return colon > 0 ? name.slice(0, colon) : undefined;
}
