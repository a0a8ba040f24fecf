// The main process's handle on search: it feeds the index (in a worker thread, so the
// window never waits for indexing) with the library's articles and annotations, keeps
// it up to date as files and notes change, and asks it queries.
//
// Articles go to the worker as summaries (id, title, source, topics, file, format):
// the scan keeps no bodies, and reading 10,000 files to hand them over would block
// the main thread, so the worker reads each body from its file itself. They are
// posted in chunks of 250 so the worker's index grows (and answers) as it goes.
//
// The index is persisted (given a data folder): loading it is several times faster than
// rebuilding (docs/benchmarks.md). On a new root the worker loads the saved index, and
// the articles then sent carry their signatures, so only those changed while Gloss was
// closed are indexed again (annotations are compared by content in the index). It is
// saved by the worker (the main thread never serializes it) 2 s after the last change,
// and on close.
import type { Worker } from 'node:worker_threads'
import type { SearchResponse } from '../../shared/model'
import { GlossError } from '../../shared/result'
import type { CorpusArticle } from '../corpus/corpus-article'
import { indexedArticle } from './indexed-article'
import { DEFAULT_SEARCH_LIMIT, SearchIndex, type IndexedAnnotation, type IndexStats } from './search-index'
import { searchIndexFile } from '../store/data-folder'
import { startWorker } from '../fs/start-worker'
import { applyCommand, type OpenOutcome, type SearchCommand, type SearchReply } from './search-protocol'

const CHUNK = 250
const SAVE_DELAY_MS = 2000

export interface SearchSnapshot {
  /** The library's root; the index reads the articles' files under it. */
  root: string
  articles: readonly CorpusArticle[]
  annotations: IndexedAnnotation[]
}

export interface SearchService {
  /**
   * Brings the index up to date with the library as it is now: articles added, changed
   * (by body hash and summary) or gone, and annotations written, edited or deleted.
   * Costs one pass over the summaries; only the differences are sent to the index.
   */
  sync(snapshot: SearchSnapshot): void
  /**
   * Starts loading the saved index of `root` before its first sync (the CLI does it while
   * it lists the folder); that sync then drops the articles no longer there.
   */
  prepare(root: string): void
  /** Answers after every sync sent before it has been applied. */
  query(query: string, limit?: number): Promise<SearchResponse>
  /** How much indexing the index has done (after every sync sent before it). */
  stats(): Promise<IndexStats>
  /** Saves the index now if it changed (it is also saved when changes settle, and on close). */
  flush(): Promise<void>
  close(): Promise<void>
}

export interface SearchServiceOptions {
  /** Run the index in this thread (the CLI, which only answers one query). */
  inProcess?: boolean
  log?: (message: string, error?: unknown) => void
  /** Gloss's data folder: the index is saved under <dataDir>/search/ and reused. None: not kept. */
  dataDir?: string
  /** Milliseconds after the last change before the index is saved (tests shorten it). */
  saveDelayMs?: number
  /**
   * The built worker to run (out/main/search-worker.js). Without it: the one next to this
   * module when it is itself built, else the TypeScript source compiled through tsx,
   * which costs every new worker a second or more of compiling (the harness starts one
   * per E2E test, so it names the built one).
   */
  workerFile?: string
  /** How loading the saved index of a newly synced root went (the CLI says when it must build one). */
  onOpen?: (outcome: OpenOutcome) => void
}

export function createSearchService(options: SearchServiceOptions = {}): SearchService {
  return new IndexFeeder(options)
}

interface Backend {
  send(command: SearchCommand): void
  close(): Promise<void>
}

class IndexFeeder implements SearchService {
  private backend: Backend
  private nextId = 1
  private readonly pending = new Map<number, { command: SearchCommand; resolve: (reply: SearchReply) => void; reject: (e: Error) => void }>()
  private saveTimer: NodeJS.Timeout | null = null
  /** Something was sent that the saved index does not have yet. */
  private unsaved = false
  private closed = false
  private root = ''
  /** What the index holds: article id → signature; annotation key → signature. */
  private articles = new Map<string, string>()
  private annotations = new Map<string, string>()
  private last: SearchSnapshot | null = null
  /** prepare() opened the root without knowing its articles: the next sync says which stay. */
  private keepPending = false

  constructor(private readonly options: SearchServiceOptions) {
    this.backend = options.inProcess ? this.inProcess() : this.startWorker()
  }

