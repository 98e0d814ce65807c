import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder; remove it with {@link removeTempDir} in an `after` hook. */
export function makeTempDir(prefix = 'aem-ioevents-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a folder made by {@link makeTempDir}. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
