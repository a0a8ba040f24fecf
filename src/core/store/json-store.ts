// A JSON file with one writer: lowdb for the atomic write, plus what lowdb leaves to
// us — coalesced writes, rotating backups, recovery from a damaged file and a schema
// version that a newer Gloss can raise without this one overwriting its data; failed
// writes told, journalled and retried; a file another process changed merged.
// Over 400 lines on purpose: the write schedule, the failure reporting and the recovery
// on open share the store's state (dirty, pendingSince, base, saveProblem) in one
// closure; the file helpers that need none of it are in store-file.ts.
//
// Built as `new Low(adapter, defaults)` on purpose: JSONFilePreset swaps in an
// in-memory adapter when NODE_ENV=test (which vitest sets), so tests would pass without
// ever touching the disk. The adapter is DurableJSONFile rather than lowdb's JSONFile,
// which renames atomically but never fsyncs (see durable-write.ts).
import { mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { readIfPresent } from '../fs/read-if-present'
import { backupPath, checkContent, newestGoodBackup, rotateBackups, setAside } from './backup-files'
import { cleanStaleTemps, writeDurably } from '../fs/durable-write'
import { describeWriteError, type SaveProblem } from './save-problem'
import { clearJournal, readJournal, writeJournal } from './write-journal'
import { MAX_STORE_BYTES, mergeTopLevel, readStoreFile, sameStat, statOf, type FileSeen } from './store-file'

export { MAX_STORE_BYTES, mergeTopLevel } from './store-file'

export type { SaveProblem } from './save-problem'

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
  /**
   * The longest any change has waited, from its update() to being durably on disk,
   * since the store was opened (diagnostics and tests; the aim is ≤ maxDelayMs).
   */
  readonly longestWaitMs: number
  /**
   * Why the latest changes are not on disk (the last write failed: disk full, read-only,
   * no permission), or null when everything acknowledged has been written. The changes
   * stay in memory (and in the journal when it could be written) and are retried.
   */
  readonly saveProblem: SaveProblem | null
  /** True when the store was opened read-only: changes stay in memory and are never written. */
  readonly readOnly: boolean
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
  /** Longest a change may wait, while updates keep coming, until it is on disk. Default 1 s. */
  maxDelayMs?: number
  /** Starts the notice sentence, e.g. "Your Gloss data for this folder". */
  label?: string
  now?: () => Date
  /**
   * Puts the data in the file. Default: the durable write. Tests pass a writer of known
   * speed to hold the write schedule to its deadline on a fake clock, or one that fails
   * like a full or read-only disk.
   */
  writer?: Adapter<T>
  /**
   * Never write (nor set a damaged file aside): another process writes this data folder
   * (see data-folder-lock.ts), so this one reads a snapshot.
   */
  readOnly?: boolean
  /**
   * Called when saveProblem changes (a write failed, or the store could write again):
   * the core tells the user at once.
   */
  onSaveProblem?: (problem: SaveProblem | null) => void
  /**
   * Where the data goes when the file cannot be written (another disk if possible), so
   * that a kill while the disk is full loses nothing acknowledged; read back on open.
   * null: no journal. Default: none (the core passes data-folder.ts's journalFile).
   */
  journal?: string | null
  /**
   * Combines the data in memory with a version another process wrote meanwhile (the file
   * changed since this store last read or wrote it): `base` is what both started from.
   * Default: mergeTopLevel (each top-level field: ours if we changed it, else theirs).
   */
  merge?: (base: T, ours: T, theirs: T) => T
  /**
   * For a file that parses but does not validate: keeps what can be kept and names what
   * could not (a highlight with a colour not in the palette), so that one bad record does
   * not set the whole file aside. null when nothing can be saved this way.
   */
  salvage?: (raw: unknown, backup: T | null) => Salvaged<T> | null
  /** A file larger than this is treated as damaged (default MAX_STORE_BYTES; tests lower it). */
  maxBytes?: number
}


export interface Salvaged<T> {
  data: T
  /** One line per record set aside, for the notice: `a highlight of "Article" (color: …)`. */
  setAside: string[]
  /** How many of those the backup held in a good version, which took their place. */
  restored: number
}

const DEFAULT_BACKUPS = 5
const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000
const DEFAULT_DEBOUNCE_MS = 150
const DEFAULT_MAX_DELAY_MS = 1_000

/** Recent write durations kept to predict the next one. */
const WRITE_TIMES_KEPT = 8

/**
 * How long to wait before writing: the debounce, cut short so that the write *lands*
 * no later than maxDelayMs after the first unsaved update — it starts leadMs early, the
 * time a write is expected to take (see writeLead).
 */
export function nextWriteDelay(now: number, pendingSince: number, debounceMs: number, maxDelayMs: number, leadMs = 0): number {
  return Math.max(0, Math.min(debounceMs, pendingSince + maxDelayMs - leadMs - now))
}

/**
 * Whether an update leaves the armed write timer alone. A wait shorter than the
 * debounce means the deadline has taken over; a timer that already fires by then must
 * stay, because re-arming it on every update lets a stream of updates (one per
 * event-loop turn) push a timer of 0–1 ms back again and again: the write comes late, or
 * not at all while the stream lasts.
 * Otherwise the update re-arms it: later to extend the debounce, or earlier.
 */
