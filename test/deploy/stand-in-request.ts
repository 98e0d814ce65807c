/**
 * How the Package Manager stand-in reads a request: the whole body (bounded), its form fields and
 * files through the platform's own form parser (undici), an independent reader of what deploy
 * sends, and what the request is for. Test code only.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a request was for. */
export type RequestKind = 'probe' | 'service.jsp' | 'json-upload' | 'json-install' | 'ks.json' | 'ks.html' | 'list.jsp' | 'other';

/** One request as the stand-in saw it. */
export interface PackmgrRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly kind: RequestKind;
  readonly authorization: string | undefined;
  readonly contentLength: string | undefined;
  readonly transferEncoding: string | undefined;
  /** Text fields of a form body. */
  readonly fields: Readonly<Record<string, string>>;
  /** Files of a multipart body. */
  readonly files: readonly { readonly field: string; readonly filename: string; readonly size: number; readonly sha256: string }[];
  status: number | undefined;
  /** Bytes of the answer's body, once sent whole. */
  answerBytes: number | undefined;
}

const MAX_BODY_BYTES = 512 * 1024 * 1024;
const READINESS = '/crx/packmgr/service/script.html';
const JSON_PREFIX = '/crx/packmgr/service/.json';

/** Reads the request: the record for the tests, and the form for the routes. */
export async function readRequest(request: IncomingMessage): Promise<{ record: PackmgrRequest; form: FormData | undefined }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large for the Package Manager stand-in');
    chunks.push(chunk as Buffer);
  }
  const target = new URL(request.url ?? '/', 'http://127.0.0.1');
  const contentType = request.headers['content-type'] ?? '';
  const form = await parseForm(Buffer.concat(chunks), contentType, target.searchParams);
  const fields: Record<string, string> = {};
  const files: PackmgrRequest['files'][number][] = [];
  for (const [name, value] of form ?? []) {
    if (typeof value === 'string') fields[name] = value;
    else files.push({ field: name, filename: value.name, size: value.size, sha256: createHash('sha256').update(new Uint8Array(await value.arrayBuffer())).digest('hex') });
  }
  const record: PackmgrRequest = {
    method: request.method ?? '',
    path: decodeURIComponent(target.pathname),
    query: Object.fromEntries(target.searchParams),
    kind: kindOf(request.method ?? '', target),
    authorization: request.headers.authorization,
    contentLength: request.headers['content-length'],
    transferEncoding: request.headers['transfer-encoding'],
    fields,
    files,
    status: undefined,
    answerBytes: undefined,
  };
  return { record, form };
}

function kindOf(method: string, url: URL): RequestKind {
  const path = url.pathname;
  if (path === READINESS) return 'probe';
  if (path === '/crx/packmgr/service.jsp') return 'service.jsp';
  if (path === '/crx/packmgr/list.jsp' && method === 'GET') return 'list.jsp';
  if (path.startsWith(`${JSON_PREFIX}/`) && method === 'POST') {
    const cmd = url.searchParams.get('cmd');
    return cmd === 'upload' ? 'json-upload' : cmd === 'install' ? 'json-install' : 'other';
  }
  if (path.endsWith('.ks.json') && method === 'GET') return 'ks.json';
  if (path.endsWith('.ks.html') && method === 'POST') return 'ks.html';
  return 'other';
}

// Query parameters count as fields too, as the Servlet API merges them.
async function parseForm(body: Buffer, contentType: string, query: URLSearchParams): Promise<FormData | undefined> {
  const form = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(contentType) ? await new Response(body, { headers: { 'content-type': contentType } }).formData() : new FormData();
  for (const [name, value] of query) if (name !== 'cmd') form.append(name, value);
  return form;
}

