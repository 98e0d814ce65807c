import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readPkcs12Keystore } from '../../src/crypto/keystore.ts';
import { createKeyMaterial } from '../../src/crypto/key-material.ts';
import { getCertificateIdentity, installServiceUserKey, type InstallServiceUserKeyOptions, type ServiceUserKey } from '../../src/deploy/keystore-install.ts';
import { exampleKeystore, KEYSTORE_PASSWORD } from '../build/example-project.ts';
import { FIXTURE_KEY, fixedRandom } from '../crypto/fixtures.ts';
import { connection, PASSWORD, USER } from './connection.ts';
import { SERVICE_USER_HOME, startPackmgrStandIn, type PackmgrStandIn } from './packmgr-stand-in.ts';
import { storedKeyOf } from './stand-in-keystore.ts';

const STORE_PASSWORD = 'aem-Store-pass-1';

async function keyOf(bytes: Uint8Array, password = KEYSTORE_PASSWORD): Promise<ServiceUserKey> {
  const entry = readPkcs12Keystore({ bytes, password, alias: 'eventproxy' });
  return { home: SERVICE_USER_HOME, alias: 'eventproxy', keystore: bytes, keystoreFilename: 'keystore.p12', password, certificate: getCertificateIdentity(entry.certificate) };
}

async function otherKeystore(): Promise<Buffer> {
  return (await createKeyMaterial({ password: KEYSTORE_PASSWORD, privateKey: FIXTURE_KEY, now: new Date('2026-11-01T00:00:00Z'), randomBytes: fixedRandom('another-keystore') })).pkcs12;
}

const context: { standIn?: PackmgrStandIn; key?: ServiceUserKey } = {};
const keystoreSuite = suite('installServiceUserKey', context);

keystoreSuite.before.each(async (ctx) => {
  ctx.standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
  ctx.key = await keyOf(await exampleKeystore());
});
keystoreSuite.after.each(async (ctx) => ctx.standIn?.close());

function options(ctx: typeof context, overrides: Partial<InstallServiceUserKeyOptions> = {}): InstallServiceUserKeyOptions {
  return { target: { url: ctx.standIn?.url ?? '' }, connection: connection(), key: ctx.key!, storePassword: STORE_PASSWORD, replace: false, timeoutMs: 5000, ...overrides };
}

const kinds = (standIn: PackmgrStandIn | undefined) => standIn?.requests.map((r) => r.kind);

keystoreSuite('no store yet: createStore with AEM_KEYSTORE_PASSWORD, add the key, read it back', async (ctx) => {
  const result = await installServiceUserKey(options(ctx));
  assert.is(result.outcome, 'created');
  assert.is(result.exitCode, 0);
  assert.is(result.message, `created the keystore and added the key under alias 'eventproxy' (serial ${ctx.key?.certificate.serialNumber})`);
  assert.equal(kinds(ctx.standIn), ['ks.json', 'ks.html', 'ks.html', 'ks.json']);
  const [create, add] = [ctx.standIn?.requests[1], ctx.standIn?.requests[2]];
  assert.equal(create?.fields, { ':operation': 'createStore', newPassword: STORE_PASSWORD, rePassword: STORE_PASSWORD });
  assert.equal(add?.fields, { keyStorePass: KEYSTORE_PASSWORD, alias: 'eventproxy', keyPassword: KEYSTORE_PASSWORD, newAlias: 'eventproxy' });
  assert.equal(add?.files.map((f) => [f.field, f.filename]), [['keyStore', 'keystore.p12']]);
  const store = ctx.standIn?.keystores.get(SERVICE_USER_HOME);
  assert.is(store?.password, STORE_PASSWORD);
  assert.is(store?.keys.get('eventproxy')?.serialNumber, ctx.key?.certificate.serialNumber);
});

keystoreSuite('passwords travel in the POST body, never in the URL', async (ctx) => {
  await installServiceUserKey(options(ctx));
  for (const request of ctx.standIn?.requests ?? []) assert.equal(request.query, {});
});

keystoreSuite('the store exists without the alias: only the key is added', async (ctx) => {
  Object.assign(ctx.standIn!.keystores.get(SERVICE_USER_HOME)!, { exists: true, password: 'x' });
  const result = await installServiceUserKey(options(ctx, { storePassword: undefined }));
  assert.is(result.outcome, 'added');
  assert.equal(kinds(ctx.standIn), ['ks.json', 'ks.html', 'ks.json']);
});

keystoreSuite('present with the same certificate: nothing to do, nothing posted', async (ctx) => {
  await installServiceUserKey(options(ctx));
  ctx.standIn!.requests.length = 0;
  const result = await installServiceUserKey(options(ctx));
  assert.equal({ outcome: result.outcome, exitCode: result.exitCode, message: result.message }, { outcome: 'unchanged', exitCode: 0, message: "alias 'eventproxy' already holds this certificate; nothing to do" });
  assert.equal(kinds(ctx.standIn), ['ks.json']);
});

keystoreSuite('present with another certificate: refused without --replace-key (exit 1), nothing posted', async (ctx) => {
  const other = await keyOf(await otherKeystore());
  const store = ctx.standIn!.keystores.get(SERVICE_USER_HOME)!;
  Object.assign(store, { exists: true, password: 'x' });
  store.keys.set('eventproxy', storedKeyOf(readPkcs12Keystore({ bytes: other.keystore, password: KEYSTORE_PASSWORD, alias: 'eventproxy' }).certificatePem));
  const result = await installServiceUserKey(options(ctx));
  assert.is(result.outcome, 'different-key');
  assert.is(result.exitCode, 1);
  assert.match(result.message, `alias 'eventproxy' in ${SERVICE_USER_HOME} holds another certificate (serial ${other.certificate.serialNumber}, subject CN=eventproxy, valid until `);
  assert.match(result.message, `; ours is serial ${ctx.key?.certificate.serialNumber}, SHA-256 ${ctx.key?.certificate.fingerprint256}. Run with --replace-key to replace it`);
  assert.equal(kinds(ctx.standIn), ['ks.json']);
});

