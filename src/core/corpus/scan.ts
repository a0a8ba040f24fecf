// scanCorpus: a folder in, every readable article and every problem out. Nothing is
// ever written into the folder, and no single bad file stops the scan.
import type { ScanProgress } from '../../shared/events'
import { realpath, stat } from 'node:fs/promises'
import { notAFileReason, readBounded, readBoundedSync, tooLargeReason } from '../fs/read-bounded'
import path from 'node:path'
import type { Problem } from '../../shared/model'
import { badInput, notFound } from '../../shared/result'
import { bytesStartWith } from './decode'
import { articleFromDocuments, pairDocuments } from './pair'
import { setBodySource } from './body-source'
import { OFF_THREAD_SUMMARY_BYTES, runSummaryJob, type SummaryJob, type SummaryReply } from './summarize-file'
import { compareStrings } from '../../shared/text/order'
import { parseFileBytes } from './parse-bytes'
import type { ArticleFormat, DocumentSummary } from './parse-file'
import { errorCode } from './paths'
import { readScanCache, writeScanCache, type CachedEntry } from './scan-cache'
import { kindOf, walkCorpus, type FoundFile } from './walk'
import type { CorpusArticle } from './corpus-article'

export interface ScanResult {
  /** realpath of the scanned folder */
  root: string
  articles: CorpusArticle[]
  problems: Problem[]
}
export interface ScanOptions {
  /** Files larger than this are listed as problems. Default 20 MiB. */
  maxFileBytes?: number
  /** Files read at once. Default 16. */
  concurrency?: number
  /**
   * Where the parsed summaries are kept between runs (in Gloss's data folder): a
   * scan then re-reads only files whose size or modification time changed.
   */
  cacheFile?: string
  /** Summarizes large files off the main thread (the parse worker pool); without it, in process. */
  summarizer?: Summarizer
}

export interface Summarizer {
  summarize(job: SummaryJob): Promise<SummaryReply>
}

/**
 * How far a scan has got: files looked at of those found, and the folder being read.
 * The core reports it to the page as a ScanProgress (with the folder and `done`).
 */
export type ScanCount = Omit<ScanProgress, 'root' | 'done'>

export interface ScanRunOptions {
  /** Stops the scan between batches; scan() then rejects with the signal's reason. */
  signal?: AbortSignal
  /** After each batch of files; snapshot() then lists what has been read so far. */
  onProgress?: (progress: ScanCount) => void
}

/** Files handled between two progress reports (and two yields to the event loop). */
const BATCH_SIZE = 256

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
const DEFAULT_CONCURRENCY = 16

export async function scanCorpus(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  return (await CorpusScanner.open(root, options)).scan()
}

/**
 * What changed in the folder since the last scan, as the watcher reports it: paths
 * relative to the root, '/'-separated. `structural` means files or folders appeared or
 * went away (the tree is walked again); otherwise only the listed files are re-read.
 * `rescan` means events may have been lost, so everything is read again.
 */
export interface CorpusChanges {
  paths: string[]
  structural: boolean
  rescan?: boolean
}

type Outcome = DocumentSummary | Problem | null

interface CachedFile {
  file: FoundFile
  outcome: Outcome
  /** -1 when the file could not be read */
  size: number
  mtimeMs: number
}

/**
 * A scan that can be brought up to date: every file's parse result is kept by path, so
 * an update re-reads only the files that changed and re-pairs the documents, reusing
 * the article of every pair whose documents are unchanged (same objects).
 */
export class CorpusScanner {
  private files = new Map<string, CachedFile>()
  private walkProblems: Problem[] = []
  private readonly articles = new WeakMap<DocumentSummary, { metadata: DocumentSummary | undefined; article: CorpusArticle }>()
  private readonly maxFileBytes: number
  private readonly concurrency: number
  private readonly cacheFile: string | undefined
  private readonly summarizer: Summarizer | undefined
  private cacheWrite: Promise<void> = Promise.resolve()
  private cacheDirty = false

  private constructor(
    /** realpath of the folder */
    readonly root: string,
    options: ScanOptions
  ) {
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY
    this.cacheFile = options.cacheFile
    this.summarizer = options.summarizer
  }

  /** Checks the folder (NOT_FOUND / BAD_INPUT); reads nothing yet. */
  static async open(root: string, options: ScanOptions = {}): Promise<CorpusScanner> {
    return new CorpusScanner(await resolveRoot(root), options)
  }

