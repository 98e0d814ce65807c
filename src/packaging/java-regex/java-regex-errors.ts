/**
 * Why a Java regular expression cannot be used: Java itself refuses it
 * ({@link JavaRegexSyntaxError}, a `PatternSyntaxException`), Java accepts it but this
 * implementation cannot evaluate it ({@link UnsupportedJavaRegexError}), or evaluating it on one
 * input took more steps than allowed ({@link JavaRegexBudgetError}, catastrophic backtracking).
 */

/** Java's `PatternSyntaxException`: its description and index, e.g. `Unclosed character class` at 0. */
export class JavaRegexSyntaxError extends Error {
  override name = 'JavaRegexSyntaxError';
  /** `PatternSyntaxException.getDescription()`. */
  readonly description: string;
  /** `PatternSyntaxException.getIndex()`: -1 when Java gives none. */
  readonly index: number;
  constructor(description: string, index: number) {
    super(index >= 0 ? `${description} near index ${index}` : description);
    this.description = description;
    this.index = index;
  }
}

/** A construct Java accepts that this implementation does not evaluate (`\p{InGreek}`, `\X`, `CANON_EQ`). */
export class UnsupportedJavaRegexError extends Error {
  override name = 'UnsupportedJavaRegexError';
  /** The construct, as written. */
  readonly construct: string;
  constructor(construct: string) {
    super(`the Java regular expression construct ${construct} is not supported`);
    this.construct = construct;
  }
}

/** Matching one input took more than the allowed number of steps. */
export class JavaRegexBudgetError extends Error {
  override name = 'JavaRegexBudgetError';
  constructor(steps: number) {
    super(`matching took more than ${steps} steps (catastrophic backtracking)`);
  }
}
