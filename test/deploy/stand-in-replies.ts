/**
 * What the Package Manager stand-in answers, in AEM's formats (filevault-format.md §7): the
 * `<crx>` envelope of service.jsp with its install log, the `{"success","msg"}` JSON, AEM's HTML
 * pages. The log is built from the package the stand-in really read (inspect's node tree).
 * Test code only.
 */
import type { InspectResult } from '../../src/inspect/inspect-package.ts';
import { walkPackageTree } from '../../src/inspect/package-tree.ts';
import { escapeXml } from './stand-in-xml.ts';

/** One answer. */
export interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string | Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent raw, without a length, and ended by closing the connection (HTTP/1.1 §6.3: a clean end of the body). */
  readonly closeDelimited?: boolean;
}

/** The message AEM gives for a zip without `jcr_root` (filevault-format.md §7.1, §7.2). */
export const NOT_CONTENT_PACKAGE = "Zip File is not a content package. Missing 'jcr_root'.";

/** The exception of the `status500` fault, as seen in the field. */
export const STATUS_500_TEXT = `java.io.IOException: ${NOT_CONTENT_PACKAGE}`;

/** The error line of the `installErrors` fault. */
export const CONSTRAINT_ERROR = 'javax.jcr.nodetype.ConstraintViolationException: No matching property definition: cq:template = /libs/x';

/** The `<crx>` envelope. */
export function crxReply(options: { readonly user: string; readonly fields: Readonly<Record<string, string>>; readonly code: number; readonly text: string; readonly log?: readonly string[]; readonly packageXml?: string }): Reply {
  const params = Object.entries(options.fields)
    .map(([name, value]) => `    <param name="${escapeXml(name)}" value="${escapeXml(value)}"/>`)
    .join('\n');
  const data = options.log === undefined ? '' : `    <data>\n${options.packageXml ?? ''}      <log><![CDATA[${options.log.join('\n')}\n]]></log>\n    </data>\n`;
  const body = `<crx version="1.4.1" user="${escapeXml(options.user)}" workspace="crx.default">\n  <request>\n${params}\n  </request>\n  <response>\n${data}    <status code="${options.code}">${escapeXml(options.text)}</status>\n  </response>\n</crx>\n`;
  return { status: 200, contentType: 'text/xml;charset=utf-8', body };
}

/** `<package>` of a successful upload. */
export function packageXml(id: { group: string; name: string; version: string }, size: number, user: string): string {
  const downloadName = id.version ? `${id.name}-${id.version}.zip` : `${id.name}.zip`;
  const lines = [`<group>${escapeXml(id.group)}</group>`, `<name>${escapeXml(id.name)}</name>`, `<version>${escapeXml(id.version)}</version>`, `<downloadName>${escapeXml(downloadName)}</downloadName>`, `<size>${size}</size>`, `<lastUnpackedBy>${escapeXml(user)}</lastUnpackedBy>`];
  return `      <package>\n${lines.map((line) => `        ${line}\n`).join('')}      </package>\n`;
}

/** A JSON answer of `/crx/packmgr/service/.json`. */
export function jsonReply(body: Readonly<Record<string, unknown>>, status = 200): Reply {
  return { status, contentType: 'application/json;charset=utf-8', body: JSON.stringify(body) };
}

/** An HTML page (AEM's error pages, the Sling POST servlet's answer). */
export function htmlReply(status: number, title: string, text = title): Reply {
  return { status, contentType: 'text/html;charset=utf-8', body: `<!DOCTYPE html>\n<html><head><title>${escapeXml(title)}</title></head><body><h1>${escapeXml(title)}</h1><p>${escapeXml(text)}</p></body></html>\n` };
}

/**
 * Sling's error page for an exception in a servlet (its default error handler): the exception's
 * first line and stack in `<pre>`.
 */
export function slingErrorPage(path: string, servlet: string, exception: string, at: string): Reply {
  const body = `<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error (500)</h1><p>The requested URL ${escapeXml(path)} resulted in an error in ${escapeXml(servlet)}.</p><h3>Exception:</h3><pre>${escapeXml(exception)}\n\tat ${escapeXml(at)}\n</pre><hr><address>Apache Sling</address></body></html>\n`;
  return { status: 500, contentType: 'text/html;charset=utf-8', body };
}

/** The paths an install writes: every node under a filter root, parents first. */
export function importedPaths(inspected: InspectResult): string[] {
  const roots = inspected.filter?.filterSets.map((set) => set.root) ?? [];
  const covered = (path: string) => roots.some((root) => path === root || path.startsWith(root === '/' ? '/' : `${root}/`));
  return [...walkPackageTree(inspected.tree)].map(({ node }) => node.path).filter((path) => path !== '/' && covered(path));
}

/** FileVault's install log (Importer, filevault-format.md §7.1): `A` for new nodes, `U` for existing ones. */
export function installLog(options: { readonly id: string; readonly actions: readonly (readonly [string, string])[]; readonly errors?: readonly string[]; readonly ms: number }): string[] {
  const lines = [`Installing content`, `Creating snapshot for package ${options.id}`, 'Collecting import information...', 'Installing node types...', 'Installing privileges...', 'Importing content...'];
  for (const [action, path] of options.actions) lines.push(`${action} ${path}`);
  for (const error of options.errors ?? []) lines.push(error);
  if ((options.errors ?? []).length > 0) lines.push('Package imported (with errors, check logs!)', `First error was ${CONSTRAINT_ERROR}`);
  else lines.push('Package imported.');
  lines.push(`Package installed in ${options.ms}ms.`);
  return lines;
}
