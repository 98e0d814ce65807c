/**
 * `jackrabbit-packagetype` (FileVault `PackageTypeValidator`, default options): what each
 * `packageType` may hold (packagetypes.md). Types print as FileVault's enum (`APPLICATION`).
 *
 * | type          | refused (error)                                                                   |
 * | ------------- | --------------------------------------------------------------------------------- |
 * | none          | warning `No package type set, make sure that property 'packageType' is set in the properties.xml!` |
 * | `application` | nodes outside `/apps`, `/libs`; include/exclude rules; mutable roots; OSGi bundles or configurations; install hooks |
 * | `content`     | nodes or roots below `/apps`, `/libs`; OSGi bundles or configurations             |
 * | `container`   | anything but OSGi bundles/configurations and sub-packages; roots outside `/apps`, `/libs` other than below `/etc/packages/`; dependencies |
 * | `mixed`       | warning `Package of type 'MIXED' is legacy. Use one of the other types instead!`  |
 *
 * OSGi bundles and configurations: node paths matching `/([^/]*\/){0,4}?(install|config)[\./].*`
 * (files also `.*\.(config|cfg|cfg\.json|jar)`), and `sling:OsgiConfig` nodes there.
 * Sub-packages are not opened.
 */
import { compileJavaPattern, JavaRegexBudgetError, type JavaPattern } from '../../packaging/java-pattern.ts';
import { FILTER_XML, PROPERTIES_XML } from '../../packaging/constants.ts';
import type { PackageType } from '../../packaging/package-properties.ts';
import { enumName } from '../properties-view.ts';
import { message, type Messages, type NodeContext, type ValidationContext, type ValidationMessage, type Validator } from '../validator.ts';

const IMMUTABLE_ROOTS = ['apps', 'libs'];
const ROOT_LIST = IMMUTABLE_ROOTS.map((n) => `'${n}'`).join(' or ');

let installerPatterns: { readonly node: JavaPattern; readonly file: JavaPattern } | undefined;

// Both patterns need one of these words before a '.' or '/': most paths are answered without the Java regex engine.
const INSTALLER_WORD = /(?:install|config)[./]/;

// Compiled on first use (PackageTypeValidatorFactory defaults).
function isOsgiBundleOrConfiguration(path: string, isFile: boolean): boolean {
  if (!INSTALLER_WORD.test(path)) return false;
  installerPatterns ??= {
    node: compileJavaPattern('/([^/]*/){0,4}?(install|config)[\\./].*'),
    file: compileJavaPattern('.*\\.(config|cfg|cfg\\.json|jar)'),
  };
  try {
    if (!installerPatterns.node.matches(path)) return false;
    return !isFile || installerPatterns.file.matches(path);
  } catch (error) {
    // Both patterns are linear on any path; a budget error would mean an absurd path: not a bundle.
    if (error instanceof JavaRegexBudgetError) return false;
    throw error;
  }
}

const IMMUTABLE_PATHS = IMMUTABLE_ROOTS.map((name) => `/${name}`);

function isImmutable(path: string): boolean {
  return IMMUTABLE_PATHS.some((root) => path.startsWith(root) && (path.length === root.length || path[root.length] === '/'));
}

