/**
 * `jackrabbit-accesscontrol` (FileVault `AccessControlValidator`): access control lists against
 * the package's `acHandling` (FileVault's `acls.md`).
 *
 * | package                                   | message (error)                                                 |
 * | ----------------------------------------- | --------------------------------------------------------------- |
 * | an ACL node, `acHandling` ignore or clear | `Found an access control list, but it is never considered during installation as the property 'acHandling' is set to 'IGNORE'!` |
 * | no ACL node, any other `acHandling`       | `Found no access control list, but there is supposed to be one contained as the property 'acHandling' is set to 'MERGE'!` |
 *
 * ACL nodes have the primary type `rep:ACL`, `rep:CugPolicy` or `rep:PrincipalPolicy`.
 */
import { PROPERTIES_XML } from '../../packaging/constants.ts';
import { enumName } from '../properties-view.ts';
import { message, type ValidationContext, type Validator } from '../validator.ts';

const ACL_TYPES: ReadonlySet<string> = new Set(['rep:ACL', 'rep:CugPolicy', 'rep:PrincipalPolicy']);

/** Creates the validator for one package. */
export function createAccessControlValidator(context: ValidationContext): Validator {
  const handling = context.properties.acHandling;
  const ignored = handling === 'ignore' || handling === 'clear';
  let found = false;
  return {
    id: 'jackrabbit-accesscontrol',
    docViewNode(node) {
      if (!ACL_TYPES.has(node.primaryType ?? '')) return undefined;
      found = true;
      if (!ignored) return undefined;
      return [message('error', `Found an access control list, but it is never considered during installation as the property 'acHandling' is set to '${enumName(handling)}'!`)];
    },
    done() {
      if (found || ignored) return undefined;
      return [message('error', `Found no access control list, but there is supposed to be one contained as the property 'acHandling' is set to '${enumName(handling)}'!`, { path: PROPERTIES_XML, nodePath: null })];
    },
  };
}
