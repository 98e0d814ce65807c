/**
 * A local IMS for the tests, on 127.0.0.1 with an ephemeral port, behaving as reference/ims-jwt.md
 * documents (§1, §3.5, §4): the JWT exchange on all three paths, urlencoded or multipart; the
 * client-credentials endpoints v2/v3/v4; exact JSON bodies and statuses; `Content-Type:
 * application/json;charset=UTF-8`, `x-debug-id` and `Date` on every answer; fault injection.
 * Test code only: never shipped.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendOversizedAnswer, type OversizedKind, type OversizedSent } from '../helpers/oversized-answer.ts';
import { answerJwtExchange } from './stand-in-exchange.ts';
import { decodeJwt, type DecodedJwt } from './stand-in-jwt.ts';
import { refuse, TEXT, type ImsReply, type StandInBinding } from './stand-in-replies.ts';
import { answerClientCredentials } from './stand-in-token.ts';

export type { StandInBinding } from './stand-in-replies.ts';

/** A fault for the next request(s), whatever they ask. */
export type StandInFault =
  | { readonly kind: 'internal_error' }
  | { readonly kind: 'throttle'; readonly retryAfterSeconds: number }
  | { readonly kind: 'hang' }
  /** An answer too large to read (issue 11): a 2 GB `content-length`, or an endless chunked body. */
  | { readonly kind: 'oversized'; readonly size: OversizedKind }
  | { readonly kind: 'raw'; readonly status: number; readonly body: string; readonly contentType: string; readonly headers?: Readonly<Record<string, string>> };

/** Options of {@link startImsStandIn}. */
export interface ImsStandInOptions {
  readonly bindings: readonly StandInBinding[];
  /** Leeway on `exp`. @default 30 */
  readonly skewSeconds?: number;
  /** The stand-in's clock (also its `Date` header). @default () => new Date() */
  readonly now?: () => Date;
  /** The base URL the claims must name. @default the stand-in's own URL */
  readonly issuerUrl?: string;
  /** @default 401 */
  readonly secretErrorStatus?: 400 | 401;
  /** @default 'invalid_token' */
  readonly signatureError?: 'invalid_token' | 'invalid_signature';
  /** `expires_in` of the JWT exchange, ms. @default 86399999 */
  readonly exchangeLifetimeMs?: number;
  /** `expires_in` of the token endpoints, s. @default 86399 */
  readonly tokenLifetimeSeconds?: number;
}

/** One request as the stand-in saw it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly fields: Readonly<Record<string, string>>;
  /** `jwt_token` decoded, when there was one that decodes. */
  readonly jwt: DecodedJwt | undefined;
  readonly debugId: string;
  /** The answer's status and body; undefined while a hanging request waits. */
  status: number | undefined;
  responseBody: string | undefined;
}

/** A running stand-in. */
export interface ImsStandIn {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** What the `oversized` faults sent, in order; each settles when its connection closes. */
  readonly oversized: Promise<OversizedSent>[];
  /** Makes the next `times` requests meet `fault`. */
  injectFault(fault: StandInFault, times?: number): void;
  /** Stops the server, hanging requests included. */
  close(): Promise<void>;
}

const EXCHANGE_PATHS = new Set(['/ims/exchange/jwt', '/ims/exchange/jwt/', '/ims/exchange/v1/jwt']);
const TOKEN_PATHS = new Set(['/ims/token/v2', '/ims/token/v3', '/ims/token/v4']);
const MAX_BODY_BYTES = 1 << 20;

