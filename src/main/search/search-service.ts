// The main process's handle on search: it feeds the index (in a worker thread, so the
// window never waits for indexing) with the library's articles and annotations, keeps
// it up to date as files and notes change, and asks it queries.
//
// Articles go to the worker as summaries (id, title, source, topics, file, format):
// the scan keeps no bodies, and reading 10,000 files to hand them over would block
// the main thread, so the worker reads each body from its file itself. They are
// posted in chunks of 250 so the worker's index grows (and answers) as it goes.
//
// The index is not persisted: rebuilding it from the scanned bodies is what the worker
// does anyway, and loading MiniSearch's JSON still needs every article's text for
// snippets (measured in scripts/search-bench/persist-vs-rebuild.ts; see its output in
// the report).
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
  articles: CorpusArticle[]
  annotations: IndexedAnnotation[]
}

export interface SearchService {
  /** Articles added or changed on disk, and ids of those gone. */
  articlesChanged(upserted: CorpusArticle[], removedIds: string[]): void
  /** The library's annotations now (after any highlight or note change). */
  annotationsChanged(annotations: IndexedAnnotation[]): void
  query(query: string, limit?: number): Promise<SearchResponse>
  close(): Promise<void>
}

export interface SearchServiceOptions {
  /** Run the index in this thread (the CLI, which only answers one query). */
  inProcess?: boolean
  log?: (message: string, error?: unknown) => void
}

/** Starts indexing `snapshot()` at once; queries wait for what was posted before them. */
export function createSearchService(snapshot: () => SearchSnapshot, options: SearchServiceOptions = {}): SearchService {
  return new IndexFeeder(snapshot, options)
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
  private readonly root: string

  constructor(
    private readonly snapshot: () => SearchSnapshot,
    private readonly options: SearchServiceOptions
  ) {
    this.root = snapshot().root
    this.backend = options.inProcess ? this.inProcess() : this.startWorker()
    this.loadAll()
  }

  articlesChanged(upserted: CorpusArticle[], removedIds: string[]): void {
    if (removedIds.length) this.send({ type: 'remove', ids: removedIds })
    for (let i = 0; i < upserted.length; i += CHUNK) {
      this.send({ type: 'upsert', root: this.root, articles: upserted.slice(i, i + CHUNK).map(indexedArticle) })
    }
  }

  annotationsChanged(annotations: IndexedAnnotation[]): void {
    this.send({ type: 'annotations', annotations })
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

  private loadAll(): void {
    const { articles, annotations } = this.snapshot()
    this.articlesChanged(articles, [])
    this.annotationsChanged(annotations)
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
      this.loadAll()
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
