/**
 * PEM keys and certificates that users bring: the `private.key` and `certificate_pub.crt` of
 * Adobe's openssl steps, or one file with both (`private-key-crt`; AdobeDocs/adobeio-events
 * `aem/aem_keystore_setup.md`).
 *
 * | block                                         | form                              |
 * | --------------------------------------------- | --------------------------------- |
 * | `PRIVATE KEY`                                 | PKCS#8                            |
 * | `RSA PRIVATE KEY`                             | PKCS#1 (openssl 1.x `genrsa`)     |
 * | `RSA PRIVATE KEY` with `Proc-Type: 4,ENCRYPTED` | PKCS#1, encrypted (needs passphrase) |
 * | `ENCRYPTED PRIVATE KEY`                       | PKCS#8, encrypted (needs passphrase) |
 * | `CERTIFICATE`                                 | X.509                             |
 *
 * Messages name the file, never its contents.
 */
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { InputError } from '../errors.ts';

/** One `-----BEGIN X-----` … `-----END X-----` block. */
export interface PemBlock {
  readonly label: string;
  /** The block's full text, headers included. */
  readonly text: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/gu;

/** The PEM blocks of a text, in order. */
export function parsePemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(BLOCK)].map((match) => ({ label: match[1] as string, text: match[0] }));
}

/** True when a PEM private key is encrypted (PKCS#8 `ENCRYPTED PRIVATE KEY` or PKCS#1 `Proc-Type: 4,ENCRYPTED`). */
export function isEncryptedKeyBlock(block: PemBlock): boolean {
  return block.label === 'ENCRYPTED PRIVATE KEY' || /^Proc-Type: *4, *ENCRYPTED/mu.test(block.text);
}

/** Options of {@link parsePrivateKeyPem}. */
export interface PrivateKeyPemOptions {
  /** Names the file in messages. */
  readonly label: string;
  /** The passphrase of an encrypted key. */
  readonly passphrase?: string | undefined;
}

/** Reads the (first) private key of a PEM text; throws `InputError` for a missing, encrypted-without-passphrase or unreadable key. */
export function parsePrivateKeyPem(text: string, options: PrivateKeyPemOptions): KeyObject {
  const { label, passphrase } = options;
  const block = parsePemBlocks(text).find((candidate) => candidate.label.endsWith('PRIVATE KEY'));
  if (block === undefined) throw new InputError(`${label} holds no PEM private key (a "BEGIN PRIVATE KEY" or "BEGIN RSA PRIVATE KEY" block)`, { code: 'E_KEY_FORMAT' });
  const encrypted = isEncryptedKeyBlock(block);
  if (encrypted && (passphrase === undefined || passphrase === '')) {
    throw new InputError(
      `${label} is an encrypted private key and needs its passphrase; give the passphrase, or decrypt the key once (openssl pkey -in ${label} -out private.key) and keep the result secret`,
      { code: 'E_KEY_PASSPHRASE' },
    );
  }
  try {
    return createPrivateKey(encrypted ? { key: block.text, format: 'pem', passphrase: passphrase as string } : { key: block.text, format: 'pem' });
  } catch (error) {
    if (encrypted) throw new InputError(`${label}: the passphrase does not decrypt the private key (wrong passphrase?)`, { code: 'E_KEY_PASSPHRASE' });
    throw new InputError(`${label}: the ${block.label} block is not a readable private key`, { code: 'E_KEY_FORMAT', cause: error });
  }
}

/** Reads the certificates of a PEM text (the first is the key's own); throws `InputError` when there is none. */
export function parseCertificatesPem(text: string, options: { readonly label: string }): X509Certificate[] {
  const blocks = parsePemBlocks(text).filter((block) => block.label === 'CERTIFICATE');
  if (blocks.length === 0) throw new InputError(`${options.label} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`, { code: 'E_CERT_FORMAT' });
  return blocks.map((block, i) => {
    try {
      return new X509Certificate(block.text);
    } catch (error) {
      throw new InputError(`${options.label}: certificate ${i + 1} is not a readable X.509 certificate`, { code: 'E_CERT_FORMAT', cause: error });
    }
  });
}

/** PKCS#8 PEM text of a private key, unencrypted (what `private.key` holds). */
export function toPkcs8Pem(privateKey: KeyObject): string {
  return privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}
