/**
 * Whether a typed DocView value converts, as Jackrabbit's `ValueFactory.createValue(value, type)`
 * decides for FileVault's `jackrabbit-docviewparser` (DocumentViewParserValidatorTest):
 *
 * | type                    | accepts                                               | refuses               |
 * | ----------------------- | ----------------------------------------------------- | --------------------- |
 * | `Long`                  | `Long.parseLong`: `-12`, `+3`                          | `1.0`, `9223372036854775808` |
 * | `Double`                | `Double.parseDouble`: `1.5`, `1e3`, `NaN`, ` 2 `       | `1,5`                 |
 * | `Decimal`               | `new BigDecimal`: `1.50`, `-1E+3`                      | ` 1`, `1e`            |
 * | `Date`                  | `ISO8601.parse`: `2011-06-07T14:31:49.179-07:00`       | `somedate`, no millis, `2011-02-30T…` |
 * | `URI`                   | `new java.net.URI`: `http://a/b?c#d`, `x`             | `a b`, `%zz`, `:x`    |
 * | `Reference`, `WeakReference` | `UUID.fromString`                                | `1-2-3`, 37 characters |
 * | `String`, `Name`, `Path`, `Boolean`, `Binary`, `BinaryRef`, `undefined` | anything |          |
 *
 * (`Boolean.valueOf` takes any text; names and paths are not checked by FileVault's simple value factory.)
 */
import type { PropertyType } from '../docview/docview-property.ts';
import { javaDigit, javaParseInt } from '../docview/java-lang.ts';
import { javaParseDouble } from '../packaging/java-double.ts';

/** True when `value` converts to `type`. */
export function isConvertible(value: string, type: PropertyType): boolean {
  switch (type) {
    case 'Long':
      return SHORT_LONG.test(value) || parseJavaLong(value, 10) !== undefined;
    case 'Double':
      return javaParseDouble(value) !== undefined;
    case 'Decimal':
      return isBigDecimal(value);
    case 'Date':
      return isIso8601(value);
    case 'URI':
      return isJavaUri(value);
    case 'Reference':
    case 'WeakReference':
      return isUuid(value);
    default:
      return true;
  }
}

// Up to 18 ASCII digits always fit a long: no need to count in BigInt.
const SHORT_LONG = /^[+-]?[0-9]{1,18}$/;

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** `Long.parseLong(text, radix)` (digits of any script, as `Character.digit`), or `undefined`. */
export function parseJavaLong(text: string, radix: number): bigint | undefined {
  const signed = text[0] === '-' || text[0] === '+';
  if (text.length === (signed ? 1 : 0)) return undefined;
  let value = 0n;
  for (let i = signed ? 1 : 0; i < text.length; i++) {
    const digit = javaDigit(text.charCodeAt(i), radix);
    if (digit < 0) return undefined;
    value = value * BigInt(radix) + BigInt(digit);
  }
  if (text[0] === '-') value = -value;
  return value >= LONG_MIN && value <= LONG_MAX ? value : undefined;
}

// new BigDecimal(String): [sign] digits [. digits] [e [sign] digits], digits of any script.
function isBigDecimal(text: string): boolean {
  const ascii = [...text].map((c) => (javaDigit(c.charCodeAt(0), 10) >= 0 ? '0' : c)).join('');
  const match = /^[+-]?(?:0+\.?0*|\.0+)(?:[eE]([+-]?0+))?$/.exec(ascii);
  if (match === null) return false;
  // The exponent must fit an int.
  const exponentStart = ascii.search(/[eE]/);
  return exponentStart < 0 || javaParseInt(text.slice(exponentStart + 1)) !== undefined;
}

const TIME_ZONE = /^[+-](\d\d):(\d\d)$/;

// ISO8601.parse's fields: offset after the sign, width, and the delimiter after them.
const ISO8601_FIELDS = [[0, 4, '-'], [5, 2, '-'], [8, 2, 'T'], [11, 2, ':'], [14, 2, ':'], [17, 2, '.'], [20, 3, '']] as const;

