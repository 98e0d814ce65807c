/**
 * `FilterModel`: the workspace filter as FileVault evaluates it (`DefaultWorkspaceFilter`,
 * `PathFilterSet`, `FilterSet`; FileVault's `filter.md`).
 *
 * | question            | rule                                                                  |
 * | ------------------- | --------------------------------------------------------------------- |
 * | `covers(p)`         | a set's root is `p` or an ancestor of `p`                             |
 * | `contains(p)`       | some covering set includes `p`: no rules → yes; else default is the opposite of the first rule, the last matching rule wins |
 * | `isAncestor(p)`     | `p` is `/`, a set's root, or an ancestor of a root                    |
 * | `importMode(p)`     | the mode of the first covering set, else `replace`                    |
 *
 * Only rules without `matchProperties` decide about nodes (FileVault's node filter sets).
 * Without any filter set (an empty or missing filter.xml) the importer imports everything, so
 * `contains` and `covers` answer yes.
 */
import { compileJavaPattern, JavaRegexBudgetError, UnsupportedJavaRegexError, type JavaPattern } from '../packaging/java-pattern.ts';
import type { ParsedPathFilter, ParsedPathFilterSet } from '../packaging/parse-filter-xml.ts';
import type { ImportMode, WorkspaceFilter } from '../packaging/workspace-filter.ts';

/** A rule whose pattern cannot be evaluated here; it is treated as matching nothing. */
export interface FilterProblem {
  readonly pattern: string;
  readonly reason: string;
  readonly line?: number;
  readonly column?: number;
}

/** One compiled rule. */
export interface RuleModel {
  readonly include: boolean;
  readonly source: { readonly kind: 'include' | 'exclude'; readonly pattern: string; readonly line?: number; readonly column?: number };
  /** `matches()` of the pattern (false when it cannot be evaluated). */
  matches(path: string): boolean;
}

// Each answer runs every rule's Java regex; the paths asked about repeatedly are the current node's ancestors.
const MAX_REMEMBERED_ANSWERS = 256;

/** One `<filter>`: its node rules. */
export class FilterSetModel {
  /** The root as FileVault prints it (`/` for the empty root). */
  readonly root: string;
  readonly mode: ImportMode;
  readonly type: 'cleanup' | undefined;
  readonly rules: readonly RuleModel[];
  // FilterSet.root: the root without its trailing '/', '' for '/'.
  private readonly bare: string;
  // Answers for recent paths: every node asks again about its parent and ancestors (getDanglingAncestorNodePath).
  private readonly answers = new Map<string, boolean>();

  constructor(root: string, mode: ImportMode, type: 'cleanup' | undefined, rules: readonly RuleModel[]) {
    this.root = root;
    this.bare = root === '/' ? '' : root;
    this.mode = mode;
    this.type = type;
    this.rules = rules;
  }

  /** `FilterSet.covers`. */
  covers(path: string): boolean {
    const { bare } = this;
    return path.startsWith(bare) && (path.length === bare.length || path.charCodeAt(bare.length) === 0x2f);
  }

  /** `PathFilterSet.contains`. */
  contains(path: string): boolean {
    if (!this.covers(path)) return false;
    if (this.rules.length === 0) return true;
    let result = this.answers.get(path);
    if (result !== undefined) return result;
    result = !this.rules[0]!.include;
    for (const rule of this.rules) if (rule.matches(path)) result = rule.include;
    if (this.answers.size >= MAX_REMEMBERED_ANSWERS) this.answers.clear();
    this.answers.set(path, result);
    return result;
  }

  /** `FilterSet.isAncestor`. */
  isAncestor(path: string): boolean {
    return path === this.bare || path === '/' || this.bare.startsWith(`${path}/`);
  }
}

/** The whole filter. */
export class FilterModel {
  /** Node filter sets, in order. */
  readonly sets: readonly FilterSetModel[];
  /** Property filter sets (the `matchProperties` rules), in order. */
  readonly propertySets: readonly FilterSetModel[];
  /** Patterns that could not be evaluated. */
  readonly problems: FilterProblem[] = [];

  constructor(filter: WorkspaceFilter | undefined) {
    const sets = (filter?.filterSets ?? []) as readonly ParsedPathFilterSet[];
    this.sets = sets.map((set) => this.compileSet(set, false));
    this.propertySets = sets.map((set) => this.compileSet(set, true));
  }

  /** True without any filter set: everything in the package is imported. */
  get isEmpty(): boolean {
    return this.sets.length === 0;
  }

  /** `WorkspaceFilter.contains` (yes for an empty filter). */
  contains(path: string): boolean {
    return this.isEmpty || this.sets.some((set) => set.contains(path));
  }

  /** `WorkspaceFilter.covers` (yes for an empty filter). */
  covers(path: string): boolean {
    return this.isEmpty || this.sets.some((set) => set.covers(path));
  }

  /** `WorkspaceFilter.isAncestor`. */
  isAncestor(path: string): boolean {
    return this.sets.some((set) => set.isAncestor(path));
  }

  /** `getCoveringFilterSet`: the first set covering `path`. */
  coveringSet(path: string): FilterSetModel | undefined {
    return this.sets.find((set) => set.covers(path));
  }

  /** `getImportMode`. */
  importMode(path: string): ImportMode {
    return this.coveringSet(path)?.mode ?? 'replace';
  }

  private compileSet(set: ParsedPathFilterSet, properties: boolean): FilterSetModel {
    const rules = set.rules.filter((rule) => (rule.matchProperties === true) === properties).map((rule) => this.compileRule(rule));
    return new FilterSetModel(set.root, set.mode ?? 'replace', set.type, rules);
  }

  private compileRule(rule: ParsedPathFilter): RuleModel {
    const include = rule.kind === 'include';
    let pattern: JavaPattern | undefined;
    try {
      pattern = compileJavaPattern(rule.pattern);
    } catch (error) {
      if (!(error instanceof UnsupportedJavaRegexError)) throw error;
      this.problems.push({ pattern: rule.pattern, reason: error.message, line: rule.line, column: rule.column });
    }
    let failed = false;
    const matches = (path: string): boolean => {
      if (pattern === undefined || failed) return false;
      try {
        return pattern.matches(path);
      } catch (error) {
        if (!(error instanceof JavaRegexBudgetError)) throw error;
        failed = true;
        this.problems.push({ pattern: rule.pattern, reason: `${error.message} on '${path}'`, line: rule.line, column: rule.column });
        return false;
      }
    };
    return { include, source: rule, matches };
  }
}
