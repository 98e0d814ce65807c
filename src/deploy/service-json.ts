/**
 * `/crx/packmgr/service/.json`: upload (`?cmd=upload`, multipart `package`, `force=true`), then
 * install the uploaded package by its path (`/etc/packages/<group>/<file>.zip?cmd=install`),
 * each answered `{"success":…,"msg":…[,"path":…]}` (shinesolutions/swagger-aem,
 * ruby_aem). The JSON answer does not tell an install "with errors" apart (aemc#160):
 * `--api json` is the weaker verdict, and the report says so.
 */
import { parseTree, type ParseError } from 'jsonc-parser/lib/esm/main.js';

/** The path of the JSON service. */
export const SERVICE_JSON_PATH = '/crx/packmgr/service/.json';

/** `{"success","msg","path"}` as read; `undefined` fields were absent or of another type. */
export interface PackmgrJsonAnswer {
  readonly success: boolean | undefined;
  readonly msg: string | undefined;
  readonly path: string | undefined;
}

/** Parses the JSON answer; `undefined` when the text is not a JSON object. */
export function parsePackmgrJsonAnswer(text: string): PackmgrJsonAnswer | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { success, msg, path } = value as Record<string, unknown>;
  return {
    success: typeof success === 'boolean' ? success : success === 'true' ? true : success === 'false' ? false : undefined,
    msg: typeof msg === 'string' ? msg : undefined,
    path: typeof path === 'string' ? path : undefined,
  };
}

/**
 * True when the text is the start of a JSON object that ends too soon: `{"success":true,"ms`
 * (the connection closed cleanly mid-answer). Text that is whole, or wrong before its end, is not cut.
 */
export function isCutJsonAnswer(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return false;
  const errors: ParseError[] = [];
  parseTree(trimmed, errors, { disallowComments: true, allowTrailingComma: false });
  // Cut: the first thing wrong is at the very end (an open string, a missing value, a missing `}`).
  const first = errors[0];
  return first !== undefined && first.offset + first.length >= trimmed.length;
}

/** The upload URL path (with its query). */
export function getUploadPath(): string {
  return `${SERVICE_JSON_PATH}/?cmd=upload`;
}

/** The install URL path for a package stored at `packagePath` (`/etc/packages/…zip`). */
export function getInstallPath(packagePath: string): string {
  return `${SERVICE_JSON_PATH}${encodeRepositoryPath(packagePath)}?cmd=install`;
}

/** True for a path Package Manager stores packages at: `/etc/packages/…/x.zip`, no `..`. */
export function isPackagePath(path: string): boolean {
  return /^\/etc\/packages\/(?:[^/]+\/)*[^/]+\.zip$/.test(path) && !path.split('/').some((s) => s === '..' || s === '.');
}

/**
 * A repository path as a URL path: each segment percent-encoded, slashes kept (a group may contain
 * '/'; a JCR name may hold '#', '?', '%' or a space, which a URL would read as its own).
 */
export function encodeRepositoryPath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