keystoreSuite('--replace-key: the other key is removed, ours added and read back', async (ctx) => {
  const other = await keyOf(await otherKeystore());
  await installServiceUserKey(options(ctx, { key: other }));
  ctx.standIn!.requests.length = 0;
  const result = await installServiceUserKey(options(ctx, { replace: true }));
  assert.is(result.outcome, 'replaced');
  assert.equal(kinds(ctx.standIn), ['ks.json', 'ks.html', 'ks.html', 'ks.json']);
  assert.equal(ctx.standIn?.requests[1]?.fields, { removeAlias: 'eventproxy' });
  assert.is(ctx.standIn?.keystores.get(SERVICE_USER_HOME)?.keys.get('eventproxy')?.serialNumber, ctx.key?.certificate.serialNumber);
});

keystoreSuite('no store and no AEM_KEYSTORE_PASSWORD: exit 2, nothing posted', async (ctx) => {
  const result = await installServiceUserKey(options(ctx, { storePassword: undefined }));
  assert.equal({ outcome: result.outcome, exitCode: result.exitCode }, { outcome: 'no-store-password', exitCode: 2 });
  assert.is(result.message, `${SERVICE_USER_HOME} has no keystore yet; set AEM_KEYSTORE_PASSWORD to the password AEM should give it, then deploy again`);
  assert.equal(kinds(ctx.standIn), ['ks.json']);
});

keystoreSuite('AEM answers 200 but the key is not there afterwards: refused, by the read-back', async (ctx) => {
  // Our idea of the certificate differs from what the PKCS#12 holds: AEM stores the file's key.
  const other = await keyOf(await otherKeystore());
  const result = await installServiceUserKey(options(ctx, { key: { ...ctx.key!, certificate: other.certificate } }));
  assert.is(result.outcome, 'refused');
  assert.match(result.message, `AEM accepted the key, but ${SERVICE_USER_HOME}.ks.json does not show alias 'eventproxy' with our certificate (serial ${ctx.key?.certificate.serialNumber}`);
});

keystoreSuite("a PKCS#12 AEM cannot open (UnrecoverableKeyException, aem-io-events.md §6): refused, with AEM's exception and what to do", async (ctx) => {
  const result = await installServiceUserKey(options(ctx, { key: { ...ctx.key!, password: 'not-the-password' } }));
  assert.equal(
    { outcome: result.outcome, exitCode: result.exitCode, message: result.message },
    {
      outcome: 'refused',
      exitCode: 1,
      message: `adding the key for ${SERVICE_USER_HOME}: AEM answered HTTP 500 (java.security.UnrecoverableKeyException: Get Key failed: Given final block not properly padded. Such issues can arise if a bad key is used during decryption.); AEM could not open the PKCS#12 with keystore.password: its store and key passwords must both be keystore.password, and AEM's Java must read its encryption (a Java before 8u301 cannot read AES: make it with aem-ioevents keygen, whose default --p12-encryption legacy every AEM 6.x reads)`,
    },
  );
});

keystoreSuite("a keystore copied from another instance (CryptoException, aem-io-events.md §3.2): refused before anything is posted, with what to do", async (ctx) => {
  Object.assign(ctx.standIn!.keystores.get(SERVICE_USER_HOME)!, { exists: true, password: 'x', foreign: true });
  const result = await installServiceUserKey(options(ctx));
  assert.equal(
    { outcome: result.outcome, exitCode: result.exitCode, message: result.message },
    {
      outcome: 'refused',
      exitCode: 1,
      message: `reading the keystore state for ${SERVICE_USER_HOME}: AEM answered HTTP 500 (com.adobe.granite.crypto.CryptoException: Cannot convert byte data); AEM cannot decrypt this keystore's password: it was copied from an instance with other crypto keys (a package holding ${SERVICE_USER_HOME}/keystore). Delete ${SERVICE_USER_HOME}/keystore on this instance, then deploy --keystore again with AEM_KEYSTORE_PASSWORD set`,
    },
  );
  assert.equal(kinds(ctx.standIn), ['ks.json']);
});

keystoreSuite('an unknown service user: refused, pointing at the connector package', async (ctx) => {
  const result = await installServiceUserKey(options(ctx, { key: { ...ctx.key!, home: '/home/users/system/nobody' } }));
  assert.is(result.message, '/home/users/system/nobody is not a user on this instance (HTTP 404 for .ks.json); install the I/O Events connector package first, or check serviceUser.home');
});

keystoreSuite('refused credentials: refused, naming the rights', async (ctx) => {
  const result = await installServiceUserKey(options(ctx, { connection: connection('wrong') }));
  assert.is(result.message, `reading the keystore state for ${SERVICE_USER_HOME}: AEM refused the credentials (HTTP 401); the user needs rights on the service user's keystore`);
});

keystoreSuite('nothing listening: unreachable, exit 3', async (ctx) => {
  await ctx.standIn?.stop();
  const result = await installServiceUserKey(options(ctx));
  assert.equal({ outcome: result.outcome, exitCode: result.exitCode }, { outcome: 'unreachable', exitCode: 3 });
  assert.match(result.message, /^reading the keystore state: .*ECONNREFUSED/);
});

keystoreSuite.run();
