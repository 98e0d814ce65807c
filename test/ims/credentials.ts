/**
 * The throwaway credential the IMS tests share: ids in their real formats, a secret, key
 * material made at test time, and a stand-in binding built from them.
 */
import { getKeyMaterial } from './key-material.ts';
import type { StandInBinding } from './ims-stand-in.ts';

export const CLIENT_ID = '0123456789abcdef0123456789abcdef';
export const CLIENT_SECRET = 'p8e-Wq3NQ1vEXAMPLEsecretX9fZk2LmT0uYc';
export const ORG_ID = 'C74F69D7594880280A495D09@AdobeOrg';
export const TECHNICAL_ACCOUNT_ID = '6657A0A1583EC1930A495C7E@techacct.adobe.com';
export const METASCOPES = ['event_receiver_api', 'ent_adobeio_sdk'] as const;
export const SCOPES = ['openid', 'AdobeID', 'read_organizations'] as const;

/** The key whose certificate is on the credential. */
export function boundKey() {
  return getKeyMaterial('bound');
}

/** A valid key whose certificate was never uploaded (or was replaced). */
export function strangerKey() {
  return getKeyMaterial('stranger');
}

/** The stand-in's binding of the credential, with overrides. */
export function makeBinding(overrides: Partial<StandInBinding> = {}): StandInBinding {
  return {
    clientId: CLIENT_ID,
    clientSecrets: [CLIENT_SECRET],
    orgId: ORG_ID,
    technicalAccountId: TECHNICAL_ACCOUNT_ID,
    certificates: [boundKey().certificatePem],
    metascopes: [...METASCOPES],
    scopes: [...SCOPES],
    ...overrides,
  };
}
