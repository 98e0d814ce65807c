/**
 * What AEM says about a user's keystore: `GET <home>.ks.json` (AEM's KeyStoreService; wttech/aemc `pkg/keystore_manager.go`) →
 *
 *     {"exists":true,"aliases":[{"alias":"eventproxy","entryType":"privateKey","algorithm":"RSA",
 *       "format":"PKCS#8","chain":[{"subject":"CN=…","issuer":"CN=…","notBefore":"…",
 *       "notAfter":"…","serialNumber":18165099476682912368}]}]}
 *
 * The chain items carry no certificate bytes and no fingerprint (swagger-aem `KeystoreChainItems`,
 * aemc `pkg/keystore/private_key.go`), so a certificate is recognised by its serial number and
 * subject. The serial is a JSON integer larger than 2^53: its digits are read from the text,
 * never through a JavaScript number. An existing store may leave `exists` out (aemc
 * `keystore_status.go`: "if key store exist, it doesn't contain property exists").
 */
import type { X509Certificate } from 'node:crypto';
import { parseTree } from 'jsonc-parser/lib/esm/main.js';
import type { Node, ParseError } from 'jsonc-parser/lib/esm/main.js';
import { describeCertificate } from '../crypto/certificate-info.ts';

/** One certificate of an alias's chain, as AEM lists it. */
export interface KeystoreChainItem {
  readonly subject: string | undefined;
  readonly issuer: string | undefined;
  readonly notAfter: string | undefined;
  /** Decimal digits, exactly as AEM wrote them. */
  readonly serialNumber: string | undefined;
}

/** One alias of AEM's keystore. */
export interface KeystoreAliasState {
  readonly alias: string;
  readonly entryType: string | undefined;
  readonly chain: readonly KeystoreChainItem[];
}

/** The keystore as AEM describes it. */
export interface KeystoreState {
  readonly exists: boolean;
  readonly aliases: readonly KeystoreAliasState[];
}

/** Parses `.ks.json`; `undefined` when the text is not that JSON object. */
export function parseKeystoreState(text: string): KeystoreState | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (root === undefined || errors.length > 0 || root.type !== 'object') return undefined;
  const exists = property(root, 'exists');
  const aliases = property(root, 'aliases');
  if (exists !== undefined && exists.type !== 'boolean') return undefined;
  return {
    exists: exists === undefined ? true : exists.value === true,
    aliases: aliases?.type === 'array' ? (aliases.children ?? []).flatMap((node) => readAlias(node, text)) : [],
  };
}

function readAlias(node: Node, text: string): KeystoreAliasState[] {
  const alias = stringOf(property(node, 'alias'));
  if (node.type !== 'object' || alias === undefined) return [];
  const chain = property(node, 'chain');
  return [{ alias, entryType: stringOf(property(node, 'entryType')), chain: chain?.type === 'array' ? (chain.children ?? []).map((item) => readChainItem(item, text)) : [] }];
}

function readChainItem(node: Node, text: string): KeystoreChainItem {
  const serial = property(node, 'serialNumber');
  const digits = serial?.type === 'number' ? text.slice(serial.offset, serial.offset + serial.length) : stringOf(serial);
  return {
    subject: stringOf(property(node, 'subject')),
    issuer: stringOf(property(node, 'issuer')),
    notAfter: stringOf(property(node, 'notAfter')),
    serialNumber: digits !== undefined && /^\d+$/.test(digits) ? digits.replace(/^0+(?=\d)/, '') : undefined,
  };
}

function property(node: Node, name: string): Node | undefined {
  if (node.type !== 'object') return undefined;
  const pair = node.children?.find((child) => child.children?.[0]?.value === name);
  return pair?.children?.[1];
}

function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** Our certificate as AEM would list it: serial in decimal, subject and issuer. */
export interface CertificateIdentity {
  readonly serialNumber: string;
  readonly subject: string;
  readonly issuer: string;
  /** `AB:CD:…`, for the report (AEM does not give it). */
  readonly fingerprint256: string;
}

/** The identity of `certificate`. */
export function getCertificateIdentity(certificate: X509Certificate): CertificateIdentity {
  const info = describeCertificate(certificate);
  return { serialNumber: BigInt(`0x${info.serialNumber}`).toString(10), subject: info.subject, issuer: info.issuer, fingerprint256: info.fingerprint256 };
}

/** True when AEM's entry holds our certificate: same serial number and the same subject. */
export function holdsCertificate(alias: KeystoreAliasState, ours: CertificateIdentity): boolean {
  const first = alias.chain[0];
  if (first === undefined || first.serialNumber !== ours.serialNumber) return false;
  return first.subject === undefined || normalizeName(first.subject) === normalizeName(ours.subject);
}

// Java prints `CN=a, O=b` (X500Principal.toString), RFC 2253 `CN=a,O=b`: compare without the spaces
// after separators and without the case of attribute names.
function normalizeName(name: string): string {
  return name
    .split(/(?<!\\),\s*/)
    .map((rdn) => rdn.replace(/^\s*([A-Za-z0-9.]+)\s*=\s*/, (_whole, type: string) => `${type.toUpperCase()}=`))
    .join(',');
}
