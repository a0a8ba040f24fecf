// How long "All highlights" takes to answer over many highlights: the query itself
// (src/shared/annotations/list-annotations.ts) on synthetic stores of 5,000, 20,000 and
// 50,000 highlights spread over 2,000 articles, each query timed cold (first call: the
// search folds every highlight's text once) and warm (median of 10). The baseline is
// one plain pass over the same highlights reading each quote's length, so the ratio
// says what the filters, sorting and facets cost on top of touching every highlight.
// Run: npx tsx scripts/bench/all-highlights.ts [--seed N]
import { listAnnotations, type StoredAnnotation } from '../../src/shared/annotations/list-annotations'
import { AnnotationQuery, HIGHLIGHT_COLORS } from '../../src/shared/model'
import { seededRandom } from '../../tests/fixtures/seeded-random'

const seedArg = process.argv.indexOf('--seed')
const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 5
const random = seededRandom(seed)
const words = 'harbour ledger tide orchard apple hive winter frost cargo weather récolte été naïve lantern quay ferry archive reading'.split(' ')
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ')

function corpus(count: number) {
  const articles = Array.from({ length: 2000 }, (_, i) => ({ id: `a${i}`, title: sentence(6), source: `Source ${i % 40}`, published: '2024-01-01' }))
  const highlights: StoredAnnotation[] = Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2023, 0, 1) + i * 600_000).toISOString()
    return {
      id: `h${i}`,
      articleId: `a${Math.floor(random() * 2000)}`,
      color: pick(HIGHLIGHT_COLORS),
      note: random() < 0.3 ? sentence(25) : '',
      quote: { exact: sentence(30) },
      position: { start: i, end: i + 40 },
      createdAt: at,
      updatedAt: at,
      tags: random() < 0.2 ? [pick(['Method', 'sea', 'Quote'])] : []
    }
  })
  return { articles, highlights }
}

const QUERIES: Array<[string, AnnotationQuery]> = [
  ['newest first, first page', { limit: 200 }],
  ['by article, first page', { sort: 'article', limit: 200 }],
  ['search, two words', { query: 'ledger tide', limit: 200 }],
  ['search, accents folded', { query: 'naive', limit: 200 }],
  ['colour + tag + source', { colors: ['blue'], tag: 'sea', source: 'source 3', limit: 200 }],
  ['a week of days', { from: '2023-03-01', to: '2023-03-07', limit: 200 }],
  ['page 50 of newest', { offset: 10_000, limit: 200 }]
]

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

console.log(`All highlights query (seed ${seed})`)
for (const count of [5_000, 20_000, 50_000]) {
  const data = corpus(count)
  const floors: number[] = []
  for (let i = 0; i < 10; i++) {
    const started = performance.now()
    let total = 0
    for (const h of data.highlights) total += h.quote.exact.length
    if (total < 0) throw new Error('unreachable')
    floors.push(performance.now() - started)
  }
  const floor = Math.max(median(floors), 0.01)
  console.log(`\n${count.toLocaleString('en-US')} highlights (baseline pass ${floor.toFixed(2)} ms)`)
  for (const [name, query] of QUERIES) {
    const parsed = AnnotationQuery.parse(query)
    const started = performance.now()
    const result = listAnnotations(data, parsed)
    const cold = performance.now() - started
    const warm: number[] = []
    for (let i = 0; i < 10; i++) {
      const t = performance.now()
      listAnnotations(data, parsed)
      warm.push(performance.now() - t)
    }
    const w = median(warm)
    console.log(`  ${name.padEnd(26)} cold ${cold.toFixed(1).padStart(6)} ms  warm ${w.toFixed(1).padStart(6)} ms  (${(w / floor).toFixed(0)}x baseline)  ${result.total.toLocaleString('en-US')} match`)
  }
}
