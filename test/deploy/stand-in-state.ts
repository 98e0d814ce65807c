/**
 * What the Package Manager stand-in knows and how it answers: its repository, the uploaded
 * packages, the user keystores, the faults queued for the next installs, "starting" and the hold
 * on installs. Routes follow filevault-format.md §7 and aem-io-events.md §3.1. Test code only.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../../src/errors.ts';
import { inspectPackage } from '../../src/inspect/inspect-package.ts';
import { formatPackageId, getPackagePath } from '../../src/packaging/package-id.ts';
import { emptyKeystore, keystoreJson, postKeystore, type StandInKeystore } from './stand-in-keystore.ts';
import { CONSTRAINT_ERROR, crxReply, htmlReply, importedPaths, installLog, jsonReply, NOT_CONTENT_PACKAGE, packageXml, STATUS_500_TEXT, type Reply } from './stand-in-replies.ts';
import { downloadPackage, listPackages, type StoredPackage } from './stand-in-packages.ts';
import type { PackmgrRequest } from './stand-in-request.ts';

/** A fault for the next install step (service.jsp, or cmd=install of the JSON API). */
export type PackmgrFault =
  | { readonly kind: 'status500' }
  | { readonly kind: 'installErrors' }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'html' }
  | { readonly kind: 'drop' }
  /** The install runs, but its answer stops before the verdict and the connection closes cleanly (AEM stopped mid-install). */
  | { readonly kind: 'cut' }
  /** The install runs, but the answer is HTTP 200 with an empty body. */
  | { readonly kind: 'empty' }
  /** The install runs on AEM, but a proxy in front of it answers 504 with its own HTML page. */
  | { readonly kind: 'gateway' }
  | { readonly kind: 'slow'; readonly delayMs: number };

const MAX_DELAY_MS = 10_000;
const JSON_PREFIX = '/crx/packmgr/service/.json';

/** The stand-in's state and routes. */
export class StandInState {
  readonly requests: PackmgrRequest[] = [];
  readonly faults: PackmgrFault[] = [];
  readonly repository = new Set<string>();
  readonly keystores = new Map<string, StandInKeystore>();
  /** Packages as AEM keeps them, by path (`/etc/packages/<group>/<name>-<version>.zip`). */
  readonly uploaded = new Map<string, StoredPackage>();
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
    const reply = await this.route(record, form, fault);
    return fault === undefined ? reply : afterInstall(reply, fault);
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
        return this.keystoreState(record.path.slice(0, -'.ks.json'.length), record.path);
      case 'ks.html': {
        const store = this.keystores.get(record.path.slice(0, -'.ks.html'.length));
        return store === undefined || form === undefined ? htmlReply(404, 'Not Found') : postKeystore(store, form, record.path);
      }
      case 'list.jsp':
        return listPackages(this.uploaded, record.query.path);
      default:
        return (record.method === 'GET' && downloadPackage(this.uploaded.get(record.path))) || htmlReply(404, 'Not Found');
    }
  }

  private async serviceJsp(record: PackmgrRequest, form: FormData | undefined, fault: PackmgrFault | undefined): Promise<Reply> {
    const reply = (code: number, text: string, log?: readonly string[], packageXmlText?: string) => crxReply({ user: this.user, fields: record.fields, code, text, ...(log && { log }), ...(packageXmlText && { packageXml: packageXmlText }) });
    const file = form?.get('file');
    if (record.method !== 'POST' || file === null || file === undefined || typeof file === 'string') return reply(500, 'java.lang.IllegalArgumentException: no file');
    const read = await this.readPackage(new Uint8Array(await file.arrayBuffer()));
    if ('error' in read) return reply(500, `java.io.IOException: ${read.error}`);
    if (fault?.kind === 'status500') return reply(500, STATUS_500_TEXT, ['Installing content', 'Collecting import information...']);
    // service.jsp uploads (replacing, force=true), then installs: the package stays under /etc/packages.
    this.uploaded.set(read.path, { bytes: read.bytes, id: read.id, idParts: read.idParts, lastUnpacked: 0 });
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
    this.uploaded.set(read.path, { bytes, id: read.id, idParts: read.idParts, lastUnpacked: 0 });
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

  private keystoreState(home: string, path: string): Reply {
    const store = this.keystores.get(home);
    return store === undefined ? htmlReply(404, 'Not Found') : keystoreJson(store, path);
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
    return { id: formatPackageId(idParts), idParts, path: getPackagePath(idParts), bytes, size: bytes.length, paths: importedPaths(inspected) };
  }

  private install(read: ReadPackage, withErrors: boolean): string[] {
    const stored = this.uploaded.get(read.path);
    if (stored !== undefined) stored.lastUnpacked = Date.now();
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
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly paths: readonly string[];
}


// The faults that strike after the install ran: what reaches the client is not what AEM wrote.
function afterInstall(reply: Reply, fault: PackmgrFault): Reply {
  if (fault.kind === 'empty') return { ...reply, body: '' };
  if (fault.kind === 'gateway') return htmlReply(504, '504 Gateway Time-out', 'The server didn\'t respond in time.');
  if (fault.kind !== 'cut') return reply;
  // Cut where the verdict would come: before "Package imported" in the log, or half-way into the JSON.
  const body = String(reply.body);
  const end = body.indexOf('Package imported');
  return { ...reply, body: end >= 0 ? body.slice(0, end) : body.slice(0, Math.floor(body.length / 2)), closeDelimited: true };
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
