/**
 * `DocViewElements`: the elements of one DocView file in compact form, kept from the parse until
 * the file is known to be well-formed (FileVault refuses a file with any problem as a whole) and
 * then visited.
 *
 * | kept per element                                   | how                                          |
 * | -------------------------------------------------- | -------------------------------------------- |
 * | depth, line, column, number of properties, flags   | numbers in one `Uint32Array`                 |
 * | path segment (`name`, `name[2]`), `jcr:uuid`       | UTF-16 units in one `Uint16Array`            |
 * | `jcr:primaryType`, `jcr:mixinTypes`                | one string per distinct type in the file, by number |
 * | invalid values, character data                     | only for the elements that have them         |
 *
 * Nothing per element lives in the JavaScript heap: a file's elements, held while the file is
 * read, are no work for the garbage collector, which otherwise copies them at every young
 * collection and grows its young generation for them.
 */
import type { DocViewCharacterData } from '../docview/docview-parse.ts';
import type { ValidationMessage } from './validator.ts';

/** What is kept of one element (the parse resolved its names already). */
export interface DocViewElementFacts {
  readonly depth: number;
  /** `DocViewElement.name`: the segment without a `[index]`. */
  readonly name: string;
  readonly segment: string;
  readonly line: number;
  readonly column: number;
  readonly propertyCount: number;
  readonly primaryType: string | undefined;
  readonly mixinTypes: readonly string[];
  readonly identifier: string | undefined;
  readonly isRepPolicy: boolean;
  readonly invalidValues: readonly ValidationMessage[];
}

const NONE: readonly never[] = [];

// Numbers of an element, in this order.
const DEPTH = 0;
const LINE = 1;
const COLUMN = 2;
const PROPERTY_COUNT = 3;
const FLAGS = 4;
/** 0: none; else 1 + the number of the primary type in `types`. */
const PRIMARY_TYPE = 5;
/** Where its segment ends in `units` (it starts where the previous element's text ends). */
const SEGMENT_END = 6;
/** Where its text ends: the identifier follows the segment. */
const TEXT_END = 7;
const STRIDE = 8;

const IS_REP_POLICY = 1;
const HAS_IDENTIFIER = 2;
const HAS_INDEX = 4;

/** The elements of one file, in document order. */
export class DocViewElements {
  private numbers = new Uint32Array(256 * STRIDE);
  private units = new Uint16Array(4096);
  private count = 0;
  private readonly types: string[] = [];
  private readonly typeNumbers = new Map<string, number>();
  private readonly mixinTypes = new Map<number, readonly string[]>();
  private readonly invalidValues = new Map<number, readonly ValidationMessage[]>();
  private readonly characterData = new Map<number, DocViewCharacterData[]>();

  /** Number of elements. */
  get size(): number {
    return this.count;
  }

  /** Adds the next element in document order; returns its number. */
  add(facts: DocViewElementFacts): number {
    const i = this.count++;
    if (this.count * STRIDE > this.numbers.length) this.numbers = grown(this.numbers, this.count * STRIDE);
    const at = i * STRIDE;
    const start = i === 0 ? 0 : this.numbers[at - STRIDE + TEXT_END]!;
    const segmentEnd = this.write(start, facts.segment);
    const textEnd = facts.identifier === undefined ? segmentEnd : this.write(segmentEnd, facts.identifier);
    const flags = (facts.isRepPolicy ? IS_REP_POLICY : 0) | (facts.identifier === undefined ? 0 : HAS_IDENTIFIER) | (facts.name === facts.segment ? 0 : HAS_INDEX);
    const n = this.numbers;
    n[at + DEPTH] = facts.depth;
    n[at + LINE] = facts.line;
    n[at + COLUMN] = facts.column;
    n[at + PROPERTY_COUNT] = facts.propertyCount;
    n[at + FLAGS] = flags;
    n[at + PRIMARY_TYPE] = facts.primaryType === undefined ? 0 : this.typeNumber(facts.primaryType) + 1;
    n[at + SEGMENT_END] = segmentEnd;
    n[at + TEXT_END] = textEnd;
    if (facts.mixinTypes.length > 0) this.mixinTypes.set(i, facts.mixinTypes.map((type) => this.types[this.typeNumber(type)]!));
    if (facts.invalidValues.length > 0) this.invalidValues.set(i, facts.invalidValues);
    return i;
  }

