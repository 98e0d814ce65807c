/**
 * Field paths as messages show them: `cloudService.name`, `ims.metascopes[1]`.
 */

/** The path of `key` inside the object at `parent` (`''` for the top level). */
export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** The path of list item `index` inside the list at `parent`. */
export function itemPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** True when `path` is `ancestor` itself or lies below it (`ims` covers `ims.url` and `ims.scopes[0]`). */
export function isAtOrBelow(path: string, ancestor: string): boolean {
  if (path === ancestor) return true;
  return path.startsWith(ancestor) && (path[ancestor.length] === '.' || path[ancestor.length] === '[');
}

/** A plain mapping (not a list, not null): what YAML and JSON objects become. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