/** Creates the validator for one package. */
export function createPackageTypeValidator(context: ValidationContext): Validator {
  const { filter, properties } = context;
  const type: PackageType = properties.packageType ?? 'mixed';
  const T = enumName(type);
  const validContainerPaths: string[] = [];
  const doubtfulContainerNodes: NodeContext[] = [];
  const error = (text: string, extra: Omit<ValidationMessage, 'severity' | 'message'> = {}): ValidationMessage => message('error', text, extra);
  return {
    id: 'jackrabbit-packagetype',
    properties: () => checkProperties(context, type),
    filter() {
      const roots = filter.sets.map((set) => set.root);
      const at = { path: FILTER_XML, nodePath: null };
      if (type === 'application') {
        const messages = filter.sets.some((set) => set.rules.length > 0) ? [error(`Package of type '${T}' is not supposed to contain includes/excludes below any of its filters!`, at)] : [];
        return [...messages, ...roots.filter((r) => !isImmutable(r)).map((r) => error(`Package of type '${T}' is not supposed to contain mutable filter root paths but has filter root '${r}'!`, at))];
      }
      if (type === 'content') return roots.filter(isImmutable).map((r) => error(`Package of type '${T}' is not supposed to contain immutable filter root paths but has filter root '${r}'!`, at));
      if (type === 'container') {
        return roots.filter((r) => !isImmutable(r) && !r.startsWith('/etc/packages/'))
          .map((r) => error(`Package of type '${T}' is not supposed to contain mutable filter root paths except for subpackages below in "/etc/packages/" but has filter root '${r}'!`, at));
      }
      return undefined;
    },
    metaInfPath(path) {
      const relative = path.slice('META-INF/'.length).replace(/\/$/, '');
      if (type !== 'application' || !(relative === 'vault/hooks' || relative.startsWith('vault/hooks/'))) return undefined;
      return [error(`Package of type '${T}' must not contain package hooks but has '${relative}'!`, { path, nodePath: null })];
    },
    nodePath(node) {
      const path = node.nodePath;
      if (!filter.covers(path)) return undefined;
      if (type === 'mixed') return undefined;
      const messages: ValidationMessage[] = [];
      if (type === 'content' && isImmutable(path)) messages.push(error(`Package of type '${T}' is not supposed to contain content below root nodes ${ROOT_LIST}!`));
      if (type === 'application' && !isImmutable(path)) messages.push(error(`Package of type '${T}' is not supposed to contain content outside root nodes ${ROOT_LIST}!`));
      if ((type === 'content' || type === 'application') && isOsgiBundleOrConfiguration(path, true)) {
        messages.push(error(`Package of type '${T}' is not supposed to contain OSGi bundles or configurations!`));
      }
      if (type === 'container') {
        if (isOsgiBundleOrConfiguration(path, true) || path.endsWith('.zip')) validContainerPaths.push(path);
        else doubtfulContainerNodes.push(node);
      }
      return messages;
    },
    docViewNode(node, { nodePath }): Messages {
      if (node.primaryType !== 'sling:OsgiConfig' || !isOsgiBundleOrConfiguration(nodePath, false)) return undefined;
      if (type === 'container') validContainerPaths.push(nodePath);
      if (type !== 'content' && type !== 'application') return undefined;
      return [error(`Package of type '${T}' is not supposed to contain OSGi bundles or configurations!`)];
    },
    done() {
      // A doubtful node is fine when it is an ancestor of an allowed one.
      return doubtfulContainerNodes
        .filter((node) => !validContainerPaths.some((p) => p === node.nodePath || p.startsWith(`${node.nodePath}/`)))
        .map((node) => error(`Package of type '${T}' is not supposed to contain anything but OSGi bundles/configurations and subpackages!`, { nodePath: node.nodePath, path: node.filePath }));
    },
  };
}

function checkProperties(context: ValidationContext, type: PackageType): ValidationMessage[] {
  const { properties } = context;
  const at = { path: PROPERTIES_XML, nodePath: null };
  if (properties.packageType === undefined) return [message('warning', "No package type set, make sure that property 'packageType' is set in the properties.xml!", at)];
  const T = enumName(type);
  if (type === 'application' && properties.externalHooks.size > 0) {
    const hooks = [...properties.externalHooks].map(([name, cls]) => `${name}=${cls}`).join(', ');
    return [message('error', `Package of type '${T}' must not contain package hooks but has '{${hooks}}'!`, at)];
  }
  if (type === 'container' && properties.dependencies.length > 0) {
    // StringUtils.join(Object[]) joins without a separator.
    return [message('error', `Package of type '${T}' must not have package dependencies but found dependencies '${properties.dependencies.join('')}'!`, at)];
  }
  if (type === 'mixed') return [message('warning', `Package of type '${T}' is legacy. Use one of the other types instead!`, at)];
  return [];
}
