import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createPrivateKey, createVerify, X509Certificate } from 'node:crypto';
import { InputError } from '../../src/errors.ts';
import { createJwtClaims } from '../../src/ims/jwt-claims.ts';
import { signJwt } from '../../src/ims/sign-jwt.ts';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getKeyMaterial } from './key-material.ts';
import { hasTool } from '../helpers/tools.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const claims = createJwtClaims({
  orgId: 'C74F69D7594880280A495D09@AdobeOrg',
  technicalAccountId: '6657A0A1583EC1930A495C7E@techacct.adobe.com',
  clientId: '0123456789abcdef0123456789abcdef',
  metascopes: ['event_receiver_api'],
  imsUrl: 'https://ims-na1.adobelogin.com',
  now: new Date('2026-11-23T12:00:00Z'),
});

const signJwtSuite = suite('signJwt');

signJwtSuite('the header is {"alg":"RS256","typ":"JWT"} and the payload exactly the claims, no iat added', async () => {
  const token = await signJwt(claims, { privateKeyPem: getKeyMaterial('bound').privateKeyPem });
  assert.is(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString(), '{"alg":"RS256","typ":"JWT"}');
  assert.is(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString(), JSON.stringify(claims));
});

signJwtSuite('the signature verifies with the certificate (RSASSA-PKCS1-v1_5 SHA-256) and is deterministic', async () => {
  const { privateKeyPem, certificatePem } = getKeyMaterial('bound');
  const token = await signJwt(claims, { privateKeyPem });
  const [header = '', payload = '', signature = ''] = token.split('.');
  const verified = createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(new X509Certificate(certificatePem).publicKey, Buffer.from(signature, 'base64url'));
  assert.ok(verified);
  assert.is(await signJwt(claims, { privateKeyPem }), token);
});

signJwtSuite('openssl verifies the signature with the certificate (a consumer that is not Node)', async () => {
  if (!hasTool('openssl')) return;
  const { privateKeyPem, certificatePem } = getKeyMaterial('bound');
  const [header = '', payload = '', signature = ''] = (await signJwt(claims, { privateKeyPem })).split('.');
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'cert.pem'), certificatePem);
    writeFileSync(join(dir, 'input'), `${header}.${payload}`);
    writeFileSync(join(dir, 'sig'), Buffer.from(signature, 'base64url'));
    const pub = spawnSync('openssl', ['x509', '-in', join(dir, 'cert.pem'), '-pubkey', '-noout', '-out', join(dir, 'pub.pem')], { encoding: 'utf8' });
    assert.is(pub.status, 0, pub.stderr);
    const verify = spawnSync('openssl', ['dgst', '-sha256', '-verify', join(dir, 'pub.pem'), '-signature', join(dir, 'sig'), join(dir, 'input')], { encoding: 'utf8' });
    assert.is(verify.stdout.trim(), 'Verified OK');
    writeFileSync(join(dir, 'input'), `${header}.${payload}x`);
    const tampered = spawnSync('openssl', ['dgst', '-sha256', '-verify', join(dir, 'pub.pem'), '-signature', join(dir, 'sig'), join(dir, 'input')], { encoding: 'utf8' });
    assert.is(tampered.stdout.trim(), 'Verification failure');
  } finally {
    removeTempDir(dir);
  }
});

signJwtSuite('PKCS#1 keys, CRLF line endings and encrypted keys with their passphrase all sign the same token', async () => {
  const { privateKeyPem } = getKeyMaterial('bound');
  const expected = await signJwt(claims, { privateKeyPem });
  const key = createPrivateKey(privateKeyPem);
  const pkcs1 = key.export({ type: 'pkcs1', format: 'pem' }).toString();
  const encrypted = key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'keystore-pw' }).toString();
  assert.is(await signJwt(claims, { privateKeyPem: pkcs1 }), expected);
  assert.is(await signJwt(claims, { privateKeyPem: privateKeyPem.replace(/\n/g, '\r\n') }), expected);
  assert.is(await signJwt(claims, { privateKeyPem: encrypted, passphrase: 'keystore-pw' }), expected);
});

async function signFailure(privateKeyPem: string, passphrase?: string): Promise<InputError> {
  try {
    await signJwt(claims, { privateKeyPem, ...(passphrase === undefined ? {} : { passphrase }) });
  } catch (error) {
    assert.instance(error, InputError);
    return error as InputError;
  }
  throw new Error('signJwt should have failed');
}

signJwtSuite('unusable keys are bad input that says why, and never quotes the key', async () => {
  const { privateKeyPem, certificatePem } = getKeyMaterial('bound');
  const key = createPrivateKey(privateKeyPem);
  const encrypted = key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'keystore-pw' }).toString();
  const small = getKeyMaterial('rsa-1024', { bits: 1024 }).privateKeyPem;
  const cases: ReadonlyArray<readonly [string, string | undefined, RegExp]> = [
    [privateKeyPem.replace(/\n/g, '\\n'), undefined, /not a PEM private key .*literal \\n/],
    [Buffer.from(privateKeyPem).toString('base64'), undefined, /base64 of a PEM/],
    [certificatePem, undefined, /a certificate/],
    [encrypted, undefined, /encrypted and the passphrase is missing or wrong/],
    [encrypted, 'wrong', /encrypted and the passphrase is missing or wrong/],
    [small, undefined, /at least 2048 bits/],
  ];
  for (const [pem, passphrase, message] of cases) {
    const error = await signFailure(pem, passphrase);
    assert.match(error.message, message);
    assert.is(error.code, 'E_IMS_PRIVATE_KEY');
    assert.is(error.exitCode, 2);
    const body = pem.split('\n')[1] ?? pem.slice(40, 80);
    assert.not.ok(error.message.includes(body.slice(0, 30)), 'the message quotes the key');
  }
});

signJwtSuite.run();
