/**
 * `/crx/packmgr/service.jsp`: upload and install in one multipart POST (`file`, `force=true`,
 * `install=true`, as aemsync and curl users send it), answered by the `<crx>` envelope
 * (Adobe's Package Manager HTTP service documentation):
 *
 *     <crx version="1.4.1" user="admin" workspace="crx.default">
 *       <request><param name="file" value="pkg.zip"/>…</request>
 *       <response>
 *         <data><package>…</package><log>…install log…</log></data>
 *         <status code="200">ok</status>
 *       </response>
 *     </crx>
 *
 * The HTTP status is committed before the install runs, so a failure arrives as HTTP 200 with
 * `<status code="500">…</status>` (cqdump 2014, CQ-Unix-Toolkit#24): the envelope decides.
 */
import { SaxesParser } from 'saxes';

/** The path of the XML service. */
export const SERVICE_JSP_PATH = '/crx/packmgr/service.jsp';

/** The multipart fields besides `file` (aemsync `src/api.js`). */
export const SERVICE_JSP_FIELDS: readonly { readonly name: string; readonly value: string }[] = [
  { name: 'force', value: 'true' },
  { name: 'install', value: 'true' },
];

/** What the envelope says; `undefined` fields were not in it. */
export interface CrxEnvelope {
  /** `<status code>`, e.g. `200`, `500`. */
  readonly statusCode: string | undefined;
  /** `<status>` text, e.g. `ok`, or the exception. */
  readonly statusText: string;
  /** `<log>` text (CDATA or escaped), if any. */
  readonly log: string | undefined;
}

/** Parses the `<crx>` envelope; `undefined` when the text is not well-formed XML with a `<crx>` root. */
export function parseCrxEnvelope(text: string): CrxEnvelope | undefined {
  const scan = scanCrx(text);
  if (scan.failedBeforeEnd || scan.failedAtEnd || !scan.closedCrx) return undefined;
  return { statusCode: scan.statusCode, statusText: scan.statusText.trim(), log: scan.log };
}

/**
 * The install log of an answer cut short: the start of a `<crx>` envelope, well-formed as far as it
 * goes, that ends before `</crx>` (the connection closed cleanly while AEM was still writing).
 * `''` when no log had begun; `undefined` for a whole envelope, or text that is no `<crx>` start.
 */
export function readCutCrxLog(text: string): string | undefined {
  const scan = scanCrx(text);
  if (scan.root !== 'crx' || scan.failedBeforeEnd || scan.closedCrx) return undefined;
  // An unfinished CDATA section is never reported by the parser: the log is the raw text after <log>.
  const at = text.indexOf('<log>');
  if (at < 0) return '';
  const raw = text.slice(at + '<log>'.length).split('</log>')[0]!;
  return raw.startsWith('<![CDATA[') ? raw.slice('<![CDATA['.length).split(']]>')[0]! : unescapeXml(raw);
}

interface CrxScan {
  readonly root: string | undefined;
  /** The text is not well-formed before its end. */
  readonly failedBeforeEnd: boolean;
  /** The text ends inside an element (or before any). */
  readonly failedAtEnd: boolean;
  readonly closedCrx: boolean;
  readonly statusCode: string | undefined;
  readonly statusText: string;
  readonly log: string | undefined;
}

function scanCrx(text: string): CrxScan {
  const parser = new SaxesParser({ xmlns: false });
  const stack: string[] = [];
  let failed = false;
  let root: string | undefined;
  let statusCode: string | undefined;
  let statusText = '';
  let log: string | undefined;
  let closedCrx = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    root ??= tag.name;
    stack.push(tag.name);
    if (isAt(stack, 'status')) statusCode = typeof tag.attributes.code === 'string' ? tag.attributes.code : '';
    if (isAt(stack, 'log')) log ??= '';
  });
  parser.on('closetag', () => {
    if (stack.pop() === 'crx' && stack.length === 0) closedCrx = true;
  });
  const onText = (chunk: string): void => {
    if (isAt(stack, 'status')) statusText += chunk;
    else if (isAt(stack, 'log')) log += chunk;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text);
  } catch {
    failed = true;
  }
  const failedBeforeEnd = failed;
  try {
    parser.close();
  } catch {
    failed = true;
  }
  return { root, failedBeforeEnd, failedAtEnd: failed, closedCrx, statusCode, statusText, log };
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_whole, name: string) => XML_ENTITIES[name]!);
}

// status: /crx/response/status; log: /crx/response/data/log (aemsync, ruby_aem read these).
function isAt(stack: readonly string[], name: 'status' | 'log'): boolean {
  if (stack[0] !== 'crx' || stack[stack.length - 1] !== name) return false;
  return name === 'status' ? stack.length === 3 && stack[1] === 'response' : stack.length === 4 && stack[1] === 'response' && stack[2] === 'data';
}
