/**
 * Throwaway RSA keys and self-signed certificates for the IMS stand-in's bindings, made at test
 * time (node:crypto makes the key, node-forge the certificate, as keygen does); never committed.
 */
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** A key and its certificate, PEM. */
export interface KeyMaterial {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
  readonly notAfter: Date;
}

/** Options of {@link makeKeyMaterial}. */
export interface KeyMaterialOptions {
  readonly bits?: number;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly commonName?: string;
}

/** Makes a fresh key pair and a self-signed SHA-256 certificate for it. */
export function makeKeyMaterial(options: KeyMaterialOptions = {}): KeyMaterial {
  const { bits = 2048, notBefore = new Date(Date.now() - 86_400_000), notAfter = new Date(Date.now() + 365 * 86_400_000), commonName = 'aem-ioevents test' } = options;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  certificate.serialNumber = `01${Math.floor(Math.random() * 1e12).toString(16)}`;
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = notAfter;
  const name = [{ name: 'commonName', value: commonName }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return { privateKeyPem, certificatePem: forge.pki.certificateToPem(certificate), notAfter };
}

const cache = new Map<string, KeyMaterial>();

/** The same key material for the same name within one test run (key generation is the slow part). */
export function getKeyMaterial(name: string, options: KeyMaterialOptions = {}): KeyMaterial {
  let material = cache.get(name);
  if (material === undefined) {
    material = makeKeyMaterial(options);
    cache.set(name, material);
  }
  return material;
}
