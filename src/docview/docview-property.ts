/**
 * `DocViewProperty`: one JCR property as FileVault serializes it in a DocView attribute
 * (`DocViewProperty2`, docview.md). Grammar:
 *
 *     prop := [ "{" type "}" ] ( value | "[" [ value { "," value } ] "]" )
 */

/**
 * JCR property type names as written inside `{…}` (`javax.jcr.PropertyType`, plus FileVault's
 * `BinaryRef`). `undefined` is the written spelling of "no type given".
 */
export type PropertyType =
  | 'undefined'
  | 'String'
  | 'Binary'
  | 'Long'
  | 'Double'
  | 'Decimal'
  | 'Date'
  | 'Boolean'
  | 'Name'
  | 'Path'
  | 'Reference'
  | 'WeakReference'
  | 'URI'
  | 'BinaryRef';

/** One property of a DocView node. */
export interface DocViewProperty {
  /** Qualified JCR name, e.g. `jcr:title`. */
  readonly name: string;
  /** The values as strings (a single-value property has exactly one). */
  readonly values: readonly string[];
  /** True for a multi-value property (`[a,b]`), even with zero or one value. */
  readonly isMulti: boolean;
  /** The type; `undefined` when the attribute carries no `{Type}` prefix. */
  readonly type: PropertyType;
}