  /**
   * Walks the folder and reads every file, except those whose size and modification
   * time match what the last scan (or the cache file) saw. Batches yield to the event
   * loop, so a large folder never blocks the process.
   */
  async scan(run: ScanRunOptions = {}): Promise<ScanResult> {
    const known = this.files.size > 0 ? this.files : await this.readCache()
    run.signal?.throwIfAborted()
    const walk = await walkCorpus(this.root)
    run.signal?.throwIfAborted()
    this.walkProblems = walk.problems
    this.files = new Map()
    const total = walk.files.length
    for (let start = 0; start < total || start === 0; start += BATCH_SIZE) {
      const batch = walk.files.slice(start, start + BATCH_SIZE)
      const loaded = await mapWithConcurrency(batch, this.concurrency, (file) => this.loadKnown(file, known.get(file.path)))
      for (const cached of loaded) this.files.set(cached.file.path, cached)
      run.signal?.throwIfAborted()
      const last = batch[batch.length - 1]?.path ?? ''
      run.onProgress?.({ scanned: Math.min(total, start + batch.length), total, currentFolder: last.slice(0, Math.max(0, last.lastIndexOf('/'))) })
      if (start + BATCH_SIZE < total) await new Promise((resolve) => setImmediate(resolve))
    }
    this.saveCache()
    return this.result()
  }

  /** What has been read so far (during a scan: the files of the batches done). */
  snapshot(): ScanResult {
    return this.result()
  }

  /** Resolves once the cache file holds the latest scan (tests and shutdown). */
  async flushCache(): Promise<void> {
    while (this.cacheDirty) await this.cacheWrite
    await this.cacheWrite
  }

  /** Brings the scan up to date after `changes`; reads only what changed. */
  async update(changes: CorpusChanges): Promise<ScanResult> {
    if (changes.rescan || this.files.size === 0) return this.scan()
    const changedPaths = new Set(changes.paths)
    const changedAbsolute = new Set(changes.paths.map((p) => path.join(this.root, ...p.split('/'))))
    const isChanged = (file: FoundFile): boolean => changedPaths.has(file.path) || changedAbsolute.has(file.absolutePath)
    // A change to a file the last walk did not list means an addition was missed: walk.
    const unknown = changes.paths.some((p) => !this.files.has(p) && kindOf(p.slice(p.lastIndexOf('/') + 1)) !== null)
    if (changes.structural || unknown) {
      const walk = await walkCorpus(this.root)
      this.walkProblems = walk.problems
      this.files = await this.load(walk.files, (file) => {
        const cached = this.files.get(file.path)
        return !cached || cached.file.absolutePath !== file.absolutePath || cached.file.kind !== file.kind || isChanged(file)
      })
    } else {
      const stale = [...this.files.values()].filter((cached) => isChanged(cached.file)).map((cached) => cached.file)
      const reloaded = await this.load(stale, () => true)
      for (const [relative, cached] of reloaded) this.files.set(relative, cached)
    }
    this.saveCache()
    return this.result()
  }

  /** A file's known result when its size and modification time are unchanged, else a fresh read. */
  private async loadKnown(file: FoundFile, known: CachedFile | undefined): Promise<CachedFile> {
    const reusable =
      known && known.size >= 0 && (known.outcome === null || !('reason' in known.outcome)) && known.file.absolutePath === file.absolutePath && known.file.kind === file.kind
    if (reusable) {
      const info = await stat(file.absolutePath).catch(() => null)
      if (info && info.size === known.size && info.mtimeMs === known.mtimeMs) return { ...known, file }
    }
    return loadDocument(file, this.maxFileBytes, this.summarizer)
  }

  private async readCache(): Promise<Map<string, CachedFile>> {
    const known = new Map<string, CachedFile>()
    if (!this.cacheFile) return known
    for (const [relative, entry] of await readScanCache(this.cacheFile, this.root)) {
      known.set(relative, {
        file: { path: relative, absolutePath: entry.absolutePath, kind: entry.kind },
        outcome: entry.document,
        size: entry.size,
        mtimeMs: entry.mtimeMs
      })
    }
    return known
  }

  // Writes are chained and coalesced: at most one in flight, and the last state wins.
  private saveCache(): void {
    const file = this.cacheFile
    if (!file) return
    if (this.cacheDirty) return
    this.cacheDirty = true
    this.cacheWrite = this.cacheWrite.then(async () => {
      this.cacheDirty = false
      const entries = new Map<string, CachedEntry>()
      for (const [relative, cached] of this.files) {
        // Problems are not kept: a file that could not be read is tried again.
        if (cached.size < 0 || (cached.outcome !== null && 'reason' in cached.outcome)) continue
        entries.set(relative, { absolutePath: cached.file.absolutePath, kind: cached.file.kind, size: cached.size, mtimeMs: cached.mtimeMs, document: cached.outcome })
      }
      await writeScanCache(file, this.root, entries).catch((error: unknown) => {
        console.error('gloss: the scan cache could not be written', error)
      })
    })
  }