export function keepArmedTimer(armedDue: number | null, due: number, wait: number, debounceMs: number): boolean {
  return armedDue !== null && wait < debounceMs && armedDue <= due
}

/**
 * How early to start a write that must be on disk by a deadline: twice the slowest of
 * the recent writes (a write can run into the end of the one before it) plus a tenth of
 * maxDelayMs for a busy event loop. A large store on a slow disk may need more than
 * maxDelayMs: then writes simply follow one another while changes keep coming.
 */
export function writeLead(recentWriteMs: readonly number[], maxDelayMs: number): number {
  return 2 * Math.max(0, ...recentWriteMs) + maxDelayMs / 10
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

  const readOnly = options.readOnly ?? false
  const maxBytes = options.maxBytes ?? MAX_STORE_BYTES
  const journal = readOnly ? null : (options.journal ?? null)
  const merge = options.merge ?? mergeTopLevel
  if (!readOnly) {
    await mkdir(path.dirname(file), { recursive: true })
    // Temporary files a killed writer left beside it (a full disk leaves large ones).
    await cleanStaleTemps(path.dirname(file))
  }
  const loadStarted = performance.now()
  // What the file held when this store last read or wrote it (text and stat): a file
  // that differs before a write was changed by another process and is merged, not overwritten.
  let base: { text: string | null; seen: FileSeen | null } = { text: null, seen: null }
  const loaded = await fromJournal(await load())
  const ownFile = options.writer === undefined
  const db = new Low<T>(options.writer ?? { read: async () => null, write: async () => undefined }, loaded.data)
  let saveProblem: SaveProblem | null = null
  // Until the first write has been timed, assume writing costs what reading and checking
  // the same data did: both scale with its size on this machine.
  const recentWriteMs: number[] = [performance.now() - loadStarted]
  let longestWaitMs = 0

  let dirty = false
  let pendingSince: number | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let timerDue = 0
  let chain: Promise<void> = Promise.resolve()
  let closed = false
  let writeCount = 0

  async function load(): Promise<{ data: T; notice: string | null; needsWrite: boolean }> {
    const seen = await statOf(file)
    const read = await readStoreFile(file, seen, maxBytes)
    if (read.kind === 'too-large' && !readOnly) return damaged(`${label} was too large to read (${Math.round(read.bytes / 1024 / 1024)} MB)`)
    const text = read.kind === 'text' ? read.text : null
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
    if (checked.ok && read.kind === 'text' && read.invalidUtf8 && !readOnly) {
      // Readable, but some bytes were not UTF-8 and were read as U+FFFD: the next write
      // would make that final, so the file as it was is kept and the user told.
      const keptAt = await setAside(file, now())
      return {
        data: checked.data,
        notice: `${label} held bytes that are not valid text (UTF-8); they show as \uFFFD. The file as it was is kept at ${keptAt}.`,
        needsWrite: true
      }
    }
    if (checked.ok) {
      base = { text, seen }
      return { data: checked.data, notice: null, needsWrite: false }
    }
    const backupFound = options.salvage && !readOnly ? await newestGoodBackup(file, backups, schemaVersion, validate) : null
    const salvaged = readOnly ? null : salvageText(text, backupFound?.data ?? null)
    if (salvaged) {
      // The file as it was is kept whole; the records that could be read carry on, and a
      // bad one the backup holds in a good version is taken from there.
      const keptAt = await setAside(file, now())
      const count = salvaged.setAside.length
      const what = `${count === 1 ? 'a record' : `${count} records`} (${salvaged.setAside.join('; ')})`
      const notice =
        salvaged.restored === count && backupFound
          ? `${label} was damaged; restored the backup from ${formatTime(backupFound.takenAt)} for ${what} and kept everything newer. The damaged file was kept at ${keptAt}.`
          : `${label} had ${what} Gloss cannot read; ${salvaged.restored ? `${salvaged.restored} came from the backup, the others were` : count === 1 ? 'it was' : 'they were'} set aside and everything else kept. The file as it was is at ${keptAt}.`
      return { data: salvaged.data, notice, needsWrite: true }
    }
    if (readOnly) {
      const backup = await newestGoodBackup(file, backups, schemaVersion, validate)
      return { data: backup?.data ?? options.defaults(), notice: `${label} is damaged (${checked.reason}); showing ${backup ? 'its newest backup' : 'nothing'} until Gloss repairs it.`, needsWrite: false }
    }
    return damaged(`${label} was damaged`)
  }

  /** Sets the file aside and restores the newest good backup (or starts empty), saying why. */
  async function damaged(lead: string): Promise<{ data: T; notice: string | null; needsWrite: boolean }> {
    const keptAt = await setAside(file, now())
    const backup = await newestGoodBackup(file, backups, schemaVersion, validate)
    if (backup) {
      return {
        data: backup.data,
        notice: `${lead}; restored the backup from ${formatTime(backup.takenAt)}. The damaged file was kept at ${keptAt}.`,
        needsWrite: true
      }
    }
    return {
      data: options.defaults(),
      notice: `${lead} and no usable backup was found, so it starts empty. The damaged file was kept at ${keptAt}.`,
      needsWrite: true
    }
  }

  function salvageText(text: string, backup: T | null): Salvaged<T> | null {
    if (!options.salvage) return null
    try {
      const salvaged = options.salvage(JSON.parse(text.replace(/^\uFEFF/, '')), backup)
      return salvaged && salvaged.setAside.length > 0 ? { ...salvaged, data: validate(salvaged.data) } : null
    } catch {
      return null
    }
  }

  /** A journal left by a run that could not write the file: newer than the file, so it wins. */
  async function fromJournal(found: { data: T; notice: string | null; needsWrite: boolean }) {
    if (!journal) return found
    const kept = await readJournal(journal, file)
    if (kept === null) return found
    const checked = checkContent(kept.text, schemaVersion, validate, journal)
    if (!checked.ok) return found
    return {
      data: checked.data,
      notice: `${label} had changes that could not be saved on ${kept.savedAt}; they were recovered from ${journal}.`,
      needsWrite: true
    }
  }

  /** The file changed since we last read or wrote it: merge the other writer's version in. */
  async function mergeOutsideChange(): Promise<void> {
    if (!ownFile || base.seen === null) return
    const seen = await statOf(file)
    if (seen === null || sameStat(seen, base.seen)) return
    const text = await readIfPresent(file)
    if (text === null) return
    const theirs = checkContent(text, schemaVersion, validate, file)
    if (!theirs.ok) return // a damaged file is replaced by ours (it was valid when we read it)
    const before = base.text === null ? options.defaults() : validate(JSON.parse(base.text))
    const merged = merge(before, db.data, theirs.data)
    // In place: callers may hold db.data.
    Object.assign(db.data as object, merged)
    console.error(`Gloss: ${file} was changed by another process; merged its changes with ours`)
  }

  async function writeOnce(): Promise<void> {
    if (!dirty || readOnly) return
    const since = pendingSince ?? Date.now()
    const started = performance.now()
    let text: string
    try {
      await mergeOutsideChange()
      // Serialised before the first await of the write: the flags are reset in the same
      // turn, so an update made while the file is being written marks it dirty again.
      text = JSON.stringify(db.data, null, 2)
      dirty = false
      pendingSince = null
      if (ownFile) await writeDurably(file, text)
      else await db.write()
    } catch (error) {
      dirty = true
      pendingSince = pendingSince === null ? since : Math.min(since, pendingSince)
      await reportProblem(error)
      // Tried again on its own, whether the write was the timer's or a flush().
      if (!closed) schedule(maxDelayMs)
      throw error
    }
    // Counted in the turn the write lands, before anything else is awaited.
    recentWriteMs.push(performance.now() - started)
    if (recentWriteMs.length > WRITE_TIMES_KEPT) recentWriteMs.shift()
    longestWaitMs = Math.max(longestWaitMs, Date.now() - since)
    writeCount++
    if (saveProblem) {
      saveProblem = null
      options.onSaveProblem?.(null)
    }
    base = { text, seen: ownFile ? await statOf(file) : null }
    if (journal) await clearJournal(journal)
    await backUpIfDue()
  }

  async function reportProblem(error: unknown): Promise<void> {
    // The journal first, so that the problem can say whether the changes are safe elsewhere.
    const journaled = journal ? await writeJournal(journal, file, JSON.stringify(db.data), now()) : false
    const problem = describeWriteError(error, file, { since: saveProblem?.since ?? now().toISOString(), journal: journaled ? journal : null })
    const changed = saveProblem?.code !== problem.code || saveProblem?.journal !== problem.journal
    saveProblem = problem
    if (changed) {
      console.error(`Gloss: could not save ${file}:`, error)
      options.onSaveProblem?.(problem)
    }
  }

  async function backUpIfDue(): Promise<void> {
    if (backups < 1) return
    const newest = await readMtime(backupPath(file, 1))
    if (newest !== null && Math.abs(now().getTime() - newest) < backupIntervalMs) return
    // Read back what is on disk, not what is in memory: that is what a restore would get.
    const text = await readIfPresent(file)
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
    const wait = delay ?? nextWriteDelay(at, pendingSince, debounceMs, maxDelayMs, writeLead(recentWriteMs, maxDelayMs))
    const due = at + wait
    if (keepArmedTimer(timer ? timerDue : null, due, wait, debounceMs)) return
    if (timer) clearTimeout(timer)
    timerDue = due
    timer = setTimeout(() => {
      timer = null
      // On failure the change is kept in memory (and in the journal) and writeOnce has
      // scheduled the retry and told the user; flush() and close() report it to their callers.
      write().catch(() => undefined)
    }, wait)
  }

  async function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    await write()
  }

  if (loaded.needsWrite && !readOnly) {
    dirty = true
    // A repair that cannot be written yet (a read-only disk) is retried like any change.
    await flush().catch(() => schedule(maxDelayMs))
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
    get longestWaitMs() {
      return longestWaitMs
    },
    get saveProblem() {
      return saveProblem
    },
    readOnly,
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
