/**
 * `FingerprintSet`: "have I seen this string?" in 8 bytes per entry, for the questions inspect
 * must answer about every node of a package (is this node path new, was this finding reported
 * already) without keeping every path as a string.
 *
 * | kept per string                   | a `Set<string>` of node paths      | this set                    |
 * | --------------------------------- | ---------------------------------- | --------------------------- |
 * | memory                            | the string and its entry, ~60-100 B | 64 bits of two hashes, ≤16 B |
 * | a false "seen"                    | never                              | two strings share both 32-bit hashes: about n²/2⁶⁵ (3·10⁻⁸ for a million) |
 *
 * Open addressing with linear probing in two `Uint32Array`s, grown at half load.
 */

const INITIAL_CAPACITY = 1024;

/** A set of strings known by 64-bit fingerprints. */
export class FingerprintSet {
  private high = new Uint32Array(INITIAL_CAPACITY);
  private low = new Uint32Array(INITIAL_CAPACITY);
  private count = 0;

  /** Number of distinct strings added. */
  get size(): number {
    return this.count;
  }

  /** True when `value` was added before. */
  has(value: string): boolean {
    const [h, l] = fingerprint(value);
    return this.slotOf(h, l) < 0;
  }

  /** Adds `value`; true when it was new. */
  add(value: string): boolean {
    const [h, l] = fingerprint(value);
    const slot = this.slotOf(h, l);
    if (slot < 0) return false;
    this.high[slot] = h;
    this.low[slot] = l;
    if (++this.count * 2 > this.high.length) this.grow();
    return true;
  }

  // The free slot for (h, l), or -1 when it is there already. (0, 0) marks a free slot: `l` never is 0.
  private slotOf(h: number, l: number): number {
    const mask = this.high.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      if (this.low[slot] === 0) return slot;
      if (this.high[slot] === h && this.low[slot] === l) return -1;
    }
  }

  private grow(): void {
    const [high, low] = [this.high, this.low];
    this.high = new Uint32Array(high.length * 2);
    this.low = new Uint32Array(low.length * 2);
    for (let i = 0; i < high.length; i++) if (low[i] !== 0) this.place(high[i]!, low[i]!);
  }

  private place(h: number, l: number): void {
    const mask = this.high.length - 1;
    let slot = h & mask;
    while (this.low[slot] !== 0) slot = (slot + 1) & mask;
    this.high[slot] = h;
    this.low[slot] = l;
  }
}

// Two independent 32-bit hashes of the UTF-16 units: FNV-1a, and a multiply-rotate mix finalized as murmur3.
function fingerprint(value: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ value.length;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0xcc9e2d51);
    b = (b << 15) | (b >>> 17);
    b = Math.imul(b, 0x1b873593);
  }
  b ^= b >>> 16;
  b = Math.imul(b, 0x85ebca6b);
  b ^= b >>> 13;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  return [a >>> 0, (b >>> 0) || 1];
}
