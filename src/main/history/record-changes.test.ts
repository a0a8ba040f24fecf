import { describe, expect, it } from 'vitest'
import { applyRecordChanges, cloneJson, diffRecords, snapshotRecords } from './record-changes'

type Data = {
  root: string
  lastArticleId: string | null
  highlights: Array<{ id: string; articleId: string; note: string; tags: string[]; quote: { exact: string } }>
  articleNotes: Record<string, { note: string; tags: string[] }>
}

const start = (): Data => ({
  root: '/corpus',
  lastArticleId: null,
  highlights: [
    { id: 'h1', articleId: 'a', note: 'first', tags: ['x'], quote: { exact: 'one' } },
    { id: 'h2', articleId: 'a', note: '', tags: [], quote: { exact: 'two' } },
    { id: 'h3', articleId: 'b', note: 'third', tags: ['y'], quote: { exact: 'three' } }
  ],
  articleNotes: { a: { note: 'about a', tags: [] } }
})

const edits: Array<[string, (d: Data) => void, Array<[string, string]>]> = [
  ['create', (d) => void d.highlights.push({ id: 'h4', articleId: 'b', note: '', tags: [], quote: { exact: 'four' } }), [['highlights', 'h4']]],
  ['delete in the middle', (d) => void (d.highlights = d.highlights.filter((h) => h.id !== 'h2')), [['highlights', 'h2']]],
  ['edit a note in place', (d) => void (d.highlights[0].note = 'changed'), [['highlights', 'h1']]],
  ['push a tag into the same array', (d) => void d.highlights[2].tags.push('z'), [['highlights', 'h3']]],
  ['edit a nested selector in place', (d) => void (d.highlights[1].quote.exact = 'TWO'), [['highlights', 'h2']]],
  ['add an article note', (d) => void (d.articleNotes.b = { note: 'about b', tags: ['t'] }), [['articleNotes', 'b']]],
  ['remove an article note', (d) => void delete d.articleNotes.a, [['articleNotes', 'a']]],
  [
    'rename a tag everywhere',
    (d) => {
      for (const h of d.highlights) h.tags = h.tags.map((t) => (t === 'x' ? 'y' : t))
      d.articleNotes.a.tags = ['y']
    },
    [
      ['highlights', 'h1'],
      ['articleNotes', 'a']
    ]
  ],
  ['change a scalar only', (d) => void (d.lastArticleId = 'a'), []],
  ['add a new per-article collection', (d) => Object.assign(d, { articleTags: { a: ['new'] } }), [['articleTags', 'a']]]
]

describe('record changes', () => {
  it.each(edits)('%s: finds exactly the records touched, and undo / redo restore each side', (_name, edit, touched) => {
    const data = start()
    const before = snapshotRecords(data)
    edit(data)
    const after = cloneJson(data)
    const changes = diffRecords(before, data)
    expect(changes.map((c) => [c.collection, c.key])).toEqual(touched)

    applyRecordChanges(data, changes, 'before')
    const { lastArticleId: _l, ...restoredRecords } = data as Data & { articleTags?: unknown }
    const { lastArticleId: _s, ...startRecords } = start()
    expect({ ...restoredRecords, articleTags: undefined }).toEqual({ ...startRecords, articleTags: undefined })
    // A record put back goes where it was.
    expect(data.highlights.map((h) => h.id)).toEqual(['h1', 'h2', 'h3'])

    applyRecordChanges(data, changes, 'after')
    expect(data.highlights).toEqual(after.highlights)
    expect(data.articleNotes).toEqual(after.articleNotes)
  })

  it('keeps bookkeeping fields of a record that still exists', () => {
    const data = start()
    const before = snapshotRecords(data)
    data.highlights[0].note = 'changed'
    const changes = diffRecords(before, data)
    // Meanwhile the article file moved: the app re-pointed the highlight.
    data.highlights[0].articleId = 'a-moved'
    applyRecordChanges(data, changes, 'before', new Set(['articleId']))
    expect(data.highlights[0]).toMatchObject({ note: 'first', articleId: 'a-moved' })
  })

  it('restores a record that another path deleted meanwhile', () => {
    const data = start()
    const before = snapshotRecords(data)
    data.highlights[0].note = 'changed'
    const changes = diffRecords(before, data)
    data.highlights.shift()
    applyRecordChanges(data, changes, 'before')
    expect(data.highlights[0]).toEqual(start().highlights[0])
  })

  it('snapshots are copies: later edits do not reach them', () => {
    const data = start()
    const snapshot = snapshotRecords(data)
    data.highlights[0].tags.push('late')
    expect(diffRecords(snapshot, data)).toHaveLength(1)
  })
})

describe('collections left out', () => {
  it('are neither snapshotted nor diffed', () => {
    const data = { ...start(), progress: { a: { fraction: 0.1 } } as Record<string, { fraction: number }> }
    const skip = new Set(['progress'])
    const before = snapshotRecords(data, skip)
    expect([...before.keys()]).toEqual(['highlights', 'articleNotes'])
    data.progress.a.fraction = 0.9
    data.highlights[0].note = 'changed'
    expect(diffRecords(before, data, skip).map((c) => c.collection)).toEqual(['highlights'])
  })
})
