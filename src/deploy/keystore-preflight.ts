/**
 * `deploy --keystore` keeps the exit-code contract: exit 2 means "bad input,
 * nothing written". So each target's keystore is read (`GET <home>.ks.json`, harmless) before
 * the first POST to any target, and when the keystore step cannot succeed on one of them (no
 * store and no `AEM_KEYSTORE_PASSWORD`; another certificate under the alias without
 * `--replace-key`) the deploy stops before anything is installed anywhere.
 *
 * A state that cannot be read is no reason to stop: the package may be what makes it readable,
 * and the keystore step after the install reads it again and reports what it finds.
 */
import { InputError } from '../errors.ts';
import { planKeystoreStep, readKeystoreState, type InstallServiceUserKeyOptions } from './keystore-install.ts';

/** Why the keystore step cannot succeed on the target, or `undefined` when nothing says so. */
export async function checkKeystoreStep(options: InstallServiceUserKeyOptions): Promise<string | undefined> {
  const state = await readKeystoreState(options);
  if (!state.ok) return undefined;
  const plan = planKeystoreStep(state.value, options);
  // `unchanged` ends the step too, with success.
  return plan.ok || plan.result.exitCode === 0 ? undefined : plan.result.message;
}

/** A target on which the keystore step cannot succeed. */
export interface KeystoreRefusal {
  readonly target: string;
  readonly reason: string;
}

/** The error (exit 2) that names every such target and what to set or pass. */
export function keystoreRefusalError(refusals: readonly KeystoreRefusal[]): InputError {
  const reasons = refusals.map((refusal) => `${refusal.target}: ${refusal.reason}`).join('; ');
  return new InputError(`--keystore cannot succeed, so nothing was installed: ${reasons}`, { code: 'E_DEPLOY_KEYSTORE' });
}
