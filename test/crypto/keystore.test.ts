import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJava } from '../helpers/java.ts';
import { hasTool } from '../helpers/tools.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { readPkcs12Keystore, type ReadPkcs12KeystoreOptions } from '../../src/crypto/keystore.ts';
import { createPkcs12Keystore, preparePkcs12Protection } from '../../src/crypto/pkcs12.ts';
import { certificateFor, FIXTURE_KEY, fixedRandom, inputFailure, pkcs8Pem, run, runtimeKey } from './fixtures.ts';

const certificate = certificateFor(FIXTURE_KEY, { subject: 'CN=eventproxy' });
const keyDer = FIXTURE_KEY.export({ type: 'pkcs8', format: 'der' });

function ours(options: { alias?: string; keyDer?: Buffer; certificateDers?: Buffer[]; password?: string } = {}): Buffer {
  const protection = preparePkcs12Protection({ password: options.password ?? 'changeit', randomBytes: fixedRandom('keystore') });
  return createPkcs12Keystore({ privateKeyDer: options.keyDer ?? keyDer, certificateDers: options.certificateDers ?? [certificate.der], alias: options.alias ?? 'eventproxy', protection });
}

/** The InputError that opening the keystore throws: its code and message. */
const keystoreFailure = (options: ReadPkcs12KeystoreOptions) => inputFailure(() => readPkcs12Keystore(options));

const readSuite = suite('readPkcs12Keystore');

readSuite('returns the key entry: alias, key, certificate, chain, entries and protection', () => {
  const entry = readPkcs12Keystore({ bytes: ours(), password: 'changeit', alias: 'eventproxy' });
  assert.is(entry.alias, 'eventproxy');
  assert.is(entry.privateKeyPem, pkcs8Pem(FIXTURE_KEY));
  assert.is(entry.certificatePem, certificate.pem);
  assert.equal(entry.chain, [certificate.pem]);
  assert.is(entry.certificate.fingerprint256, certificate.x509.fingerprint256);
  assert.equal(entry.aliases, [{ alias: 'eventproxy', kind: 'key' }]);
  assert.equal(entry.protection, { key: 'pbeWithSHA1And3-KeyTripleDES-CBC', certificates: ['pbeWithSHA1And3-KeyTripleDES-CBC'], mac: 'sha1' });
});

readSuite('looks aliases up without regard to case and reports them lower-cased, as Java does', () => {
  const entry = readPkcs12Keystore({ bytes: ours({ alias: 'EventProxy' }), password: 'changeit', alias: 'EVENTPROXY' });
  assert.is(entry.alias, 'eventproxy');
  assert.equal(entry.aliases, [{ alias: 'eventproxy', kind: 'key' }]);
});

readSuite('reads the file it is given, and says when it does not exist', () => {
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'store.p12'), ours());
    assert.is(readPkcs12Keystore({ file: join(dir, 'store.p12'), password: 'changeit', alias: 'eventproxy' }).alias, 'eventproxy');
    assert.equal(keystoreFailure({ file: join(dir, 'missing.p12'), password: 'changeit', alias: 'eventproxy' }), {
      code: 'E_KEYSTORE_FILE',
      message: `keystore ${join(dir, 'missing.p12')}: the file does not exist`,
    });
  } finally {
    removeTempDir(dir);
  }
});

readSuite('a wrong password: says so without naming it', () => {
  const result = keystoreFailure({ bytes: ours(), password: 'wrong-password', alias: 'eventproxy', label: 'keystore.file keys/keystore.p12' });
  assert.equal(result, {
    code: 'E_KEYSTORE_PASSWORD',
    message: "keystore.file keys/keystore.p12: the keystore password is wrong (the keystore's integrity check failed); keystore.password (or IOEVENTS_KEYSTORE_PASSWORD, which the configuration usually reads it from) must be the password the keystore was exported with",
  });
});

readSuite('a password Java cannot use is refused before the file is read', () => {
  assert.equal(keystoreFailure({ bytes: Buffer.alloc(0), password: 'pässwort', alias: 'eventproxy' }), {
    code: 'E_KEYSTORE_PASSWORD',
    message: "keystore: the keystore password contains a character outside printable ASCII; Java's PKCS#12 keystore (AEM) cannot open it with such a password: use letters, digits and ASCII punctuation",
  });
  assert.is(keystoreFailure({ bytes: Buffer.alloc(0), password: '', alias: 'eventproxy' }).message, 'keystore: the keystore password is empty; AEM needs a non-empty keystore password');
});

