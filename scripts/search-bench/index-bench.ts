// Gloss's own search index on a synthetic folder of N Markdown articles (≈3 KB bodies):
// build time (in process and in the worker, with the main thread's worst stall while
// the worker builds), heap, p50/p95 over 100 queries (exact, two words, prefix, typo),
// and whether persisting the index would pay: loading MiniSearch's JSON still needs
// every article's body for snippets, so it must beat a rebuild including that — and
// the saved index as the app keeps it: a worker saving it, then a new one loading it
// and answering, against a new one rebuilding it.
// Run: node --expose-gc --import tsx scripts/search-bench/index-bench.ts [articles]
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import MiniSearch from 'minisearch'
import { bodyToBlocks } from '../../src/core/corpus/blocks'
import { scanCorpus } from '../../src/core/corpus/scan'
import { indexedArticle } from '../../src/core/search/indexed-article'
import { readArticleBody } from '../../src/core/search/read-body'
import { SearchIndex } from '../../src/core/search/search-index'
import { createSearchService } from '../../src/core/search/search-service'
import { foldTerm, tokenize } from '../../src/core/search/snippet'
import { textGenerator } from './synthetic-text'

const COUNT = Number(process.argv[2] ?? 10_000)
const gc = (globalThis as { gc?: () => void }).gc
const heapMb = (): number => {
  gc?.()
  return process.memoryUsage().heapUsed / 1048576
}
const pct = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]
const f = (n: number): string => n.toFixed(1)

const root = await mkdtemp(path.join(tmpdir(), 'gloss-search-bench-'))
try {
  const gen = textGenerator(42)
  for (let i = 0; i < COUNT; i += 500) {
    const folder = path.join(root, `part-${i / 500}`)
    await mkdir(folder)
    await Promise.all(
      Array.from({ length: Math.min(500, COUNT - i) }, (_, k) =>
        writeFile(path.join(folder, `a-${i + k}.md`), `---\ntitle: ${gen.title()}\ntopics: [News]\n---\n\n${gen.body(3000).join('\n\n')}\n`)
      )
    )
  }
  const scan = await scanCorpus(root)
  console.log(`${scan.articles.length} articles in ${root}`)
  const mid = gen.vocabulary.slice(300, 20_000)
  const word = (i: number): string => mid[(i * 7919) % mid.length]
  const queries = Array.from({ length: 100 }, (_, i) => {
    const w = word(i)
    if (i % 4 === 0) return w
    if (i % 4 === 1) return `${w} ${word(i + 500)}`
    if (i % 4 === 2) return w.slice(0, Math.max(3, w.length - 2))
    return w.slice(0, 2) + (w[2] === 'x' ? 'y' : 'x') + w.slice(3)
  })

  // In process.
  const before = heapMb()
  let t = performance.now()
  const index = new SearchIndex()
  index.upsertArticles(scan.articles.map(indexedArticle), scan.root)
  const buildMs = performance.now() - t
  const heap = heapMb() - before
  for (const q of queries.slice(0, 10)) index.search(q)
  const times = queries.map((q) => {
    const s = performance.now()
    index.search(q, 20)
    return performance.now() - s
  })
  console.log(`in process: build ${f(buildMs)} ms, heap +${f(heap)} MB (index + texts), query p50 ${f(pct(times, 50))} ms, p95 ${f(pct(times, 95))} ms`)

  // Persisting: what a load would cost against what it would save.
  t = performance.now()
  for (const a of scan.articles) readArticleBody(scan.root, a.files[0], a.format)
  const textsMs = performance.now() - t
  t = performance.now()
  for (const a of scan.articles.slice(0, 500)) bodyToBlocks(readArticleBody(scan.root, a.files[0], a.format), a.format)
  const parseMs = (performance.now() - t) / 500
  const mini = (index as unknown as { mini: MiniSearch }).mini
  t = performance.now()
  const json = JSON.stringify(mini)
  const saveMs = performance.now() - t
  t = performance.now()
  MiniSearch.loadJSON(json, {
    idField: 'key',
    fields: ['title', 'text', 'source', 'topics', 'quote', 'note'],
    tokenize: (text: string) => tokenize(text),
    processTerm: (term: string) => foldTerm(term) || null
  })
  const loadMs = performance.now() - t
  console.log(
    `persist: JSON ${f(json.length / 1048576)} MB, save ${f(saveMs)} ms, load ${f(loadMs)} ms + bodies for snippets ${f(textsMs)} ms = ${f(loadMs + textsMs)} ms vs rebuild ${f(buildMs)} ms; reader text of one result ${f(parseMs)} ms (cached)`
  )

  // In the worker, as the app runs it: how long until the first answer, and the main
  // thread's worst stall meanwhile.
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  t = performance.now()
  const service = createSearchService()
  service.sync({ root: scan.root, articles: scan.articles, annotations: [] })
  const syncMs = performance.now() - t
  await service.query(queries[0])
  const firstMs = performance.now() - t
  delay.disable()
  const workerTimes: number[] = []
  for (const q of queries) {
    const s = performance.now()
    await service.query(q, 20)
    workerTimes.push(performance.now() - s)
  }
  console.log(
    `worker: sync() on the main thread ${f(syncMs)} ms, first answer after ${f(firstMs)} ms, worst main-thread stall ${f(delay.max / 1e6)} ms; round trip p50 ${f(pct(workerTimes, 50))} ms, p95 ${f(pct(workerTimes, 95))} ms (reader texts still warming)`
  )
  // Once the worker has built the reader texts between messages, snippets need no parse.
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.WARM_WAIT_MS ?? 30_000)))
  const warmTimes: number[] = []
  for (const q of queries) {
    const s = performance.now()
    await service.query(q, 20)
    warmTimes.push(performance.now() - s)
  }
  await service.close()
  console.log(`worker, warm: round trip p50 ${f(pct(warmTimes, 50))} ms, p95 ${f(pct(warmTimes, 95))} ms`)

  // The saved index as the app uses it (<dataDir>/search/): build, save, then reopen.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gloss-search-bench-data-'))
  try {
    const snapshot = { root: scan.root, articles: scan.articles, annotations: [] }
    const builder = createSearchService({ dataDir })
    builder.sync(snapshot)
    await builder.query(queries[0])
    t = performance.now()
    await builder.flush()
    const savedMs = performance.now() - t
    await builder.close()
    const [file] = await readdir(path.join(dataDir, 'search'))
    const bytes = (await stat(path.join(dataDir, 'search', file))).size
    const reopen = async (withData: boolean): Promise<{ firstMs: number; indexed: number }> => {
      const s0 = performance.now()
      const reopened = createSearchService(withData ? { dataDir } : {})
      reopened.sync(snapshot)
      await reopened.query(queries[0])
      const ms = performance.now() - s0
      const { articlesIndexed } = await reopened.stats()
      // Only the loading run is timed; closing it saves nothing (nothing changed).
      await reopened.close()
      return { firstMs: ms, indexed: articlesIndexed }
    }
    const loaded = await reopen(true)
    const rebuilt = await reopen(false)
    console.log(
      `saved index: ${f(bytes / 1048576)} MB written by the worker in ${f(savedMs)} ms; reopen → first answer: load ${f(loaded.firstMs)} ms (${loaded.indexed} articles indexed again) vs rebuild ${f(rebuilt.firstMs)} ms (${rebuilt.indexed})`
    )
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
} finally {
  await rm(root, { recursive: true, force: true })
}
