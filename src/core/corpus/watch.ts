// Watches an open corpus folder and reports what changed in batches: a burst of
// events (an editor's save, a sync client dropping two hundred files, a folder being
// renamed) becomes one list of changed paths after the folder has been quiet for a
// moment. Nothing here reads or writes article files; scan.ts does the reading.
//
// chokidar watches with the platform's events (inotify, FSEvents) and, when the system
// runs out of watches or file handles (ENOSPC, EMFILE), starts over with polling.
import chokidar, { type ChokidarOptions, type FSWatcher } from 'chokidar'
import type { Stats } from 'node:fs'
import path from 'node:path'
import { isBelow, isInside } from './paths'
import type { CorpusChanges } from './scan'
import { isSkippedEntry, kindOf } from './walk'

export interface WatchOptions {
  /** Called with each batch, one at a time: the next batch waits for this to settle. */
  onBatch: (batch: CorpusChanges) => Promise<void> | void
  /** Watcher trouble and onBatch failures; the watcher keeps going. */
  onError?: (error: unknown) => void
  /** Quiet time that closes a batch. Default 300 ms. */
  debounceMs?: number
  /** Longest a change waits while events keep coming. Default 2 s. */
  maxWaitMs?: number
  /** Start with polling instead of file system events. */
  usePolling?: boolean
  /** Polling interval. Default 2 s. */
  pollIntervalMs?: number
  /** How long a file's size must hold still before it counts as written. Default 200 ms. */
  writeSettleMs?: number
  /** Stand-in for chokidar.watch (tests). */
  createWatcher?: (root: string, options: ChokidarOptions) => FSWatcher
}

export interface CorpusWatcher {
  /** Resolves once the folder is being watched (changes before that may be missed). */
  readonly ready: Promise<void>
  /** 'events' normally; 'polling' after a fallback or when asked for. */
  readonly mode: 'events' | 'polling'
  /** Stops watching; waits for a batch that is being handled. Idempotent. */
  close(): Promise<void>
}

const DEFAULT_DEBOUNCE_MS = 300
const DEFAULT_MAX_WAIT_MS = 2_000
const DEFAULT_POLL_INTERVAL_MS = 2_000
const DEFAULT_WRITE_SETTLE_MS = 200
/** Out of inotify watches (ENOSPC) or of file handles (EMFILE, ENFILE): events cannot work. */
const EXHAUSTED = new Set(['ENOSPC', 'EMFILE', 'ENFILE'])

/**
 * True for paths the corpus walk would never read: hidden entries, node_modules
 * folders and files that are certainly not articles (by extension). Without stats
 * (chokidar asks first without them) only what is skipped either way is ignored.
 */
export function isIgnoredPath(root: string, absolute: string, stats?: Pick<Stats, 'isFile' | 'isDirectory'>): boolean {
  const relative = path.relative(root, absolute)
  if (relative === '') return false
  if (!isInside(root, absolute)) return true
  const parts = relative.split(path.sep)
  const name = parts.pop()!
  if (parts.some((folder) => isSkippedEntry(folder, true))) return true
  if (stats?.isFile()) return isSkippedEntry(name, false) || kindOf(name) === null
  if (stats?.isDirectory()) return isSkippedEntry(name, true)
  return isSkippedEntry(name, false)
}

export function watchCorpus(root: string, options: WatchOptions): CorpusWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS
  const onError = options.onError ?? ((error) => console.error('gloss: watching the folder failed', error))
  const create = options.createWatcher ?? ((target, chokidarOptions) => chokidar.watch(target, chokidarOptions))

  let mode: 'events' | 'polling' = options.usePolling ? 'polling' : 'events'
  let watcher: FSWatcher
  let closed = false
  let switching = false
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))

  const pendingPaths = new Set<string>()
  let structural = false
  let rescan = false
  let firstEventAt: number | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> | null = null

  const hasPending = (): boolean => pendingPaths.size > 0 || structural || rescan

  function record(event: string, absolute: string): void {
    if (closed) return
    if (!isBelow(root, absolute)) structural = true
    else pendingPaths.add(path.relative(root, absolute).split(path.sep).join('/'))
    if (event !== 'change') structural = true
    schedule()
  }

  // Not es-toolkit/compat's debounce with maxWait: the deadline here runs from the first
  // change not yet handed over, across a batch still in hand (a library debounce restarts
  // its maxWait at every call of the function, even one that hands nothing over).
  function schedule(): void {
    const now = Date.now()
    firstEventAt ??= now
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, Math.max(0, Math.min(debounceMs, firstEventAt + maxWaitMs - now)))
  }

  function flush(): void {
    timer = null
    // One batch at a time; what arrives meanwhile goes into the next one.
    if (running || closed || !hasPending()) return
    const batch: CorpusChanges = { paths: [...pendingPaths].sort(), structural, ...(rescan ? { rescan: true } : {}) }
    pendingPaths.clear()
    structural = false
    rescan = false
    firstEventAt = null
    running = Promise.resolve()
      .then(() => options.onBatch(batch))
      .catch(onError)
      .finally(() => {
        running = null
        if (!closed && !timer && hasPending()) schedule()
      })
  }

  function start(): FSWatcher {
    const next = create(root, {
      ignored: (target: string, stats?: Stats) => isIgnoredPath(root, target, stats),
      ignoreInitial: true,
      // walk.ts follows links only while they stay inside the folder, and their
      // targets are then in the watched tree already; following them here would
      // watch whatever a link points at, the home folder included.
      followSymlinks: false,
      ignorePermissionErrors: true,
      awaitWriteFinish: { stabilityThreshold: options.writeSettleMs ?? DEFAULT_WRITE_SETTLE_MS, pollInterval: 50 },
      usePolling: mode === 'polling',
      interval: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      binaryInterval: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS
    })
    next.on('all', (event, target) => record(event, target))
    next.on('ready', () => {
      if (next !== watcher) return
      markReady()
    })
    next.on('error', (error) => {
      if (next !== watcher || closed) return
      const code = (error as NodeJS.ErrnoException).code
      if (mode === 'events' && code && EXHAUSTED.has(code)) void fallBackToPolling()
      else onError(error)
    })
    return next
  }

  async function fallBackToPolling(): Promise<void> {
    if (switching) return
    switching = true
    mode = 'polling'
    const old = watcher
    await old.close().catch(() => undefined)
    if (closed) return
    watcher = start()
    // Events may have been lost while the watches failed: read the folder again.
    watcher.once('ready', () => {
      rescan = true
      schedule()
    })
  }

  watcher = start()

  let closing: Promise<void> | null = null
  return {
    ready,
    get mode() {
      return mode
    },
    close: () =>
      (closing ??= (async () => {
        closed = true
        if (timer) clearTimeout(timer)
        timer = null
        markReady()
        await watcher.close()
        await running
      })())
  }
}