readSuite('a key protected by another password than the store: AEM needs one password', () => {
  const store = preparePkcs12Protection({ password: 'changeit', randomBytes: fixedRandom('a') });
  const other = preparePkcs12Protection({ password: 'different', randomBytes: fixedRandom('b') });
  const bytes = createPkcs12Keystore({ privateKeyDer: keyDer, certificateDers: [certificate.der], alias: 'eventproxy', protection: { ...store, key: other.key } });
  assert.equal(keystoreFailure({ bytes, password: 'changeit', alias: 'eventproxy' }), {
    code: 'E_KEY_PASSWORD',
    message: "keystore: the key entry 'eventproxy' is protected by a password other than the keystore's; AEM needs one password for both: export the keystore again with the same password for the key and the store",
  });
  const certs = createPkcs12Keystore({ privateKeyDer: keyDer, certificateDers: [certificate.der], alias: 'eventproxy', protection: { ...store, certificates: other.certificates } });
  assert.match(keystoreFailure({ bytes: certs, password: 'changeit', alias: 'eventproxy' }).message, 'keystore: the certificates are protected by a password other than');
});

readSuite('a missing alias: lists the entries the keystore holds', () => {
  assert.equal(keystoreFailure({ bytes: ours({ alias: 'author' }), password: 'changeit', alias: 'eventproxy' }), {
    code: 'E_KEYSTORE_ALIAS',
    message: "keystore: there is no entry 'eventproxy'; it holds 'author' (key entry). Set keystore.alias to the key entry's name, or re-export the keystore with -name eventproxy",
  });
});

readSuite('a key that does not belong to its certificate', () => {
  const other = certificateFor(runtimeKey('other'), { subject: 'CN=other' });
  assert.equal(keystoreFailure({ bytes: ours({ certificateDers: [other.der] }), password: 'changeit', alias: 'eventproxy' }), {
    code: 'E_KEY_MISMATCH',
    message: "keystore, entry 'eventproxy': the private key does not belong to the certificate (their public keys differ); use the key and the certificate that were made together, or the keystore entry that holds both",
  });
});

readSuite('an RSA key shorter than 2048 bits', () => {
  const weak = runtimeKey('rsa1024', 'rsa', 1024);
  const bytes = ours({ keyDer: weak.export({ type: 'pkcs8', format: 'der' }), certificateDers: [certificateFor(weak).der] });
  assert.equal(keystoreFailure({ bytes, password: 'changeit', alias: 'eventproxy' }), {
    code: 'E_KEY_SIZE',
    message: "keystore, entry 'eventproxy': the RSA key has 1024 bits; 2048 or more are needed: make a new key with aem-ioevents keygen",
  });
});

readSuite('files that are not PKCS#12: empty, PEM, truncated', () => {
  const read = (bytes: Buffer) => keystoreFailure({ bytes, password: 'changeit', alias: 'eventproxy' });
  assert.equal(read(Buffer.alloc(0)), { code: 'E_KEYSTORE_FORMAT', message: 'keystore: the file is empty' });
  assert.equal(read(Buffer.from(certificate.pem)), {
    code: 'E_KEYSTORE_FORMAT',
    message: 'keystore: is a PEM text file, not a PKCS#12 keystore; make one from the key and the certificate (openssl pkcs12 -export -legacy -inkey private.key -in certificate_pub.crt -name eventproxy)',
  });
  assert.equal(read(ours().subarray(0, 100)), { code: 'E_KEYSTORE_FORMAT', message: 'keystore: is not a readable PKCS#12 keystore (the file is not valid DER)' });
});

readSuite.run();

// ---

const toolsSuite = suite('readPkcs12Keystore on keystores made by openssl and keytool');

