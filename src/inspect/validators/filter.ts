/**
 * `jackrabbit-filter` (FileVault `AdvancedFilterValidator`, defaults of its factory):
 *
 * | check                                                    | severity | message                                             |
 * | -------------------------------------------------------- | -------- | --------------------------------------------------- |
 * | filter.xml refused by `DefaultWorkspaceFilter.load`      | error    | `Invalid filter.xml: <reason>`                      |
 * | a root not starting with `/`                             | error    | `Root path must be absolute, but does not start with a '/': '%s'.` |
 * | a pattern that can match nothing below its root          | error    | `Invalid pattern given ('%s') which will never match for any descendants of the root path '%s'.` |
 * | a node in the package outside every filter               | error    | `Node '%s' is not contained in any of the filter rules` |
 * | a node under a `cleanup` filter                          | error    | `Node '%s' is covered by a 'cleanup' filter rule. …` |
 * | an ancestor of a filter root in the package              | warning  | `Ancestor node '%s' is not covered by any of the filter rules. …` (`… but that node is a given root …` for a known root) |
 * | a node whose ancestor up to the root is not contained    | warning  | the same `Ancestor node …` message                  |
 * | a root's parent neither a known root nor contained       | warning  | `Filter root's ancestor '%s' is not covered by any of the specified dependencies nor a valid root.` (error for `application` packages) |
 * | includes or roots that no file or folder of the package matches | warning | `Found orphaned filter entries: %s`          |
 *
 * Known roots (FileVault's `validRoots` option): by default `/`, `/libs`, `/apps`, `/etc`, `/var`,
 * `/tmp`, `/content`, `/etc/packages`; a list given (`--valid-root`) replaces them, as in
 * `AdvancedFilterValidatorFactory`.
 * An empty filter (no `<filter>`) makes FileVault import everything: then nodes are not checked
 * and one warning says so.
 */
import type { FilterModel, FilterSetModel } from '../filter-model.ts';
import { compileJavaPattern } from '../../packaging/java-pattern.ts';
import { FILTER_XML } from '../../packaging/constants.ts';
import { FilterXmlError, parseFilterXml, type ParsedWorkspaceFilter } from '../../packaging/parse-filter-xml.ts';
import { parseXmlElements, XmlSyntaxError } from '../../packaging/xml-elements.ts';
import { checkFilterSchema } from './filter-schema.ts';
import { message, type Messages, type NodeContext, type ValidationContext, type ValidationMessage, type Validator } from '../validator.ts';
import { parentOf } from '../docview-file.ts';

/** FileVault's default valid roots (`AdvancedFilterValidatorFactory.DEFAULT_VALID_ROOTS`, plus `''`). */
export const VALID_ROOTS: ReadonlySet<string> = new Set(['', '/', '/libs', '/apps', '/etc', '/var', '/tmp', '/content', '/etc/packages']);

const ANCESTOR_NOT_COVERED = (path: string): string =>
  `Ancestor node '${path}' is not covered by any of the filter rules. Preferably depend on a package that provides this node or include it in the filter rules!`;

/** What reading filter.xml gave: the filter when `DefaultWorkspaceFilter.load` accepts it, and the messages. */
export interface FilterXmlReading {
  readonly filter: ParsedWorkspaceFilter | undefined;
  readonly messages: readonly ValidationMessage[];
}

/**
 * Reads filter.xml text as `jackrabbit-filter` does: the schema first (`cvc-…` messages), then
 * `DefaultWorkspaceFilter.load` (`Invalid filter.xml: <reason>`). Pure.
 */
export function validateFilterXml(xml: string): FilterXmlReading {
  const messages: ValidationMessage[] = [];
  try {
    messages.push(...checkFilterSchema(parseXmlElements(xml)));
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
  }
  try {
    return { filter: parseFilterXml(xml), messages };
  } catch (error) {
    if (!(error instanceof FilterXmlError)) throw error;
    const position = error.line === undefined ? {} : { line: error.line, column: error.column };
    messages.push(message('error', `Invalid filter.xml: ${error.reason}`, position));
    return { filter: undefined, messages };
  }
}