  /** Character data directly inside element `i`, in document order. */
  addCharacterData(i: number, data: DocViewCharacterData): void {
    const list = this.characterData.get(i);
    if (list === undefined) this.characterData.set(i, [data]);
    else list.push(data);
  }

  /** Element `i` as it was added (`segment`: its segment when the caller has read it already). */
  get(i: number, segment = this.segmentOf(i)): DocViewElementFacts & { readonly characterData: readonly DocViewCharacterData[] } {
    const at = i * STRIDE;
    const n = this.numbers;
    const flags = n[at + FLAGS]!;
    const type = n[at + PRIMARY_TYPE]!;
    return {
      depth: n[at + DEPTH]!, line: n[at + LINE]!, column: n[at + COLUMN]!, propertyCount: n[at + PROPERTY_COUNT]!, segment,
      name: flags & HAS_INDEX ? segment.slice(0, segment.lastIndexOf('[')) : segment,
      primaryType: type === 0 ? undefined : this.types[type - 1], mixinTypes: this.mixinTypes.get(i) ?? NONE,
      identifier: flags & HAS_IDENTIFIER ? this.read(n[at + SEGMENT_END]!, n[at + TEXT_END]!) : undefined,
      isRepPolicy: (flags & IS_REP_POLICY) !== 0, invalidValues: this.invalidValues.get(i) ?? NONE, characterData: this.characterData.get(i) ?? NONE,
    };
  }

  /** Depth of element `i` (0 for the root element). */
  depthOf(i: number): number {
    return this.numbers[i * STRIDE + DEPTH]!;
  }

  /** Number of properties of element `i`. */
  propertyCountOf(i: number): number {
    return this.numbers[i * STRIDE + PROPERTY_COUNT]!;
  }

  /** Line of element `i`. */
  lineOf(i: number): number {
    return this.numbers[i * STRIDE + LINE]!;
  }

  /** Column of element `i`. */
  columnOf(i: number): number {
    return this.numbers[i * STRIDE + COLUMN]!;
  }

  /** Path segment of element `i`. */
  segmentOf(i: number): string {
    const at = i * STRIDE;
    return this.read(i === 0 ? 0 : this.numbers[at - STRIDE + TEXT_END]!, this.numbers[at + SEGMENT_END]!);
  }

  private write(start: number, text: string): number {
    const end = start + text.length;
    if (end > this.units.length) this.units = grown(this.units, end);
    for (let k = 0; k < text.length; k++) this.units[start + k] = text.charCodeAt(k);
    return end;
  }

  private read(start: number, end: number): string {
    const { units } = this;
    // Short names unit by unit; longer text in slices, as String.fromCharCode takes its units as arguments.
    if (end - start <= 8) {
      let text = '';
      for (let k = start; k < end; k++) text += String.fromCharCode(units[k]!);
      return text;
    }
    let text = '';
    for (let k = start; k < end; k += 4096) text += String.fromCharCode.apply(null, units.subarray(k, Math.min(end, k + 4096)) as unknown as number[]);
    return text;
  }

  // A file names few types: one string each instead of one per element.
  private typeNumber(type: string): number {
    let number = this.typeNumbers.get(type);
    if (number === undefined) {
      number = this.types.push(type) - 1;
      this.typeNumbers.set(type, number);
    }
    return number;
  }
}

function grown<T extends Uint32Array | Uint16Array>(array: T, atLeast: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(atLeast, array.length * 2));
  bigger.set(array);
  return bigger;
}
