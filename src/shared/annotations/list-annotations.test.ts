import { describe, expect, it } from 'vitest'
import { AnnotationQuery } from '../model'
import { listAnnotations, type AnnotationArticle, type StoredAnnotation } from './list-annotations'

const articles: AnnotationArticle[] = [
  { id: 'tide', title: 'Tide Tables of the North', source: 'Coastal Review', published: '2024-02-01' },
  { id: 'apiary', title: 'Apiary Notes', source: 'coastal review', published: null },
  { id: 'ferns', title: 'Éloge des fougères', source: 'Le Jardinier', published: '2023-11-30' }
]

let n = 0
function hl(articleId: string, start: number, createdAt: string, extra: Partial<StoredAnnotation> = {}): StoredAnnotation {
  n += 1
  return {
    id: `h${String(n).padStart(2, '0')}`,
    articleId,
    color: 'yellow',
    note: '',
    quote: { exact: `quote ${n}` },
    position: { start, end: start + 5 },
    createdAt,
    updatedAt: createdAt,
    tags: [],
    ...extra
  }
}

const highlights: StoredAnnotation[] = [
  hl('tide', 40, '2025-01-03T10:00:00.000Z', { quote: { exact: 'the spring tide rose' }, color: 'blue', tags: ['Sea', 'method'] }),
  hl('tide', 10, '2025-01-05T09:00:00.000Z', { note: 'Compare with the harbour ledger', tags: ['sea'] }),
  hl('apiary', 5, '2025-02-10T12:00:00.000Z', { color: 'green', quote: { exact: 'bees cluster for warmth' } }),
  hl('ferns', 0, '2024-12-31T23:59:59.000Z', { color: 'pink', quote: { exact: 'la forêt humide' }, tags: ['Botany'] }),
  hl('gone', 3, '2025-01-04T08:00:00.000Z', { articleTitle: 'A Deleted Essay', quote: { exact: 'lost words' } }),
  hl('apiary', 1, '2025-02-10T12:00:00.000Z', { color: 'green', quote: { exact: 'drones leave' } })
]

const ids = (query: AnnotationQuery) => listAnnotations({ articles, highlights }, AnnotationQuery.parse(query)).entries.map((e) => e.highlight.id)

