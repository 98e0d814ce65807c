/**
 * Rules for names and paths that end up in the repository or the package id: JCR names with
 * FileVault's rules (`getWritableJcrNameError`, FileVault's `PackageId`), node names that cannot climb
 * out of their parent, package dependencies (`Dependency.fromString`, `VersionRange.fromString`),
 * the service user's home, and the key alias.
 */
import { getWritableJcrNameError } from '../packaging/jcr-name.ts';
import type { Rule, RuleFailure } from './field-reader.ts';

const NAME_HINT = "use letters, digits, '.', '-' and '_'";

/** `package.name`, `package.version`: a valid JCR name. */
export const checkJcrName: Rule = (value) => {
  const error = getWritableJcrNameError(value);
  return error === undefined ? undefined : { expected: `a valid JCR name (${error})`, hint: NAME_HINT };
};

/** `cloudService.name`: one node below /etc/cloudservices/eventproxy. */
export const checkNodeName: Rule = (value) => {
  const hint = "use letters, digits, '-' and '_', like ioevents";
  if (value === '.' || value === '..' || value.includes('/')) {
    return { expected: "a single node name below /etc/cloudservices/eventproxy, without '/' and not '.' or '..'", hint };
  }
  if (value.includes(':')) return { expected: "a node name without ':' (a namespace prefix does not belong in a page name)", hint };
  const error = getWritableJcrNameError(value);
  return error === undefined ? undefined : { expected: `a valid JCR name (${error})`, hint };
};

/** `package.group`: `/`-separated segments, each a valid JCR name. */
export const checkGroup: Rule = (value) => {
  const problem = groupProblem(value);
  return problem === undefined ? undefined : { expected: `a group of '/'-separated JCR names (${problem})`, hint: 'like aem-ioevents or my-company/ioevents' };
};

function groupProblem(group: string): string | undefined {
  if (group.split('/').includes('')) return "empty segment: no leading, trailing or double '/'";
  if (group.includes(',')) return "',' separates dependencies";
  // The package id group:name:version is split at ':' (PackageId.fromString).
  if (group.includes(':')) return "':' separates the parts of the package id";
  for (const segment of group.split('/')) {
    const error = getWritableJcrNameError(segment);
    if (error !== undefined) return `'${segment}': ${error}`;
  }
  return undefined;
}

/** `package.dependencies[i]`: `group:name[:versionRange]`. */
export const checkDependency: Rule = (value) => {
  const problem = dependencyProblem(value);
  return problem === undefined
    ? undefined
    : { expected: `group:name or group:name:versionRange (${problem})`, hint: 'like eventproxy:aem-event-proxy or eventproxy:aem-event-proxy:[6.3,7)' };
};

function dependencyProblem(value: string): string | undefined {
  const parts = value.split(':');
  if (parts.length < 2) return 'no group';
  if (parts.length > 3) return "too many ':'";
  const [group, name, range] = parts as [string, string, string | undefined];
  const groupError = groupProblem(group);
  if (groupError !== undefined) return `group ${groupError}`;
  const nameError = name.includes(',') ? "',' separates dependencies" : getWritableJcrNameError(name);
  if (nameError !== undefined) return `name '${name}': ${nameError}`;
  return range === undefined ? undefined : versionRangeProblem(range);
}

// VersionRange.fromString: "[low,high]" with ( ) for exclusive bounds and either bound empty, or one minimum version.
function versionRangeProblem(range: string): string | undefined {
  if (!range.includes(',')) {
    if (/^[[(]|[\])]$/.test(range)) return `version range '${range}': a range needs a ',' between its bounds`;
    const error = getWritableJcrNameError(range);
    return error === undefined ? undefined : `version '${range}': ${error}`;
  }
  const match = /^[[(]([^,[\]()]*),([^,[\]()]*)[\])]$/.exec(range);
  if (match === null) return `version range '${range}': write [low,high], with ( or ) for an exclusive bound`;
  for (const bound of [match[1]!.trim(), match[2]!.trim()]) {
    const error = bound === '' ? undefined : getWritableJcrNameError(bound);
    if (error !== undefined) return `version '${bound}': ${error}`;
  }
  return undefined;
}

/** `serviceUser.home`: an absolute path under /home/users/ whose segments are JCR names. */
export const checkUserHome: Rule = (value) => {
  const problem = userHomeProblem(value);
  return problem === undefined
    ? undefined
    : { expected: `a path under /home/users/ (${problem})`, hint: 'the connector uses /home/users/system/eventproxy/eventproxy-service' };
};

function userHomeProblem(path: string): string | undefined {
  if (!path.startsWith('/home/users/')) return "it must start with '/home/users/'";
  const segments = path.slice('/home/users/'.length).split('/');
  if (segments.includes('')) return "empty segment: no trailing or double '/'";
  for (const segment of segments) {
    const error = getWritableJcrNameError(segment);
    if (error !== undefined) return `segment '${segment}': ${error}`;
  }
  return undefined;
}

/** `keystore.alias`: lower case, because Java's PKCS12 keystore lower-cases aliases (`java.security.KeyStore` PKCS12). */
export const checkAlias: Rule = (value): RuleFailure | undefined => {
  if (value !== value.toLowerCase()) {
    return { expected: 'a lower-case alias (Java lower-cases PKCS#12 aliases, so this one would not be found)', hint: `write ${value.toLowerCase()}` };
  }
  if (/^[a-z0-9][a-z0-9._-]*$/.test(value)) return undefined;
  return { expected: "an alias of lower-case letters, digits, '.', '_' and '-'", hint: 'the connector looks the key up as eventproxy' };
};
