// What recording an edit for undo costs on a large folder: the snapshot before the edit
// plus the diff after it, at 10,000 highlights by default (and article notes on a tenth
// of the articles). "whole store" copies and compares every record (what edits across
// the folder do: rename a tag, import); "scoped" copies only the edited article's
// records (what an edit of one highlight or article does), looking the highlight up
// first as history/undo-log.ts does. Run: npx tsx scripts/bench/undo-overhead.ts [highlights]
import { performance } from 'node:perf_hooks'
import { diffRecords, snapshotRecords, type RecordScope } from '../../src/core/history/record-changes'
import { seededRandom } from '../../tests/fixtures/seeded-random'

const count = Number(process.argv[2] ?? 10_000)
const random = seededRandom(5)
const words = 'harbour ledger cargo weather keeper wick fog signal mill wheel sack winter'.split(' ')
const phrase = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ')

const data = {
  schemaVersion: 1,
  root: '/corpus',
  lastArticleId: null,
  highlights: Array.from({ length: count }, (_, i) => ({
    id: `h-${i}`,
    articleId: `a-${i % 2000}`,
    articleFingerprint: `fp-${i % 2000}`,
    color: 'yellow',
    note: random() < 0.4 ? phrase(25) : '',
    quote: { type: 'TextQuoteSelector', exact: phrase(12), prefix: phrase(5), suffix: phrase(5) },
    position: { type: 'TextPositionSelector', start: i, end: i + 60 },
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    tags: random() < 0.3 ? ['alpha', 'beta'] : [],
    articleTitle: phrase(6),
    articlePath: `folder/${i % 2000}.md`
  })),
  articleNotes: Object.fromEntries(
    Array.from({ length: 200 }, (_, i) => [`a-${i}`, { note: phrase(40), tags: [], updatedAt: '2025-01-01T00:00:00.000Z', articleFingerprint: `fp-${i}` }])
  )
}

function measure(label: string, edit: () => void, scopeOf: (() => RecordScope) | null, runs = 30): void {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    const before = snapshotRecords(data, undefined, scopeOf ? scopeOf() : null)
    edit()
    const changes = diffRecords(before, data)
    times.push(performance.now() - started)
    if (!changes.length) throw new Error(`${label}: no change found`)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  const p95 = times[Math.floor(times.length * 0.95)]
  console.log(`${label.padEnd(40)} median ${median.toFixed(2)} ms   p95 ${p95.toFixed(2)} ms`)
}

/** The scope the undo log gives an edit of one highlight: its article, and itself by id. */
const ofHighlight = (id: string) => (): RecordScope => {
  const found = data.highlights.find((h) => h.id === id)
  return { articleIds: new Set(found ? [found.articleId] : []), recordIds: new Set([id]) }
}
const ofArticle = (articleId: string) => (): RecordScope => ({ articleIds: new Set([articleId]), recordIds: new Set() })

console.log(`${count} highlights, ${Object.keys(data.articleNotes).length} article notes (snapshot + diff per edit, ${process.version})`)
let n = 0
for (const scoped of [false, true]) {
  const how = scoped ? 'scoped' : 'whole store'
  const middle = data.highlights[count >> 1].id
  measure(`edit one note (${how})`, () => void (data.highlights.find((h) => h.id === middle)!.note = `edited ${n++}`), scoped ? ofHighlight(middle) : null)
  measure(`create one highlight (${how})`, () => void data.highlights.push({ ...data.highlights[0], id: `new-${n++}` }), scoped ? ofArticle(data.highlights[0].articleId) : null)
  // As the app deletes: a new array without the highlight (the 8th, whichever it is now).
  const deleteEighth = () => {
    const doomed = data.highlights[7].id
    data.highlights = data.highlights.filter((h) => h.id !== doomed)
  }
  measure(`delete one highlight (${how})`, deleteEighth, scoped ? () => ofHighlight(data.highlights[7].id)() : null)
  measure(`edit one article note (${how})`, () => void (data.articleNotes['a-3'].note = `edited ${n++}`), scoped ? ofArticle('a-3') : null)
}
measure('rename a tag everywhere (whole store)', () => {
  const [from, to] = n++ % 2 ? ['gamma', 'alpha'] : ['alpha', 'gamma']
  for (const h of data.highlights) h.tags = h.tags.map((t) => (t === from ? to : t))
}, null, 10)

// For scale: the store writes the whole file after every edit (coalesced), and turning
// the data into JSON is the least of that write.
const times: number[] = []
for (let run = 0; run < 30; run++) {
  const started = performance.now()
  JSON.stringify(data)
  times.push(performance.now() - started)
}
times.sort((a, b) => a - b)
console.log(`${'baseline: JSON of the store'.padEnd(40)} median ${times[15].toFixed(1)} ms`)
