/**
 * Reading the keystore servlet's answers (AEM's KeyStoreService; wttech/aemc `pkg/keystore_manager.go`). Its write answers are HTML
 * pages whose exact text is not documented, so only the HTTP status is read here; whether the
 * key arrived is proven by reading `.ks.json` again afterwards.
 */
import type { HttpAnswer } from '../http/send-request.ts';
import { describeAemFailure, getConnectionSecrets, type AemConnection, type AemTransportFailure } from './aem-request.ts';
import { getHtmlTitle, isHtmlPage } from './html-page.ts';

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
  const title = isHtmlPage(answer.text, answer.headers.get('content-type')) ? getHtmlTitle(answer.text, getConnectionSecrets(connection)) : '';
  return `${WHAT[step]} for ${home}: AEM answered HTTP ${status}${title ? ` ('${title}')` : ''}`;
}

/** The message for a keystore call that got no answer; nothing is sent again. */
export function describeKeystoreFailure(step: KeystoreStep | 'read', failure: AemTransportFailure, timeoutMs: number): string {
  const why = failure.kind === 'timed-out' ? `no answer within ${timeoutMs / 1000} s` : describeAemFailure(failure);
  const check = step === 'read' ? '' : '; look at the user\'s keystore in AEM before you deploy again';
  return `${WHAT[step]}: ${why}${check}`;
}
