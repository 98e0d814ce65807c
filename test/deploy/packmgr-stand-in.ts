/**
 * A local CRX Package Manager for the tests, on 127.0.0.1 with an ephemeral port, behaving as
 * reference/filevault-format.md §7 and aem-io-events.md §3.1 document:
 *
 * - `GET /crx/packmgr/service/script.html`: 405 when ready, 404 while "starting";
 * - `POST /crx/packmgr/service.jsp` (multipart `file`, `force`, `install`): reads the package with
 *   inspect's `inspectPackage({ bytes })`, refuses what AEM refuses ("Zip File is not a content
 *   package. Missing 'jcr_root'."), installs it into its in-memory repository and answers the
 *   `<crx>` envelope with an install log listing `A <path>` (new) or `U <path>` per node;
 * - `POST /crx/packmgr/service/.json/?cmd=upload` and `…/.json/etc/packages/…zip?cmd=install`;
 * - `GET <home>.ks.json`, `POST <home>.ks.html` (see `stand-in-keystore.ts`);
 * - basic auth on every path (401 with `WWW-Authenticate`).
 *
 * Faults, each seen in the field (peers.md §2.1): `status500` (HTTP 200 with `<status
 * code="500">`), `installErrors` (HTTP 200, `E` lines, "Package imported (with errors"),
 * `unauthorized` (401), `html` (the Sling POST servlet's page), `drop` (the connection is cut after
 * the upload arrived), `slow` (the answer comes late); `startingFor(n)`: the next n requests get
 * 404. Every request is recorded, so tests can count installs. Test code only: never shipped.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { InputError } from '../../src/errors.ts';
import { inspectPackage } from '../../src/inspect/inspect-package.ts';
import { formatPackageId, getPackagePath } from '../../src/packaging/package-id.ts';
import { emptyKeystore, keystoreJson, postKeystore, type StandInKeystore } from './stand-in-keystore.ts';
import { CONSTRAINT_ERROR, crxReply, htmlReply, importedPaths, installLog, jsonReply, NOT_CONTENT_PACKAGE, packageXml, STATUS_500_TEXT, type Reply } from './stand-in-replies.ts';

/** A fault for the next install step (service.jsp, or cmd=install of the JSON API). */
export type PackmgrFault =
  | { readonly kind: 'status500' }
  | { readonly kind: 'installErrors' }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'html' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'slow'; readonly delayMs: number };

/** What a request was for. */
export type RequestKind = 'probe' | 'service.jsp' | 'json-upload' | 'json-install' | 'ks.json' | 'ks.html' | 'other';

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
}

/** Options of {@link startPackmgrStandIn}. */
export interface PackmgrStandInOptions {
  readonly user?: string;
  readonly password?: string;
  /** Homes of the users whose keystores exist (as users). @default the eventproxy-service home */
  readonly homes?: readonly string[];
  /** Listen on this port (to come back after {@link PackmgrStandIn.stop}). */
  readonly port?: number;
}

/** A running stand-in. */
export interface PackmgrStandIn {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  readonly requests: PackmgrRequest[];
  /** Installs that reached the stand-in (service.jsp POSTs and cmd=install calls). */
  readonly installs: () => number;
  /** Nodes installed so far, by path. */
  readonly repository: Set<string>;
  readonly keystores: Map<string, StandInKeystore>;
  /** The next `times` install steps meet `fault`. */
  fail(fault: PackmgrFault, times?: number): void;
  /** The next `requests` requests of any kind answer 404, as while AEM starts. */
  startingFor(requests: number): void;
  /** Holds every install step (after its upload arrived) until the returned function is called. */
  hold(): () => void;
  /** Resolves when an install step arrives (at once if one has). */
  installArrived(): Promise<void>;
  /** Stops listening (connections are refused) until {@link restart}. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The home of the connector's service user. */
export const SERVICE_USER_HOME = '/home/users/system/eventproxy/eventproxy-service';

const MAX_BODY_BYTES = 512 * 1024 * 1024;
const MAX_DELAY_MS = 10_000;
const READINESS = '/crx/packmgr/service/script.html';
const JSON_PREFIX = '/crx/packmgr/service/.json';

/** Starts the stand-in on 127.0.0.1. */
export async function startPackmgrStandIn(options: PackmgrStandInOptions = {}): Promise<PackmgrStandIn> {
  const user = options.user ?? 'admin';
  const expected = `Basic ${Buffer.from(`${user}:${options.password ?? 'admin'}`).toString('base64')}`;
  const state = new StandInState(user, options.homes ?? [SERVICE_USER_HOME]);
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => response.destroy(error instanceof Error ? error : new Error(String(error))));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { record, form } = await readRequest(request);
    state.requests.push(record);
    const reply = await state.answer(record, form, record.authorization === expected);
    if (reply === 'drop') return void request.socket.destroy();
    if (response.destroyed) return;
    record.status = reply.status;
    response.writeHead(reply.status, { 'content-type': reply.contentType, ...reply.headers });
    response.end(reply.body);
  }
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  const shut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: state.requests,
    installs: () => state.requests.filter((r) => r.kind === 'service.jsp' || r.kind === 'json-install').length,
    repository: state.repository,
    keystores: state.keystores,
    fail: (fault, times = 1) => state.faults.push(...Array.from({ length: times }, () => fault)),
    startingFor: (requests) => void (state.starting = requests),
    hold: () => state.hold(),
    installArrived: () => state.arrived.promise,
    stop: shut,
    restart: () => listen(port),
    close: shut,
  };
}

