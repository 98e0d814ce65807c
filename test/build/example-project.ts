// A throwaway project for the build tests: the embedded example configuration and a keystore made
// from the fixture key with a pinned clock and random source, so every run has the same bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKeyMaterial, type KeyMaterial } from '../../src/crypto/key-material.ts';
import { FIXTURE_KEY, fixedRandom } from '../crypto/fixtures.ts';
import type { StandInBinding } from '../ims/ims-stand-in.ts';

/** The keystore password of the example project (throwaway). */
export const KEYSTORE_PASSWORD = 'throwaway-Keystore-1';
/** The client secret of the example project (throwaway). */
export const CLIENT_SECRET = 'p8e-THROWAWAY-client-secret-0123456789';
/** The environment a build of the example project needs; SOURCE_DATE_EPOCH pins the dates. */
export const EXAMPLE_ENV = {
  IOEVENTS_KEYSTORE_PASSWORD: KEYSTORE_PASSWORD,
  IOEVENTS_CLIENT_SECRET: CLIENT_SECRET,
  SOURCE_DATE_EPOCH: '1795435200', // 2026-11-23T12:00:00Z
};

let material: KeyMaterial | undefined;

/** The example key material (fixture key, certificate, keystore), the same on every run. */
export async function exampleKeyMaterial(): Promise<KeyMaterial> {
  material ??= await createKeyMaterial({
    password: KEYSTORE_PASSWORD,
    privateKey: FIXTURE_KEY,
    now: new Date('2026-11-01T00:00:00Z'),
    days: 3650,
    randomBytes: fixedRandom('example-keystore'),
  });
  return material;
}

/** The example keystore's bytes, the same on every run. */
export async function exampleKeystore(): Promise<Buffer> {
  return (await exampleKeyMaterial()).pkcs12;
}

/** Writes `aem-ioevents.yaml` (the example, or `config`) and `keys/keystore.p12` into `dir`. */
export async function writeExampleProject(dir: string, config?: string): Promise<void> {
  writeFileSync(join(dir, 'aem-ioevents.yaml'), config ?? readFileSync(new URL('../../fixtures/example/aem-ioevents.yaml', import.meta.url), 'utf8'));
  mkdirSync(join(dir, 'keys'), { recursive: true });
  writeFileSync(join(dir, 'keys', 'keystore.p12'), await exampleKeystore());
}

/** The IMS stand-in's binding that accepts the example project's credentials (its ids, secret and certificate). */
export async function exampleImsBinding(overrides: Partial<StandInBinding> = {}): Promise<StandInBinding> {
  return {
    clientId: '0123456789abcdef0123456789abcdef',
    clientSecrets: [CLIENT_SECRET],
    orgId: '0123456789ABCDEF01234567@AdobeOrg',
    technicalAccountId: '0123456789ABCDEF01234567@techacct.adobe.com',
    certificates: [(await exampleKeyMaterial()).certificatePem],
    metascopes: ['event_receiver_api', 'ent_adobeio_sdk'],
    scopes: ['openid', 'AdobeID', 'read_organizations'],
    ...overrides,
  };
}
