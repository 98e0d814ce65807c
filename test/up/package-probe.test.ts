import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpAnswerTooLargeError, sendDigestRequest } from '../../src/http/send-request.ts';
import { probePackage, readLastUnpacked } from '../../src/up/package-probe.ts';
import { connection } from '../deploy/connection.ts';

const PATH = '/etc/packages/g/p-1.0.0.zip';
// Larger than the 4 MiB text cap: the hash-only read has its own bound.
const ZIP = Buffer.alloc(5 * 1024 * 1024, 7);
const SHA = createHash('sha256').update(ZIP).digest('hex');

// A target that stores `stored` at PATH and lists it with `lastUnpacked`.
async function target(stored: Buffer | undefined, lastUnpacked: unknown) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === PATH && stored !== undefined) return void response.end(stored);
    if (url.pathname === '/crx/packmgr/list.jsp') return void response.end(JSON.stringify({ results: stored === undefined ? [] : [{ path: PATH, ...(lastUnpacked !== undefined && { lastUnpacked }) }] }));
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

const probe = suite('probePackage');

const CASES: [string, Buffer | undefined, unknown, string][] = [
  ['same bytes, installed', ZIP, 1795435200000, 'unchanged'],
  ['same bytes, lastUnpacked absent (uploaded, never installed)', ZIP, undefined, 'not-installed'],
  ['same bytes, lastUnpacked 0', ZIP, 0, 'not-installed'],
  ['no package there (404)', undefined, undefined, 'absent'],
  ['other bytes of the same size', Buffer.alloc(ZIP.length, 8), 1795435200000, 'different'],
  ['a longer zip: read no further than our size', Buffer.alloc(ZIP.length + 1, 7), 1795435200000, 'different'],
];
for (const [name, stored, lastUnpacked, outcome] of CASES) {
  probe(name, async () => {
    const aem = await target(stored, lastUnpacked);
    try {
      const result = await probePackage(connection(), aem.url, { path: PATH, size: ZIP.length, sha256: SHA }, 10_000);
      assert.is(result.outcome, outcome, result.message);
    } finally {
      await aem.close();
    }
  });
}

probe('the digest read: SHA-256 and size of a body past the text cap, and the bound it is given', async () => {
  const aem = await target(ZIP, 1);
  try {
    const answer = await sendDigestRequest({ url: `${aem.url}${PATH}`, method: 'GET', fetch, timeoutMs: 10_000, maxAnswerBytes: ZIP.length });
    assert.equal([answer.status, answer.digest], [200, { sha256: SHA, size: ZIP.length }]);
    try {
      await sendDigestRequest({ url: `${aem.url}${PATH}`, method: 'GET', fetch, timeoutMs: 10_000, maxAnswerBytes: ZIP.length - 1 });
      assert.unreachable('read past the bound');
    } catch (error) {
      assert.instance(error, HttpAnswerTooLargeError);
      assert.is((error as HttpAnswerTooLargeError).declaredBytes, ZIP.length);
    }
  } finally {
    await aem.close();
  }
});

const list = suite('readLastUnpacked');

list('installed only with lastUnpacked set; undefined when list.jsp does not list the path', () => {
  const table: [string, boolean | undefined][] = [
    [`{"results":[{"path":"${PATH}","lastUnpacked":1795435200000}]}`, true],
    [`{"results":[{"path":"${PATH}","lastUnpacked":0}]}`, false],
    [`{"results":[{"path":"${PATH}"}]}`, false],
    [`{"results":[{"path":"/etc/packages/g/other.zip","lastUnpacked":1}]}`, undefined],
    ['<html>', undefined],
    ['{}', undefined],
  ];
  for (const [text, expected] of table) assert.is(readLastUnpacked(text, PATH), expected, text);
});

probe.run();
list.run();
