import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasTool } from '../helpers/tools.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { isEncryptedKeyBlock, parseCertificatesPem, parsePemBlocks, parsePrivateKeyPem, toPkcs8Pem } from '../../src/crypto/pem.ts';
import { readPemKeyPair } from '../../src/crypto/key-files.ts';
import { certificateFor, FIXTURE_KEY, inputFailureAsync, pkcs8Pem, run, runtimeKey } from './fixtures.ts';

const pkcs8 = pkcs8Pem(FIXTURE_KEY);
const pkcs1 = FIXTURE_KEY.export({ type: 'pkcs1', format: 'pem' }) as string;
const encryptedPkcs8 = FIXTURE_KEY.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame' }) as string;
const encryptedPkcs1 = FIXTURE_KEY.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame' }) as string;
const certificate = certificateFor(FIXTURE_KEY);

const blocksSuite = suite('parsePemBlocks');

blocksSuite('finds each block with its label, in order, ignoring text around them', () => {
  const blocks = parsePemBlocks(`Bag Attributes\n${pkcs1}subject=CN = x\n${certificate.pem}`);
  assert.equal(blocks.map((block) => block.label), ['RSA PRIVATE KEY', 'CERTIFICATE']);
  assert.is(`${blocks[1]?.text}\n`, certificate.pem);
});

blocksSuite('tells encrypted keys (PKCS#8 and PKCS#1 Proc-Type) from plain ones', () => {
  const encrypted = (text: string) => isEncryptedKeyBlock(parsePemBlocks(text)[0] as never);
  assert.equal([pkcs8, pkcs1, encryptedPkcs8, encryptedPkcs1].map(encrypted), [false, false, true, true]);
});

blocksSuite.run();

// ---

const keySuite = suite('parsePrivateKeyPem');

keySuite('reads PKCS#8 and PKCS#1, plain and (with the passphrase) encrypted', () => {
  const expected = FIXTURE_KEY.export({ type: 'pkcs8', format: 'der' });
  for (const [text, passphrase] of [[pkcs8], [pkcs1], [encryptedPkcs8, 'open sesame'], [encryptedPkcs1, 'open sesame']] as const) {
    const key = parsePrivateKeyPem(text, { label: 'private.key', passphrase });
    assert.equal(key.export({ type: 'pkcs8', format: 'der' }), expected);
  }
});

keySuite('an encrypted key without its passphrase: says to give it, or how to decrypt once', async () => {
  for (const text of [encryptedPkcs8, encryptedPkcs1]) {
    assert.equal(await inputFailureAsync(() => parsePrivateKeyPem(text, { label: 'keys/private.key' })), {
      code: 'E_KEY_PASSPHRASE',
      message: 'keys/private.key is an encrypted private key and needs its passphrase; give the passphrase, or decrypt the key once (openssl pkey -in keys/private.key -out private.key) and keep the result secret',
    });
  }
});

keySuite('a wrong passphrase', async () => {
  assert.equal(await inputFailureAsync(() => parsePrivateKeyPem(encryptedPkcs8, { label: 'private.key', passphrase: 'wrong' })), {
    code: 'E_KEY_PASSPHRASE',
    message: 'private.key: the passphrase does not decrypt the private key (wrong passphrase?)',
  });
});

keySuite('no key, and a damaged key, without showing the contents', async () => {
  assert.equal(await inputFailureAsync(() => parsePrivateKeyPem(certificate.pem, { label: 'certificate_pub.crt' })), {
    code: 'E_KEY_FORMAT',
    message: 'certificate_pub.crt holds no PEM private key (a "BEGIN PRIVATE KEY" or "BEGIN RSA PRIVATE KEY" block)',
  });
  const damaged = pkcs8.replace(/\n[A-Za-z0-9+/]{10}/u, '\nAAAAAAAAAA');
  assert.equal(await inputFailureAsync(() => parsePrivateKeyPem(damaged, { label: 'private.key' })), {
    code: 'E_KEY_FORMAT',
    message: 'private.key: the PRIVATE KEY block is not a readable private key',
  });
});

keySuite('reads a key openssl encrypted in the traditional (PKCS#1) form', () => {
  if (!hasTool('openssl')) return;
  const made = run('openssl', ['genrsa', '-aes256', '-traditional', '-passout', 'pass:open sesame', '2048']);
  assert.is(made.status, 0, made.stderr);
  assert.match(made.stdout, 'Proc-Type: 4,ENCRYPTED');
  assert.is(parsePrivateKeyPem(made.stdout, { label: 'k', passphrase: 'open sesame' }).asymmetricKeyDetails?.modulusLength, 2048);
});

keySuite.run();

// ---

const certificatesSuite = suite('parseCertificatesPem');

certificatesSuite('reads every certificate of a chain file, and refuses a file without one', async () => {
  const other = certificateFor(runtimeKey('other'), { subject: 'CN=other' });
  const chain = parseCertificatesPem(`${certificate.pem}${other.pem}`, { label: 'chain.pem' });
  assert.equal(chain.map((x509) => x509.subject), ['CN=test', 'CN=other']);
  assert.equal(await inputFailureAsync(() => parseCertificatesPem(pkcs8, { label: 'private.key' })), {
    code: 'E_CERT_FORMAT',
    message: 'private.key holds no PEM certificate (-----BEGIN CERTIFICATE-----)',
  });
});

certificatesSuite.run();

// ---

const toPkcs8Suite = suite('toPkcs8Pem');

toPkcs8Suite('writes the unencrypted PKCS#8 form of private.key', () => {
  assert.is(toPkcs8Pem(FIXTURE_KEY), readFileSync(new URL('../../fixtures/keys/throwaway-rsa2048.key', import.meta.url), 'utf8'));
});

toPkcs8Suite.run();

// ---

const readPairSuite = suite('readPemKeyPair');

readPairSuite('reads a key and certificate file, or one file with both (Adobe\'s private-key-crt)', async () => {
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'private.key'), encryptedPkcs1);
    writeFileSync(join(dir, 'certificate_pub.crt'), certificate.pem);
    writeFileSync(join(dir, 'private-key-crt'), `${pkcs1}${certificate.pem}`);
    const pair = await readPemKeyPair({ keyFile: join(dir, 'private.key'), certificateFile: join(dir, 'certificate_pub.crt'), passphrase: 'open sesame' });
    assert.is(pair.privateKeyPem, pkcs8);
    assert.is(pair.certificate.fingerprint256, certificate.x509.fingerprint256);
    assert.is(pair.chain.length, 1);
    assert.is((await readPemKeyPair({ keyFile: join(dir, 'private-key-crt') })).privateKeyPem, pkcs8);
  } finally {
    removeTempDir(dir);
  }
});

readPairSuite('a missing file, and a key that does not match the certificate', async () => {
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'private.key'), pkcs8Pem(runtimeKey('other')));
    writeFileSync(join(dir, 'certificate_pub.crt'), certificate.pem);
    assert.equal(await inputFailureAsync(() => readPemKeyPair({ keyFile: join(dir, 'nope.key') })), { code: 'E_KEY_FILE', message: `${join(dir, 'nope.key')}: the file does not exist` });
    const mismatch = await inputFailureAsync(() => readPemKeyPair({ keyFile: join(dir, 'private.key'), certificateFile: join(dir, 'certificate_pub.crt') }));
    assert.is(mismatch.code, 'E_KEY_MISMATCH');
    assert.is(mismatch.message.startsWith(`${join(dir, 'private.key')} and ${join(dir, 'certificate_pub.crt')}: the private key does not belong`), true);
  } finally {
    removeTempDir(dir);
  }
});

readPairSuite.run();