/** Starts a stand-in on 127.0.0.1 with an ephemeral port. */
export async function startImsStandIn(options: ImsStandInOptions): Promise<ImsStandIn> {
  const requests: RecordedRequest[] = [];
  const faults: StandInFault[] = [];
  const usedJtis = new Set<string>();
  const oversized: Promise<OversizedSent>[] = [];
  let url = '';
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const record = await readRequest(request);
    requests.push(record);
    const fault = faults.shift();
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'oversized') {
      record.status = 200;
      return void oversized.push(sendOversizedAnswer(response, fault.size, { status: 200, contentType: 'application/json;charset=UTF-8', prefix: '{"access_token":"', filler: 'x'.repeat(64) }));
    }
    if (fault?.kind === 'raw') return send(response, record, { status: fault.status, text: fault.body, contentType: fault.contentType, headers: fault.headers ?? {} }, options);
    const reply = fault === undefined ? route(record, { ...options, issuerUrl: options.issuerUrl ?? url, usedJtis }) : faultReply(fault);
    send(response, record, { status: reply.status, text: JSON.stringify(reply.body), contentType: 'application/json;charset=UTF-8', headers: reply.headers ?? {} }, options);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    oversized,
    injectFault(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type RouteOptions = ImsStandInOptions & { readonly issuerUrl: string; readonly usedJtis: Set<string> };

function route(record: RecordedRequest, options: RouteOptions): ImsReply {
  const known = EXCHANGE_PATHS.has(record.path) || TOKEN_PATHS.has(record.path);
  if (!known) return refuse(404, 'not_found', TEXT.notFound);
  if (record.method !== 'POST') return refuse(405, 'method_not_allowed', TEXT.method);
  const now = (options.now ?? (() => new Date()))();
  if (EXCHANGE_PATHS.has(record.path)) {
    // Body fields only for the exchange (ims-jwt.md §1.2, adobe-dev-console#124).
    return answerJwtExchange(record.fields, {
      bindings: options.bindings,
      issuerUrl: options.issuerUrl,
      now,
      skewSeconds: options.skewSeconds ?? 30,
      secretErrorStatus: options.secretErrorStatus ?? 401,
      signatureError: options.signatureError ?? 'invalid_token',
      usedJtis: options.usedJtis,
      tokenLifetimeMs: options.exchangeLifetimeMs ?? 86_399_999,
    });
  }
  // "Parameters can be sent in the body or as query parameters" (ims-jwt.md §4.3).
  return answerClientCredentials({ ...record.query, ...record.fields }, { bindings: options.bindings, now, tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 86_399 });
}

function faultReply(fault: Exclude<StandInFault, { kind: 'hang' } | { kind: 'raw' } | { kind: 'oversized' }>): ImsReply {
  if (fault.kind === 'throttle') return refuse(429, 'too_many_requests', TEXT.throttled, { 'retry-after': String(fault.retryAfterSeconds) });
  return refuse(500, 'internal_error', TEXT.tryLater);
}

interface Outgoing {
  readonly status: number;
  readonly text: string;
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string>>;
}

function send(response: ServerResponse, record: RecordedRequest, outgoing: Outgoing, options: ImsStandInOptions): void {
  record.status = outgoing.status;
  record.responseBody = outgoing.text;
  response.writeHead(outgoing.status, {
    'content-type': outgoing.contentType,
    'x-debug-id': record.debugId,
    date: (options.now ?? (() => new Date()))().toUTCString(),
    ...outgoing.headers,
  });
  response.end(outgoing.text);
}

async function readRequest(request: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large for the IMS stand-in');
    chunks.push(chunk as Buffer);
  }
  const target = new URL(request.url ?? '/', 'http://127.0.0.1');
  const fields = await parseForm(Buffer.concat(chunks), request.headers['content-type'] ?? '');
  return {
    method: request.method ?? '',
    path: target.pathname,
    query: Object.fromEntries(target.searchParams),
    headers: request.headers,
    fields,
    jwt: fields.jwt_token === undefined ? undefined : decodeJwt(fields.jwt_token),
    debugId: randomUUID(),
    status: undefined,
    responseBody: undefined,
  };
}

/** urlencoded and multipart bodies, parsed by the platform's own form parser; anything else has no fields. */
async function parseForm(body: Buffer, contentType: string): Promise<Record<string, string>> {
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(contentType)) return {};
  try {
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    const fields: Record<string, string> = {};
    for (const [name, value] of form) if (typeof value === 'string') fields[name] = value;
    return fields;
  } catch {
    return {};
  }
}
