/**
 * `PackageId`: a package's identity `group:name[:version]` (vault-core `packaging/PackageId.java`).
 *
 * | id                                   | file name                    | stored at                                            |
 * | ------------------------------------ | ---------------------------- | ---------------------------------------------------- |
 * | `aem-ioevents:eventproxy-config:1.0` | `eventproxy-config-1.0.zip`  | `/etc/packages/aem-ioevents/eventproxy-config-1.0.zip` |
 * | `my/group:name` (no version)         | `name.zip`                   | `/etc/packages/my/group/name.zip`                    |
 */
import { ETC_PACKAGES } from './constants.ts';
import { getJcrNameError } from './jcr-name.ts';

/** A package's identity. `group` may contain `/`; `version` may be empty. */
export interface PackageId {
  readonly group: string;
  readonly name: string;
  readonly version: string;
}

/** `group:name:version`, or `group:name` without a version (`PackageId.toString`). */
export function formatPackageId(id: PackageId): string {
  return id.version ? `${id.group}:${id.name}:${id.version}` : `${id.group}:${id.name}`;
}

/** `name-version.zip`, the file name Package Manager gives the package (`getDownloadName`). */
export function getDownloadName(id: PackageId): string {
  return id.version ? `${id.name}-${id.version}.zip` : `${id.name}.zip`;
}

/** Where Package Manager stores the package: `/etc/packages/<group>/<name>-<version>.zip`. */
export function getPackagePath(id: PackageId): string {
  const group = id.group ? `${id.group}/` : '';
  return `${ETC_PACKAGES}/${group}${getDownloadName(id)}`;
}

/**
 * Why FileVault would refuse this id (`PackageId.isValid`: name, version and every group
 * segment valid JCR names), or `undefined` when it is valid. Upload of an invalid id fails
 * with "Illegal package name" (PackageCreationIT.testUploadIllegal).
 */
export function getPackageIdError(id: PackageId): string | undefined {
  const nameError = getJcrNameError(id.name);
  if (nameError !== undefined) return `package name '${id.name}' is not a valid JCR name: ${nameError}`;
  if (id.version) {
    const versionError = getJcrNameError(id.version);
    if (versionError !== undefined) return `package version '${id.version}' is not a valid JCR name: ${versionError}`;
  }
  for (const segment of id.group.split('/').filter(Boolean)) {
    const groupError = getJcrNameError(segment);
    if (groupError !== undefined) return `package group '${id.group}' has an invalid segment '${segment}': ${groupError}`;
  }
  return undefined;
}