toolsSuite('a key without its certificate, a CA chain, an upper-case -name and an unsupported cipher (openssl)', () => {
  if (!hasTool('openssl')) return;
  const dir = makeTempDir();
  try {
    const ca = runtimeKey('ca');
    writeFileSync(join(dir, 'ca.key'), pkcs8Pem(ca));
    writeFileSync(join(dir, 'ca.crt'), certificateFor(ca, { subject: 'CN=Test CA' }).pem);
    writeFileSync(join(dir, 'leaf.key'), pkcs8Pem(FIXTURE_KEY));
    const csr = run('openssl', ['req', '-new', '-key', 'leaf.key', '-subj', '/CN=leaf', '-out', 'leaf.csr'], { cwd: dir });
    assert.is(csr.status, 0, csr.stderr);
    const signed = run('openssl', ['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', '7', '-days', '30', '-out', 'leaf.crt'], { cwd: dir });
    assert.is(signed.status, 0, signed.stderr);
    const p12 = (out: string, ...args: string[]) => {
      const made = run('openssl', ['pkcs12', '-export', '-inkey', 'leaf.key', '-passout', 'pass:changeit', '-out', out, ...args], { cwd: dir });
      assert.is(made.status, 0, made.stderr);
      return readFileSync(join(dir, out));
    };
    const chain = readPkcs12Keystore({ bytes: p12('chain.p12', '-in', 'leaf.crt', '-certfile', 'ca.crt', '-name', 'EventProxy'), password: 'changeit', alias: 'eventproxy' });
    assert.is(chain.alias, 'eventproxy');
    assert.equal(chain.chain, [readFileSync(join(dir, 'leaf.crt'), 'utf8'), readFileSync(join(dir, 'ca.crt'), 'utf8')]);
    const keyOnly = keystoreFailure({ bytes: p12('nocert.p12', '-nocerts', '-name', 'eventproxy'), password: 'changeit', alias: 'eventproxy' });
    assert.equal(keyOnly, {
      code: 'E_KEYSTORE_ENTRY',
      message: "keystore: the key entry 'eventproxy' has no certificate; AEM needs the key with its certificate: export both (openssl pkcs12 -export -inkey private.key -in certificate_pub.crt -name eventproxy)",
    });
    const rc4 = keystoreFailure({ bytes: p12('rc4.p12', '-legacy', '-in', 'leaf.crt', '-name', 'eventproxy', '-keypbe', 'PBE-SHA1-RC4-128'), password: 'changeit', alias: 'eventproxy' });
    assert.equal(rc4, {
      code: 'E_KEYSTORE_ALGORITHM',
      message: 'keystore: pbeWithSHA1And128BitRC4 is not supported; export the keystore again with algorithms Java reads (openssl pkcs12 -export -legacy, or aem-ioevents keygen)',
    });
  } finally {
    removeTempDir(dir);
  }
});

toolsSuite('a certificate entry under the alias, the entry list, and a JKS keystore (keytool)', () => {
  if (!hasTool('keytool')) return;
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'root.crt'), certificateFor(runtimeKey('root'), { subject: 'CN=root' }).pem);
    const keytool = (...args: string[]) => assert.is(run('keytool', args, { cwd: dir }).status, 0, args.join(' '));
    const common = ['-storepass', 'changeit', '-noprompt'];
    keytool('-genkeypair', '-alias', 'author', '-keyalg', 'RSA', '-keysize', '2048', '-dname', 'CN=author', '-storetype', 'PKCS12', '-keystore', 'store.p12', ...common);
    keytool('-importcert', '-alias', 'EventProxy', '-file', 'root.crt', '-storetype', 'PKCS12', '-keystore', 'store.p12', ...common);
    keytool('-genkeypair', '-alias', 'jks', '-keyalg', 'RSA', '-keysize', '2048', '-dname', 'CN=jks', '-storetype', 'JKS', '-keystore', 'store.jks', ...common);
    const bytes = readFileSync(join(dir, 'store.p12'));
    assert.equal(keystoreFailure({ bytes, password: 'changeit', alias: 'eventproxy' }), {
      code: 'E_KEYSTORE_ENTRY',
      message: "keystore: 'eventproxy' is a certificate entry without a private key; AEM needs a key entry (PrivateKeyEntry): put the key and its certificate in the keystore (openssl pkcs12 -export -inkey private.key -in certificate_pub.crt -name eventproxy, or aem-ioevents keygen)",
    });
    assert.is(keystoreFailure({ bytes, password: 'changeit', alias: 'missing' }).message, "keystore: there is no entry 'missing'; it holds 'author' (key entry), 'eventproxy' (certificate entry). Set keystore.alias to the key entry's name, or re-export the keystore with -name missing");
    assert.is(readPkcs12Keystore({ bytes, password: 'changeit', alias: 'author' }).protection.mac, 'sha256');
    assert.equal(keystoreFailure({ bytes: readFileSync(join(dir, 'store.jks')), password: 'changeit', alias: 'jks' }), {
      code: 'E_KEYSTORE_FORMAT',
      message: 'keystore: is a Java JKS keystore, not PKCS#12; convert it: keytool -importkeystore -srckeystore <file> -srcstoretype JKS -destkeystore keystore.p12 -deststoretype PKCS12',
    });
  } finally {
    removeTempDir(dir);
  }
});

