// What keygen writes, opened by the real consumers: Java's keytool and java.security.KeyStore
// (AEM is Java), Java's PKCS8EncodedKeySpec (the AEM 6.5 add-on's aio.encoded.pkcs8) and openssl.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runBin } from '../helpers/cli.ts';
import { runJava } from '../helpers/java.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { hasTool } from '../helpers/tools.ts';

const PASSWORD = 'Keystore-Pa55word!';
const env = { IOEVENTS_KEYSTORE_PASSWORD: PASSWORD };

let cwd = '';

function tool(name: string, args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(name, args, { cwd, encoding: 'utf8', input, timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const consumers = suite('keygen output in real consumers');

consumers.before(() => {
  cwd = makeTempDir();
  const legacy = runBin(['keygen', '--out', 'legacy', '--subject', 'CN=eventproxy, O=Acme, C=DE', '--days', '400'], { env, cwd });
  assert.is(legacy.code, 0, legacy.stderr);
  const modern = runBin(['keygen', '--out', 'aes256', '--p12-encryption', 'aes256', '--alias', 'author', '--bits', '3072'], { env, cwd });
  assert.is(modern.code, 0, modern.stderr);
});

consumers.after(() => removeTempDir(cwd));

consumers('keytool -list opens both keystores with the password and shows the alias as a PrivateKeyEntry', () => {
  if (!hasTool('keytool')) return;
  for (const [dir, alias] of [['legacy', 'eventproxy'], ['aes256', 'author']] as const) {
    const list = tool('keytool', ['-list', '-keystore', join(dir, 'keystore.p12'), '-storetype', 'PKCS12', '-storepass', PASSWORD]);
    assert.is(list.status, 0, list.stdout + list.stderr);
    assert.match(list.stdout, 'Your keystore contains 1 entry');
    assert.match(list.stdout, new RegExp(`^${alias}, [A-Z][a-z]{2} \\d{1,2}, \\d{4}, PrivateKeyEntry, $`, 'mu'));
    const wrong = tool('keytool', ['-list', '-keystore', join(dir, 'keystore.p12'), '-storetype', 'PKCS12', '-storepass', 'not-the-password']);
    assert.is(wrong.status, 1);
    assert.match(wrong.stdout, 'keystore password was incorrect');
  }
});

consumers('java.security.KeyStore gets the key by alias and password, signs SHA256withRSA, the certificate verifies; PKCS8EncodedKeySpec loads the .b64', () => {
  if (!hasTool('java')) return;
  const args = [
    ...['p12', join(cwd, 'legacy', 'keystore.p12'), 'eventproxy'],
    ...['p12', join(cwd, 'aes256', 'keystore.p12'), 'author'],
    ...['b64', join(cwd, 'legacy', 'private.key.pkcs8.b64'), join(cwd, 'legacy', 'certificate_pub.crt')],
    ...['b64', join(cwd, 'aes256', 'private.key.pkcs8.b64'), join(cwd, 'aes256', 'certificate_pub.crt')],
  ];
  const java = runJava('KeystoreCheck', args, PASSWORD);
  assert.is(java.status, 0, java.stderr);
  assert.is(
    java.stdout,
    [
      `OK p12 ${join(cwd, 'legacy', 'keystore.p12')} aliases=[eventproxy] entry=PrivateKeyEntry chain=1 key=RSA/2048 certSigAlg=SHA256withRSA verified=true`,
      `OK p12 ${join(cwd, 'aes256', 'keystore.p12')} aliases=[author] entry=PrivateKeyEntry chain=1 key=RSA/3072 certSigAlg=SHA256withRSA verified=true`,
      `OK b64 ${join(cwd, 'legacy', 'private.key.pkcs8.b64')} key=RSA/2048 certSigAlg=SHA256withRSA verified=true`,
      `OK b64 ${join(cwd, 'aes256', 'private.key.pkcs8.b64')} key=RSA/3072 certSigAlg=SHA256withRSA verified=true`,
      '',
    ].join('\n'),
  );
});

consumers('openssl pkcs12 reads both encryptions and shows 3DES for legacy', () => {
  if (!hasTool('openssl')) return;
  const info = (dir: string) => tool('openssl', ['pkcs12', '-in', join(dir, 'keystore.p12'), '-info', '-noout', '-passin', `pass:${PASSWORD}`]);
  const legacy = info('legacy');
  assert.is(legacy.status, 0, legacy.stderr);
  assert.match(legacy.stderr, 'MAC: sha1, Iteration 2048');
  assert.match(legacy.stderr, 'Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048');
  assert.match(legacy.stderr, 'PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048');
  const modern = info('aes256');
  assert.is(modern.status, 0, modern.stderr);
  assert.match(modern.stderr, 'MAC: sha256, Iteration 10000');
  assert.match(modern.stderr, 'Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 10000, PRF hmacWithSHA256');
  // The key openssl extracts is the key in private.key.
  for (const dir of ['legacy', 'aes256']) {
    const fromStore = tool('openssl', ['pkcs12', '-in', join(dir, 'keystore.p12'), '-nocerts', '-nodes', '-passin', `pass:${PASSWORD}`]);
    const fromStoreModulus = tool('openssl', ['rsa', '-noout', '-modulus'], fromStore.stdout);
    const key = tool('openssl', ['rsa', '-in', join(dir, 'private.key'), '-noout', '-modulus']);
    assert.match(key.stdout, /^Modulus=[0-9A-F]{512,768}\n$/u);
    assert.is(fromStoreModulus.stdout, key.stdout, dir);
  }
});

consumers('openssl x509 shows the subject, the dates and sha256WithRSAEncryption', () => {
  if (!hasTool('openssl')) return;
  const x509 = tool('openssl', ['x509', '-in', join('legacy', 'certificate_pub.crt'), '-noout', '-subject', '-issuer', '-dates', '-text']);
  assert.is(x509.status, 0, x509.stderr);
  assert.match(x509.stdout, /^subject=C = DE, O = Acme, CN = eventproxy$/mu);
  assert.match(x509.stdout, /^issuer=C = DE, O = Acme, CN = eventproxy$/mu);
  const notBefore = /^notBefore=(.+)$/mu.exec(x509.stdout)?.[1] as string;
  const notAfter = /^notAfter=(.+)$/mu.exec(x509.stdout)?.[1] as string;
  assert.is((Date.parse(notAfter) - Date.parse(notBefore)) / 86_400_000, 400);
  assert.ok(Math.abs(Date.parse(notBefore) - Date.now()) < 600_000, notBefore);
  assert.match(x509.stdout, '    Signature Algorithm: sha256WithRSAEncryption');
  const pem = tool('openssl', ['pkey', '-in', join('legacy', 'private.key'), '-noout', '-text']);
  assert.match(pem.stdout, 'Private-Key: (2048 bit, 2 primes)');
});

consumers.run();
