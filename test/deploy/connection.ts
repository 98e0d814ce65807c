// What the deploy tests share: the stand-in's credentials and a connection to it.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { AemConnection } from '../../src/deploy/aem-request.ts';
import { AemCredentials } from '../../src/deploy/credentials.ts';
import type { InstallPackageOptions } from '../../src/deploy/install-package.ts';

/** The stand-in's user and password (throwaway). */
export const USER = 'deployer';
export const PASSWORD = 'Pa55-throwaway-aem';
/** Basic auth of USER:PASSWORD, which must never reach output either. */
export const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

/** A connection with the stand-in's credentials (or others), through the global fetch. */
export function connection(password = PASSWORD, fetchImpl: typeof fetch = fetch): AemConnection {
  return { fetch: fetchImpl, credentials: new AemCredentials(USER, password) };
}

/** A sleep that records its waits and returns at once; `onWait` runs before it returns. */
export function recordingSleep(onWait?: (count: number) => void | Promise<void>): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
      await onWait?.(waits.length);
    },
  };
}

/** Options of `installPackage` for `file` on the stand-in at `url`: service.jsp, 5 s deadlines, 3 retries, no real waits. */
export function installOptions(url: string, file: string, overrides: Partial<InstallPackageOptions> = {}): InstallPackageOptions {
  return {
    target: { url },
    connection: connection(),
    package: { file, filename: basename(file), size: statSync(file).size },
    api: 'jsp',
    timeoutMs: 5000,
    probeTimeoutMs: 5000,
    retries: 3,
    sleep: recordingSleep().sleep,
    ...overrides,
  };
}
