/**
 * The validator contract, shaped like FileVault's validation SPI
 * (`vault-validation/.../spi/`) so each validator reads like its FileVault counterpart:
 *
 * | hook         | FileVault interface          | called for                                       |
 * | ------------ | ---------------------------- | ------------------------------------------------ |
 * | `properties` | `PropertiesValidator`        | the readable properties.xml                      |
 * | `filter`     | `FilterValidator`            | the readable filter.xml                          |
 * | `metaInfPath`| `MetaInfPathValidator`       | every entry below `META-INF/`                    |
 * | `jcrPath`    | `JcrPathValidator`           | every folder and file below `jcr_root/`          |
 * | `docViewNode`| `DocumentViewXmlValidator`   | every element of every DocView file              |
 * | `nodePath`   | `NodePathValidator`          | every node a file or folder defines              |
 * | `done`       | `Validator.done`             | once at the end                                  |
 *
 * The conductor (`inspect-package.ts`) turns the messages into `Finding`s, adding the validator
 * id and, unless a message says otherwise, the file and node the hook was called for.
 */
import type { FilterModel } from './filter-model.ts';
import type { Severity, ValidatorId } from './finding.ts';
import type { PackagePropertiesView } from './properties-view.ts';

/** What a hook reports. */
export interface ValidationMessage {
  readonly severity: Severity;
  readonly message: string;
  /** Overrides the node path of the hook's context (`null`: about no node). */
  readonly nodePath?: string | null;
  /** Overrides the file of the hook's context. */
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
}

/** Zero or more messages. */
export type Messages = readonly ValidationMessage[] | undefined;

/** Where a hook is called. */
export interface NodeContext {
  /** Repository path of the node. */
  readonly nodePath: string;
  /** The package entry that defines it. */
  readonly filePath: string;
  readonly line?: number;
  readonly column?: number;
}

/** One element of a DocView file, as validators see it (`DocViewNode2`). */
export interface DocViewNodeInfo {
  /** Qualified name with the document's prefix; the root element is named by its file. */
  readonly name: string;
  /** Number of properties (attributes other than namespace declarations); 0: the element only orders its siblings. */
  readonly propertyCount: number;
  /** Value of `{http://www.jcp.org/jcr/1.0}primaryType`. */
  readonly primaryType: string | undefined;
  /** Values of `{http://www.jcp.org/jcr/1.0}mixinTypes`. */
  readonly mixinTypes: readonly string[];
  /** Value of `{http://www.jcp.org/jcr/1.0}uuid`. */
  readonly identifier: string | undefined;
  /** The element is `{internal}policy` (`rep:policy`). */
  readonly isRepPolicy: boolean;
}

/** One validator. */
export interface Validator {
  readonly id: ValidatorId;
  properties?(properties: PackagePropertiesView): Messages;
  filter?(filter: FilterModel): Messages;
  metaInfPath?(path: string, isFolder: boolean): Messages;
  jcrPath?(context: NodeContext, isFolder: boolean, isDocView: boolean): Messages;
  docViewNode?(node: DocViewNodeInfo, context: NodeContext, isRoot: boolean): Messages;
  nodePath?(context: NodeContext): Messages;
  done?(): Messages;
}

/** What validators are created with (`ValidationContext`). */
export interface ValidationContext {
  readonly properties: PackagePropertiesView;
  readonly filter: FilterModel;
  /** How the package is named in messages that name it (`jackrabbit-oakindex`). */
  readonly packageLabel: string;
  /** The filter.xml could be read; the filter validator checks nodes only then. */
  readonly hasFilter: boolean;
  /** `jackrabbit-filter`'s `validRoots` option, `''` included; absent: FileVault's defaults. */
  readonly validRoots?: ReadonlySet<string>;
}

/** Shorthand for one message. */
export function message(severity: Severity, text: string, extra: Omit<ValidationMessage, 'severity' | 'message'> = {}): ValidationMessage {
  return { severity, message: text, ...extra };
}