/** Creates the validator for one package. */
export function createFilterValidator(context: ValidationContext): Validator {
  const { filter } = context;
  const checksNodes = context.hasFilter && !filter.isEmpty;
  const dangling = new Set<string>();
  const orphaned = new Map<FilterSetModel, FilterSetModel['rules'][number][]>();
  for (const set of filter.sets) if (set.type !== 'cleanup') orphaned.set(set, set.rules.filter((rule) => rule.include));
  const undefinedAncestorSeverity = context.properties.packageType === 'application' ? 'error' : 'warning';
  const validRoots = context.validRoots ?? VALID_ROOTS;

  const validateNodePath = (path: string): Messages => {
    if (!filter.contains(path)) {
      if (!filter.isAncestor(path)) return [message('error', `Node '${path}' is not contained in any of the filter rules`)];
      if (validRoots.has(path)) {
        return [message('warning', `Ancestor node '${path}' is not covered by any of the filter rules but that node is a given root (either by a dependency or by the known roots). Remove the file(s) representing that node!`)];
      }
      return [message('warning', ANCESTOR_NOT_COVERED(path))];
    }
    if (filter.coveringSet(path)?.type === 'cleanup') {
      return [message('error', `Node '${path}' is covered by a 'cleanup' filter rule. That filter type is only supposed to be used for removing nodes during import!`)];
    }
    const ancestor = danglingAncestor(filter, path, dangling);
    return ancestor === undefined ? undefined : [message('warning', ANCESTOR_NOT_COVERED(ancestor))];
  };

  return {
    id: 'jackrabbit-filter',
    filter: () => [...checkFilterSets(filter), ...checkRootAncestors(filter, validRoots, undefinedAncestorSeverity)],
    jcrPath(node: NodeContext, isFolder: boolean) {
      if (!checksNodes) return undefined;
      removeOrphaned(orphaned, node.nodePath);
      return isFolder ? undefined : validateNodePath(node.nodePath);
    },
    docViewNode(node, context, isRoot) {
      if (!checksNodes || isRoot || node.propertyCount === 0) return undefined;
      return validateNodePath(context.nodePath);
    },
    done() {
      const messages: ValidationMessage[] = filter.problems.map((p) =>
        message('warning', `Pattern '${p.pattern}' cannot be evaluated (${p.reason}); it is taken to match nothing`, {
          path: FILTER_XML, nodePath: null, ...(p.line === undefined ? {} : { line: p.line, column: p.column }),
        }));
      if (context.hasFilter && filter.isEmpty) {
        messages.push(message('warning', 'The filter has no <filter> element: FileVault imports everything below jcr_root and removes nothing, so nodes are not checked against filter rules', { path: FILTER_XML, nodePath: null }));
      }
      const orphans = describeOrphans(orphaned);
      if (checksNodes && orphans !== '') messages.push(message('warning', `Found orphaned filter entries: ${orphans}`, { path: FILTER_XML, nodePath: null }));
      return messages;
    },
  };
}

// validatePathFilterSets: roots absolute (node sets), every pattern able to match below its root.
function checkFilterSets(filter: FilterModel): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  const check = (sets: readonly FilterSetModel[], checkRoots: boolean): void => {
    for (const set of sets) {
      if (checkRoots && !set.root.startsWith('/')) messages.push(message('error', `Root path must be absolute, but does not start with a '/': '${set.root}'.`));
      for (const rule of set.rules) {
        if (!isRegexValidForRootPath(rule.source.pattern, set.root)) {
          messages.push(message('error', `Invalid pattern given ('${rule.source.pattern}') which will never match for any descendants of the root path '${set.root}'.`, positionOf(rule.source)));
        }
      }
    }
  };
  check(filter.sets, true);
  check(filter.propertySets, false);
  return messages;
}

function positionOf(source: { readonly line?: number; readonly column?: number }): { line?: number; column?: number } {
  return source.line === undefined ? {} : { line: source.line, column: source.column };
}

/** `AdvancedFilterValidator.isRegexValidForRootPath`: the pattern matches the root, or matching it reached the end of the root path. */
export function isRegexValidForRootPath(pattern: string, root: string): boolean {
  try {
    const outcome = compileJavaPattern(pattern).match(root);
    return outcome.matched || outcome.hitEnd;
  } catch {
    // A pattern that cannot be evaluated is reported once by the filter model.
    return true;
  }
}

// Each root's parent must be a known root or contained in this filter (no dependencies are resolved here).
function checkRootAncestors(filter: FilterModel, validRoots: ReadonlySet<string>, severity: 'error' | 'warning'): ValidationMessage[] {
  const ancestors = new Set<string>();
  for (const set of filter.sets) {
    if (set.type === 'cleanup') continue;
    // StringUtils.substringBeforeLast: the whole string when there is no '/'.
    const slash = set.root.lastIndexOf('/');
    const parent = slash < 0 ? set.root : set.root.slice(0, slash);
    if (!validRoots.has(parent) && !filter.contains(parent)) ancestors.add(parent);
  }
  return [...ancestors].map((root) => message(severity, `Filter root's ancestor '${root}' is not covered by any of the specified dependencies nor a valid root.`));
}

// getDanglingAncestorNodePath: the first ancestor below the covering root that is not contained.
function danglingAncestor(filter: FilterModel, path: string, reported: Set<string>): string | undefined {
  if (reported.has(path)) return undefined;
  for (const set of filter.sets) {
    if (!set.contains(path)) continue;
    const parent = parentOf(path);
    return path !== set.root && parent !== set.root ? danglingAncestor(filter, parent, reported) : undefined;
  }
  reported.add(path);
  return path;
}

function removeOrphaned(orphaned: Map<FilterSetModel, FilterSetModel['rules'][number][]>, path: string): void {
  for (const [set, includes] of orphaned) {
    if (!set.contains(path)) continue;
    const left = includes.filter((rule) => !rule.matches(path));
    if (left.length === 0) orphaned.delete(set);
    else orphaned.set(set, left);
  }
}

function describeOrphans(orphaned: ReadonlyMap<FilterSetModel, FilterSetModel['rules'][number][]>): string {
  return [...orphaned]
    .map(([set, includes]) => (includes.length === 0 ? `entry with root '${set.root}'` : `includes [${includes.map((r) => `regex: ${r.source.pattern}`).join(', ')}] below root '${set.root}'`))
    .join(', ');
}
