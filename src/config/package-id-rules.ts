/**
 * Rules for `package.name` and `package.version` beyond JCR names: they make
 * the package id `group:name:version`, split at ':' by FileVault's `PackageId.fromString` (so a
 * ':' inside a part makes another id), and the zip's file name `<name>-<version>.zip`, which a
 * colleague on Windows must be able to save and check out (Windows forbids `<>:"/\|?*` in file
 * names and reserves CON, PRN, AUX, NUL, COM1–COM9 and LPT1–LPT9, with any extension).
 */
import { getDownloadName } from '../packaging/package-id.ts';
import type { Rule } from './field-reader.ts';
import { checkJcrName } from './repository-rules.ts';

const WINDOWS_FORBIDDEN = /[<>:"/\\|?*]/u;
const WINDOWS_RESERVED = /^(?:CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])$/iu;

/** `package.name`, `package.version`: a JCR name without ':' and without characters Windows forbids in file names. */
export const checkPackageIdPart: Rule = (value) => {
  const hint = "use letters, digits, '.', '-' and '_'";
  const jcrFailure = checkJcrName(value);
  if (jcrFailure !== undefined) return jcrFailure;
  if (value.includes(':')) return { expected: "no ':' (the package id group:name:version is split at ':')", hint };
  const forbidden = WINDOWS_FORBIDDEN.exec(value);
  return forbidden === null ? undefined : { expected: `no '${forbidden[0]}' (the zip is named <name>-<version>.zip, and Windows forbids <>:"/\\|?* in file names)`, hint };
};

/**
 * Why Windows cannot hold the zip's file name `<name>-<version>.zip`, or `undefined`. Windows
 * reserves device names whatever follows the first dot (`NUL.zip` is `NUL`).
 */
export function getWindowsFileNameProblem(name: string, version: string): string | undefined {
  const fileName = getDownloadName({ group: '', name, version });
  const base = fileName.slice(0, fileName.indexOf('.')).trimEnd();
  return WINDOWS_RESERVED.test(base) ? `the zip would be named ${fileName}, and Windows reserves the name ${base.toUpperCase()}; choose another package.name` : undefined;
}
