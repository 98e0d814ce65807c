/**
 * Attribute order of FileVault's DocView output (`QNameComparator`, used through
 * FileVault's `DocViewProperty2Comparator`):
 *
 * 1. `xml:` names first (prefix compared case-insensitively);
 * 2. then prefixed names, then unprefixed ones;
 * 3. within a group by `(prefix + localName).toLowerCase()`, concatenated without the `:`;
 * 4. ties broken case-sensitively on `prefix + localName` (JCRVLT-334).
 *
 * | sorted (QNameComparatorTest)                                              |
 * | ------------------------------------------------------------------------- |
 * | `xml:xhtml`, `jcr:PrimaryType`, `jcr:primaryType`, `jcr:UpperCase`, `localonly` |
 *
 * So `cq:*` < `jcr:*` < `sling:*` < unprefixed, and `jcr:primaryType` is not forced first.
 */

/**
 * Compares two qualified names (`prefix:local` or `local`) as FileVault orders attributes.
 * @returns negative, zero or positive, for `Array.prototype.sort`.
 */
export function compareQNames(a: string, b: string): number {
  const [prefixA, localA] = splitQName(a);
  const [prefixB, localB] = splitQName(b);
  const xmlA = prefixA.toLowerCase() === 'xml';
  const xmlB = prefixB.toLowerCase() === 'xml';
  if (xmlA !== xmlB) return xmlA ? -1 : 1;
  if ((prefixA === '') !== (prefixB === '')) return prefixA === '' ? 1 : -1;
  const byLowerCase = compareUnits((prefixA + localA).toLowerCase(), (prefixB + localB).toLowerCase());
  return byLowerCase !== 0 ? byLowerCase : compareUnits(prefixA + localA, prefixB + localB);
}

function splitQName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

// String.compareTo: UTF-16 code units, as JavaScript's relational operators compare.
function compareUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
