/**
 * `jackrabbit-oakindex` (FileVault `OakIndexDefinitionValidator`): Oak index definitions only in
 * packages that set `allowIndexDefinitions=true`.
 *
 * | package without `allowIndexDefinitions`         | message (error)                                          |
 * | ----------------------------------------------- | -------------------------------------------------------- |
 * | a filter root `/oak:index/x`, `/a/oak:index`, `/a/oak:index/x` (not below `rep:policy`) | `Package '%s' contains filter rule overwriting a potential index definition below '%s' but the according property allowIndexDefinitions is not set to 'true'` |
 * | a node `jcr:primaryType="oak:QueryIndexDefinition"` | `Package '%s' contains index definition but the according property allowIndexDefinitions is not set to 'true'` |
 *
 * `%s` for the package is how it was named (its file path).
 */
import { FILTER_XML } from '../../packaging/constants.ts';
import { message, type ValidationContext, type Validator } from '../validator.ts';

const SETTING = 'allowIndexDefinitions';

/** Creates the validator for one package, or none when the package allows index definitions. */
export function createOakIndexValidator(context: ValidationContext): Validator | undefined {
  if (context.properties.allowIndexDefinitions) return undefined;
  const label = context.packageLabel;
  return {
    id: 'jackrabbit-oakindex',
    filter(filter) {
      return filter.sets
        .filter((set) => set.isAncestor('/oak:index') || set.root.includes('/oak:index/') || set.root.endsWith('/oak:index'))
        .filter((set) => !set.root.includes('/rep:policy'))
        .map((set) => message('error', `Package '${label}' contains filter rule overwriting a potential index definition below '${set.root}' but the according property ${SETTING} is not set to 'true'`, { path: FILTER_XML, nodePath: null }));
    },
    docViewNode(node) {
      if (node.primaryType !== 'oak:QueryIndexDefinition') return undefined;
      return [message('error', `Package '${label}' contains index definition but the according property ${SETTING} is not set to 'true'`)];
    },
  };
}
