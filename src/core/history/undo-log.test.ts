// Which records each edit method's step covers. The per-article methods copy only their
// article's records (record-changes.test.ts shows the diff); here: each method gets the
// scope it should, and a handler that reaches beyond its article is undone all the same.
import { describe, expect, it } from 'vitest'
import type { Handlers, Method } from '../../shared/contract'
import { EDIT_METHODS, UndoLog, recordEdits, type HistorySubject } from './undo-log'
import { cloneJson } from './record-changes'

interface Data {
  highlights: Array<{ id: string; articleId: string; note: string }>
  articleNotes: Record<string, { note: string; tags: string[] }>
  [field: string]: unknown
}

const start = (): Data => ({
  highlights: [
    { id: 'h1', articleId: 'a', note: 'one' },
    { id: 'h2', articleId: 'a', note: 'two' },
    { id: 'h3', articleId: 'b', note: 'three' }
  ],
  articleNotes: { a: { note: 'about a', tags: [] }, b: { note: 'about b', tags: ['t'] } }
})

function subjectOf(data: Data): HistorySubject & { data: Data } {
  return {
    data,
    restore: (writeBack) => writeBack(data),
    scan: { articles: [{ id: 'a' }, { id: 'b' }] }
  }
}

describe('scope of each edit method', () => {
  const cases: Array<[string, Record<string, unknown>, unknown]> = [
    ['highlight.create', { articleId: 'a', start: 0, end: 3, color: 'yellow' }, { articleIds: ['a'] }],
    ['highlight.update', { highlightId: 'h3', note: 'x' }, { articleIds: ['b'], highlightIds: ['h3'] }],
    ['highlight.delete', { highlightId: 'h1' }, { articleIds: ['a'], highlightIds: ['h1'] }],
    ['highlight.reattach', { highlightId: 'h2', start: 0, end: 3 }, { articleIds: ['a'], highlightIds: ['h2'] }],
    ['highlight.delete', { highlightId: 'gone' }, { articleIds: [], highlightIds: ['gone'] }],
    ['article.setNote', { articleId: 'b', note: 'x' }, { articleIds: ['b'] }],
    ['article.setTags', { articleId: 'a', tags: ['x'] }, { articleIds: ['a'] }],
    ['annotations.removeMissing', { articleId: 'z' }, { articleIds: ['z'] }],
    ['tags.rename', { from: 'a', to: 'b' }, 'all'],
    ['tags.delete', { tag: 'a' }, 'all'],
    ['import.annotations', {}, 'all']
  ]
  it.each(cases)('%s %j → %j', (method, input, scope) => {
    expect(EDIT_METHODS[method as Method]!.scope(input, start())).toEqual(scope)
  })
})

describe('an edit that reaches beyond its scope', () => {
  // Each handler does its own edit and also adds, removes or replaces another
  // article's records: Undo must still put everything back, Redo redo it all.
  const beyond: Array<[string, Record<string, unknown>, string, (d: Data) => void]> = [
    ['highlight.create', { articleId: 'a' }, 'Create highlight', (d) => {
      d.highlights.push({ id: 'h4', articleId: 'a', note: '' })
      d.highlights = d.highlights.filter((h) => h.id !== 'h3')
    }],
    ['highlight.update', { highlightId: 'h1', note: 'edited' }, 'Edit note', (d) => {
      d.highlights[0].note = 'edited'
      d.highlights.push({ id: 'h5', articleId: 'b', note: 'stray' })
    }],
    ['highlight.delete', { highlightId: 'h3' }, 'Delete highlight', (d) => {
      d.highlights = d.highlights.filter((h) => h.id !== 'h3')
      d.articleNotes.a = { ...d.articleNotes.a, note: 'replaced' }
    }],
    ['highlight.reattach', { highlightId: 'h2' }, 'Re-attach highlight', (d) => {
      d.highlights[1].note = 'moved'
      d.highlights[2] = { ...d.highlights[2], note: 'replaced' }
    }],
    ['article.setNote', { articleId: 'a', note: 'new' }, 'Edit article note', (d) => {
      d.articleNotes.a = { note: 'new', tags: [] }
      delete d.articleNotes.b
    }],
    ['article.setTags', { articleId: 'b', tags: ['u'] }, 'Edit article tags', (d) => {
      d.articleNotes.b.tags = ['u']
      d.articleNotes.c = { note: '', tags: ['u'] }
    }],
    ['annotations.removeMissing', { articleId: 'a' }, 'Remove missing notes', (d) => {
      d.highlights = d.highlights.filter((h) => h.articleId !== 'a')
      delete d.articleNotes.a
      d.highlights = d.highlights.map((h) => ({ ...h, note: h.note.toUpperCase() }))
    }]
  ]

  it.each(beyond)('%s %j', async (method, input, label, edit) => {
    const data = start()
    const subject = subjectOf(data)
    const history = new UndoLog(subject)
    const handlers = recordEdits({ [method]: async () => edit(subject.data) } as unknown as Handlers, () => history)
    await (handlers as unknown as Record<string, (input: unknown) => Promise<unknown>>)[method](input)
    const after = cloneJson(subject.data)
    expect(after).not.toEqual(start())

    const undone = await history.undo()
    expect(undone.done?.label).toBe(label)
    expect(subject.data).toEqual(start())

    await history.redo()
    expect(subject.data).toEqual(after)
  })
})
