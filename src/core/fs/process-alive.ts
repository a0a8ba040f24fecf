// Whether a process of this machine is running: how a lock file or a temporary file that
// names its pid is known to be stale (data-folder-lock.ts, durable-write.ts).
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which is alive all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