toolsSuite('another entry under its own key password: the wanted entry opens, as with Java getKey; that entry is refused by name (Java KeyStore API)', () => {
  if (!hasTool('java')) return;
  const dir = makeTempDir();
  try {
    const author = runtimeKey('author');
    writeFileSync(join(dir, 'author.key'), pkcs8Pem(author));
    writeFileSync(join(dir, 'author.crt'), certificateFor(author, { subject: 'CN=author' }).pem);
    writeFileSync(join(dir, 'eventproxy.key'), pkcs8Pem(FIXTURE_KEY));
    writeFileSync(join(dir, 'eventproxy.crt'), certificate.pem);
    const out = join(dir, 'store.p12');
    const made = runJava('KeystoreMake', [out, 'author', join(dir, 'author.key'), join(dir, 'author.crt'), 'different', 'eventproxy', join(dir, 'eventproxy.key'), join(dir, 'eventproxy.crt'), 'changeit'], 'changeit');
    assert.is(made.stdout, `OK ${out}\n`, made.stderr);
    const bytes = readFileSync(out);
    const entry = readPkcs12Keystore({ bytes, password: 'changeit', alias: 'eventproxy' });
    assert.is(entry.privateKeyPem, pkcs8Pem(FIXTURE_KEY));
    assert.equal(entry.aliases, [{ alias: 'author', kind: 'key' }, { alias: 'eventproxy', kind: 'key' }]);
    assert.equal(keystoreFailure({ bytes, password: 'changeit', alias: 'author' }), {
      code: 'E_KEY_PASSWORD',
      message: "keystore: the key entry 'author' is protected by a password other than the keystore's; AEM needs one password for both: export the keystore again with the same password for the key and the store",
    });
  } finally {
    removeTempDir(dir);
  }
});

/** `openssl pkcs12 -export` of the fixture key and certificate under the alias eventproxy, with `args`: the keystore's bytes. */
function exportFixture(dir: string, ...args: string[]): Buffer {
  writeFileSync(join(dir, 'private.key'), pkcs8Pem(FIXTURE_KEY));
  writeFileSync(join(dir, 'certificate_pub.crt'), certificate.pem);
  const made = run('openssl', ['pkcs12', '-export', '-inkey', 'private.key', '-in', 'certificate_pub.crt', '-name', 'eventproxy', '-passout', 'pass:changeit', '-out', 'out.p12', ...args], { cwd: dir });
  assert.is(made.status, 0, made.stderr);
  return readFileSync(join(dir, 'out.p12'));
}

toolsSuite('an unencrypted key (openssl -keypbe NONE), which Java does not see: refused, saying how to export it', () => {
  if (!hasTool('openssl')) return;
  const dir = makeTempDir();
  try {
    assert.equal(keystoreFailure({ bytes: exportFixture(dir, '-keypbe', 'NONE'), password: 'changeit', alias: 'eventproxy' }), {
      code: 'E_KEYSTORE_ENTRY',
      message: "keystore: the key entry 'eventproxy' is not encrypted (a PKCS#12 keyBag, as openssl pkcs12 -export -keypbe NONE writes it), and Java's PKCS#12 keystore (AEM) does not see such a key: export the keystore again with an encrypted key (openssl pkcs12 -export -legacy -inkey private.key -in certificate_pub.crt -name eventproxy)",
    });
  } finally {
    removeTempDir(dir);
  }
});

toolsSuite('a keystore without integrity check (openssl -nomac) and a wrong password: says the password may be wrong', () => {
  if (!hasTool('openssl')) return;
  const dir = makeTempDir();
  try {
    const bytes = exportFixture(dir, '-nomac');
    assert.is(readPkcs12Keystore({ bytes, password: 'changeit', alias: 'eventproxy' }).protection.mac, undefined);
    assert.equal(keystoreFailure({ bytes, password: 'wrong-password', alias: 'eventproxy' }), {
      code: 'E_KEYSTORE_PASSWORD',
      message: "keystore: the keystore password does not open the key entry 'eventproxy' (the keystore has no integrity check that would tell a wrong password first); keystore.password (or IOEVENTS_KEYSTORE_PASSWORD, which the configuration usually reads it from) must be the password the keystore was exported with, for the store and the key alike",
    });
  } finally {
    removeTempDir(dir);
  }
});

toolsSuite.run();
