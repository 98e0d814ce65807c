/**
 * `deploy --keystore`: the service user's key through AEM's keystore HTTP API (AEM's KeyStoreService),
 * the portable way for instances whose crypto keys differ from the ones that encrypted a
 * packaged keystore. As steps: read `<home>.ks.json`; if the alias holds our
 * certificate, stop; else create the store if there is none, remove a different key only when
 * asked (`--replace-key`), add ours from the PKCS#12, and read `.ks.json` again to prove it.
 * No keystore call is ever retried.
 *
 * How the form fields are read ([S] source read: swagger-aem `.ks.html`, aemc
 * `keystore_manager.go`; [O] stated by Adobe; [I] inferred):
 *
 * | call         | fields                                                                     | value sent                                | basis |
 * | ------------ | -------------------------------------------------------------------------- | ----------------------------------------- | ----- |
 * | create store | `:operation=createStore`, `newPassword`, `rePassword`                      | `AEM_KEYSTORE_PASSWORD` twice             | [S]   |
 * | add key      | `keyStore` (the PKCS#12 file), `keyStorePass`, `alias`, `keyPassword`, `newAlias` | the file, `keystore.password`, `keystore.alias`, `keystore.password`, `keystore.alias` | [S]; one password for file and key [O] (Adobe's `aem/aem_keystore_setup.md`) |
 * | remove       | `removeAlias`                                                              | the alias found                           | [S]   |
 *
 * - Passwords go in the POST body, never the URL: swagger-aem declares them as query parameters,
 *   where access logs keep them; the Servlet API's `getParameter` reads both alike [I].
 * - aemc also sends `keyStoreType=jks`; swagger-aem does not list it; not sent [I].
 * - The write answers are HTML pages of no documented shape: only the status is read, and
 *   `.ks.json` read again decides [I]. `.ks.json` without `exists` means an existing store [S].
 * - `.ks.json` lists no certificate bytes and no fingerprint (`KeystoreChainItems`: subject,
 *   issuer, notBefore, notAfter, serialNumber) [S]: our certificate is recognised by serial number
 *   and subject; our SHA-256 fingerprint goes into the report for a look in AEM's UI.
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
  /** An answer went past the cap on answers (4 MiB) and was cut there. Exit 3. */
  | 'answer-too-large'
  /** Not attempted: the package did not install on this target. */
  | 'skipped';

/** Exit code of each keystore outcome. */
export const KEYSTORE_EXIT_CODES: Readonly<Record<KeystoreOutcome, ExitCode>> = { unchanged: 0, added: 0, created: 0, replaced: 0, 'different-key': 1, 'no-store-password': 2, refused: 1, unreachable: 3, 'answer-too-large': 3, skipped: 0 };

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

/** A step's value, or the result the keystore step ends with. */
export type Step<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly result: KeystoreResult };

const DONE: Readonly<Record<'added' | 'created' | 'replaced', string>> = { added: 'added the key', created: 'created the keystore and added the key', replaced: 'replaced the key' };

/** What the keystore step will send: create the store first, remove a different key first. */
export interface KeystorePlan {
  readonly create: boolean;
  readonly remove: KeystoreAliasState | undefined;
}

/** Makes the alias hold our key on the target; never throws for a remote's failure. */
export async function installServiceUserKey(options: InstallServiceUserKeyOptions): Promise<KeystoreResult> {
  const before = await readKeystoreState(options);
  if (!before.ok) return before.result;
  const plan = planKeystoreStep(before.value, options);
  if (!plan.ok) return plan.result;
  const { create, remove } = plan.value;
  if (create) {
    const password = options.storePassword ?? '';
    const created = await post(options, 'createStore', form({ ':operation': 'createStore', newPassword: password, rePassword: password }));
    if (!created.ok) return created.result;
  }
  if (remove) {
    const removed = await post(options, 'removeAlias', form({ removeAlias: remove.alias }));
    if (!removed.ok) return removed.result;
  }
  const added = await post(options, 'addKey', addKeyBody(options.key));
  if (!added.ok) return added.result;
  return verify(options, remove ? 'replaced' : create ? 'created' : 'added');
}

/**
 * What the step does on a store in `state`, or its result when it ends there: our certificate is
 * there already (`unchanged`), another one is and `--replace-key` was not given (`different-key`),
 * or there is no store and no `AEM_KEYSTORE_PASSWORD` to create one (`no-store-password`).
 */