/** `ISO8601.parse(text) != null`: `±YYYY-MM-DDThh:mm:ss.SSSTZD`, a valid calendar date. */
export function isIso8601(text: string): boolean {
  const start = text[0] === '-' || text[0] === '+' ? 1 : 0;
  const values = [0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < ISO8601_FIELDS.length; i++) {
    const [offset, width, delimiter] = ISO8601_FIELDS[i]!;
    const value = parseField(text, start + offset, width);
    if (value === undefined || text.length < start + offset + width) return false;
    if (delimiter !== '' && text[start + offset + width] !== delimiter) return false;
    values[i] = value;
  }
  const zone = text.slice(start + 23);
  const offset = TIME_ZONE.exec(zone);
  if (zone !== 'Z' && (offset === null || Number(offset[1]) > 23 || Number(offset[2]) > 59)) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0] = values;
  const astronomical = text[0] === '-' ? -year : year;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || millis < 0 || hour < 0 || minute < 0 || second < 0) return false;
  return day >= 1 && day <= daysInMonth(astronomical, month) && !isInGregorianGap(astronomical, month, day);
}

// Integer.parseInt of the field; ASCII digits, the usual case, are read in place.
function parseField(text: string, from: number, width: number): number | undefined {
  let value = 0;
  for (let i = from; i < from + width; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return javaParseInt(text.slice(from, from + width));
    value = value * 10 + (code - 0x30);
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// GregorianCalendar: Julian leap years before 15 October 1582, Gregorian after.
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  const julian = year < 1582 || (year === 1582 && month < 10);
  const leap = julian ? year % 4 === 0 : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

function isInGregorianGap(year: number, month: number, day: number): boolean {
  return year === 1582 && month === 10 && day >= 5 && day <= 14;
}

/** `UUID.fromString(text)` (JDK 17): five `-`-separated hexadecimal longs, at most 36 characters. */
export function isUuid(text: string): boolean {
  if (text.length > 36) return false;
  const parts = text.split('-');
  return parts.length === 5 && parts.every((part) => parseJavaLong(part, 16) !== undefined);
}

// java.net.URI (RFC 2396 as Java reads it), by component: the characters each may hold.
const UNRESERVED = "A-Za-z0-9\\-_.!~*'()";
const RESERVED = ';/?:@&=+$,\\[\\]';
const OTHER = '\\u0080-\\uffff';
const ESCAPED = '%[0-9A-Fa-f]{2}';
const URIC = new RegExp(`^(?:[${UNRESERVED}${RESERVED}${OTHER}]|${ESCAPED})*$`);
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

/** `new java.net.URI(text)` succeeds (characters and structure; host syntax is not checked). */
export function isJavaUri(text: string): boolean {
  // Other characters (above U+007F) may not be controls or spaces.
  if (/[\u0080-\u009f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(text)) return false;
  const hash = text.indexOf('#');
  const [body, fragment] = hash < 0 ? [text, ''] : [text.slice(0, hash), text.slice(hash + 1)];
  if (!URIC.test(fragment.replace(/[[\]]/g, 'x')) || fragment.includes('#')) return false;
  const colon = body.search(/[:/?]/);
  if (colon >= 0 && body[colon] === ':') {
    if (!SCHEME.test(body.slice(0, colon))) return false;
    const rest = body.slice(colon + 1);
    if (rest === '') return false;
    if (!rest.startsWith('/')) return URIC.test(rest.replace(/[[\]]/g, 'x'));
    return isHierarchical(rest);
  }
  return isHierarchical(body);
}

function isHierarchical(text: string): boolean {
  const question = text.indexOf('?');
  const [beforeQuery, query] = question < 0 ? [text, ''] : [text.slice(0, question), text.slice(question + 1)];
  if (!URIC.test(query.replace(/[[\]]/g, 'x'))) return false;
  let path = beforeQuery;
  if (path.startsWith('//')) {
    const end = path.indexOf('/', 2);
    const authority = end < 0 ? path.slice(2) : path.slice(2, end);
    path = end < 0 ? '' : path.slice(end);
    if (!new RegExp(`^(?:[${UNRESERVED}$,;:@&=+${OTHER}]|\\[[0-9A-Fa-f:.]+\\]|${ESCAPED})*$`).test(authority)) return false;
  }
  return new RegExp(`^(?:[${UNRESERVED}:@&=+$,;/${OTHER}]|${ESCAPED})*$`).test(path);
}
