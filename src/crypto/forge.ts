/**
 * The parts of node-forge that aem-ioevents uses, loaded one by one instead of the whole
 * library (all of node-forge costs 1.6x a bare Node start):
 *
 * - `asn1`: DER encoding and decoding of the PKCS#12 and X.509 structures;
 * - `rc2`: only to decrypt the RC2-40 certificate bags that Java 8 and `openssl -legacy` write,
 *   because Node's OpenSSL 3 keeps RC2 in its legacy provider.
 *
 * Not `x509`/`pki`: with the RSA, hash and cipher code they pull in, they cost 20-70 ms to load
 * (measured, bundled), more than keygen's own work; `certificate.ts` lays out the certificate
 * with the ASN.1 helpers instead. RSA key generation, signing, hashing and every cipher we can
 * run natively stay in node:crypto.
 */
import type * as Forge from 'node-forge';
import forgeNamespace from 'node-forge/lib/forge.js';
import 'node-forge/lib/asn1.js';
import 'node-forge/lib/rc2.js';

/** The node-forge namespace with the submodules above registered on it. */
export const forge = forgeNamespace as typeof Forge;
