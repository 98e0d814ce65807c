/**
 * A tiny CONNECT proxy on 127.0.0.1 for the proxy tests, and a port with nothing behind it.
 * It tunnels only to 127.0.0.1 (anything else gets 403, so no test traffic leaves the machine),
 * can demand credentials (407), records every CONNECT target, and closes its sockets on close().
 */
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** A running proxy. */
export interface LoopbackProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** `host:port` of every CONNECT, in order. */
  readonly connects: string[];
  /** `proxy-authorization` of every CONNECT (undefined when absent). */
  readonly authorizations: (string | undefined)[];
  close(): Promise<void>;
}

/** Starts the proxy; with `credentials` ('user:password') it answers 407 to any CONNECT without them. */
export async function startLoopbackProxy(options: { readonly credentials?: string } = {}): Promise<LoopbackProxy> {
  const connects: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const sockets = new Set<Duplex>();
  const server = createHttpServer((_request, response) => {
    response.writeHead(405).end();
  });
  server.on('connect', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    connects.push(request.url ?? '');
    authorizations.push(request.headers['proxy-authorization']);
    tunnel(request, client, head, options.credentials, sockets);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function tunnel(request: IncomingMessage, client: Duplex, head: Buffer, credentials: string | undefined, sockets: Set<Duplex>): void {
  const expected = credentials === undefined ? undefined : `Basic ${Buffer.from(credentials).toString('base64')}`;
  if (expected !== undefined && request.headers['proxy-authorization'] !== expected) {
    client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  const match = /^127\.0\.0\.1:(\d+)$/.exec(request.url ?? '');
  if (match === null) {
    client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  const upstream: Socket = connect(Number(match[1]), '127.0.0.1', () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  sockets.add(upstream);
  upstream.on('close', () => sockets.delete(upstream));
  upstream.on('error', () => client.destroy());
}

/** A loopback port with nothing listening: bind an ephemeral one, then release it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
