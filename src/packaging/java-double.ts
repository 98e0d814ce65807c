/**
 * `Double.parseDouble` and `Double.toString` for the values FileVault reads with them (the
 * filter version, `{Double}` DocView values).
 *
 * | text            | `parseDouble`                 |
 * | --------------- | ----------------------------- |
 * | `1.0`, ` 1 `    | 1 (units ≤ U+0020 trimmed)    |
 * | `1e3`, `.5`, `5.` | 1000, 0.5, 5                |
 * | `2d`, `2F`      | 2 (a type suffix is allowed)  |
 * | `NaN`, `-Infinity` | NaN, -Infinity             |
 * | `0x1p4`         | 16 (hexadecimal form)         |
 * | `1,0`, `one`, `` | `undefined` (NumberFormatException) |
 */

const DECIMAL = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)[fFdD]?$/;

/** `Double.parseDouble(text)`, or `undefined` where Java throws `NumberFormatException`. */
export function javaParseDouble(text: string): number | undefined {
  const trimmed = text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (DECIMAL.test(trimmed)) return Number(trimmed.replace(/[fFdD]$/, ''));
  const hex = HEX.exec(trimmed);
  if (hex === null) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = hex;
  if (whole === '' && fraction === '') return undefined;
  const mantissa = parseInt(whole || '0', 16) + (fraction === '' ? 0 : parseInt(fraction, 16) / 16 ** fraction.length);
  const value = mantissa * 2 ** Number(exponent);
  return sign === '-' ? -value : value;
}

/** `Double.toString(value)` for ordinary values: `2.0`, `1.5`, `1.0E10`, `1.0E-5`. */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa = '', exponent = ''] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
}
