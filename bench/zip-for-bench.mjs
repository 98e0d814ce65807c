// A content package with one large incompressible file, zipped with the library's own writer.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A zip with properties.xml, filter.xml and one `size`-byte pseudo-random file below jcr_root. */
export async function createZipArchive(size) {
  const yazl = require('yazl');
  const zip = new yazl.ZipFile();
  const mtime = new Date(Date.UTC(2026, 10, 23));
  const properties = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE properties SYSTEM "http://java.sun.com/dtd/properties.dtd">\n<properties>\n<entry key="group">bench</entry>\n<entry key="name">big</entry>\n<entry key="version">1.0</entry>\n</properties>\n';
  const filter = '<?xml version="1.0" encoding="UTF-8"?>\n<workspaceFilter version="1.0">\n    <filter root="/etc/bench"/>\n</workspaceFilter>\n';
  zip.addBuffer(Buffer.from(properties), 'META-INF/vault/properties.xml', { mtime });
  zip.addBuffer(Buffer.from(filter), 'META-INF/vault/filter.xml', { mtime });
  zip.addBuffer(noise(size), 'jcr_root/etc/bench/blob.bin', { mtime });
  zip.end();
  const chunks = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// xorshift32: deterministic, and DEFLATE cannot shrink it.
function noise(size) {
  const out = Buffer.allocUnsafe(size);
  let x = 2463534242;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
