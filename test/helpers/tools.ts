import { spawnSync } from 'node:child_process';

const seen = new Map<string, boolean>();

/**
 * True when the external tool (`java`, `keytool`, `openssl`, `python3`) is on the PATH.
 * With `CI` set a missing tool is a failure, not a skip: the tests against real consumers must run there.
 */
export function hasTool(name: string): boolean {
  let found = seen.get(name);
  if (found === undefined) {
    found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
    seen.set(name, found);
  }
  if (!found && process.env.CI) throw new Error(`${name} is required when CI is set, but it is not on the PATH`);
  if (!found) process.stderr.write(`  (skipped: ${name} is not installed)\n`);
  return found;
}
