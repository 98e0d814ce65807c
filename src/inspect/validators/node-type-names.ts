/**
 * The node types and namespaces FileVault's validator knows without any CND option: those of
 * its `default-nodetypes.cnd` (JCR 2.0, Oak and `vlt:` types; no `cq:` or `sling:` ones), and
 * the declarations a package's own `META-INF/vault/*.cnd` adds.
 *
 * | CND text                                   | declares                          |
 * | ------------------------------------------ | --------------------------------- |
 * | `<'cq'='http://www.day.com/jcr/cq/1.0'>`   | namespace `cq`                    |
 * | `[cq:Page] > nt:hierarchyNode`             | node type `{http://www.day.com/jcr/cq/1.0}Page` |
 */

/** Namespaces registered by FileVault's default node types, plus the empty one. */
export const BUILT_IN_NAMESPACES: Readonly<Record<string, string>> = {
  '': '',
  nt: 'http://www.jcp.org/jcr/nt/1.0',
  oak: 'http://jackrabbit.apache.org/oak/ns/1.0',
  jcr: 'http://www.jcp.org/jcr/1.0',
  mix: 'http://www.jcp.org/jcr/mix/1.0',
  rep: 'internal',
  vlt: 'http://www.day.com/jcr/vault/1.0',
};

// The 86 node types of FileVault's vault-core/src/main/resources/default-nodetypes.cnd (a6834ba9).
const BUILT_IN_NAMES = `mix:atomicCounter mix:created mix:etag mix:indexable mix:language mix:lastModified mix:lifecycle mix:lockable
mix:mimeType mix:referenceable mix:shareable mix:simpleVersionable mix:title mix:versionable nt:activity nt:address nt:base
nt:childNodeDefinition nt:configuration nt:file nt:folder nt:frozenNode nt:hierarchyNode nt:linkedFile nt:nodeType
nt:propertyDefinition nt:query nt:resource nt:unstructured nt:version nt:versionHistory nt:versionLabels nt:versionedChild
oak:QueryIndexDefinition oak:Resource oak:Unstructured rep:ACE rep:ACL rep:AccessControl rep:AccessControllable rep:Activities
rep:Authorizable rep:AuthorizableFolder rep:Cache rep:ChildNodeDefinition rep:ChildNodeDefinitions rep:Configurations
rep:CugPolicy rep:DenyACE rep:GrantACE rep:Group rep:Impersonatable rep:MemberReferences rep:MemberReferencesList rep:Members
rep:MergeConflict rep:NamedChildNodeDefinitions rep:NamedPropertyDefinitions rep:NodeType rep:Password rep:PermissionStore
rep:Permissions rep:Policy rep:PrincipalAccessControl rep:Privilege rep:Privileges rep:PropertyDefinition rep:PropertyDefinitions
rep:RepoAccessControllable rep:Restrictions rep:RetentionManageable rep:SystemUser rep:Token rep:Unstructured
rep:UnstructuredProtected rep:User rep:VersionReference rep:VersionablePaths rep:nodeTypes rep:root rep:system rep:versionStorage
vlt:FullCoverage vlt:HierarchyNode vlt:Package vlt:PackageDefinition`;

/** Node types as expanded names (`{uri}local`), read on first use. */
export function builtInNodeTypes(): string[] {
  return BUILT_IN_NAMES.split(/\s+/).map((name) => expand(name, BUILT_IN_NAMESPACES)!);
}

/** What a package's CND files declare. */
export interface NodeTypeDeclarations {
  /** Prefix to URI. */
  readonly namespaces: ReadonlyMap<string, string>;
  /** Node types as expanded names (`{uri}local`). */
  readonly types: readonly string[];
}

const NAMESPACE = /<\s*'?([^'=\s>]*)'?\s*=\s*'([^']*)'\s*>/g;
const NODE_TYPE = /^\s*\[\s*'?([^'\]\s]+)'?\s*\]/gm;

/** Reads the namespace and node type declarations of CND texts (a lenient scan, not a CND parser). */
export function readCndDeclarations(texts: readonly string[]): NodeTypeDeclarations {
  const namespaces = new Map<string, string>();
  const qualified: string[] = [];
  for (const text of texts) {
    // Comments out, quoted text kept (a URI holds '//').
    const code = text.replace(/'[^']*'|"[^"]*"|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (token) => (token.startsWith('/') ? '' : token));
    for (const [, prefix = '', uri = ''] of code.matchAll(NAMESPACE)) namespaces.set(prefix, uri);
    for (const [, name = ''] of code.matchAll(NODE_TYPE)) qualified.push(name);
  }
  const all = { ...BUILT_IN_NAMESPACES, ...Object.fromEntries(namespaces) };
  return { namespaces, types: qualified.map((name) => expand(name, all)).filter((name) => name !== undefined) };
}

/** `prefix:local` to `{uri}local`, or `undefined` when the prefix is unknown. */
export function expand(qualified: string, namespaces: Readonly<Record<string, string>>): string | undefined {
  const colon = qualified.indexOf(':');
  const prefix = colon > 0 ? qualified.slice(0, colon) : '';
  // Own keys only: a prefix such as `constructor` is no namespace (issue 11, point 5).
  const uri = Object.hasOwn(namespaces, prefix) ? namespaces[prefix] : undefined;
  return uri === undefined ? undefined : `{${uri}}${qualified.slice(colon + 1)}`;
}
