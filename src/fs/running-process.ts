/**
 * Whether the process that named a temporary file still runs: the writers of output files put
 * their pid into the names of what they write first (keygen's sets, writeFileAtomic's temporary
 * files), so that the next run removes what a killed one left, and never what a running one writes.
 */

/** True when process `pid` runs on this machine (this process included; EPERM: it runs as another user). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
