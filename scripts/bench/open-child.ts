// One measured open, in its own process so that its peak memory (maxRSS) is its own:
// starts the Gloss core on an empty folder, then asks it to open the corpus as a user
// would (library.open) and times
//   - first rows: until library.list returns at least one row of the new folder;
//   - full: until library.list reports every article and the scan says it is done
//     (a progress event with done=true when the core sends them, else open returning);
// then, optionally, runs the search queries through the contract's `search.query`.
// Input: one JSON argument (ChildInput). Output: one JSON line (ChildOutput) on stdout.
import { mkdtemp, readdir, realpath, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startGloss, type Gloss } from '../../src/core/app/gloss'
import { harnessDialogs } from '../../src/hosts/web'

export interface ChildInput {
  corpus: string
  dataDir: string
  expected: number
  /** Give up (and report how far the open got) after this long. */
  timeoutMs: number
  /** Words to search for after the open; omitted = no search. */
  searchWords?: string[]
}

export interface ChildOutput {
  firstRowsMs: number | null
  /** NaN when the open did not finish within timeoutMs. */
  fullMs: number
  timedOut: boolean
  /** The last scan-progress report seen (files scanned / total). */
  lastProgress: { scanned: number; total: number } | null
  openReturnedMs: number
  listed: number
  sawProgress: boolean
  completion: 'progress-done' | 'open-returned'
  maxRssMb: number
  sampledPeakRssMb: number
  heapLimitMb: number
  /** Time after the measurements until the core's pending writes had landed. */
  settleMs: number
  search: { skipped: string } | { firstQueryMs: number; latenciesMs: number[]; withHits: number }
}

const POLL_MS = 10

const input = JSON.parse(process.argv[2] ?? '{}') as ChildInput
const output = await measure(input)
process.stdout.write(`${JSON.stringify(output)}\n`)
process.exit(0)

