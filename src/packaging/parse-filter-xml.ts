/**
 * `parseFilterXml`: reads `META-INF/vault/filter.xml` with the rules and messages of FileVault's
 * `DefaultWorkspaceFilter.load`, the reader Package Manager uses:
 *
 * | filter.xml                                   | result                                            |
 * | -------------------------------------------- | ------------------------------------------------- |
 * | not well-formed                              | "Configuration file syntax error." + the reason   |
 * | root element other than `workspaceFilter`    | "<workspaceFilter> expected."                     |
 * | `version="2.0"`                              | "version 2.0 not supported."                      |
 * | a child other than `<filter>`                | "<filter> expected."                              |
 * | `<filter>` without `root`                    | root `/`; a trailing `/` is dropped (`/apps/` → `/apps`) |
 * | `mode="Merge"`                               | `merge` (read ignoring case)                      |
 * | `mode="invalid"`                             | "Invalid value given for attribute 'mode': 'invalid'" |
 * | `<include pattern=""/>`, no pattern          | "Filter pattern must not be empty"                |
 * | `<include pattern="["/>`                     | "Invalid pattern given: '['"                      |
 * | `<other pattern="x"/>` in a filter           | "either <include> or <exclude> expected."         |
 *
 * Patterns are Java regular expressions; see `java-pattern.ts`. A pattern Java accepts that
 * cannot be evaluated here is kept (the inspector reports it).
 */
import { InputError } from '../errors.ts';
import { javaDoubleToString, javaParseDouble } from './java-double.ts';
import { compileJavaPattern, JavaRegexSyntaxError } from './java-pattern.ts';
import type { ImportMode, PathFilter, PathFilterSet, WorkspaceFilter } from './workspace-filter.ts';
import { parseXmlElements, XmlSyntaxError, type XmlElement } from './xml-elements.ts';

/** A rule with where it was written. */
export interface ParsedPathFilter extends PathFilter {
  readonly line: number;
  readonly column: number;
}

/** A filter set with where it was written. */
export interface ParsedPathFilterSet extends PathFilterSet {
  readonly rules: readonly ParsedPathFilter[];
  readonly line: number;
  readonly column: number;
}

/** A filter.xml as read. */
export interface ParsedWorkspaceFilter extends WorkspaceFilter {
  readonly filterSets: readonly ParsedPathFilterSet[];
  /** The `version` attribute as a number (1 when absent). */
  readonly version: number;
}

/** A filter.xml that `DefaultWorkspaceFilter.load` refuses. */
export class FilterXmlError extends InputError {
  override name = 'FilterXmlError';
  /** FileVault's message alone. */
  readonly reason: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(reason: string, position?: { line: number; column: number }) {
    super(position === undefined ? reason : `${reason} (line ${position.line}, column ${position.column})`, { code: 'E_FILTER_XML' });
    this.reason = reason;
    this.line = position?.line;
    this.column = position?.column;
  }
}

const MODES: readonly ImportMode[] = ['replace', 'merge', 'update', 'merge_properties', 'update_properties'];

/**
 * Parses filter.xml text.
 * @throws FilterXmlError with FileVault's message for what `DefaultWorkspaceFilter.load` refuses.
 */
export function parseFilterXml(xml: string): ParsedWorkspaceFilter {
  let root: XmlElement;
  try {
    root = parseXmlElements(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new FilterXmlError(`Configuration file syntax error. ${error.reason}`, error);
    throw error;
  }
  if (root.name !== 'workspaceFilter') throw new FilterXmlError('<workspaceFilter> expected.', root);
  const version = readVersion(root);
  const filterSets = root.children.map((child) => {
    if (child.name !== 'filter') throw new FilterXmlError('<filter> expected.', child);
    return readFilterSet(child);
  });
  return { filterSets, version };
}

function readVersion(root: XmlElement): number {
  const text = root.attributes.get('version') || '1.0';
  const version = javaParseDouble(text);
  // Java's Double.parseDouble throws here, which FileVault does not catch.
  if (version === undefined) throw new FilterXmlError(`version '${text}' is not a number`, root);
  if (version > 1.0) throw new FilterXmlError(`version ${javaDoubleToString(version)} not supported.`, root);
  return version;
}

function readFilterSet(element: XmlElement): ParsedPathFilterSet {
  const written = element.attributes.get('root') || '/';
  // FilterSet.setRoot: one trailing '/' is dropped; the empty root is '/'.
  const root = (written.endsWith('/') ? written.slice(0, -1) : written) || '/';
  const modeText = element.attributes.get('mode');
  let mode: ImportMode | undefined;
  if (modeText) {
    mode = MODES.find((m) => m === modeText.toLowerCase());
    if (mode === undefined) throw new FilterXmlError(`Invalid value given for attribute 'mode': '${modeText}'`, element);
  }
  const rules = element.children.map(readRule);
  const type = element.attributes.get('type') === 'cleanup' ? 'cleanup' : undefined;
  return { root, ...(mode === undefined ? {} : { mode }), ...(type === undefined ? {} : { type }), rules, line: element.line, column: element.column };
}

// readFilter runs before the element name is checked, as in DefaultWorkspaceFilter.readDef.
function readRule(element: XmlElement): ParsedPathFilter {
  const pattern = element.attributes.get('pattern') ?? '';
  if (pattern === '') throw new FilterXmlError('Filter pattern must not be empty', element);
  try {
    compileJavaPattern(pattern);
  } catch (error) {
    if (error instanceof JavaRegexSyntaxError) throw new FilterXmlError(`Invalid pattern given: '${pattern}'`, element);
  }
  if (element.name !== 'include' && element.name !== 'exclude') throw new FilterXmlError('either <include> or <exclude> expected.', element);
  const matchProperties = (element.attributes.get('matchProperties') ?? '').toLowerCase() === 'true';
  return { kind: element.name, pattern, ...(matchProperties ? { matchProperties } : {}), line: element.line, column: element.column };
}
