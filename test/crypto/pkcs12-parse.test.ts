import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { hasTool } from '../helpers/tools.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { DerShapeError, UnsupportedAlgorithmError, WrongPasswordError } from '../../src/crypto/format-errors.ts';
import { parsePkcs12 } from '../../src/crypto/pkcs12-parse.ts';
import { certificateFor, pkcs8Pem, run, runtimeKey } from './fixtures.ts';

// Keystores written by the tools users have: openssl 3 in its modes, JDK 17 keytool (modern and
// legacy defaults) and node-forge. Each is made at run time from one key and certificate.
const key = runtimeKey('third-party');
const certificate = certificateFor(key, { subject: 'CN=third party' });
const keyDer = key.export({ type: 'pkcs8', format: 'der' });

interface Case {
  readonly name: string;
  readonly file: string;
  /** Encryption of the key bag, of the certificate containers, and the MAC. */
  readonly key: string;
  readonly certificates: readonly string[];
  readonly mac: { digest: string; iterations: number } | undefined;
  readonly tool: 'openssl' | 'forge';
  readonly args?: readonly string[];
}

const PBES2_SHA256_AES256 = 'PBES2 (PBKDF2 hmacWithSHA256, aes-256-cbc)';
const DES3 = 'pbeWithSHA1And3-KeyTripleDES-CBC';

const cases: readonly Case[] = [
  { name: 'openssl 3 default', file: 'default.p12', tool: 'openssl', args: [], key: PBES2_SHA256_AES256, certificates: [PBES2_SHA256_AES256], mac: { digest: 'sha256', iterations: 2048 } },
  { name: 'openssl -legacy (RC2-40 certificates)', file: 'legacy.p12', tool: 'openssl', args: ['-legacy'], key: DES3, certificates: ['pbeWithSHA1And40BitRC2-CBC'], mac: { digest: 'sha1', iterations: 2048 } },
  {
    name: "Adobe's page, step 2 (3DES key and certificates)",
    file: 'adobe.p12',
    tool: 'openssl',
    args: ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'],
    key: DES3,
    certificates: [DES3],
    mac: { digest: 'sha1', iterations: 2048 },
  },
  { name: "Adobe's page, step 5 (-noiter -nomaciter)", file: 'noiter.p12', tool: 'openssl', args: ['-legacy', '-noiter', '-nomaciter'], key: DES3, certificates: ['pbeWithSHA1And40BitRC2-CBC'], mac: { digest: 'sha1', iterations: 1 } },
  { name: 'openssl -certpbe NONE (plain certificates)', file: 'plain-certs.p12', tool: 'openssl', args: ['-certpbe', 'NONE'], key: PBES2_SHA256_AES256, certificates: ['none'], mac: { digest: 'sha256', iterations: 2048 } },
  { name: 'openssl -nomac (plain certificates too)', file: 'nomac.p12', tool: 'openssl', args: ['-nomac'], key: PBES2_SHA256_AES256, certificates: ['none'], mac: undefined },
  { name: 'openssl RC2-128 key bag', file: 'rc2.p12', tool: 'openssl', args: ['-legacy', '-keypbe', 'PBE-SHA1-RC2-128'], key: 'pbeWithSHA1And128BitRC2-CBC', certificates: ['pbeWithSHA1And40BitRC2-CBC'], mac: { digest: 'sha1', iterations: 2048 } },
  { name: 'openssl 2-key 3DES key bag', file: '2des.p12', tool: 'openssl', args: ['-legacy', '-keypbe', 'PBE-SHA1-2DES'], key: 'pbeWithSHA1And2-KeyTripleDES-CBC', certificates: ['pbeWithSHA1And40BitRC2-CBC'], mac: { digest: 'sha1', iterations: 2048 } },
  {
    name: 'openssl PBES2 with AES-128 and 3DES',
    file: 'pbes2-mixed.p12',
    tool: 'openssl',
    args: ['-keypbe', 'AES-128-CBC', '-certpbe', 'DES-EDE3-CBC', '-macalg', 'sha512'],
    key: 'PBES2 (PBKDF2 hmacWithSHA256, aes-128-cbc)',
    certificates: ['PBES2 (PBKDF2 hmacWithSHA256, des-ede3-cbc)'],
    mac: { digest: 'sha512', iterations: 2048 },
  },
  { name: 'node-forge aes128', file: 'forge-aes.p12', tool: 'forge', args: ['aes128'], key: 'PBES2 (PBKDF2 hmacWithSHA1, aes-128-cbc)', certificates: ['none'], mac: { digest: 'sha1', iterations: 2048 } },
  { name: 'node-forge 3des', file: 'forge-3des.p12', tool: 'forge', args: ['3des'], key: DES3, certificates: ['none'], mac: { digest: 'sha1', iterations: 2048 } },
];

