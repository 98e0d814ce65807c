/**
 * `deploy --keystore`: the service user's key through AEM's keystore HTTP API (aem-io-events.md
 * §3.1–§3.3), the portable way for instances whose crypto keys differ from the ones that
 * encrypted a packaged keystore (§3.2). As steps: read `<home>.ks.json`; if the alias holds our
 * certificate, stop; else create the store if there is none (`:operation=createStore`), remove a
 * different key only when asked (`removeAlias`), add ours from the PKCS#12 (`keyStore`,
 * `keyStorePass`, `alias`, `keyPassword`, `newAlias`), and read `.ks.json` again to prove it.
 * Passwords travel in the POST body, never in the URL (swagger-aem puts them in the query, where
 * access logs keep them; the Servlet API reads both alike [I]). No keystore call is ever retried.
 */
import type { ExitCode } from '../errors.ts';
import { callAem, type AemCallResult, type AemConnection } from './aem-request.ts';
import { getCertificateIdentity, holdsCertificate, parseKeystoreState, type CertificateIdentity, type KeystoreAliasState, type KeystoreState } from './keystore-state.ts';
import { createMultipartBody } from './multipart.ts';
import { describeKeystoreAnswer, describeKeystoreFailure, type KeystoreStep } from './keystore-answer.ts';
import { targetPath, type DeployTarget } from './targets.ts';

export { getCertificateIdentity };

/** The key to install, read from the configuration `build` uses. */
export interface ServiceUserKey {
  /** The service user's home, `serviceUser.home`. */
  readonly home: string;
  /** The alias in the PKCS#12 and in AEM (`keystore.alias`, `eventproxy`). */
  readonly alias: string;
  /** The PKCS#12 as read and checked. */
  readonly keystore: Uint8Array;
  readonly keystoreFilename: string;
  /** Its password (a secret). */
  readonly password: string;
  readonly certificate: CertificateIdentity;
}

/** How the keystore step ended on one target. */
export type KeystoreOutcome =
  /** The alias already holds our certificate: nothing sent. Exit 0. */
  | 'unchanged'
  /** The store existed; our key was added. Exit 0. */
  | 'added'
  /** The store was created, then our key added. Exit 0. */
  | 'created'
  /** A different key under the alias was removed and ours added (`--replace-key`). Exit 0. */
  | 'replaced'
  /** The alias holds another certificate and `--replace-key` was not given. Exit 1. */
  | 'different-key'
  /** There is no store and `AEM_KEYSTORE_PASSWORD` is not set. Exit 2. */
  | 'no-store-password'
  /** AEM said no, or did not show our key afterwards. Exit 1. */
  | 'refused'
  /** No answer, or the connection broke. Exit 3. */
  | 'unreachable'
  /** Not attempted: the package did not install on this target. */
  | 'skipped';

/** Exit code of each keystore outcome. */
export const KEYSTORE_EXIT_CODES: Readonly<Record<KeystoreOutcome, ExitCode>> = { unchanged: 0, added: 0, created: 0, replaced: 0, 'different-key': 1, 'no-store-password': 2, refused: 1, unreachable: 3, skipped: 0 };

/** The keystore step's result on one target; holds no secret. */
export interface KeystoreResult {
  readonly outcome: KeystoreOutcome;
  readonly exitCode: ExitCode;
  readonly message: string;
  readonly home: string;
  readonly alias: string;
  /** Our certificate's SHA-256 fingerprint. */
  readonly fingerprint256: string;
}

/** Options of {@link installServiceUserKey}. */
export interface InstallServiceUserKeyOptions {
  readonly target: DeployTarget;
  readonly connection: AemConnection;
  readonly key: ServiceUserKey;
  /** `AEM_KEYSTORE_PASSWORD`: the password of AEM's own store, needed only to create it. */
  readonly storePassword: string | undefined;
  /** Replace a different key under the alias (`--replace-key`). */
  readonly replace: boolean;
  readonly timeoutMs: number;
}

type Step<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly result: KeystoreResult };

/** Makes the alias hold our key on the target; never throws for a remote's failure. */
export async function installServiceUserKey(options: InstallServiceUserKeyOptions): Promise<KeystoreResult> {
  const { key } = options;
  const done = (outcome: KeystoreOutcome, message: string): KeystoreResult => ({ outcome, exitCode: KEYSTORE_EXIT_CODES[outcome], message, home: key.home, alias: key.alias, fingerprint256: key.certificate.fingerprint256 });
  const before = await readState(options, done);
  if (!before.ok) return before.result;
  const present = findAlias(before.value, key.alias);
  if (present && holdsCertificate(present, key.certificate)) return done('unchanged', `alias '${key.alias}' already holds this certificate; nothing to do`);
  if (present && !options.replace) return done('different-key', `alias '${key.alias}' in ${key.home} holds another certificate (${describeAemCertificate(present)}); ours is serial ${key.certificate.serialNumber}, SHA-256 ${key.certificate.fingerprint256}. Run with --replace-key to replace it`);
  if (!before.value.exists) {
    if (options.storePassword === undefined) return done('no-store-password', `${key.home} has no keystore yet; set AEM_KEYSTORE_PASSWORD to the password AEM should give it, then deploy again`);
    const created = await post(options, 'createStore', form({ ':operation': 'createStore', newPassword: options.storePassword, rePassword: options.storePassword }), done);
    if (!created.ok) return created.result;
  }
  if (present) {
    const removed = await post(options, 'removeAlias', form({ removeAlias: present.alias }), done);
    if (!removed.ok) return removed.result;
  }
  const added = await post(options, 'addKey', addKeyBody(key), done);
  if (!added.ok) return added.result;
  return verify(options, done, present ? 'replaced' : before.value.exists ? 'added' : 'created');
}

