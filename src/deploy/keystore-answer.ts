/**
 * Reading the keystore servlet's answers (AEM's KeyStoreService; wttech/aemc `pkg/keystore_manager.go`). Its write answers are HTML
 * pages whose exact text is not documented, so only the HTTP status is read here; whether the
 * key arrived is proven by reading `.ks.json` again afterwards.
 */
import type { HttpAnswer } from '../http/send-request.ts';
import { describeAemFailure, getConnectionSecrets, type AemConnection, type AemTransportFailure } from './aem-request.ts';
import { getHtmlException, getHtmlTitle, isHtmlPage } from './html-page.ts';

/** The write calls of the keystore step. */
export type KeystoreStep = 'createStore' | 'removeAlias' | 'addKey';

const WHAT: Readonly<Record<KeystoreStep | 'read', string>> = {
  read: 'reading the keystore state',
  createStore: 'creating the keystore',
  removeAlias: 'removing the old key',
  addKey: 'adding the key',
};

/** Why the answer is a failure, or `undefined` when its status says it worked. */
export function describeKeystoreAnswer(step: KeystoreStep | 'read', answer: HttpAnswer, home: string, connection: AemConnection): string | undefined {
  const { status } = answer;
  if (status >= 200 && status < 300) {
    if (step === 'read' && isHtmlPage(answer.text, answer.headers.get('content-type'))) return `${WHAT[step]} for ${home}: an HTML page came back where JSON was expected`;
    return undefined;
  }
  if (status === 401 || status === 403) return `${WHAT[step]} for ${home}: AEM refused the credentials (HTTP ${status}); the user needs rights on the service user's keystore`;
  if (status === 404 && step === 'read') return `${home} is not a user on this instance (HTTP 404 for .ks.json); install the I/O Events connector package first, or check serviceUser.home`;
  const html = isHtmlPage(answer.text, answer.headers.get('content-type'));
  const exception = html ? getHtmlException(answer.text, getConnectionSecrets(connection)) : '';
  const title = html && !exception ? getHtmlTitle(answer.text, getConnectionSecrets(connection)) : '';
  const hint = HINTS.find(([pattern]) => pattern.test(exception))?.[1](home);
  return `${WHAT[step]} for ${home}: AEM answered HTTP ${status}${exception ? ` (${exception})` : title ? ` ('${title}')` : ''}${hint ? `; ${hint}` : ''}`;
}

// The keystore servlet's documented failures and what to do about each (aem-io-events.md §3.2, §3.3,
// §6): a PKCS#12 AEM's Java cannot open with the password sent (adobeio-events help/debug.md), and a
// store whose password AEM cannot decrypt because it came from an instance with other crypto keys
// (acs-aem-commons#942).
const HINTS: readonly (readonly [RegExp, (home: string) => string])[] = [
  [/UnrecoverableKeyException|final block not properly padded/, () => "AEM could not open the PKCS#12 with keystore.password: its store and key passwords must both be keystore.password, and AEM's Java must read its encryption (a Java before 8u301 cannot read AES: make it with aem-ioevents keygen, whose default --p12-encryption legacy every AEM 6.x reads)"],
  [/CryptoException|extractStorePassword/, (home) => `AEM cannot decrypt this keystore's password: it was copied from an instance with other crypto keys (a package holding ${home}/keystore). Delete ${home}/keystore on this instance, then deploy --keystore again with AEM_KEYSTORE_PASSWORD set`],
];

/** The message for a keystore call that got no answer; nothing is sent again. */
export function describeKeystoreFailure(step: KeystoreStep | 'read', failure: AemTransportFailure, timeoutMs: number): string {
  const why = failure.kind === 'timed-out' ? `no answer within ${timeoutMs / 1000} s` : describeAemFailure(failure);
  const check = step === 'read' ? '' : '; look at the user\'s keystore in AEM before you deploy again';
  return `${WHAT[step]}: ${why}${check}`;
}
