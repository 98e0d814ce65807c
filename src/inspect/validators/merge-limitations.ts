/**
 * `jackrabbit-mergelimitations` (FileVault `MergeLimitationsValidator`, JCRVLT-255): a filter
 * root imported with `mode="merge"` must be the root of its DocView file, not an element inside.
 *
 * | filter                              | DocView                                 | message (error) |
 * | ----------------------------------- | --------------------------------------- | --------------- |
 * | `<filter root="/apps/test/deep" mode="merge"/>` | `/apps/test/deep` inside `/apps/test/.content.xml` | `Non-empty Node '/apps/test/deep' is supposed to be imported with mode 'merge' but it is not the aggregator's root node. This is currently not supported by FileVault (https://issues.apache.org/jira/browse/JCRVLT-255).` |
 */
import { message, type ValidationContext, type Validator } from '../validator.ts';

/** Creates the validator for one package. */
export function createMergeLimitationsValidator(context: ValidationContext): Validator {
  const mergeRoots = new Set(context.filter.sets.filter((set) => set.mode === 'merge').map((set) => set.root));
  return {
    id: 'jackrabbit-mergelimitations',
    docViewNode(node, { nodePath }, isRoot) {
      if (isRoot || node.propertyCount === 0 || !mergeRoots.has(nodePath)) return undefined;
      return [message('error', `Non-empty Node '${nodePath}' is supposed to be imported with mode 'merge' but it is not the aggregator's root node. This is currently not supported by FileVault (https://issues.apache.org/jira/browse/JCRVLT-255).`)];
    },
  };
}
