/**
 * Writes what `createKeyMaterial()` made into the output folder, all four files together or
 * none, even when the run is killed (see `write-files-together.ts`): each name below is a link
 * to `.keygen/current/<name>`, and one rename of `.keygen/current` changes all four (layout,
 * states after a kill and what the next run does: `file-set-layout.ts`). The secrets get mode
 * 0600, inside a folder of mode 0700.
 *
 * | file                     | holds                                         | mode |
 * | ------------------------ | --------------------------------------------- | ---- |
 * | `private.key`            | the private key, PKCS#8 PEM                   | 0600 |
 * | `certificate_pub.crt`    | the certificate, PEM (for the Developer Console) | 0644 |
 * | `keystore.p12`           | the PKCS#12 keystore (for AEM)                | 0600 |
 * | `private.key.pkcs8.b64`  | the private key, base64 PKCS#8 DER, one line (`aio.encoded.pkcs8`) | 0600 |
 */
import { join } from 'node:path';
import type { KeyMaterial } from './key-material.ts';
import { checkTargets, type FileSystem, writeFilesTogether } from './write-files-together.ts';

/** The names of the files keygen writes (Adobe's own names, AdobeDocs/adobeio-events `aem/aem_keystore_setup.md`). */
export const KEY_FILES = {
  privateKey: 'private.key',
  certificate: 'certificate_pub.crt',
  keystore: 'keystore.p12',
  pkcs8Base64: 'private.key.pkcs8.b64',
} as const;

/** Paths of the written files, by role. */
export type KeyFilePaths = { readonly [Role in keyof typeof KEY_FILES]: string };

/** Options of {@link writeKeyMaterial}. */
export interface WriteKeyMaterialOptions {
  /** Replace existing files. @default false */
  readonly force?: boolean;
  /** @default node:fs/promises */
  readonly fileSystem?: FileSystem;
}

/** The paths keygen would write in `dir`. */
export function keyFilePaths(dir: string): KeyFilePaths {
  return {
    privateKey: join(dir, KEY_FILES.privateKey),
    certificate: join(dir, KEY_FILES.certificate),
    keystore: join(dir, KEY_FILES.keystore),
    pkcs8Base64: join(dir, KEY_FILES.pkcs8Base64),
  };
}

/** Throws `InputError` when a key file exists in `dir` (without `force`): keygen checks before it asks for a password. */
export async function checkKeyFilesWritable(dir: string, options: WriteKeyMaterialOptions = {}): Promise<void> {
  await checkTargets(dir, Object.values(KEY_FILES), options);
}

/** Writes the four files into `dir`; throws `InputError` when one exists (without `force`) or writing fails. */
export async function writeKeyMaterial(dir: string, material: KeyMaterial, options: WriteKeyMaterialOptions = {}): Promise<KeyFilePaths> {
  // No line break after the base64: Java's strict Base64 decoder refuses one.
  await writeFilesTogether(
    dir,
    [
      { name: KEY_FILES.privateKey, data: material.privateKeyPem, mode: 0o600 },
      { name: KEY_FILES.certificate, data: material.certificatePem, mode: 0o644 },
      { name: KEY_FILES.keystore, data: material.pkcs12, mode: 0o600 },
      { name: KEY_FILES.pkcs8Base64, data: material.pkcs8Base64, mode: 0o600 },
    ],
    options,
  );
  return keyFilePaths(dir);
}