  /** Cached results for `files` (in their order), reading those `mustRead` selects. */
  private async load(files: FoundFile[], mustRead: (file: FoundFile) => boolean): Promise<Map<string, CachedFile>> {
    const outcomes = await mapWithConcurrency(files, this.concurrency, async (file): Promise<CachedFile> => {
      const cached = this.files.get(file.path)
      if (cached && !mustRead(file)) return cached
      return loadDocument(file, this.maxFileBytes, this.summarizer)
    })
    return new Map(outcomes.map((cached) => [cached.file.path, cached]))
  }

  private result(): ScanResult {
    const problems = [...this.walkProblems]
    const documents: DocumentSummary[] = []
    const fileOf = new Map<DocumentSummary, FoundFile>()
    for (const { file, outcome } of this.files.values()) {
      if (outcome === null) continue
      if ('reason' in outcome) problems.push(outcome)
      else {
        documents.push(outcome)
        fileOf.set(outcome, file)
      }
    }
    const articles = pairDocuments(documents).map(({ text, metadata }) => {
      const known = this.articles.get(text)
      if (known && known.metadata === metadata) return known.article
      const file = fileOf.get(text)!
      const article = articleFromDocuments(text, metadata, () => readBody(file, text.format, this.maxFileBytes))
      setBodySource(article, { absolutePath: file.absolutePath, path: file.path, format: text.format, maxBytes: this.maxFileBytes })
      this.articles.set(text, { metadata, article })
      return article
    })
    return {
      root: this.root,
      articles: articles.sort((a, b) => compareStrings(a.files[0], b.files[0])),
      problems: problems.sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.reason, b.reason))
    }
  }
}

async function resolveRoot(root: string): Promise<string> {
  let rootReal: string
  try {
    rootReal = await realpath(root)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw notFound(`Folder ${root}`)
    throw badInput(`Folder cannot be opened: ${root}`)
  }
  if (!(await stat(rootReal)).isDirectory()) throw badInput(`Not a folder: ${root}`)
  return rootReal
}

/**
 * An article's body, read again from its file: the scan keeps only summaries, so that a
 * large folder's texts are not all held in memory. A file that cannot be read (gone,
 * changed into something else) gives an empty body until the watcher catches up.
 */
function readBody(file: FoundFile, format: ArticleFormat, maxFileBytes: number): string {
  try {
    const read = readBoundedSync(file.absolutePath, { maxBytes: maxFileBytes })
    if (read.kind !== 'bytes') return ''
    const parsed = parseFileBytes(read.bytes, file.path, format)
    return parsed.ok ? parsed.document.body : ''
  } catch {
    return ''
  }
}

/** A document's summary, a problem, or null for a file that turned out not to be an article. */
async function loadDocument(file: FoundFile, maxFileBytes: number, summarizer: Summarizer | undefined): Promise<CachedFile> {
  const sniffing = file.kind === 'sniff'
  let size = -1
  let mtimeMs = 0
  const done = (outcome: Outcome): CachedFile => ({ file, outcome, size, mtimeMs })
  const problem = (reason: string): CachedFile => done(sniffing ? null : { path: file.path, reason })
  let bytes: Buffer
  try {
    // One open per file (read-bounded.ts): type check, size limit on the bytes read, and
    // for an extension-less file the few bytes that decide whether it is an article.
    const read = await readBounded(file.absolutePath, { maxBytes: maxFileBytes, headMustStartWith: sniffing ? (head) => bytesStartWith(head, '---') || bytesStartWith(head, '+++') : undefined })
    size = read.size
    mtimeMs = read.mtimeMs
    if (read.kind === 'skip') return done(null)
    if (read.kind === 'too-large') return sniffing ? done(null) : problem(tooLargeReason(read.size, maxFileBytes))
    if (read.kind === 'not-a-file') return problem(notAFileReason(read.what))
    bytes = read.bytes
  } catch (error) {
    return problem(readError(error))
  }

  const format: ArticleFormat = file.kind === 'text' ? 'text' : file.kind === 'html' ? 'html' : 'markdown'
  const job = { mode: 'summary' as const, bytes, path: file.path, format, sniffing }
  // A large file's decoding, word count and hashes take seconds, and extracting a saved
  // web page takes a fifth of a second even at 60 KB: in the worker when there is one.
  const offThread = summarizer && (format === 'html' || bytes.length >= OFF_THREAD_SUMMARY_BYTES)
  const summarized = offThread ? await summarizer.summarize(job) : runSummaryJob(job)
  if (!summarized.ok) return problem(summarized.reason)
  return done(summarized.summary)
}

function readError(error: unknown): string {
  const code = errorCode(error)
  if (code === 'EACCES' || code === 'EPERM') return 'Permission denied: this file cannot be read'
  if (code === 'ENOENT') return 'File disappeared while the folder was being read'
  return `File could not be read (${code ?? (error instanceof Error ? error.message : 'unknown error')})`
}

/** Like Promise.all(items.map(fn)) with at most `limit` calls in flight; keeps order. */
export async function mapWithConcurrency<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}