class StandInState {
  readonly requests: PackmgrRequest[] = [];
  readonly faults: PackmgrFault[] = [];
  readonly repository = new Set<string>();
  readonly keystores = new Map<string, StandInKeystore>();
  readonly uploaded = new Map<string, { bytes: Uint8Array; id: string }>();
  starting = 0;
  readonly arrived = withResolvers();
  private gate: Promise<void> | undefined;

  constructor(private readonly user: string, homes: readonly string[]) {
    for (const home of homes) this.keystores.set(home, emptyKeystore());
  }

  async answer(record: PackmgrRequest, form: FormData | undefined, authorized: boolean): Promise<Reply | 'drop'> {
    if (this.starting > 0) {
      this.starting -= 1;
      return htmlReply(404, '404 Resource at \'' + record.path + '\' not found: No resource found');
    }
    if (!authorized) return { ...htmlReply(401, 'Unauthorized'), headers: { 'www-authenticate': 'Basic realm="Sling (Development)"' } };
    const install = record.kind === 'service.jsp' || record.kind === 'json-install';
    if (install) this.arrived.resolve();
    if (install && this.gate) await this.gate;
    const fault = install ? this.faults.shift() : undefined;
    if (fault?.kind === 'drop') return 'drop';
    if (fault?.kind === 'unauthorized') return { ...htmlReply(401, 'Unauthorized'), headers: { 'www-authenticate': 'Basic realm="Sling (Development)"' } };
    if (fault?.kind === 'html') return htmlReply(200, 'Content modified /crx/packmgr/service.jsp/file', 'Status 200 Message OK Location /crx/packmgr/service.jsp/file');
    if (fault?.kind === 'slow') await delay(Math.min(fault.delayMs, MAX_DELAY_MS));
    return this.route(record, form, fault);
  }

  hold(): () => void {
    const gate = withResolvers();
    this.gate = gate.promise;
    return () => {
      this.gate = undefined;
      gate.resolve();
    };
  }

  private async route(record: PackmgrRequest, form: FormData | undefined, fault: PackmgrFault | undefined): Promise<Reply> {
    switch (record.kind) {
      case 'probe':
        return record.method === 'GET' ? htmlReply(405, 'Method Not Allowed') : htmlReply(404, 'Not Found');
      case 'service.jsp':
        return this.serviceJsp(record, form, fault);
      case 'json-upload':
        return this.jsonUpload(form, record);
      case 'json-install':
        return this.jsonInstall(record, fault);
      case 'ks.json':
        return this.keystoreState(record.path.slice(0, -'.ks.json'.length));
      case 'ks.html': {
        const store = this.keystores.get(record.path.slice(0, -'.ks.html'.length));
        return store === undefined || form === undefined ? htmlReply(404, 'Not Found') : postKeystore(store, form);
      }
      default:
        return htmlReply(404, 'Not Found');
    }
  }

  private async serviceJsp(record: PackmgrRequest, form: FormData | undefined, fault: PackmgrFault | undefined): Promise<Reply> {
    const reply = (code: number, text: string, log?: readonly string[], packageXmlText?: string) => crxReply({ user: this.user, fields: record.fields, code, text, ...(log && { log }), ...(packageXmlText && { packageXml: packageXmlText }) });
    const file = form?.get('file');
    if (record.method !== 'POST' || file === null || file === undefined || typeof file === 'string') return reply(500, 'java.lang.IllegalArgumentException: no file');
    const read = await this.readPackage(new Uint8Array(await file.arrayBuffer()));
    if ('error' in read) return reply(500, `java.io.IOException: ${read.error}`);
    if (fault?.kind === 'status500') return reply(500, STATUS_500_TEXT, ['Installing content', 'Collecting import information...']);
    const log = this.install(read, fault?.kind === 'installErrors');
    return reply(200, 'ok', log, packageXml(read.idParts, read.size, this.user));
  }

