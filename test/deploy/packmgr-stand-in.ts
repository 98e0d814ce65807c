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
 * - basic auth on every path (401 with `WWW-Authenticate`);
 * - AEM's own checks of the integration: the Sling health-check servlet (no login) and the
 *   Adobe I/O Events add-on's status servlets (see `aem-stand-in-checks.ts`).
 *
 * Faults, each seen in the field (peers.md §2.1): `status500` (HTTP 200 with `<status
 * code="500">`), `installErrors` (HTTP 200, `E` lines, "Package imported (with errors"),
 * `unauthorized` (401), `html` (the Sling POST servlet's page), `drop` (the connection is cut after
 * the upload arrived), `slow` (the answer comes late); after the install ran: `cut` (the answer
 * stops before its verdict, the connection closes cleanly), `empty` (HTTP 200, no body), `gateway`
 * (a proxy's 504 page); `startingFor(n)`: the next n requests get
 * 404; `oversize(kind, size)`: the next request of that kind, once handled, gets an answer too
 * large to read (a 2 GB `content-length`, or an endless chunked body, issue 11). Every request is
 * recorded, so tests can count installs. Test code only: never shipped.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { sendOversizedAnswer, type OversizedKind, type OversizedSent } from '../helpers/oversized-answer.ts';
import { StandInChecks } from './aem-stand-in-checks.ts';
import type { StandInKeystore } from './stand-in-keystore.ts';
import { readRequest, type PackmgrRequest, type RequestKind } from './stand-in-request.ts';
import { StandInState, type PackmgrFault } from './stand-in-state.ts';

export type { PackmgrRequest, RequestKind } from './stand-in-request.ts';
export type { PackmgrFault } from './stand-in-state.ts';

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
  /** AEM's own checks of the integration (`aem-stand-in-checks.ts`): nothing installed until a test says so. */
  readonly checks: StandInChecks;
  /** The next `times` install steps meet `fault`. */
  fail(fault: PackmgrFault, times?: number): void;
  /** The next `requests` requests of any kind answer 404, as while AEM starts. */
  startingFor(requests: number): void;
  /** The next request of `kind` is handled as usual, but its answer is `size` (after AEM's own start of it). */
  oversize(kind: RequestKind, size: OversizedKind): void;
  /** What the oversized answers sent, in order; each settles when its connection closes. */
  readonly oversized: Promise<OversizedSent>[];
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

/** Starts the stand-in on 127.0.0.1. */
export async function startPackmgrStandIn(options: PackmgrStandInOptions = {}): Promise<PackmgrStandIn> {
  const user = options.user ?? 'admin';
  const expected = `Basic ${Buffer.from(`${user}:${options.password ?? 'admin'}`).toString('base64')}`;
  const state = new StandInState(user, options.homes ?? [SERVICE_USER_HOME]);
  const sockets = new Set<Socket>();
  const oversize = new Map<RequestKind, OversizedKind>();
  const oversized: Promise<OversizedSent>[] = [];
  const checks = new StandInChecks();
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
    const check = checks.answer(record, record.authorization === expected);
    // A hanging check is never answered; closing the stand-in destroys its socket.
    if (check === 'hang') return;
    if (check !== undefined) {
      record.status = check.status;
      response.writeHead(check.status, { 'content-type': check.contentType, ...check.headers });
      return void response.end(check.body);
    }
    const reply = await state.answer(record, form, record.authorization === expected);
    if (reply === 'drop') return void request.socket.destroy();
    if (response.destroyed) return;
    record.status = reply.status;
    const size = oversize.get(record.kind);
    if (size !== undefined) {
      oversize.delete(record.kind);
      return void oversized.push(sendOversizedAnswer(response, size, { status: reply.status, contentType: reply.contentType, ...OVERSIZED_BODIES[record.kind === 'ks.json' || record.kind === 'json-upload' || record.kind === 'json-install' ? 'json' : record.kind === 'service.jsp' ? 'crx' : 'html'] }));
    }
    record.answerBytes = Buffer.byteLength(reply.body);
    if (reply.closeDelimited) return void request.socket.end(`HTTP/1.1 ${reply.status} OK\r\ncontent-type: ${reply.contentType}\r\nconnection: close\r\n\r\n${String(reply.body)}`);
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
    checks,
    fail: (fault, times = 1) => state.faults.push(...Array.from({ length: times }, () => fault)),
    startingFor: (requests) => void (state.starting = requests),
    oversize: (kind, size) => void oversize.set(kind, size),
    oversized,
    hold: () => state.hold(),
    installArrived: () => state.arrived.promise,
    stop: shut,
    restart: () => listen(port),
    close: shut,
  };
}


// How each format's oversized answer starts and goes on: an install log that never reaches its
// verdict (filevault-format.md §7.1), a JSON list, an HTML page.
const OVERSIZED_BODIES = {
  crx: { prefix: '<crx version="1.4.1" user="admin" workspace="crx.default">\n  <response>\n    <data>\n      <log><![CDATA[Installing content\nImporting content...\n', filler: 'A /content/generated/node\n' },
  json: { prefix: '{"success":true,"msg":"', filler: 'x'.repeat(64) },
  html: { prefix: '<!DOCTYPE html>\n<html><head><title>OK</title></head><body>\n', filler: '<p>line</p>\n' },
} as const;
