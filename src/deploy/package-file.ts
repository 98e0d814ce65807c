/**
 * The zip to deploy, checked before any byte goes out: it must be a readable file, a safe zip,
 * and a content package that Package Manager accepts (the `package-manager` findings of
 * `inspect`: `jcr_root/`, `filter.xml`, a valid id, entries `ZipInputStream` reads). Those are
 * bad input, exit 2. FileVault's other validator errors are passed on as warnings: AEM decides.
 */
import { stat } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { formatPackageId, getPackagePath, type PackageId } from '../packaging/package-id.ts';
import type { PackageFile } from './install-package.ts';

/** The package, as deploy sends and reports it. */
export interface DeployPackage extends PackageFile {
  /** As the user named it, relative to `cwd`. */
  readonly displayPath: string;
  /** `group:name:version`, when properties.xml names group and name. */
  readonly packageId: string | undefined;
  /** Where Package Manager stores it (`/etc/packages/<group>/<name>-<version>.zip`). */
  readonly packagePath: string | undefined;
  /** What `inspect` found that does not stop the deploy. */
  readonly warnings: readonly string[];
}

/** Reads and checks the package at `file` (relative to `cwd`). */
export async function readDeployPackage(file: string, cwd: string): Promise<DeployPackage> {
  const path = resolve(cwd, file);
  const displayPath = relative(cwd, path) || path;
  const size = await statPackage(path, displayPath);
  const { inspectPackage } = await import('../inspect/inspect-package.ts');
  // The one read of the whole file before the upload; its SHA-256 comes from the upload's read (upload-digest.ts).
  const inspected = await inspectPackage({ file: path }, { name: displayPath });
  const refusals = inspected.findings.filter((f) => f.validator === 'package-manager' && f.severity === 'error');
  if (refusals.length > 0) {
    throw new InputError(`${displayPath} is not a content package Package Manager accepts: ${refusals.map((f) => f.message).join('; ')}`, { code: 'E_DEPLOY_PACKAGE' });
  }
  const errors = inspected.counts.errors;
  const warnings = errors > 0 ? [`inspect finds ${errors} error${errors === 1 ? '' : 's'} in ${displayPath}; AEM may refuse it or import it in part (run aem-ioevents inspect ${displayPath})`] : [];
  const id: PackageId | undefined = inspected.id;
  return {
    file: path,
    displayPath,
    filename: basename(path),
    size,
    packageId: id && formatPackageId(id),
    packagePath: id && getPackagePath(id),
    warnings,
  };
}

async function statPackage(path: string, displayPath: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError(`${displayPath} is not a file; name the package zip`, { code: 'E_DEPLOY_PACKAGE' });
    return info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file; build it first (aem-ioevents build)' : (error as Error).message;
    throw new InputError(`cannot read package ${displayPath}: ${why}`, { code: 'E_DEPLOY_PACKAGE', cause: error });
  }
}
