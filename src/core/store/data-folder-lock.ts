// One writer per data folder. The desktop app, the browser harness and the CLI all
// keep their stores in the same folder and each holds its data in memory between
// writes, so two of them writing at once lose each other's changes (the last write
// wins). Whoever writes takes `gloss.lock` first; the others either refuse to write
// (a CLI import while the app is open) or open the stores read-only (a CLI export).
//
// Why a pid lock file made with O_EXCL rather than `proper-lockfile`: proper-lockfile
// decides staleness by an mtime it refreshes on a timer, so a main process busy for
// longer than the stale time (a large store written on a slow disk) loses its lock to
// the CLI, and a sleeping laptop wakes up with two writers. A lock that names its pid
// is stale exactly when that process is gone, which the same machine can check at
// once and without timers. A lock from another machine (a data folder on a network
// share) is never taken over: we cannot know whether its writer is alive.
import { randomBytes } from 'node:crypto'
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { GlossError } from '../../shared/result'
import { processIsAlive } from '../fs/process-alive'
import { lockFile } from './data-folder'

export type LockOwner = 'app' | 'harness' | 'cli'

export interface LockInfo {
  pid: number
  owner: LockOwner
  host: string
  startedAt: string
}

export interface DataFolderLock {
  readonly file: string
  readonly info: LockInfo
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): Promise<void>
}

export interface LockOptions {
  pid?: number
  host?: string
  now?: () => Date
  /** Whether a process of this machine is running (tests inject one). */
  isAlive?: (pid: number) => boolean
}

const OWNER_NAMES: Record<LockOwner, string> = {
  app: 'Gloss',
  harness: 'The Gloss browser harness',
  cli: 'A Gloss command'
}

/** Another live process writes this data folder. */
export class DataFolderBusyError extends GlossError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo
  ) {
    const who = OWNER_NAMES[holder.owner] ?? 'Another Gloss process'
    const where = holder.host === os.hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`
    super(
      'UNAVAILABLE',
      `${who} is open on this data folder (${dataDir}, ${where}); close it or make this change there. ` +
        'Nothing was changed.'
    )
    this.name = 'DataFolderBusyError'
  }
}

/**
 * The live holder of the data folder's lock, or null when there is none (no file, a
 * damaged file, or a process of this machine that has gone).
 */
export async function lockHolder(dataDir: string, options: LockOptions = {}): Promise<LockInfo | null> {
  const info = await readLock(lockFile(dataDir))
  if (!info) return null
  return isStale(info, options) ? null : info
}

/**
 * Takes the data folder's lock for `owner` or throws DataFolderBusyError naming who holds
 * it. A stale lock (its process gone, or a file that does not parse) is replaced.
 * Errors of the file system itself (EROFS, EACCES) are thrown as they are: the caller
 * decides what a folder that cannot be written means.
 */
export async function acquireDataFolderLock(dataDir: string, owner: LockOwner, options: LockOptions = {}): Promise<DataFolderLock> {
  const file = lockFile(dataDir)
  const info: LockInfo = {
    pid: options.pid ?? process.pid,
    owner,
    host: options.host ?? os.hostname(),
    startedAt: (options.now?.() ?? new Date()).toISOString()
  }
  await mkdir(dataDir, { recursive: true })
  const text = JSON.stringify(info)
  // The content is written to a private file first and then linked to the lock's name:
  // link() fails when the name exists, so the lock appears whole or not at all (a
  // reader never sees an empty lock file and takes it for a damaged one).
  const temp = path.join(dataDir, `.gloss.lock.${info.pid}.${randomBytes(4).toString('hex')}.tmp`)
  await writeFile(temp, text, { flag: 'wx' })
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(temp, file)
        return held(file, info)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const found = await readLock(file)
      if (found && !isStale(found, options)) throw new DataFolderBusyError(dataDir, found)
      // Stale: replace it in one rename, then read it back. Two processes that both saw
      // it stale both rename; the one whose lock is not there when it reads back lost.
      await link(temp, `${temp}.take`)
      await rename(`${temp}.take`, file)
      const now = await readLock(file)
      if (now && sameLock(now, info)) return held(file, info)
      if (now && !isStale(now, options)) throw new DataFolderBusyError(dataDir, now)
    }
    throw new GlossError('UNAVAILABLE', `Could not take the lock on the data folder ${dataDir}; try again.`)
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

function held(file: string, info: LockInfo): DataFolderLock {
  let released = false
  return {
    file,
    info,
    async release() {
      if (released) return
      released = true
      // Only our own lock is removed: a lock taken over after ours went stale is not ours.
      const now = await readLock(file)
      if (now && sameLock(now, info)) await unlink(file).catch(() => undefined)
    }
  }
}

const sameLock = (a: LockInfo, b: LockInfo): boolean => a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt

function isStale(info: LockInfo, options: LockOptions): boolean {
  if (info.host !== (options.host ?? os.hostname())) return false
  if (info.pid === (options.pid ?? process.pid)) return false
  return !(options.isAlive ?? processIsAlive)(info.pid)
}

async function readLock(file: string): Promise<LockInfo | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return null
  }
  try {
    const raw = JSON.parse(text) as Partial<LockInfo>
    if (typeof raw.pid !== 'number' || typeof raw.host !== 'string' || typeof raw.owner !== 'string') return null
    return { pid: raw.pid, owner: raw.owner, host: raw.host, startedAt: String(raw.startedAt ?? '') }
  } catch {
    return null
  }
}