async function measure({ corpus, dataDir, expected, searchWords, timeoutMs }: ChildInput): Promise<ChildOutput> {
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
  const empty = await mkdtemp(path.join(tmpdir(), 'gloss-bench-empty-'))
  // As the app opens folders: first rows, then the rest in the background with progress
  // reports (where the core supports it). The folder is not watched: watching starts
  // after the scan and is not part of opening. Spread, so that a core without the
  // option still type-checks and simply ignores it.
  const appLike = { backgroundScan: true }
  const gloss = await startGloss({ dataDir, sampleRoot: empty, initialFolder: empty, dialogs: harnessDialogs(dataDir), rememberFolders: false, ...appLike })
  let sawProgress = false
  let doneAt: number | null = null
  let lastProgress: ChildOutput['lastProgress'] = null
  let timedOut = false
  const root = await realpath(corpus)
  gloss.onEvent((event) => {
    // Reports about the empty start-up folder are not this open's.
    if (!isProgress(event) || !isAbout(event, root)) return
    sawProgress = true
    const progress = ((event as Record<string, unknown>).progress ?? event) as { scanned?: unknown; total?: unknown }
    if (typeof progress.scanned === 'number' && typeof progress.total === 'number') lastProgress = { scanned: progress.scanned, total: progress.total }
    if (isDone(event)) doneAt ??= performance.now()
  })
  const listQuery = await smallestListQuery(gloss)

  const started = performance.now()
  let openReturned: number | null = null
  const opening = gloss.dispatch('library.open', { root: corpus }).then((result) => {
    openReturned = performance.now()
    if (!result.ok) throw new Error(`library.open failed: ${JSON.stringify(result)}`)
  })
  let firstRows: number | null = null
  let listed = 0
  let failure: unknown = null
  opening.catch((error) => (failure = error))
  for (;;) {
    if (failure) throw failure
    const list = await gloss.dispatch('library.list', listQuery)
    const now = performance.now()
    if (list.ok) {
      const value = list.value as { articles: unknown[]; total: number }
      listed = value.total
      if (firstRows === null && value.articles.length > 0) firstRows = now
    }
    const scanDone = sawProgress ? doneAt !== null : openReturned !== null
    if (openReturned !== null && scanDone && listed >= expected) break
    if (now - started > timeoutMs) {
      timedOut = true
      break
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  // Within one poll interval (10 ms) of the moment every condition held.
  const fullAt = performance.now()
  if (timedOut) {
    // Report how far it got; the process exits without waiting for the open.
    return {
      firstRowsMs: firstRows === null ? null : firstRows - started,
      fullMs: Number.NaN,
      timedOut,
      lastProgress,
      openReturnedMs: openReturned === null ? Number.NaN : openReturned - started,
      listed,
      sawProgress,
      completion: sawProgress ? 'progress-done' : 'open-returned',
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      sampledPeakRssMb: Math.max(peakRss, process.memoryUsage().rss) / 1024 / 1024,
      heapLimitMb: (await import('node:v8')).getHeapStatistics().heap_size_limit / 1024 / 1024,
      settleMs: 0,
      search: { skipped: 'the open did not finish' }
    }
  }
  await opening
  const search = searchWords ? await runSearch(gloss, searchWords) : { skipped: 'not asked' }
  // A user keeps the app open after a folder is listed; the core's own writes (the scan
  // cache for the next, warm open) land meanwhile. Ending the process at once would cut
  // them, so wait until no temp file is left in the data folder.
  const settleMs = await settleWrites(dataDir)
  clearInterval(sampler)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  await gloss.close()
  await rm(empty, { recursive: true, force: true })
  const { getHeapStatistics } = await import('node:v8')
  return {
    firstRowsMs: firstRows === null ? null : firstRows - started,
    fullMs: fullAt - started,
    timedOut,
    lastProgress,
    openReturnedMs: (openReturned ?? fullAt) - started,
    listed,
    sawProgress,
    completion: sawProgress ? 'progress-done' : 'open-returned',
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    sampledPeakRssMb: peakRss / 1024 / 1024,
    heapLimitMb: getHeapStatistics().heap_size_limit / 1024 / 1024,
    settleMs,
    search
  }
}

async function settleWrites(dataDir: string): Promise<number> {
  const started = performance.now()
  let quietPolls = 0
  while (quietPolls < 2 && performance.now() - started < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    const entries = await readdir(dataDir, { recursive: true }).catch(() => [] as string[])
    quietPolls = entries.some((entry) => entry.endsWith('.tmp')) ? 0 : quietPolls + 1
  }
  return performance.now() - started
}

function isProgress(event: unknown): event is Record<string, unknown> {
  if (!event || typeof event !== 'object') return false
  const type = String((event as { type?: unknown }).type ?? '')
  return /progress|scan/i.test(type)
}

function isAbout(event: Record<string, unknown>, root: string): boolean {
  const inner = (event.progress ?? event.scan ?? event) as Record<string, unknown>
  return typeof inner.root !== 'string' || inner.root === root
}

function isDone(event: Record<string, unknown>): boolean {
  if (event.done === true) return true
  const inner = (event.progress ?? event.scan) as Record<string, unknown> | undefined
  return !!inner && typeof inner === 'object' && inner.done === true
}

/** The cheapest list request the contract accepts: one row when it pages, else all rows. */
async function smallestListQuery(gloss: Gloss): Promise<Record<string, unknown>> {
  for (const query of [{ limit: 1 }, { offset: 0, limit: 1 }, { count: 1 }]) {
    if ((await gloss.dispatch('library.list', query)).ok) return query
  }
  return {}
}

async function runSearch(gloss: Gloss, words: string[]): Promise<ChildOutput['search']> {
  const shapes = (word: string): Record<string, unknown>[] => [{ query: word }, { query: word, limit: 20 }, { text: word }, { q: word }]
  const first = performance.now()
  let shape: ((word: string) => Record<string, unknown>) | null = null
  let lastError = ''
  for (let i = 0; i < shapes('x').length && !shape; i++) {
    const result = await gloss.dispatch('search.query', shapes(words[0])[i])
    if (result.ok) shape = (word) => shapes(word)[i]
    else lastError = JSON.stringify(result)
  }
  if (!shape) return { skipped: `search.query is not available (${lastError.slice(0, 200)})` }
  // The first query may wait for the index to be built: reported on its own.
  const firstQueryMs = performance.now() - first
  const latenciesMs: number[] = []
  let withHits = 0
  for (const word of words) {
    const t = performance.now()
    const result = await gloss.dispatch('search.query', shape(word))
    latenciesMs.push(performance.now() - t)
    if (result.ok && countHits(result.value) > 0) withHits++
  }
  return { firstQueryMs, latenciesMs, withHits }
}

function countHits(value: unknown): number {
  if (Array.isArray(value)) return value.length
  if (value && typeof value === 'object') {
    for (const key of ['results', 'hits', 'items']) {
      const list = (value as Record<string, unknown>)[key]
      if (Array.isArray(list)) return list.length
    }
    const total = (value as Record<string, unknown>).total
    if (typeof total === 'number') return total
  }
  return 0
}