  prepare(root: string): void {
    if (root === this.root) return
    this.openRoot(root, null)
    this.keepPending = true
  }

  sync(snapshot: SearchSnapshot): void {
    this.last = snapshot
    if (snapshot.root !== this.root) this.openRoot(snapshot.root, snapshot.articles.map((a) => a.id))
    else if (this.keepPending) this.send({ type: 'keep', ids: snapshot.articles.map((a) => a.id) })
    this.keepPending = false
    const seen = new Map<string, string>()
    const upserted: CorpusArticle[] = []
    for (const article of snapshot.articles) {
      const signature = articleSignature(article)
      seen.set(article.id, signature)
      if (this.articles.get(article.id) !== signature) upserted.push(article)
    }
    const removed = [...this.articles.keys()].filter((id) => !seen.has(id))
    this.articles = seen
    if (removed.length) this.send({ type: 'remove', ids: removed })
    for (let i = 0; i < upserted.length; i += CHUNK) {
      const articles = upserted.slice(i, i + CHUNK).map((a) => ({ ...indexedArticle(a), signature: articleSignature(a) }))
      this.send({ type: 'upsert', root: this.root, articles })
    }
    const annotations = new Map(snapshot.annotations.map((a) => [`${a.kind}:${a.highlightId ?? a.articleId}`, JSON.stringify(a)]))
    let changed = removed.length > 0 || upserted.length > 0
    if (annotations.size !== this.annotations.size || [...annotations].some(([key, sig]) => this.annotations.get(key) !== sig)) {
      this.send({ type: 'annotations', annotations: snapshot.annotations })
      changed = true
    }
    this.annotations = annotations
    if (changed) this.scheduleSave()
  }

  /** Another library: the worker loads its saved index, keeping `keep` (null: all, for now). */
  private openRoot(root: string, keep: string[] | null): void {
    // Saves the old library's index first (messages are applied in order).
    if (this.root && this.unsaved) void this.save().catch(() => undefined)
    this.articles = new Map()
    this.annotations = new Map()
    this.root = root
    const file = this.options.dataDir ? searchIndexFile(this.options.dataDir, this.root) : null
    void this.request({ type: 'open', id: this.nextId++, root: this.root, file, keep }).then(
      (reply) => {
        if ('opened' in reply) this.options.onOpen?.(reply.opened)
        if ('opened' in reply && reply.opened.status === 'invalid') {
          this.log(`gloss: the saved search index ${file} could not be used (${reply.opened.reason}); rebuilding it`)
        }
      },
      () => undefined
    )
  }

