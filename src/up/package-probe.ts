/**
 * What a target already has of the package (`up` step 4): the zip Package Manager keeps
 * at `/etc/packages/<group>/<name>-<version>.zip`, compared by SHA-256 with the local one, and
 * whether `list.jsp` shows it installed (`lastUnpacked` set; absent or 0 means uploaded, not
 * installed: wcm.io crx-packmgr-helper `PackageInstalledChecker`, `listResponse.json`). Other
 * bytes are compared entry by entry (package-content.ts): a rebuild without `SOURCE_DATE_EPOCH`
 * differs only in its build date, and counts as the same content. Only the same bytes or content
 * and installed together make a target "unchanged"; anything else, a failed call included, means
 * deploy as usual, whose own readiness probe and verdict then speak.
 */
import { callAem, callAemForDigest, type AemConnection } from '../deploy/aem-request.ts';
import { encodeRepositoryPath } from '../deploy/service-json.ts';
import { describeContentDifference } from './package-content.ts';

/**
 * How many bytes a stored zip may have beyond the local one and still be read: a build date of
 * other digits deflates `properties.xml` to a few bytes more or less; 4 KiB is far beyond that.
 */
export const PROBE_SLACK_BYTES = 4096;

/** The local package as the probe compares it. */
export interface ProbedPackage {
  /** The local zip. */
  readonly file: string;
  /** `/etc/packages/<group>/<name>-<version>.zip`. */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * `unchanged`: the same bytes (or the same content, another build date), installed; `absent`: no such package (404); `different`: other
 * content under the path; `not-installed`: the same bytes or content, never installed; `unknown`: the target
 * did not say (no answer, an error status, an answer in no known shape).
 */
export type ProbeOutcome = 'unchanged' | 'absent' | 'different' | 'not-installed' | 'unknown';

/** What the probe found, and in words. */
export interface PackageProbe {
  readonly outcome: ProbeOutcome;
  readonly message: string;
}

/** Asks the target at `base` whether it holds `pkg`, byte for byte or but for the build date, installed. Never throws for the target's sake. */
export async function probePackage(connection: AemConnection, base: string, pkg: ProbedPackage, timeoutMs: number): Promise<PackageProbe> {
  // A stored zip much longer than ours cannot have the same content: no more than our size and the slack is read.
  const stored = await callAemForDigest(connection, { url: `${base}${encodeRepositoryPath(pkg.path)}`, method: 'GET', timeoutMs, maxAnswerBytes: pkg.size + PROBE_SLACK_BYTES, keepBody: true });
  if (!stored.ok) return stored.failure.kind === 'too-large' ? { outcome: 'different', message: `${pkg.path} is larger than the local zip` } : { outcome: 'unknown', message: stored.failure.text };
  const { status, digest } = stored.answer;
  if (status === 404) return { outcome: 'absent', message: `${pkg.path} is not there` };
  if (status !== 200) return { outcome: 'unknown', message: `GET ${pkg.path} answered HTTP ${status}` };
  const sameBytes = digest.sha256 === pkg.sha256;
  const difference = sameBytes ? undefined : await describeContentDifference({ file: pkg.file }, digest.bytes ?? new Uint8Array(), pkg.path);
  if (difference !== undefined) return { outcome: 'different', message: `${pkg.path} holds other content (${difference})` };
  const same = sameBytes ? 'the same bytes' : 'the same content (only the build date differs)';
  const listed = await callAem(connection, { url: `${base}/crx/packmgr/list.jsp?path=${encodeURIComponent(pkg.path)}`, method: 'GET', timeoutMs });
  if (!listed.ok) return { outcome: 'unknown', message: listed.failure.text };
  if (listed.answer.status !== 200) return { outcome: 'unknown', message: `list.jsp answered HTTP ${listed.answer.status}` };
  const installed = readLastUnpacked(listed.answer.text, pkg.path);
  if (installed === undefined) return { outcome: 'unknown', message: `list.jsp does not list ${pkg.path}` };
  return installed ? { outcome: 'unchanged', message: `${pkg.path} has ${same} and is installed` } : { outcome: 'not-installed', message: `${pkg.path} has ${same} but was never installed` };
}

/** Whether `list.jsp`'s answer shows the package at `path` installed; `undefined` when it does not list it. */
export function readLastUnpacked(text: string, path: string): boolean | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const results = (parsed as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return undefined;
  const entry = results.find((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && (r as { path?: unknown }).path === path);
  if (entry === undefined) return undefined;
  // A time in milliseconds; absent or 0 until the package is installed (filevault-format.md §7.2).
  const last = entry.lastUnpacked;
  return (typeof last === 'number' && last > 0) || (typeof last === 'string' && last !== '' && last !== '0');
}
