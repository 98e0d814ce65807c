// The floor of any Node uploader on this machine, for deploy.bench.mjs: the least a Node process
// can do to send a package as `curl -F file=@…` does (one multipart POST, the file read in the
// 1 MiB chunks deploy reads, written with backpressure, the answer read). No CLI, no check, no
// probe. `--sha256` adds what deploy reports (the SHA-256 of the bytes sent); `--crc32` adds a
// CRC-32 of every byte sent, the least a check made while uploading would cost (deploy inflates
// each entry first). Usage: node upload-floor.cjs FILE URL [--sha256] [--crc32]
'use strict';
const { createReadStream, statSync } = require('node:fs');
const { request } = require('node:http');

const [file, url, ...flags] = process.argv.slice(2);
const hash = flags.includes('--sha256') ? require('node:crypto').createHash('sha256') : undefined;
const crc32 = flags.includes('--crc32') ? require('node:zlib').crc32 : undefined;
const boundary = 'aem-ioevents-bench-floor';
const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="package.zip"\r\nContent-Type: application/zip\r\n\r\n`);
const tail = Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="install"\r\n\r\ntrue\r\n--${boundary}--\r\n`);
const size = statSync(file).size;
const authorization = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
const headers = { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + size + tail.length, authorization };

const outgoing = request(url, { method: 'POST', headers }, (incoming) => {
  incoming.resume();
  incoming.on('end', () => {
    if (incoming.statusCode !== 200) process.exit(1);
    if (hash) hash.digest('hex');
  });
});
outgoing.on('error', (error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});

(async () => {
  outgoing.write(head);
  let crc = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash?.update(chunk);
    if (crc32) crc = crc32(chunk, crc);
    if (!outgoing.write(chunk)) await new Promise((resolve) => outgoing.once('drain', resolve));
  }
  outgoing.end(tail);
})();
