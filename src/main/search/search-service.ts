// The main process's handle on search: it feeds the index (in a worker thread, so the
// window never waits for indexing) with the library's articles and annotations, keeps
// it up to date as files and notes change, and asks it queries.
//
// Articles go to the worker as summaries (id, title, source, topics, file, format):
// the scan keeps no bodies, and reading 10,000 files to hand them over would block
// the main thread, so the worker reads each body from its file itself. They are
// posted in chunks of 250 so the worker's index grows (and answers) as it goes.
//
// The index is not persisted yet. Measured (scripts/search-bench/index-bench.ts, 10,000
// articles, 2 loaded cores): loading MiniSearch's JSON (27 MB) takes ≈1.8 s plus ≈3.2 s
// to read the bodies that snippets need, against ≈20 s to rebuild in the worker — so
// loading would be faster and persisting is the next step (keyed by each article's
// signature, as sync() already is); it was left out for the issue 3 deadline.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SearchResponse } from '../../shared/model'
import { GlossError } from '../../shared/result'
import type { CorpusArticle } from '../corpus/scan'
import { indexedArticle } from './library-documents'
import { DEFAULT_SEARCH_LIMIT, SearchIndex, type IndexedAnnotation } from './search-index'
import { applyCommand, type SearchCommand, type SearchReply } from './search-protocol'

const CHUNK = 250

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
  /** Answers after every sync sent before it has been applied. */
  query(query: string, limit?: number): Promise<SearchResponse>
  close(): Promise<void>
}

export interface SearchServiceOptions {
  /** Run the index in this thread (the CLI, which only answers one query). */
  inProcess?: boolean
  log?: (message: string, error?: unknown) => void
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
  private readonly pending = new Map<number, { query: string; limit: number; resolve: (r: SearchResponse) => void; reject: (e: Error) => void }>()
  private closed = false
  private root = ''
  /** What the index holds: article id → signature; annotation key → signature. */
  private articles = new Map<string, string>()
  private annotations = new Map<string, string>()
  private last: SearchSnapshot | null = null

  constructor(private readonly options: SearchServiceOptions) {
    this.backend = options.inProcess ? this.inProcess() : this.startWorker()
  }

  sync(snapshot: SearchSnapshot): void {
    this.last = snapshot
    if (snapshot.root !== this.root) {
      if (this.articles.size) this.send({ type: 'remove', ids: [...this.articles.keys()] })
      this.articles = new Map()
      this.root = snapshot.root
    }
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
      this.send({ type: 'upsert', root: this.root, articles: upserted.slice(i, i + CHUNK).map(indexedArticle) })
    }
    const annotations = new Map(snapshot.annotations.map((a) => [`${a.kind}:${a.highlightId ?? a.articleId}`, JSON.stringify(a)]))
    if (annotations.size !== this.annotations.size || [...annotations].some(([key, sig]) => this.annotations.get(key) !== sig)) {
      this.send({ type: 'annotations', annotations: snapshot.annotations })
    }
    this.annotations = annotations
  }

  query(query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<SearchResponse> {
    if (this.closed) return Promise.reject(new GlossError('UNAVAILABLE', 'Search is closed'))
    const id = this.nextId++
    const started = performance.now()
    return new Promise<SearchResponse>((resolve, reject) => {
      // tookMs as the caller waits: includes any indexing still queued before the query.
      this.pending.set(id, { query, limit, resolve: (r) => resolve({ ...r, tookMs: Math.round((performance.now() - started) * 10) / 10 }), reject })
      this.send({ type: 'query', id, query, limit })
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const { reject } of this.pending.values()) reject(new GlossError('UNAVAILABLE', 'Search was closed'))
    this.pending.clear()
    await this.backend.close()
  }

  private send(command: SearchCommand): void {
    if (!this.closed) this.backend.send(command)
  }

  /** A new index (after the worker failed) gets everything again. */
  private reloadAll(): void {
    this.root = ''
    this.articles = new Map()
    this.annotations = new Map()
    if (this.last) this.sync(this.last)
  }

  private receive(reply: SearchReply): void {
    const waiting = this.pending.get(reply.id)
    if (!waiting) return
    this.pending.delete(reply.id)
    if ('error' in reply) waiting.reject(new GlossError('INTERNAL', `Search failed: ${reply.error}`))
    else waiting.resolve(reply.response)
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
    const worker = startWorkerThread()
    // The worker must not keep a CLI run or a test alive; close() ends it.
    worker.unref()
    let failed = false
    const fail = (error: unknown): void => {
      if (failed || this.closed) return
      failed = true
      ;(this.options.log ?? console.error)('gloss: the search worker failed; indexing in the main process instead', error)
      // Queries already sent are lost with the worker: send them again to the new index.
      this.backend = this.inProcess()
      this.reloadAll()
      for (const [id, { query, limit }] of this.pending) this.send({ type: 'query', id, query, limit })
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
 * The built worker (out/main/search-worker.js, an electron-vite entry) next to the
 * bundle; from source (tests, the CLI, the harness) the TypeScript file, loaded through
 * tsx's API (Node 20 does not apply `--import` loaders to a worker's entry module).
 */
function startWorkerThread(): Worker {
  for (const candidate of ['./search-worker.js', '../search-worker.js']) {
    const url = new URL(candidate, import.meta.url)
    if (existsSync(fileURLToPath(url))) return new Worker(url)
  }
  // The ESM build of tsx's API, found next to the CommonJS one that require.resolve gives.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const source = new URL('./search-worker.ts', import.meta.url).href
  const code = `import(${JSON.stringify(tsx)}).then((api) => (api.tsImport ?? api.default.tsImport)(${JSON.stringify(source)}, ${JSON.stringify(source)}))`
  return new Worker(code, { eval: true })
}
