import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMultipartBody, UPLOAD_CHUNK_BYTES, type OpenFile } from '../../src/deploy/multipart.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function memoryFile(bytes: Uint8Array): OpenFile {
  return async function* () {
    yield bytes;
  };
}

const multipartSuite = suite('createMultipartBody', { dir: '' });

multipartSuite.before.each((context) => {
  context.dir = makeTempDir();
});
multipartSuite.after.each((context) => removeTempDir(context.dir));

multipartSuite('the exact bytes of an RFC 7578 body: file part, then fields, then the closing boundary', async () => {
  const body = createMultipartBody(
    [
      { name: 'file', path: '/p.zip', filename: 'p.zip', size: 3, contentType: 'application/zip' },
      { name: 'force', value: 'true' },
      { name: 'install', value: 'true' },
    ],
    { boundary: 'BOUNDARY', openFile: memoryFile(new Uint8Array([1, 2, 3])) },
  );
  const expected = Buffer.concat([
    Buffer.from('--BOUNDARY\r\nContent-Disposition: form-data; name="file"; filename="p.zip"\r\nContent-Type: application/zip\r\n\r\n'),
    Buffer.from([1, 2, 3]),
    Buffer.from('\r\n--BOUNDARY\r\nContent-Disposition: form-data; name="force"\r\n\r\ntrue\r\n--BOUNDARY\r\nContent-Disposition: form-data; name="install"\r\n\r\ntrue\r\n--BOUNDARY--\r\n'),
  ]);
  const bytes = await readAll(body.stream());
  assert.equal(bytes, expected);
  assert.is(body.contentLength, expected.length);
  assert.is(body.contentType, 'multipart/form-data; boundary=BOUNDARY');
  assert.is(body.fileBytes, 3);
});

multipartSuite('quotes and line breaks in a file name are percent-encoded (RFC 7578 §4.2)', async () => {
  const body = createMultipartBody([{ name: 'file', path: '/x', filename: 'a"b\r\n.zip', size: 0, contentType: 'application/zip' }], { boundary: 'B', openFile: memoryFile(new Uint8Array()) });
  assert.match((await readAll(body.stream())).toString(), 'filename="a%22b%0D%0A.zip"');
});

multipartSuite("the platform's own form parser (undici) reads back every field and the file; bytes parts too", async ({ dir }) => {
  const file = join(dir, 'pkg.zip');
  const content = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));
  writeFileSync(file, content);
  const body = createMultipartBody([
    { name: 'file', path: file, filename: 'pkg.zip', size: content.length, contentType: 'application/zip' },
    { name: 'keyStore', filename: 'k.p12', bytes: new Uint8Array([9, 8, 7]), contentType: 'application/x-pkcs12' },
    { name: 'keyStorePass', value: 'pä$$ word' },
  ]);
  const bytes = await readAll(body.stream());
  assert.is(bytes.length, body.contentLength);
  const form = await new Response(bytes, { headers: { 'content-type': body.contentType } }).formData();
  assert.is(form.get('keyStorePass'), 'pä$$ word');
  assert.equal(Buffer.from(await (form.get('file') as File).arrayBuffer()), content);
  assert.is((form.get('file') as File).name, 'pkg.zip');
  assert.equal([...new Uint8Array(await (form.get('keyStore') as File).arrayBuffer())], [9, 8, 7]);
});

multipartSuite('the file is read as the stream is pulled, one 1 MiB chunk at a time, never whole', async ({ dir }) => {
  assert.is(UPLOAD_CHUNK_BYTES, 1024 * 1024);
  const size = 16 * 1024 * 1024 + 5;
  const file = join(dir, 'large.zip');
  writeFileSync(file, Buffer.alloc(size, 7));
  let readFromDisk = 0;
  let largestChunk = 0;
  const openFile: OpenFile = async function* (path) {
    for await (const chunk of createReadStream(path, { highWaterMark: UPLOAD_CHUNK_BYTES })) {
      readFromDisk += (chunk as Buffer).length;
      largestChunk = Math.max(largestChunk, (chunk as Buffer).length);
      yield chunk as Buffer;
    }
  };
  const progress: number[] = [];
  const body = createMultipartBody([{ name: 'file', path: file, filename: 'large.zip', size, contentType: 'application/zip' }], { openFile });
  const reader = body.stream((sent) => progress.push(sent)).getReader();
  for (let i = 0; i < 3; i++) await reader.read();
  // The head, then two file chunks: at most one chunk of read-ahead beyond what was taken.
  assert.ok(readFromDisk <= 3 * UPLOAD_CHUNK_BYTES, `read ${readFromDisk} bytes ahead`);
  let total = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) total += next.value.length;
  assert.is(readFromDisk, size);
  assert.is(largestChunk, UPLOAD_CHUNK_BYTES);
  assert.is(progress.at(-1), size);
  assert.ok(progress.every((value, i) => i === 0 || value > progress[i - 1]!), 'progress grows');
  assert.ok(total > 0);
});

multipartSuite('each stream reads the file again, so a body can be sent again after a refused connection', async () => {
  let opened = 0;
  const openFile: OpenFile = async function* () {
    opened += 1;
    yield new Uint8Array([1]);
  };
  const body = createMultipartBody([{ name: 'file', path: '/x', filename: 'x', size: 1, contentType: 'application/zip' }], { boundary: 'B', openFile });
  assert.equal(await readAll(body.stream()), await readAll(body.stream()));
  assert.is(opened, 2);
});

multipartSuite('a file that changed size since it was measured fails the stream instead of sending a wrong length', async () => {
  const body = createMultipartBody([{ name: 'file', path: '/x', filename: 'x', size: 2, contentType: 'application/zip' }], { boundary: 'B', openFile: memoryFile(new Uint8Array([1, 2, 3])) });
  try {
    await readAll(body.stream());
    assert.unreachable('should fail');
  } catch (error) {
    assert.is((error as Error).message, '/x grew while it was being uploaded');
  }
});

multipartSuite('cancelling the stream closes the file', async () => {
  let closed = false;
  const openFile: OpenFile = async function* () {
    try {
      yield new Uint8Array([1]);
      yield new Uint8Array([2]);
    } finally {
      closed = true;
    }
  };
  const body = createMultipartBody([{ name: 'file', path: '/x', filename: 'x', size: 2, contentType: 'application/zip' }], { boundary: 'B', openFile });
  const reader = body.stream().getReader();
  await reader.read();
  await reader.read();
  await reader.cancel();
  assert.is(closed, true);
});

multipartSuite.run();