export function planKeystoreStep(state: KeystoreState, options: Pick<InstallServiceUserKeyOptions, 'key' | 'storePassword' | 'replace'>): Step<KeystorePlan> {
  const { key } = options;
  const present = findAlias(state, key.alias);
  if (present && holdsCertificate(present, key.certificate)) return ended(key, 'unchanged', `alias '${key.alias}' already holds this certificate; nothing to do`);
  if (present && !options.replace) return ended(key, 'different-key', `alias '${key.alias}' in ${key.home} holds another certificate (${describeAemCertificate(present)}); ours is serial ${key.certificate.serialNumber}, SHA-256 ${key.certificate.fingerprint256}. Run with --replace-key to replace it`);
  if (!state.exists && options.storePassword === undefined) return ended(key, 'no-store-password', `${key.home} has no keystore yet; set AEM_KEYSTORE_PASSWORD to the password AEM should give it, then deploy again`);
  return { ok: true, value: { create: !state.exists, remove: present } };
}

function ended(key: ServiceUserKey, outcome: KeystoreOutcome, message: string): Step<never> {
  return { ok: false, result: keystoreResult(key, outcome, message) };
}

// The write answers are HTML of no documented shape: only .ks.json read again proves the key is there.
async function verify(options: InstallServiceUserKeyOptions, outcome: keyof typeof DONE): Promise<KeystoreResult> {
  const { key } = options;
  const after = await readKeystoreState(options);
  if (!after.ok) return after.result;
  const entry = findAlias(after.value, key.alias);
  if (entry === undefined || !holdsCertificate(entry, key.certificate)) {
    return keystoreResult(key, 'refused', `AEM accepted the key, but ${key.home}.ks.json does not show alias '${key.alias}' with our certificate (${entry ? describeAemCertificate(entry) : 'no such alias'}); check the keystore password and the PKCS#12`);
  }
  return keystoreResult(key, outcome, `${DONE[outcome]} under alias '${key.alias}' (serial ${key.certificate.serialNumber})`);
}

/** Reads `<home>.ks.json` (a GET: harmless before anything is sent). */
export async function readKeystoreState(options: InstallServiceUserKeyOptions): Promise<Step<KeystoreState>> {
  const url = keystoreUrl(options, 'json');
  const result = await callAem(options.connection, { url, method: 'GET', headers: { accept: 'application/json' }, timeoutMs: options.timeoutMs });
  if (!result.ok || describeKeystoreAnswer('read', result.answer, options.key.home, options.connection) !== undefined) return { ok: false, result: failure(options, 'read', result) };
  const state = parseKeystoreState(result.answer.text);
  if (state === undefined) return { ok: false, result: keystoreResult(options.key, 'refused', `${url} did not answer with the keystore JSON ({"exists":…,"aliases":[…]})`) };
  return { ok: true, value: state };
}

async function post(options: InstallServiceUserKeyOptions, step: KeystoreStep, body: RequestBody): Promise<Step<true>> {
  const headers: Record<string, string> = { 'content-type': body.contentType, ...(body.length !== undefined && { 'content-length': String(body.length) }) };
  const result = await callAem(options.connection, { url: keystoreUrl(options, 'html'), method: 'POST', headers, body: body.body, timeoutMs: options.timeoutMs });
  if (!result.ok || describeKeystoreAnswer(step, result.answer, options.key.home, options.connection) !== undefined) return { ok: false, result: failure(options, step, result) };
  return { ok: true, value: true };
}

function failure(options: InstallServiceUserKeyOptions, step: KeystoreStep | 'read', result: AemCallResult): KeystoreResult {
  if (!result.ok) return keystoreResult(options.key, result.failure.kind === 'too-large' ? 'answer-too-large' : 'unreachable', describeKeystoreFailure(step, result.failure, options.timeoutMs));
  return keystoreResult(options.key, 'refused', describeKeystoreAnswer(step, result.answer, options.key.home, options.connection) ?? '');
}

function keystoreResult(key: ServiceUserKey, outcome: KeystoreOutcome, message: string): KeystoreResult {
  return { outcome, exitCode: KEYSTORE_EXIT_CODES[outcome], message, home: key.home, alias: key.alias, fingerprint256: key.certificate.fingerprint256 };
}

interface RequestBody {
  readonly contentType: string;
  readonly body: string | ReadableStream<Uint8Array>;
  readonly length?: number;
}

function form(fields: Record<string, string>): RequestBody {
  return { contentType: 'application/x-www-form-urlencoded; charset=UTF-8', body: new URLSearchParams(fields).toString() };
}

// aem-io-events.md §3.1 and aemc keystore_manager.go: one password for the file and its key (§3.3).
function addKeyBody(key: ServiceUserKey): RequestBody {
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
