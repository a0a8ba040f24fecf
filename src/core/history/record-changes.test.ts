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
    expect([...before.records.keys()]).toEqual(['highlights', 'articleNotes'])
    data.progress.a.fraction = 0.9
    data.highlights[0].note = 'changed'
    expect(diffRecords(before, data, skip).map((c) => c.collection)).toEqual(['highlights'])
  })
})

// An edit of one article copies only that article's records. Whatever an edit does,
// in scope or beyond it, the scoped diff must undo it as the whole-store diff does.
describe('scoped snapshots', () => {
  const scopeA = { articleIds: new Set(['a']), recordIds: new Set<string>() }
  const IN_PLACE_BEYOND_A = new Set(['push a tag into the same array', 'rename a tag everywhere'])
  const scoped: Array<[string, (d: Data) => void]> = [
    // All but the edits that change another article's records in place (see below).
    ...edits.filter(([name]) => !IN_PLACE_BEYOND_A.has(name)).map(([name, edit]): [string, (d: Data) => void] => [name, edit]),
    ['move a record into the scope (a new object)', (d) => void (d.highlights[2] = { ...d.highlights[2], articleId: 'a', note: 'moved' })],
    ['move a record into the scope unchanged', (d) => void (d.highlights[2] = { ...d.highlights[2], articleId: 'a' })],
    ['move a record out of the scope', (d) => void (d.highlights[0] = { ...d.highlights[0], articleId: 'b' })],
    ['replace another article\'s record', (d) => void (d.highlights[2] = { ...d.highlights[2], note: 'replaced' })],
    ['delete another article\'s record', (d) => void d.highlights.pop()],
    ['drop every record', (d) => void (d.highlights = [])],
    ['remove the notes collection', (d) => void delete (d as Partial<Data>).articleNotes],
    [
      'edit in scope and beyond at once',
      (d) => {
        d.highlights[1].note = 'in scope'
        d.highlights.unshift({ id: 'h0', articleId: 'c', note: '', tags: [], quote: { exact: 'zero' } })
        d.articleNotes.b = { note: 'about b', tags: [] }
      }
    ]
  ]
  const byRecord = (changes: ReturnType<typeof diffRecords>) =>
    [...changes].sort((x, y) => `${x.collection}/${x.key}`.localeCompare(`${y.collection}/${y.key}`))

  it.each(scoped)('%s: the same changes as a snapshot of every record', (_name, edit) => {
    const data = start()
    const all = snapshotRecords(data)
    const some = snapshotRecords(data, undefined, scopeA)
    edit(data)
    const after = cloneJson(data)
    const full = diffRecords(all, data)
    const changes = diffRecords(some, data)
    expect(byRecord(changes)).toEqual(byRecord(full))

    applyRecordChanges(data, changes, 'before')
    expect(data.highlights).toEqual(start().highlights)
    expect(data.articleNotes).toEqual(start().articleNotes)
    applyRecordChanges(data, changes, 'after')
    expect(data.highlights).toEqual(after.highlights)
    expect(data.articleNotes ?? {}).toEqual(after.articleNotes ?? {})
  })

  it('copies only the records in scope: by article, and by id whatever the article', () => {
    const data = start()
    const snapshot = snapshotRecords(data, undefined, { articleIds: new Set(['a']), recordIds: new Set(['h3']) })
    expect([...snapshot.records.get('highlights')!.keys()]).toEqual(['h1', 'h2', 'h3'])
    expect([...snapshot.records.get('articleNotes')!.keys()]).toEqual(['a'])
    const other = snapshotRecords(data, undefined, { articleIds: new Set(['b']), recordIds: new Set<string>() })
    expect([...other.records.get('highlights')!.keys()]).toEqual(['h3'])
    expect(other.records.get('articleNotes')).toBeUndefined()
    // Out of scope, the records themselves are kept (no copies).
    expect(other.outside.get('highlights')!.values[0]).toBe(data.highlights[0])
  })

  it('does not see a record beyond the scope changed in place (so edits that can do that get no scope)', () => {
    // The limit of not copying other articles' records: the edits given a scope find
    // their one record by id or key, and edits across the folder are snapshotted whole.
    const data = start()
    const snapshot = snapshotRecords(data, undefined, scopeA)
    data.highlights[2].note = 'changed in place'
    expect(diffRecords(snapshot, data)).toEqual([])
  })
})
