// The package's SHA-256 from the upload's own read (issue 14, point 1): the zip is not read a
// second time for it, and the digest is right whatever happens to the uploads.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { createUploadDigest } from '../../src/deploy/upload-digest.ts';
import type { OpenFile } from '../../src/deploy/multipart.ts';

const FILE = '/packages/pkg.zip';
const CHUNKS = ['PK\u0003\u0004', 'content', 'central directory'].map((text) => new TextEncoder().encode(text));
const SHA256 = createHash('sha256').update(Buffer.concat(CHUNKS)).digest('hex');

// A reader of FILE that counts its opens.
// With `changing`, every open after the first reads other bytes (as if the file changed).
function countingReader(changing = false): { openFile: OpenFile; opens: string[] } {
  const opens: string[] = [];
  const openFile: OpenFile = (path) => {
    opens.push(path);
    const flip = changing && opens.length > 1;
    return (async function* () {
      for (const chunk of CHUNKS) yield flip ? chunk.map((byte) => byte ^ 1) : chunk;
    })();
  };
  return { openFile, opens };
}

async function readAll(chunks: AsyncIterable<Uint8Array>, stopAfter = Infinity): Promise<number> {
  let count = 0;
  for await (const _chunk of chunks) if (++count >= stopAfter) break;
  return count;
}

const test = suite('createUploadDigest');

test('the first read that reaches the end gives the digest: the file is not read again for it', async () => {
  const reader = countingReader();
  const digest = createUploadDigest(FILE, reader.openFile);
  assert.is(await readAll(digest.openFile(FILE)), 3);
  assert.is(await digest.sha256(), SHA256);
  assert.equal(reader.opens, [FILE]);
});

test('a read stopped early hashes nothing: the next full read, or a read of its own, gives the digest', async () => {
  const reader = countingReader();
  const digest = createUploadDigest(FILE, reader.openFile);
  await readAll(digest.openFile(FILE), 1);
  assert.is(await digest.sha256(), SHA256);
  assert.equal(reader.opens, [FILE, FILE]);
});

test('reads side by side (several targets): the first opened is hashed, the others pass through; no read of its own', async () => {
  const reader = countingReader(true);
  const digest = createUploadDigest(FILE, reader.openFile);
  const first = digest.openFile(FILE);
  // Other bytes: hashed too, they would give another digest.
  const second = digest.openFile(FILE);
  await Promise.all([readAll(first), readAll(second)]);
  assert.is(await digest.sha256(), SHA256);
  assert.equal(reader.opens, [FILE, FILE]);
});

test('without any upload (a dry run) the file is read once, for the digest', async () => {
  const reader = countingReader();
  const digest = createUploadDigest(FILE, reader.openFile);
  assert.is(await digest.sha256(), SHA256);
  assert.is(await digest.sha256(), SHA256);
  assert.equal(reader.opens, [FILE]);
});

test('another file (none is uploaded besides the package) is read as is, not hashed', async () => {
  const reader = countingReader();
  const digest = createUploadDigest(FILE, reader.openFile);
  await readAll(digest.openFile('/elsewhere.zip'));
  assert.is(await digest.sha256(), SHA256);
  assert.equal(reader.opens, ['/elsewhere.zip', FILE]);
});

test.run();
