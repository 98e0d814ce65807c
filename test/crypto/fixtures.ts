// Shared material for the crypto suites: the throwaway fixture key, keys made at run time,
// a deterministic random source, and thin wrappers around the real consumers.
import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { createSelfSignedCertificate } from '../../src/crypto/certificate.ts';
import { parseDistinguishedName } from '../../src/crypto/distinguished-name.ts';

/** fixtures/keys/throwaway-rsa2048.key: the same key on every run (see fixtures/keys/README.md). */
export const FIXTURE_KEY: KeyObject = createPrivateKey(readFileSync(new URL('../../fixtures/keys/throwaway-rsa2048.key', import.meta.url)));

const keys = new Map<string, KeyObject>();

/** An RSA (or EC) private key made once per run and shared by the suites that need one. */
export function runtimeKey(name: string, type: 'rsa' | 'ec' = 'rsa', bits = 2048): KeyObject {
  let key = keys.get(name);
  if (key === undefined) {
    key = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: bits }).privateKey : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    keys.set(name, key);
  }
  return key;
}

/** A deterministic stand-in for crypto.randomBytes: SHA-256 of a seed and a counter. */
export function fixedRandom(seed: string): (size: number) => Buffer {
  let counter = 0;
  return (size) => {
    const chunks: Buffer[] = [];
    for (let length = 0; length < size; length += 32) chunks.push(createHash('sha256').update(`${seed}:${counter++}`).digest());
    return Buffer.concat(chunks).subarray(0, size);
  };
}

/** A self-signed certificate for `key`, valid from `notBefore` for `days`. */
export function certificateFor(key: KeyObject, options: { notBefore?: Date; days?: number; subject?: string } = {}): { pem: string; der: Buffer; x509: X509Certificate } {
  const { notBefore = new Date('2026-01-01T00:00:00Z'), days = 365, subject = 'CN=test' } = options;
  const certificate = createSelfSignedCertificate({ privateKey: key, subject: parseDistinguishedName(subject), notBefore, days, serialNumber: Buffer.from('4142434445464748', 'hex') });
  return { ...certificate, x509: new X509Certificate(certificate.der) };
}

/** What a child process printed. */
export interface ToolRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs openssl (or another tool) with arguments; never through a shell. */
export function run(tool: string, args: readonly string[], options: { input?: string; cwd?: string; env?: Record<string, string> } = {}): ToolRun {
  const result = spawnSync(tool, args, { encoding: 'utf8', input: options.input, cwd: options.cwd, env: { ...process.env, ...options.env }, timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The PKCS#8 PEM of a key. */
export const pkcs8Pem = (key: KeyObject): string => key.export({ type: 'pkcs8', format: 'pem' }) as string;

/** What an expected failure says: the InputError's code and message. */
export interface InputFailure {
  readonly code: string;
  readonly message: string;
}

/** The code and message of the InputError `run` throws; fails the test if it returns or throws anything else. */
export function inputFailure(run: () => unknown): InputFailure {
  try {
    run();
  } catch (error) {
    return describeInputError(error);
  }
  return assert.unreachable('should have thrown') as never;
}

/** {@link inputFailure} for a call that may return a promise. */
export async function inputFailureAsync(run: () => unknown): Promise<InputFailure> {
  try {
    await run();
  } catch (error) {
    return describeInputError(error);
  }
  return assert.unreachable('should have thrown') as never;
}

function describeInputError(error: unknown): InputFailure {
  assert.instance(error, InputError);
  return { code: (error as InputError).code, message: (error as InputError).message };
}
