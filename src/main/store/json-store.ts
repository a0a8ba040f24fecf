// A JSON file with one writer: lowdb for the atomic write, plus what lowdb leaves to
// us — coalesced writes, rotating backups, recovery from a damaged file and a schema
// version that a newer Gloss can raise without this one overwriting its data.
//
// Built as `new Low(new JSONFile(file), defaults)` on purpose: JSONFilePreset swaps in
// an in-memory adapter when NODE_ENV=test (which vitest sets), so tests would pass
// without ever touching the disk.
import { mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import {
  backupPath,
  checkContent,
  newestGoodBackup,
  readTextIfExists,
  rotateBackups,
  setAside,
  syncFile
} from './backup-files'

export { NewerDataError } from './backup-files'

export interface JsonStore<T> {
  readonly path: string
  /** The current data, mutated in place by update(); read it freely. */
  readonly data: T
  /** Applies the change in memory now and schedules a coalesced write. */
  update(mutate: (data: T) => void): void
  /** Writes pending changes now; resolves once they are on disk. */
  flush(): Promise<void>
  /** Flushes and stops timers; update() afterwards throws. */
  close(): Promise<void>
  /** Set when the file was damaged or missing and was restored or reset: a sentence for the user. */
  readonly notice: string | null
  /** How many times the file has been written since it was opened (diagnostics and tests). */
  readonly writeCount: number
}

export interface JsonStoreOptions<T> {
  defaults: () => T
  /** The newest schema version this code understands; stored in the data as `schemaVersion`. */
  schemaVersion: number
  /** Returns the data (migrated if need be) or throws when `raw` is not acceptable. */
  validate: (raw: unknown) => T
  /** Backups kept, `.bak1` (newest) … `.bak<N>`. Default 5; 0 disables them. */
  backups?: number
  /** A new backup is taken after a write when the newest one is older than this. Default 5 minutes. */
  backupIntervalMs?: number
  /** Quiet time after the last update before writing. Default 150 ms. */
  debounceMs?: number
  /** Longest a change waits while updates keep coming. Default 1 s. */
  maxDelayMs?: number
  /** Starts the notice sentence, e.g. "Your Gloss data for this folder". */
  label?: string
  now?: () => Date
}

const DEFAULT_BACKUPS = 5
const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000
const DEFAULT_DEBOUNCE_MS = 150
const DEFAULT_MAX_DELAY_MS = 1_000

/**
 * How long to wait before writing: the debounce, cut short so that no change waits
 * longer than maxDelayMs after the first unsaved update.
 */
export function nextWriteDelay(now: number, pendingSince: number, debounceMs: number, maxDelayMs: number): number {
  return Math.max(0, Math.min(debounceMs, pendingSince + maxDelayMs - now))
}

/**
 * Opens (or creates) a JSON store.
 *
 * Backup policy: after a write lands, if there is no `.bak1` or it is older than
 * backupIntervalMs, the file just written is read back, parsed and validated, and only
 * then rotated in as `.bak1` (older ones shift down, the oldest drops off). So a bad
 * write never pushes a good backup out, and the backups span at least
 * backups × backupIntervalMs of editing.
 *
 * On open: missing file → the newest good backup if any (with a notice), else defaults.
 * A file that does not parse or validate → set aside as `<file>.corrupt-<time>`, the
 * newest good backup restored (or defaults) and a notice set. A file with a newer
 * schemaVersion → NewerDataError, nothing touched.
 */
export async function openJsonStore<T>(file: string, options: JsonStoreOptions<T>): Promise<JsonStore<T>> {
  const backups = options.backups ?? DEFAULT_BACKUPS
  const backupIntervalMs = options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS
  const label = options.label ?? 'Your Gloss data'
  const now = options.now ?? (() => new Date())
  const { schemaVersion, validate } = options

  await mkdir(path.dirname(file), { recursive: true })
  const loaded = await load()
  const db = new Low<T>(new JSONFile<T>(file), loaded.data)

  let dirty = false
  let pendingSince: number | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let chain: Promise<void> = Promise.resolve()
  let closed = false
  let writeCount = 0

  async function load(): Promise<{ data: T; notice: string | null; needsWrite: boolean }> {
    const text = await readTextIfExists(file)
    if (text === null) {
      const backup = await newestGoodBackup(file, backups, schemaVersion, validate)
      if (!backup) return { data: options.defaults(), notice: null, needsWrite: false }
      return {
        data: backup.data,
        notice: `${label} was missing; restored the backup from ${formatTime(backup.takenAt)}.`,
        needsWrite: true
      }
    }
    const checked = checkContent(text, schemaVersion, validate, file)
    if (checked.ok) return { data: checked.data, notice: null, needsWrite: false }
    const keptAt = await setAside(file, now())
    const backup = await newestGoodBackup(file, backups, schemaVersion, validate)
    if (backup) {
      return {
        data: backup.data,
        notice: `${label} was damaged; restored the backup from ${formatTime(backup.takenAt)}. The damaged file was kept at ${keptAt}.`,
        needsWrite: true
      }
    }
    return {
      data: options.defaults(),
      notice: `${label} was damaged and no usable backup was found, so it starts empty. The damaged file was kept at ${keptAt}.`,
      needsWrite: true
    }
  }

  async function writeOnce(): Promise<void> {
    if (!dirty) return
    dirty = false
    pendingSince = null
    try {
      await db.write()
    } catch (error) {
      dirty = true
      throw error
    }
    writeCount++
    await syncFile(file)
    await backUpIfDue()
  }

  async function backUpIfDue(): Promise<void> {
    if (backups < 1) return
    const newest = await readMtime(backupPath(file, 1))
    if (newest !== null && Math.abs(now().getTime() - newest) < backupIntervalMs) return
    // Read back what is on disk, not what is in memory: that is what a restore would get.
    const text = await readTextIfExists(file)
    if (text === null) return
    let good = false
    try {
      good = checkContent(text, schemaVersion, validate, file).ok
    } catch {
      good = false
    }
    if (good) await rotateBackups(file, backups, text)
    else console.error(`Gloss: ${file} did not validate after writing; backups left as they were`)
  }

  function write(): Promise<void> {
    const run = chain.then(writeOnce)
    chain = run.catch(() => undefined)
    return run
  }

  function schedule(delay?: number): void {
    const at = Date.now()
    pendingSince ??= at
    if (timer) clearTimeout(timer)
    timer = setTimeout(
      () => {
        timer = null
        write().catch((error: unknown) => {
          // Keep the change in memory and try again; flush() and close() report the error.
          console.error(`Gloss: could not save ${file}:`, error)
          if (!closed) schedule(maxDelayMs)
        })
      },
      delay ?? nextWriteDelay(at, pendingSince, debounceMs, maxDelayMs)
    )
  }

  async function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    await write()
  }

  if (loaded.needsWrite) {
    dirty = true
    await flush()
  }

  return {
    path: file,
    get data() {
      return db.data
    },
    get notice() {
      return loaded.notice
    },
    get writeCount() {
      return writeCount
    },
    update(mutate) {
      if (closed) throw new Error(`The store ${file} is closed`)
      mutate(db.data)
      dirty = true
      schedule()
    },
    flush,
    async close() {
      if (closed) return chain
      closed = true
      await flush()
    }
  }
}

async function readMtime(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs
  } catch {
    return null
  }
}

/** Local time, minutes precision: what a person needs to recognise "which backup". */
function formatTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}
