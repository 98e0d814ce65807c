import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Result of one Java run. */
export interface JavaResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one of the single-file Java programs in `test/java/` (`java File.java args…`), the way
 * AEM's own JDK classes would read our output. Each run compiles the file, so batch checks.
 */
export function runJava(program: string, args: readonly string[], input?: string | Buffer): JavaResult {
  const file = fileURLToPath(new URL(`../java/${program}.java`, import.meta.url));
  const result = spawnSync('java', ['-Xshare:auto', '-XX:TieredStopAtLevel=1', file, ...args], {
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
