import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { HttpAnswerTooLargeError, sendDigestRequest } from '../../src/http/send-request.ts';
import { createZipArchive } from '../../src/packaging/archive.ts';
import { PROBE_SLACK_BYTES, probePackage, readLastUnpacked } from '../../src/up/package-probe.ts';
import { connection } from '../deploy/connection.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const PATH = '/etc/packages/g/p-1.0.0.zip';
const BUILT = new Date('2026-11-23T12:00:00Z');
const REBUILT = new Date('2026-11-24T08:31:17Z');
// Larger than the 4 MiB text cap (incompressible): the stored zip is read by its own bound.
const BIG = randomBytes(5 * 1024 * 1024);

// A package zip as build writes it: properties.xml stamped with the build date, every entry too.
function packageZip(created: Date, content = '<jcr:root/>'): Promise<Buffer> {
  const properties = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE properties SYSTEM "http://java.sun.com/dtd/properties.dtd">\n<properties>\n<entry key="name">p</entry>\n<entry key="created">${created.toISOString()}</entry>\n<entry key="group">g</entry>\n</properties>\n`;
  const entries = [
    { path: 'META-INF/vault/properties.xml', content: Buffer.from(properties) },
    { path: 'jcr_root/' },
    { path: 'jcr_root/.content.xml', content: Buffer.from(content) },
    { path: 'jcr_root/big.bin', content: BIG },
  ];
  return createZipArchive(entries, { mtime: created });
}

const ZIP = await packageZip(BUILT);
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

// What the target stores, its lastUnpacked, the outcome and its message.
const CASES: [string, () => Promise<Buffer | undefined>, unknown, string, string][] = [
  ['same bytes, installed', async () => ZIP, 1795435200000, 'unchanged', `${PATH} has the same bytes and is installed`],
  ['same bytes, lastUnpacked absent (uploaded, never installed)', async () => ZIP, undefined, 'not-installed', `${PATH} has the same bytes but was never installed`],
  ['same bytes, lastUnpacked 0', async () => ZIP, 0, 'not-installed', `${PATH} has the same bytes but was never installed`],
  ['no package there (404)', async () => undefined, undefined, 'absent', `${PATH} is not there`],
  ['a rebuild without SOURCE_DATE_EPOCH (only the build date differs), installed', () => packageZip(REBUILT), 1795435200000, 'unchanged', `${PATH} has the same content (only the build date differs) and is installed`],
  ['a rebuild at another date, never installed', () => packageZip(REBUILT), 0, 'not-installed', `${PATH} has the same content (only the build date differs) but was never installed`],
  ['other content (and another date)', () => packageZip(REBUILT, '<jcr:root a="b"/>'), 1795435200000, 'different', `${PATH} holds other content (jcr_root/.content.xml differs)`],
  ['other bytes of the same size, not a zip', async () => Buffer.alloc(ZIP.length, 8), 1795435200000, 'different', `${PATH} holds other content (it could not be compared: ${PATH} is not a readable zip: End of central directory record signature not found. Either not a zip file, or file is truncated.)`],
  ['a zip longer than ours and the slack: read no further', async () => Buffer.concat([ZIP, Buffer.alloc(PROBE_SLACK_BYTES + 1)]), 1795435200000, 'different', `${PATH} is larger than the local zip`],
];

// The local zip is a file, as build leaves it.
const dir = makeTempDir();
const FILE = join(dir, 'p-1.0.0.zip');
writeFileSync(FILE, ZIP);
for (const [name, stored, lastUnpacked, outcome, message] of CASES) {
  probe(name, async () => {
    const aem = await target(await stored(), lastUnpacked);
    try {
      const result = await probePackage(connection(), aem.url, { file: FILE, path: PATH, size: ZIP.length, sha256: SHA }, 10_000);
      assert.is(result.outcome, outcome, result.message);
      assert.is(result.message, message);
    } finally {
      await aem.close();
    }
  });
}
probe.after(() => removeTempDir(dir));

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
