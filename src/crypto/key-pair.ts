/**
 * RSA key generation through node:crypto, i.e. OpenSSL's native prime search on libuv's thread
 * pool: the same code `openssl req -newkey rsa:2048` runs, and the main thread stays free
 * (keygen prepares the keystore's password-derived keys meanwhile). Kept apart from the
 * node-forge modules so that generation starts before they load.
 */
import { generateKeyPair, type KeyObject } from 'node:crypto';
import type { RsaBits } from './key-options.ts';

/** Generates an RSA private key (public exponent 65537). */
export function generateRsaPrivateKey(bits: RsaBits): Promise<KeyObject> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: bits, publicExponent: 0x10001 }, (error, _publicKey, privateKey) => {
      if (error) reject(error);
      else resolve(privateKey);
    });
  });
}
