// Picks the full-text library by measurement: MiniSearch vs FlexSearch on a synthetic
// 10,000-article corpus (≈3 KB bodies). Run: node --expose-gc --import tsx scripts/search-bench/compare-libraries.ts
import { Document } from 'flexsearch'
import MiniSearch from 'minisearch'
import { textGenerator } from './synthetic-text'

const COUNT = Number(process.env.ARTICLES ?? 10_000)
const gen = textGenerator(42)
interface Doc { id: number; title: string; body: string; source: string; topics: string }
const docs: Doc[] = []
for (let i = 0; i < COUNT; i++) {
  docs.push({ id: i, title: gen.title(), body: gen.body(3000).join('\n\n'), source: 'Example News', topics: 'Reading News' })
}
// Planted documents for hand-checked ranking: one word only in a title, the same word only in a body.
docs.push({ id: COUNT, title: 'Quarterly Zephyrant Review', body: gen.body(3000).join('\n\n'), source: 'x', topics: '' })
docs.push({ id: COUNT + 1, title: 'Unrelated Title', body: `${gen.body(1500).join(' ')} zephyrant ${gen.body(1500).join(' ')}`, source: 'x', topics: '' })
docs.push({ id: COUNT + 2, title: 'Zephyrants Gather', body: gen.body(3000).join('\n\n'), source: 'x', topics: '' })

const queries: string[] = []
const mid = gen.vocabulary.slice(300, 20_000)
const pickWord = (i: number): string => mid[(i * 7919) % mid.length]
for (let i = 0; i < 100; i++) {
  const w = pickWord(i)
  if (i % 4 === 0) queries.push(w)
  else if (i % 4 === 1) queries.push(`${w} ${pickWord(i + 500)}`)
  else if (i % 4 === 2) queries.push(w.slice(0, Math.max(3, w.length - 2))) // prefix
  else queries.push(w.slice(0, 2) + (w[2] === 'x' ? 'y' : 'x') + w.slice(3)) // one typo
}

const gc = (globalThis as { gc?: () => void }).gc
const heap = (): number => {
  gc?.()
  return process.memoryUsage().heapUsed
}
const pct = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const ms = (n: number): string => n.toFixed(2)

function time<T>(fn: () => T): [T, number] {
  const t = performance.now()
  const r = fn()
  return [r, performance.now() - t]
}

async function bench(name: string, build: () => { search: (q: string) => number[] }, note: string): Promise<void> {
  const before = heap()
  const [engine, buildMs] = time(build)
  const memory = heap() - before
  for (const q of queries.slice(0, 10)) engine.search(q) // warm up
  const latencies: number[] = []
  let hits = 0
  for (const q of queries) {
    const [r, t] = time(() => engine.search(q))
    latencies.push(t)
    if (r.length) hits++
  }
  const rank = (q: string): string => {
    const r = engine.search(q)
    return [COUNT, COUNT + 1, COUNT + 2].map((id) => `${id - COUNT}@${r.indexOf(id)}`).join(' ')
  }
  console.log(`\n${name} (${note})`)
  console.log(`  build ${ms(buildMs)} ms, heap ${(memory / 1048576).toFixed(1)} MB, queries p50 ${ms(pct(latencies, 50))} ms p95 ${ms(pct(latencies, 95))} ms, ${hits}/100 with hits`)
  console.log(`  ranking [title=0 body=1 plural-title=2]: "zephyrant" ${rank('zephyrant')} | typo "zephyrnat" ${rank('zephyrnat')} | prefix "zephyr" ${rank('zephyr')}`)
  ;(globalThis as { keep?: unknown }).keep = engine
}

await bench(
  'MiniSearch 7',
  () => {
    const mini = new MiniSearch<Doc>({ fields: ['title', 'body', 'source', 'topics'], storeFields: [] })
    mini.addAll(docs)
    return {
      mini,
      search: (q: string) =>
        mini
          .search(q, { prefix: (t) => t.length >= 3, fuzzy: (t) => (t.length > 4 ? 0.2 : false), boost: { title: 3 }, combineWith: 'AND' })
          .map((r) => r.id as number)
    }
  },
  'prefix ≥3 chars, fuzzy 0.2 (edit distance) for terms > 4 chars, title boost 3, AND'
)
;(globalThis as { keep?: unknown }).keep = null

await bench(
  'FlexSearch 0.8',
  () => {
    const index = new Document({
      document: { id: 'id', index: ['title', 'body', 'source', 'topics'] },
      tokenize: 'forward',
      encoder: 'LatinBalance',
      resolution: 9
    } as never)
    for (const d of docs) index.add(d as never)
    return {
      index,
      search: (q: string) => {
        const out = index.search(q, { limit: 100, suggest: true, merge: true } as never) as unknown as Array<{ id: number; field: string[] }>
        // Title field first: FlexSearch ranks per field; merging by field order approximates a boost.
        return out.map((r) => r.id)
      }
    }
  },
  'tokenize forward (prefix), LatinBalance encoder (phonetic typo tolerance), suggest'
)
