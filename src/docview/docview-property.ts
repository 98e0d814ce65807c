/**
 * `DocViewProperty`: one JCR property as FileVault serializes it in a DocView attribute
 * (FileVault's `DocViewProperty2` and `docview.md`; test vectors of `DocViewProperty2Test`). Grammar:
 *
 *     prop := [ "{" type "}" ] ( value | "[" [ value { "," value } ] "]" )
 *
 * | property                                   | attribute value (before XML escaping) |
 * | ------------------------------------------ | ------------------------------------- |
 * | single, undefined, `value`                 | `value`                               |
 * | single, Boolean, `true`                    | `{Boolean}true`                       |
 * | multi, Path, `path1`, `path2`              | `{Path}[path1,path2]`                 |
 * | multi, String, one empty value             | `[\0]` (JCR-3661)                     |
 * | single, String, empty value                | `\0` (JCRVLT-516)                     |
 * | single, undefined, `[Bar"\`                | `\[Bar"\\`                            |
 * | multi, `hello, world`                      | `[hello\, world]`                     |
 * | single, String, `😀`                       | `\ud83d\ude00` (surrogates are invalid XML chars) |
 * | `jcr:mixinTypes` `mix:title`,`mix:created` | `[mix:created,mix:title]` (sorted)    |
 *
 * The `{Type}` prefix is written only when ambiguous: never for String, undefined,
 * `jcr:primaryType` or `jcr:mixinTypes` (those two are Name properties by definition).
 */
import { InputError } from '../errors.ts';
import { parseDocViewValue } from './docview-value-parser.ts';
import { isInvalidXmlChar } from './xml-char.ts';

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

/** Every {@link PropertyType}, in `javax.jcr.PropertyType` order, `BinaryRef` last. */
export const PROPERTY_TYPES: readonly PropertyType[] = [
  'undefined', 'String', 'Binary', 'Long', 'Double', 'Date', 'Boolean', 'Name', 'Path',
  'Reference', 'WeakReference', 'URI', 'Decimal', 'BinaryRef',
];

// DocViewProperty2.UNAMBIGUOUS: their type is fixed by the JCR spec.
const NAME_PROPERTIES = new Set(['jcr:primaryType', 'jcr:mixinTypes']);

/**
 * Builds a property: a string makes a single-value property, an array a multi-value one.
 * `jcr:primaryType` and `jcr:mixinTypes` without a type become `Name`, as FileVault types them.
 * @throws InputError for a type that is not a {@link PropertyType}.
 */
export function createDocViewProperty(name: string, value: string | readonly string[], type: PropertyType = 'undefined'): DocViewProperty {
  if (!PROPERTY_TYPES.includes(type)) throw new InputError(`unknown type: ${String(type)}`, { code: 'E_DOCVIEW_TYPE' });
  const isMulti = typeof value !== 'string';
  return { name, values: isMulti ? [...value] : [value], isMulti, type: resolveType(name, type) };
}

/**
 * `DocViewProperty2.parse`: reads an attribute value (already XML-unescaped).
 * @throws InputError `unknown type: Invalid` for an unknown `{Type}`, as FileVault words it.
 */
export function parseDocViewProperty(name: string, attributeValue: string): DocViewProperty {
  const { values, isMulti, type } = parseDocViewValue(attributeValue);
  return { name, values, isMulti, type: resolveType(name, type) };
}

/**
 * `DocViewProperty2.formatValue`: the attribute value, before XML escaping. Values of every type
 * are escaped as FileVault escapes String, Name, Path and undefined values; FileVault leaves the
 * other types raw, which differs only for values it could not read back itself (a `,` in a
 * multi-value URI, a `\`), since its parser unescapes whatever the type (our choice, read from
 * `DocViewProperty2.parse`).
 * @throws InputError for a single-value property without exactly one value.
 */
export function formatDocViewProperty(property: DocViewProperty): string {
  const { name, isMulti, type } = property;
  let { values } = property;
  if (!isMulti && values.length !== 1) {
    throw new InputError(`Single value property needs exactly 1 value, got ${values.length} for '${name}'`, { code: 'E_DOCVIEW_VALUE' });
  }
  // DocViewSAXFormatter sorts mixins only (testSortedMixinValues); String.compareTo order.
  if (isMulti && name === 'jcr:mixinTypes') values = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const prefix = type !== 'String' && type !== 'undefined' && !NAME_PROPERTIES.has(name) ? `{${type}}` : '';
  // One empty value is written \0, single or multi (JCR-3661, JCRVLT-516).
  const body = values.length === 1 && values[0] === '' ? '\\0' : values.map((value) => escapeDocViewValue(value, isMulti)).join(',');
  return isMulti ? `${prefix}[${body}]` : prefix + body;
}

/**
 * `DocViewProperty2.escape`: `\` → `\\`; `,` → `\,` in multi-values; a leading `[` or `{` of a
 * single value → `\[` / `\{`; a UTF-16 unit XML cannot carry → `\uXXXX` (lower-case hex).
 */
export function escapeDocViewValue(value: string, isMulti: boolean): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') out += '\\\\';
    else if (c === ',' && isMulti) out += '\\,';
    else if (i === 0 && !isMulti && (c === '[' || c === '{')) out += '\\' + c;
    else if (isInvalidXmlChar(value.charCodeAt(i))) out += '\\u' + value.charCodeAt(i).toString(16).padStart(4, '0');
    else out += c;
  }
  return out;
}

function resolveType(name: string, type: PropertyType): PropertyType {
  return type === 'undefined' && NAME_PROPERTIES.has(name) ? 'Name' : type;
}