async function verify(options: InstallServiceUserKeyOptions, done: (o: KeystoreOutcome, m: string) => KeystoreResult, outcome: KeystoreOutcome): Promise<KeystoreResult> {
  const { key } = options;
  const after = await readState(options, done);
  if (!after.ok) return after.result;
  const entry = findAlias(after.value, key.alias);
  if (entry === undefined || !holdsCertificate(entry, key.certificate)) {
    return done('refused', `AEM accepted the key, but ${key.home}.ks.json does not show alias '${key.alias}' with our certificate (${entry ? describeAemCertificate(entry) : 'no such alias'}); check the keystore password and the PKCS#12`);
  }
  const what = { added: 'added the key', created: 'created the keystore and added the key', replaced: 'replaced the key' }[outcome as 'added'];
  return done(outcome, `${what} under alias '${key.alias}' (serial ${key.certificate.serialNumber})`);
}

async function readState(options: InstallServiceUserKeyOptions, done: (o: KeystoreOutcome, m: string) => KeystoreResult): Promise<Step<KeystoreState>> {
  const url = keystoreUrl(options, 'json');
  const result = await callAem(options.connection, { url, method: 'GET', headers: { accept: 'application/json' }, timeoutMs: options.timeoutMs });
  const failed = judge(result, 'read', options, done);
  if (failed) return { ok: false, result: failed };
  const state = parseKeystoreState((result as Extract<AemCallResult, { ok: true }>).answer.text);
  if (state === undefined) return { ok: false, result: done('refused', `${url} did not answer with the keystore JSON ({"exists":…,"aliases":[…]})`) };
  return { ok: true, value: state };
}

async function post(options: InstallServiceUserKeyOptions, step: KeystoreStep, body: { contentType: string; body: string | ReadableStream<Uint8Array>; length?: number }, done: (o: KeystoreOutcome, m: string) => KeystoreResult): Promise<Step<true>> {
  const headers: Record<string, string> = { 'content-type': body.contentType, ...(body.length !== undefined && { 'content-length': String(body.length) }) };
  const result = await callAem(options.connection, { url: keystoreUrl(options, 'html'), method: 'POST', headers, body: body.body, timeoutMs: options.timeoutMs });
  const failed = judge(result, step, options, done);
  return failed ? { ok: false, result: failed } : { ok: true, value: true };
}

function judge(result: AemCallResult, step: KeystoreStep | 'read', options: InstallServiceUserKeyOptions, done: (o: KeystoreOutcome, m: string) => KeystoreResult): KeystoreResult | undefined {
  if (!result.ok) return done('unreachable', describeKeystoreFailure(step, result.failure, options.timeoutMs));
  const problem = describeKeystoreAnswer(step, result.answer, options.key.home, options.connection);
  return problem === undefined ? undefined : done('refused', problem);
}

function form(fields: Record<string, string>): { contentType: string; body: string } {
  return { contentType: 'application/x-www-form-urlencoded; charset=UTF-8', body: new URLSearchParams(fields).toString() };
}

// aem-io-events.md §3.1 and aemc keystore_manager.go: one password for the file and its key (§3.3).
function addKeyBody(key: ServiceUserKey): { contentType: string; body: ReadableStream<Uint8Array>; length: number } {
  const body = createMultipartBody([
    { name: 'keyStore', filename: key.keystoreFilename, bytes: key.keystore, contentType: 'application/x-pkcs12' },
    { name: 'keyStorePass', value: key.password },
    { name: 'alias', value: key.alias },
    { name: 'keyPassword', value: key.password },
    { name: 'newAlias', value: key.alias },
  ]);
  return { contentType: body.contentType, body: body.stream(), length: body.contentLength };
}

function findAlias(state: KeystoreState, alias: string): KeystoreAliasState | undefined {
  // Java's PKCS#12 store lower-cases aliases (aem-io-events.md §3.3).
  return state.aliases.find((entry) => entry.alias.toLowerCase() === alias.toLowerCase());
}

function describeAemCertificate(entry: KeystoreAliasState): string {
  const first = entry.chain[0];
  if (first === undefined) return 'no certificate listed';
  return [`serial ${first.serialNumber ?? 'unknown'}`, first.subject && `subject ${first.subject}`, first.notAfter && `valid until ${first.notAfter}`].filter(Boolean).join(', ');
}

function keystoreUrl(options: InstallServiceUserKeyOptions, extension: 'json' | 'html'): string {
  const path = options.key.home.split('/').map((segment) => encodeURIComponent(segment)).join('/');
  return targetPath(options.target, `${path}.ks.${extension}`);
}
