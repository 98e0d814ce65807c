/**
 * The answer of an Adobe I/O Events add-on status servlet, as its source writes it
 * (adobe/aio-lib-java `aem/core_aem/.../status/Status.java`, serialized by Jackson in
 * `StatusServlet.java`, always HTTP 200): `{"status": "up"|"down", "details": {...}, "error":
 * "<Exception>: <message>" or null, "version": "<bundle version>"}`. `details` is never read:
 * the workspace servlet puts the whole Workspace there, credentials included
 * (`WorkspaceSupplierImpl.getStatus`).
 */
import type { CheckMessage } from './check-result.ts';
import { firstLine } from './health-json.ts';

/** What a status servlet said. */
export interface AddonStatus {
  readonly status: 'up' | 'down';
  readonly version: string | undefined;
  readonly messages: readonly CheckMessage[];
}

/** Reads the answer; undefined when it is not a status servlet's JSON. */
export function parseStatusJson(text: string): AddonStatus | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { status, error, version } = raw as Record<string, unknown>;
  if (status !== 'up' && status !== 'down') return undefined;
  return {
    status,
    version: typeof version === 'string' ? version : undefined,
    messages: typeof error === 'string' && error !== '' ? [{ status: 'error', message: firstLine(error) }] : [],
  };
}
