/**
 * Reads the PEM key and certificate that users bring (Adobe's `private.key` and
 * `certificate_pub.crt`, or one file with both) and checks that they belong together and that
 * the key is strong enough. The certificate's dates are checked by `checkCertificate`, which
 * needs the clock.
 */
import type { KeyObject, X509Certificate } from 'node:crypto';
import { InputError } from '../errors.ts';
import { readUserFile } from '../fs/read-user-file.ts';
import { checkKeyPair } from './key-checks.ts';
import { parseCertificatesPem, parsePrivateKeyPem, toPkcs8Pem } from './pem.ts';

/** Options of {@link readPemKeyPair}. */
export interface ReadPemKeyPairOptions {
  /** The PEM private key (PKCS#1 or PKCS#8, possibly encrypted). */
  readonly keyFile: string;
  /** The PEM certificate; @default the key file (a file holding both). */
  readonly certificateFile?: string;
  /** The passphrase of an encrypted key. */
  readonly passphrase?: string;
}

/** A key with its certificate (and chain). */
export interface PemKeyPair {
  readonly privateKey: KeyObject;
  /** PKCS#8 PEM, unencrypted: a secret. */
  readonly privateKeyPem: string;
  readonly certificate: X509Certificate;
  /** The certificates of the certificate file, the key's own first. */
  readonly chain: readonly X509Certificate[];
}

/** Reads and checks a PEM key and certificate; throws `InputError` naming the file and the problem. */
export async function readPemKeyPair(options: ReadPemKeyPairOptions): Promise<PemKeyPair> {
  const { keyFile, certificateFile = keyFile, passphrase } = options;
  const privateKey = parsePrivateKeyPem(await readText(keyFile, 'the private key'), { label: keyFile, passphrase });
  const chain = parseCertificatesPem(await readText(certificateFile, 'the certificate'), { label: certificateFile });
  const certificate = chain[0] as X509Certificate;
  checkKeyPair({ privateKey, certificate }, { label: certificateFile === keyFile ? keyFile : `${keyFile} and ${certificateFile}` });
  return { privateKey, privateKeyPem: toPkcs8Pem(privateKey), certificate, chain };
}

async function readText(file: string, what: string): Promise<string> {
  const bytes = await readUserFile(file, {
    name: `${what} ${file}`,
    kind: 'key',
    code: 'E_KEY_FILE',
    describeError: (error) => new InputError(`${file}: ${error.code === 'ENOENT' ? 'the file does not exist' : `it cannot be read (${error.code ?? 'error'})`}`, { code: 'E_KEY_FILE', cause: error }),
  });
  return bytes.toString('utf8');
}