  private async jsonUpload(form: FormData | undefined, record: PackmgrRequest): Promise<Reply> {
    const file = form?.get('package');
    if (file === null || file === undefined || typeof file === 'string') return jsonReply({ success: false, msg: 'no package' });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = await this.readPackage(bytes);
    if ('error' in read) return jsonReply({ success: false, msg: read.error });
    if (this.uploaded.has(read.path) && record.fields.force !== 'true') return jsonReply({ success: false, msg: `Package already exists: ${read.id}` });
    this.uploaded.set(read.path, { bytes, id: read.id });
    return jsonReply({ success: true, msg: 'Package uploaded', path: read.path });
  }

  private async jsonInstall(record: PackmgrRequest, fault: PackmgrFault | undefined): Promise<Reply> {
    const path = record.path.slice(JSON_PREFIX.length);
    const uploaded = this.uploaded.get(path);
    if (uploaded === undefined) return jsonReply({ success: false, msg: 'no package' });
    if (fault?.kind === 'status500') return jsonReply({ success: false, msg: STATUS_500_TEXT });
    const read = await this.readPackage(uploaded.bytes);
    if ('error' in read) return jsonReply({ success: false, msg: read.error });
    // The JSON API says "installed" even when the log has errors (aemc#160).
    this.install(read, fault?.kind === 'installErrors');
    return jsonReply({ success: true, msg: 'Package installed' });
  }

  private keystoreState(home: string): Reply {
    const store = this.keystores.get(home);
    return store === undefined ? htmlReply(404, 'Not Found') : keystoreJson(store);
  }

  // Package Manager's own checks on upload: a zip it can read, with jcr_root (§7.1).
  private async readPackage(bytes: Uint8Array): Promise<ReadPackage | { error: string }> {
    let inspected;
    try {
      inspected = await inspectPackage({ bytes });
    } catch (error) {
      if (error instanceof InputError) return { error: `java.util.zip.ZipException: ${error.message}` };
      throw error;
    }
    if (inspected.findings.some((f) => f.validator === 'package-manager' && f.message.includes("Missing 'jcr_root'"))) return { error: NOT_CONTENT_PACKAGE };
    const idParts = inspected.id ?? { group: 'my_packages', name: `pack_${createHash('sha1').update(bytes).digest('hex').slice(0, 8)}`, version: '' };
    return { id: formatPackageId(idParts), idParts, path: getPackagePath(idParts), size: bytes.length, paths: importedPaths(inspected) };
  }

  private install(read: ReadPackage, withErrors: boolean): string[] {
    const actions = read.paths.map((path) => [this.repository.has(path) ? 'U' : 'A', path] as const);
    for (const path of read.paths) this.repository.add(path);
    const errors = withErrors ? [`E ${read.paths[0] ?? '/'} (${CONSTRAINT_ERROR})`] : [];
    return installLog({ id: read.id, actions, errors, ms: 42 });
  }
}

interface ReadPackage {
  readonly id: string;
  readonly idParts: { group: string; name: string; version: string };
  readonly path: string;
  readonly size: number;
  readonly paths: readonly string[];
}

async function readRequest(request: IncomingMessage): Promise<{ record: PackmgrRequest; form: FormData | undefined }> {
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
  };
  return { record, form };
}

function kindOf(method: string, url: URL): RequestKind {
  const path = url.pathname;
  if (path === READINESS) return 'probe';
  if (path === '/crx/packmgr/service.jsp') return 'service.jsp';
  if (path.startsWith(`${JSON_PREFIX}/`) && method === 'POST') {
    const cmd = url.searchParams.get('cmd');
    return cmd === 'upload' ? 'json-upload' : cmd === 'install' ? 'json-install' : 'other';
  }
  if (path.endsWith('.ks.json') && method === 'GET') return 'ks.json';
  if (path.endsWith('.ks.html') && method === 'POST') return 'ks.html';
  return 'other';
}

// The platform's own form parser (undici): an independent reader of what deploy sends. Query
// parameters count as fields too, as the Servlet API merges them.
async function parseForm(body: Buffer, contentType: string, query: URLSearchParams): Promise<FormData | undefined> {
  const form = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(contentType) ? await new Response(body, { headers: { 'content-type': contentType } }).formData() : new FormData();
  for (const [name, value] of query) if (name !== 'cmd') form.append(name, value);
  return form;
}

function withResolvers(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

// Unref'd: a slow answer still pending when a test ends must not hold the process open.
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