function makeFiles(dir: string): void {
  writeFileSync(join(dir, 'key.pem'), pkcs8Pem(key));
  writeFileSync(join(dir, 'cert.pem'), certificate.pem);
  for (const c of cases) {
    if (c.tool === 'openssl') {
      const args = ['pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-name', 'Third', '-passout', 'pass:changeit', '-out', c.file, ...(c.args ?? [])];
      const made = run('openssl', args, { cwd: dir });
      assert.is(made.status, 0, made.stderr);
    } else {
      const forgeKey = forge.pki.privateKeyFromPem(pkcs8Pem(key));
      const forgeCert = forge.pki.certificateFromPem(certificate.pem);
      const asn1 = forge.pkcs12.toPkcs12Asn1(forgeKey, forgeCert, 'changeit', { algorithm: c.args?.[0] as 'aes128', friendlyName: 'Third' });
      writeFileSync(join(dir, c.file), Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'latin1'));
    }
  }
}

const parseSuite = suite('parsePkcs12');

parseSuite('reads the keystores openssl 3 and node-forge write, in every mode', () => {
  if (!hasTool('openssl')) return;
  const dir = makeTempDir();
  try {
    makeFiles(dir);
    for (const c of cases) {
      const contents = parsePkcs12(readFileSync(join(dir, c.file)), 'changeit');
      assert.is(contents.keys.length, 1, c.name);
      assert.equal(contents.keys[0]?.decrypt(), keyDer, c.name);
      assert.equal(contents.certificates.map((bag) => bag.der), [certificate.der], c.name);
      assert.is(contents.keys[0]?.friendlyName, 'Third', c.name);
      assert.is(contents.keys[0]?.encryption, c.key, c.name);
      assert.equal(contents.certificateEncryptions, c.certificates, c.name);
      assert.equal(contents.mac, c.mac, c.name);
    }
  } finally {
    removeTempDir(dir);
  }
});

parseSuite('reads what JDK 17 keytool writes, with its modern and its legacy (Java 8) defaults', () => {
  if (!hasTool('keytool')) return;
  const dir = makeTempDir();
  try {
    const generate = ['-genkeypair', '-alias', 'JavaKey', '-keyalg', 'RSA', '-keysize', '2048', '-dname', 'CN=java', '-storetype', 'PKCS12', '-storepass', 'changeit'];
    assert.is(run('keytool', [...generate, '-keystore', 'modern.p12'], { cwd: dir }).status, 0);
    assert.is(run('keytool', ['-J-Dkeystore.pkcs12.legacy', ...generate, '-keystore', 'java8.p12'], { cwd: dir }).status, 0);
    const modern = parsePkcs12(readFileSync(join(dir, 'modern.p12')), 'changeit');
    assert.is(modern.keys[0]?.friendlyName, 'javakey');
    assert.is(modern.keys[0]?.encryption, PBES2_SHA256_AES256);
    assert.equal(modern.certificateEncryptions, [PBES2_SHA256_AES256]);
    assert.equal(modern.mac, { digest: 'sha256', iterations: 10_000 });
    const java8 = parsePkcs12(readFileSync(join(dir, 'java8.p12')), 'changeit');
    assert.is(java8.keys[0]?.encryption, DES3);
    assert.equal(java8.certificateEncryptions, ['pbeWithSHA1And40BitRC2-CBC']);
    assert.equal(java8.mac?.digest, 'sha1');
    assert.is(java8.certificates.length, 1);
  } finally {
    removeTempDir(dir);
  }
});

parseSuite('tells a wrong password (integrity check), an unsupported scheme and a broken file apart', () => {
  if (!hasTool('openssl')) return;
  const dir = makeTempDir();
  try {
    makeFiles(dir);
    const legacy = readFileSync(join(dir, 'legacy.p12'));
    assert.throws(() => parsePkcs12(legacy, 'wrong'), (error: Error) => error instanceof WrongPasswordError && error.part === 'integrity');
    const noMac = readFileSync(join(dir, 'nomac.p12'));
    // Without a MAC the password is first refused by the key, when it is decrypted.
    assert.throws(() => parsePkcs12(noMac, 'wrong').keys[0]?.decrypt(), (error: Error) => error instanceof WrongPasswordError && error.part === 'key');
    const rc4 = run('openssl', ['pkcs12', '-export', '-legacy', '-in', 'cert.pem', '-inkey', 'key.pem', '-keypbe', 'PBE-SHA1-RC4-128', '-passout', 'pass:changeit', '-out', 'rc4.p12'], { cwd: dir });
    assert.is(rc4.status, 0, rc4.stderr);
    assert.throws(() => parsePkcs12(readFileSync(join(dir, 'rc4.p12')), 'changeit').keys[0]?.decrypt(), (error: Error) => error instanceof UnsupportedAlgorithmError && error.message === 'pbeWithSHA1And128BitRC4 is not supported');
    assert.throws(() => parsePkcs12(legacy.subarray(0, legacy.length - 10), 'changeit'), (error: Error) => error instanceof DerShapeError && error.message === 'the file is not valid DER');
    assert.throws(() => parsePkcs12(Buffer.from('3003020103', 'hex'), 'x'), (error: Error) => error instanceof DerShapeError && error.message === 'PFX is malformed');
  } finally {
    removeTempDir(dir);
  }
});

parseSuite.run();