describe('listAnnotations', () => {
  it.each<[string, AnnotationQuery, string[]]>([
    ['newest first (ties by id)', {}, ['h03', 'h06', 'h02', 'h05', 'h01', 'h04']],
    ['oldest first', { sort: 'oldest' }, ['h04', 'h01', 'h05', 'h02', 'h03', 'h06']],
    ['by article: titles A–Z, reading order inside, missing articles last', { sort: 'article' }, ['h06', 'h03', 'h04', 'h02', 'h01', 'h05']],
    ['one colour', { colors: ['green'] }, ['h03', 'h06']],
    ['several colours', { colors: ['blue', 'pink'] }, ['h01', 'h04']],
    ['no colours chosen = every colour', { colors: [] }, ['h03', 'h06', 'h02', 'h05', 'h01', 'h04']],
    ['tag, case-insensitive', { tag: 'SEA' }, ['h02', 'h01']],
    ['tag, spacing aside', { tag: '  sea ' }, ['h02', 'h01']],
    ['source, case-insensitive, across spellings', { source: 'Coastal Review' }, ['h03', 'h06', 'h02', 'h01']],
    ['from a day on (createdAt, UTC)', { from: '2025-01-04' }, ['h03', 'h06', 'h02', 'h05']],
    ['up to a day, inclusive', { to: '2024-12-31' }, ['h04']],
    ['a range of days', { from: '2025-01-03', to: '2025-01-04' }, ['h05', 'h01']],
    ['search the quote', { query: 'TIDE rose' }, ['h01']],
    ['search the note', { query: 'harbour' }, ['h02']],
    ['search the tags', { query: 'botan' }, ['h04']],
    ['search the article title', { query: 'apiary' }, ['h03', 'h06']],
    ['search ignores accents both ways', { query: 'foret' }, ['h04']],
    ['search an accented title with plain letters', { query: 'eloge' }, ['h04']],
    ['search a missing article by its last title', { query: 'deleted essay' }, ['h05']],
    ['filters combine', { colors: ['yellow'], tag: 'sea', query: 'ledger' }, ['h02']],
    ['nothing matches', { query: 'volcano' }, []],
    ['a page', { offset: 1, limit: 2 }, ['h06', 'h02']],
    ['a page past the end', { offset: 10, limit: 2 }, []]
  ])('%s', (_name, query, expected) => {
    expect(ids(query)).toEqual(expected)
  })

  it('counts every highlight and what exists, whatever the filters', () => {
    const list = listAnnotations({ articles, highlights }, AnnotationQuery.parse({ colors: ['pink'], limit: 1 }))
    expect(list.total).toBe(1)
    expect(list.totalHighlights).toBe(6)
    expect(list.facets.colors).toEqual({ yellow: 2, green: 2, blue: 1, pink: 1 })
    // Tags grouped regardless of case (first spelling kept), counted once per highlight.
    expect(list.facets.tags).toEqual([
      { tag: 'Botany', count: 1 },
      { tag: 'method', count: 1 },
      { tag: 'Sea', count: 2 }
    ])
    expect(list.facets.sources).toEqual([
      { source: 'Coastal Review', count: 4 },
      { source: 'Le Jardinier', count: 1 }
    ])
  })

  it('shows each entry with its article, and a missing article under the title it last had', () => {
    const { entries } = listAnnotations({ articles, highlights }, AnnotationQuery.parse({ sort: 'oldest', limit: 3 }))
    expect(entries[0]).toEqual({
      highlight: { id: 'h04', color: 'pink', quote: 'la forêt humide', note: '', tags: ['Botany'], createdAt: '2024-12-31T23:59:59.000Z', updatedAt: '2024-12-31T23:59:59.000Z' },
      article: { id: 'ferns', title: 'Éloge des fougères', source: 'Le Jardinier', published: '2023-11-30', missing: false }
    })
    expect(entries[2].article).toEqual({ id: 'gone', title: 'A Deleted Essay', source: null, published: null, missing: true })
  })

  it('names a missing article by its file, or says it is missing, when no title was recorded', () => {
    const older = [hl('x', 0, '2025-01-01T00:00:00.000Z', { articlePath: 'old/file.md' }), hl('y', 0, '2025-01-02T00:00:00.000Z')]
    const titles = listAnnotations({ articles, highlights: older }, AnnotationQuery.parse({ sort: 'oldest' })).entries.map((e) => e.article.title)
    expect(titles).toEqual(['old/file.md', 'Missing article'])
  })

  it('says whether the folder is still being read (absent articles may not be read yet)', () => {
    expect(listAnnotations({ articles, highlights }, AnnotationQuery.parse({})).scanning).toBe(false)
    expect(listAnnotations({ articles, highlights, scanning: true }, AnnotationQuery.parse({})).scanning).toBe(true)
  })

  it('finds a highlight by its new note after it was edited in place', () => {
    const own = [hl('tide', 0, '2025-03-01T00:00:00.000Z', { note: 'first thought' })]
    const corpus = { articles, highlights: own }
    expect(listAnnotations(corpus, AnnotationQuery.parse({ query: 'second' })).total).toBe(0)
    own[0].note = 'second thought'
    own[0].tags.push('Revised')
    expect(listAnnotations(corpus, AnnotationQuery.parse({ query: 'second' })).total).toBe(1)
    expect(listAnnotations(corpus, AnnotationQuery.parse({ query: 'revised' })).total).toBe(1)
  })

  it.each([
    [{ sort: 'random' }],
    [{ colors: ['purple'] }],
    [{ from: '2025-1-1' }],
    [{ limit: 0 }],
    [{ limit: 5000 }],
    [{ unknown: true }]
  ])('refuses bad input %j', (input) => {
    expect(AnnotationQuery.safeParse(input).success).toBe(false)
  })
})
