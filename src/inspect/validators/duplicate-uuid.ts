/**
 * `jackrabbit-duplicateuuid` (FileVault `DuplicateUuidValidator`): two nodes in the filter with
 * the same `jcr:uuid` cannot both be imported.
 *
 * | nodes                                    | message (error)                                          |
 * | ---------------------------------------- | -------------------------------------------------------- |
 * | `/a` and `/b` with `jcr:uuid="1"`        | `Found the same jcr:uuid value '1' in '/a' and '/b'`      |
 */
import { message, type ValidationContext, type Validator } from '../validator.ts';

/** Creates the validator for one package. */
export function createDuplicateUuidValidator(context: ValidationContext): Validator {
  const pathsByUuid = new Map<string, string>();
  return {
    id: 'jackrabbit-duplicateuuid',
    docViewNode(node, { nodePath }) {
      const uuid = node.identifier;
      if (uuid === undefined || !context.filter.contains(nodePath)) return undefined;
      const previous = pathsByUuid.get(uuid);
      pathsByUuid.set(uuid, nodePath);
      return previous === undefined ? undefined : [message('error', `Found the same jcr:uuid value '${uuid}' in '${previous}' and '${nodePath}'`)];
    },
  };
}
