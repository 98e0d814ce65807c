/**
 * `java.util.regex.Pattern` for filter rules: FileVault compiles every `include`/`exclude`
 * pattern with `Pattern.compile` and matches whole paths with `Matcher.matches()`
 * (FileVault `DefaultPathFilter`). A JavaScript `RegExp` differs in syntax (possessive quantifiers,
 * `\Q…\E`, `[a&&[^b]]`, `\p{Lower}`) and cannot say `hitEnd()`, which FileVault's validator
 * needs, so patterns run on a small Java-compatible backtracking matcher.
 *
 * | pattern              | compile                                             |
 * | -------------------- | --------------------------------------------------- |
 * | `/apps/(foo|bar)/.*` | ok                                                   |
 * | `[`                  | {@link JavaRegexSyntaxError} `Unclosed character class` |
 * | `\p{InGreek}`        | {@link UnsupportedJavaRegexError} (Java accepts it)  |
 */
import { parseJavaRegex } from './java-regex/java-regex-parse.ts';
import { matchWhole, type MatchOutcome } from './java-regex/java-regex-match.ts';

export { JavaRegexBudgetError, JavaRegexSyntaxError, UnsupportedJavaRegexError } from './java-regex/java-regex-errors.ts';
export type { MatchOutcome } from './java-regex/java-regex-match.ts';

/** A compiled pattern. */
export interface JavaPattern {
  /** The pattern as written (`Pattern.pattern()`). */
  readonly source: string;
  /** `Matcher.matches()`: the whole input matches. */
  matches(input: string): boolean;
  /** `matches()` and `hitEnd()` of the same match operation. */
  match(input: string): MatchOutcome;
}

/** Options of {@link compileJavaPattern}. */
export interface JavaPatternOptions {
  /**
   * Steps one match may take before it fails with `JavaRegexBudgetError`.
   * @default 200000
   */
  readonly budget?: number;
}

/**
 * `Pattern.compile(source)`.
 * @throws JavaRegexSyntaxError where Java throws `PatternSyntaxException`.
 * @throws UnsupportedJavaRegexError for a construct Java accepts that is not implemented here.
 */
export function compileJavaPattern(source: string, options: JavaPatternOptions = {}): JavaPattern {
  const { budget = 200_000 } = options;
  const parsed = parseJavaRegex(source);
  return {
    source,
    matches: (input) => matchWhole(parsed, input, budget).matched,
    match: (input) => matchWhole(parsed, input, budget),
  };
}