  query(query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<SearchResponse> {
    if (this.closed) return Promise.reject(new GlossError('UNAVAILABLE', 'Search is closed'))
    const id = this.nextId++
    const started = performance.now()
    return this.request({ type: 'query', id, query, limit }).then((reply) => {
      if (!('response' in reply)) throw new GlossError('INTERNAL', 'Search answered something else')
      // tookMs as the caller waits: includes any indexing still queued before the query.
      return { ...reply.response, tookMs: Math.round((performance.now() - started) * 10) / 10 }
    })
  }

  async stats(): Promise<IndexStats> {
    const reply = await this.request({ type: 'stats', id: this.nextId++ })
    if (!('stats' in reply)) throw new GlossError('INTERNAL', 'Search answered something else')
    return reply.stats
  }

  async flush(): Promise<void> {
    if (this.closed) return
    await this.save()
  }

  async close(): Promise<void> {
    if (this.closed) return
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
    // A save the timer started may still be on its way (the worker answers it after the
    // indexing queued before it): ending the worker now would lose it.
    await this.saving
    // A failed save is logged by save(); closing goes on.
    if (this.unsaved) await this.save().catch(() => undefined)
    this.closed = true
    for (const { reject } of this.pending.values()) reject(new GlossError('UNAVAILABLE', 'Search was closed'))
    this.pending.clear()
    await this.backend.close()
  }

  private send(command: SearchCommand): void {
    if (!this.closed) this.backend.send(command)
  }

  private request(command: SearchCommand & { id: number }): Promise<SearchReply> {
    if (this.closed) return Promise.reject(new GlossError('UNAVAILABLE', 'Search is closed'))
    return new Promise<SearchReply>((resolve, reject) => {
      this.pending.set(command.id, { command, resolve, reject })
      this.send(command)
    })
  }

  private log(message: string, error?: unknown): void {
    ;(this.options.log ?? console.error)(message, error)
  }

  /**
   * Saves once the index settles: each change pushes the save back. A hand-kept timer
   * rather than es-toolkit's debounce because it must be unref'd (below), which a
   * library debounce does not expose.
   */
  private scheduleSave(): void {
    this.unsaved = true
    if (!this.options.dataDir || this.closed) return
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null
      void this.save().catch(() => undefined)
    }, this.options.saveDelayMs ?? SAVE_DELAY_MS)
    // A pending save must not keep a CLI run or a test alive; close() saves anyway.
    this.saveTimer.unref()
  }

  /** Resolves when the last save sent has been answered (close() waits for it). */
  private saving: Promise<void> = Promise.resolve()

  private save(): Promise<void> {
    const run = this.saveNow()
    this.saving = run.catch(() => undefined)
    return run
  }

  private async saveNow(): Promise<void> {
    if (!this.options.dataDir || !this.root) return
    const file = searchIndexFile(this.options.dataDir, this.root)
    this.unsaved = false
    const reply = await this.request({ type: 'save', id: this.nextId++, root: this.root, file })
    if ('error' in reply) {
      this.log(`gloss: could not save the search index to ${file}`, new Error(reply.error))
      throw new GlossError('INTERNAL', reply.error)
    }
  }

  /** A new index (after the worker failed) gets everything again. */
  private reloadAll(): void {
    this.root = ''
    this.keepPending = false
    this.articles = new Map()
    this.annotations = new Map()
    // Requests sent to the lost worker, other than queries (sent again below), end here.
    for (const [id, { command, reject }] of this.pending) {
      if (command.type !== 'query') {
        this.pending.delete(id)
        reject(new GlossError('UNAVAILABLE', 'The search worker failed'))
      }
    }
    if (this.last) this.sync(this.last)
  }

  private receive(reply: SearchReply): void {
    const waiting = this.pending.get(reply.id)
    if (!waiting) return
    this.pending.delete(reply.id)
    if ('error' in reply && waiting.command.type === 'query') waiting.reject(new GlossError('INTERNAL', `Search failed: ${reply.error}`))
    else waiting.resolve(reply)
  }

  private inProcess(): Backend {
    const index = new SearchIndex()
    return {
      send: (command) => {
        const reply = applyCommand(index, command)
        // Replies are delivered asynchronously, as the worker's would be.
        if (reply) queueMicrotask(() => this.receive(reply))
      },
      close: async () => undefined
    }
  }

  private startWorker(): Backend {
    const worker = startWorkerThread(this.options.workerFile)
    // The worker must not keep a CLI run or a test alive; close() ends it.
    worker.unref()
    let failed = false
    const fail = (error: unknown): void => {
      if (failed || this.closed) return
      failed = true
      this.log('gloss: the search worker failed; indexing in the main process instead', error)
      // Queries already sent are lost with the worker: send them again to the new index.
      const queries = [...this.pending.values()].map((p) => p.command).filter((c) => c.type === 'query')
      this.backend = this.inProcess()
      this.reloadAll()
      for (const command of queries) this.send(command)
    }
    worker.on('message', (reply: SearchReply) => this.receive(reply))
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`search worker exited with code ${code}`))
    })
    return {
      send: (command) => worker.postMessage(command),
      close: async () => {
        failed = true
        await worker.terminate()
      }
    }
  }
}

// Scans reuse the objects of unchanged articles: their signatures are computed once, so a
// sync of 100,000 articles during a background scan is a pass of map look-ups.
const signatures = new WeakMap<CorpusArticle, string>()

/** Changes when the article's body or anything the index holds about it changes. */
function articleSignature(article: CorpusArticle): string {
  let signature = signatures.get(article)
  if (signature === undefined) {
    const { bodyHash, title, source, author, topics, files, format } = article
    signature = JSON.stringify([bodyHash, title, source, author, topics, files[0], format])
    signatures.set(article, signature)
  }
  return signature
}

/**
 * The built worker the host names, else the one (out/main/search-worker.js, an
 * electron-vite entry) next to the bundle, else the TypeScript source (start-worker.ts).
 * A named file that cannot start fails like a crashed worker: the index moves into
 * this thread and the failure is logged.
 */
function startWorkerThread(workerFile: string | undefined): Worker {
  return startWorker({ builtName: 'search-worker.js', from: import.meta.url, source: './search-worker.ts', file: workerFile })
}
