/**
 * `DocViewElements`: the elements of one DocView file in compact form, kept from the parse until
 * the file is known to be well-formed (FileVault refuses a file with any problem as a whole) and
 * then visited (issue 11, point 7; issue 14, point 3).
 *
 * | kept per element                                   | how                                      |
 * | -------------------------------------------------- | ---------------------------------------- |
 * | depth, line, column, number of properties          | 16 bytes in one `Uint32Array`            |
 * | path segment (`name`, `name[2]`)                   | the parser's string                      |
 * | `jcr:primaryType`                                  | one string per distinct type in the file |
 * | name (when not the segment), mixins, uuid, `rep:policy`, invalid values, character data | only for the elements that have them |
 *
 * No property object, no path: paths are joined again when the elements are visited.
 */
import type { DocViewCharacterData } from '../docview/docview-parse.ts';
import type { ValidationMessage } from './validator.ts';

/** What is kept of one element (the parse resolved its names already). */
export interface DocViewElementFacts {
  readonly depth: number;
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
const STRIDE = 4;

/** The elements of one file, in document order. */
export class DocViewElements {
  private numbers = new Uint32Array(64 * STRIDE);
  private readonly segments: string[] = [];
  private readonly primaryTypes: (string | undefined)[] = [];
  private readonly typeNames = new Map<string, string>();
  private readonly names = new Map<number, string>();
  private readonly mixinTypes = new Map<number, readonly string[]>();
  private readonly identifiers = new Map<number, string>();
  private readonly repPolicies = new Set<number>();
  private readonly invalidValues = new Map<number, readonly ValidationMessage[]>();
  private readonly characterData = new Map<number, DocViewCharacterData[]>();

  /** Number of elements. */
  get size(): number {
    return this.segments.length;
  }

  /** Adds the next element in document order; returns its number. */
  add(facts: DocViewElementFacts): number {
    const i = this.segments.length;
    if ((i + 1) * STRIDE > this.numbers.length) {
      const grown = new Uint32Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers.set([facts.depth, facts.line, facts.column, facts.propertyCount], i * STRIDE);
    this.segments.push(facts.segment);
    this.primaryTypes.push(facts.primaryType === undefined ? undefined : this.intern(facts.primaryType));
    if (facts.name !== facts.segment) this.names.set(i, facts.name);
    if (facts.mixinTypes.length > 0) this.mixinTypes.set(i, facts.mixinTypes);
    if (facts.identifier !== undefined) this.identifiers.set(i, facts.identifier);
    if (facts.isRepPolicy) this.repPolicies.add(i);
    if (facts.invalidValues.length > 0) this.invalidValues.set(i, facts.invalidValues);
    return i;
  }

  /** Character data directly inside element `i`, in document order. */
  addCharacterData(i: number, data: DocViewCharacterData): void {
    const list = this.characterData.get(i);
    if (list === undefined) this.characterData.set(i, [data]);
    else list.push(data);
  }

  /** Element `i` as it was added. */
  get(i: number): DocViewElementFacts & { readonly characterData: readonly DocViewCharacterData[] } {
    const at = i * STRIDE;
    const segment = this.segments[i]!;
    return {
      depth: this.numbers[at]!, line: this.numbers[at + 1]!, column: this.numbers[at + 2]!, propertyCount: this.numbers[at + 3]!,
      segment, name: this.names.get(i) ?? segment, primaryType: this.primaryTypes[i], mixinTypes: this.mixinTypes.get(i) ?? NONE,
      identifier: this.identifiers.get(i), isRepPolicy: this.repPolicies.has(i), invalidValues: this.invalidValues.get(i) ?? NONE,
      characterData: this.characterData.get(i) ?? NONE,
    };
  }

  /** Depth of element `i` (0 for the root element). */
  depthOf(i: number): number {
    return this.numbers[i * STRIDE]!;
  }

  /** Path segment of element `i`. */
  segmentOf(i: number): string {
    return this.segments[i]!;
  }

  // A file names few types: one string each instead of one per element.
  private intern(value: string): string {
    const known = this.typeNames.get(value);
    if (known !== undefined) return known;
    this.typeNames.set(value, value);
    return value;
  }
}
