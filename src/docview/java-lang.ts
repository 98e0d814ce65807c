/**
 * The few `java.lang` behaviours FileVault's rules lean on, reproduced on UTF-16 code units so the
 * DocView and file-name code gives the same answers as the JDK 17 that runs AEM:
 *
 * | Java                         | here               | example                                  |
 * | ---------------------------- | ------------------ | ---------------------------------------- |
 * | `String.hashCode()`          | `javaStringHash`   | `"nt"` → 3526                            |
 * | `Character.digit(c, radix)`  | `javaDigit`        | `'f'` → 15, `'\uFF10'` (fullwidth 0) → 0 |
 * | `Integer.valueOf(s)`         | `javaParseInt`     | `"+2"` → 2, `"2x"` → `undefined`         |
 * | `String.trim()`              | `javaTrim`         | strips every unit ≤ U+0020, nothing else |
 */

/** `String.hashCode()`: `s[0]*31^(n-1) + … + s[n-1]` in 32-bit two's complement. */
export function javaStringHash(value: string): number {
  let hash = 0;
  for (let i = 0; i < value.length; i++) hash = (Math.imul(hash, 31) + value.charCodeAt(i)) | 0;
  return hash;
}

let decimalDigit: RegExp | undefined;

/**
 * `Character.digit(char, radix)`: ASCII and fullwidth Latin letters count from 10, and every Unicode
 * decimal digit (`Nd`) counts, not only `0`–`9`. Returns -1 when the unit is no digit of that radix.
 */
export function javaDigit(unit: number, radix: number): number {
  let value = -1;
  if (unit >= 0x30 && unit <= 0x39) value = unit - 0x30;
  else if ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a) value = (unit | 0x20) - 0x61 + 10;
  else if (unit >= 0xff21 && unit <= 0xff3a) value = unit - 0xff21 + 10;
  else if (unit >= 0xff41 && unit <= 0xff5a) value = unit - 0xff41 + 10;
  else if (isDecimalDigit(unit)) {
    // Unicode encodes decimal digits in runs of ten, 0 to 9 (stability policy), so the distance to
    // the run's start gives the value.
    let start = unit;
    while (isDecimalDigit(start - 1)) start--;
    value = (unit - start) % 10;
  }
  return value < radix ? value : -1;
}

function isDecimalDigit(unit: number): boolean {
  decimalDigit ??= /^\p{Nd}$/u;
  return unit >= 0 && unit <= 0xffff && decimalDigit.test(String.fromCharCode(unit));
}

/** `Integer.valueOf(String)` for radix 10: an optional sign, then digits (any `Nd`); `undefined` where Java throws `NumberFormatException`. */
export function javaParseInt(text: string): number | undefined {
  const signed = text.startsWith('-') || text.startsWith('+');
  if (text.length === (signed ? 1 : 0)) return undefined;
  let value = 0;
  for (let i = signed ? 1 : 0; i < text.length; i++) {
    const digit = javaDigit(text.charCodeAt(i), 10);
    if (digit < 0) return undefined;
    value = value * 10 + digit;
  }
  if (text.startsWith('-')) value = -value;
  return value >= -0x80000000 && value <= 0x7fffffff ? value : undefined;
}

/** `String.trim()`: removes leading and trailing code units up to U+0020 (not Unicode white space in general). */
export function javaTrim(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  return value.slice(start, end);
}
