/**
 * The `dependencies` that go into `properties.xml`. FileVault's package types forbid them in a
 * `container` package (FileVault validator `jackrabbit-packagetype`: "must not have package
 * dependencies"), and the OSGi templates make container packages; so one configuration file can
 * serve every template, a container package leaves them out. The default (the eventproxy
 * connector) goes silently; dependencies the file names draw a warning.
 */
import type { LoadedConfig } from '../config/types.ts';
import type { PackageType } from '../packaging/package-properties.ts';

/** The dependencies to write, and what the user should know. */
export interface PackageDependencies {
  readonly dependencies: readonly string[];
  readonly warnings: readonly string[];
}

/** The dependencies of a package of `packageType` built from `loaded`. */
export function selectPackageDependencies(loaded: Pick<LoadedConfig, 'config' | 'defaulted'>, packageType: PackageType | undefined, templateName: string): PackageDependencies {
  const { dependencies } = loaded.config.package;
  if (packageType !== 'container') return { dependencies, warnings: [] };
  if (dependencies.length === 0 || loaded.defaulted.includes('package.dependencies')) return { dependencies: [], warnings: [] };
  return {
    dependencies: [],
    warnings: [
      `package.dependencies (${dependencies.join(', ')}) are not written: template ${templateName} makes a container package, which FileVault does not allow to have dependencies; install them before this package`,
    ],
  };
}
