/**
 * `jackrabbit-emptyelements` (FileVault `EmptyElementsValidator`): an element without attributes
 * only orders its siblings and never replaces a node (JCRVLT-251). In a `replace` filter that is
 * a mistake unless a folder or another file defines the node.
 *
 * | DocView in a `replace` filter                     | message (error)                                         |
 * | ------------------------------------------------- | ------------------------------------------------------- |
 * | `<node1/>`, nothing else defines `node1`          | `Found empty node (used for ordering only) without an accompanying folder which are included in the filter with mode=replace. Either remove the empty node or add at least the 'jcr:primaryType' attribute to make this node really get replaced.` |
 * | `<node2/>` and a folder `node2/`                  | none                                                    |
 * | `<rep:policy/>`                                   | none (the exporter writes these)                        |
 */
import { FingerprintSet } from '../fingerprint-set.ts';
import { message, type NodeContext, type ValidationContext, type Validator } from '../validator.ts';

const MESSAGE = "Found empty node (used for ordering only) without an accompanying folder which are included in the filter with mode=replace. Either remove the empty node or add at least the 'jcr:primaryType' attribute to make this node really get replaced.";

/** Creates the validator for one package. */
export function createEmptyElementsValidator(context: ValidationContext): Validator {
  const { filter } = context;
  const roots = filter.propertySets.filter((set) => set.mode === 'replace').map((set) => set.root);
  // FileVault compares with String.startsWith, so /apps/test covers /apps/test2 too.
  const isAffected = (path: string): boolean => roots.some((root) => path.startsWith(root));
  const empty: NodeContext[] = [];
  // Every node defined below a replace root, by fingerprint (8 bytes each, fingerprint-set.ts).
  const defined = new FingerprintSet();
  return {
    id: 'jackrabbit-emptyelements',
    docViewNode(node, nodeContext) {
      const path = nodeContext.nodePath;
      if (!isAffected(path)) return undefined;
      if (node.propertyCount === 0 && filter.contains(path) && filter.importMode(path) === 'replace') {
        if (!node.isRepPolicy) empty.push(nodeContext);
      } else defined.add(path);
      return undefined;
    },
    nodePath({ nodePath }) {
      if (isAffected(nodePath)) defined.add(nodePath);
      return undefined;
    },
    done() {
      return empty
        .filter((c) => !defined.has(c.nodePath))
        .map((c) => message('error', MESSAGE, { nodePath: c.nodePath, path: c.filePath, ...(c.line === undefined ? {} : { line: c.line, column: c.column }) }));
    },
  };
}
