import { describe, expect, it } from 'vitest'
import type { RecordChange } from './record-changes'
import { UndoHistory } from './undo-history'

const note = (key: string, before: string | null, after: string | null, at = '2024-01-01'): RecordChange => ({
  collection: 'articleNotes',
  key,
  index: 0,
  before: before === null ? null : { note: before, updatedAt: at },
  after: after === null ? null : { note: after, updatedAt: `${at}+` }
})

function clocked() {
  let t = 1000
  const history = new UndoHistory({ limit: 3, coalesceMs: 2000, now: () => t })
  return { history, tick: (ms: number) => (t += ms) }
}

describe('UndoHistory', () => {
  it('undoes newest first and redoes in reverse', () => {
    const { history } = clocked()
    history.record('Create highlight', [note('a', null, 'x')])
    history.record('Delete highlight', [note('b', 'y', null)])
    expect(history.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Delete highlight', redoLabel: null })
    expect(history.undo()?.label).toBe('Delete highlight')
    expect(history.state()).toEqual({ canUndo: true, canRedo: true, undoLabel: 'Create highlight', redoLabel: 'Delete highlight' })
    expect(history.undo()?.label).toBe('Create highlight')
    expect(history.undo()).toBeNull()
    expect(history.redo()?.label).toBe('Create highlight')
    expect(history.redo()?.label).toBe('Delete highlight')
    expect(history.redo()).toBeNull()
  })

  it('a new edit clears the redo stack', () => {
    const { history } = clocked()
    history.record('Edit note', [note('a', 'x', 'y')])
    history.undo()
    expect(history.state().canRedo).toBe(true)
    history.record('Change colour', [note('b', 'x', 'z')])
    expect(history.state()).toMatchObject({ canRedo: false, redoLabel: null, undoLabel: 'Change colour' })
  })

  it('keeps only the newest entries up to the limit', () => {
    const { history } = clocked()
    for (const label of ['one', 'two', 'three', 'four']) history.record(label, [note(label, null, label)])
    const undone: string[] = []
    for (let entry = history.undo(); entry; entry = history.undo()) undone.push(entry.label)
    expect(undone).toEqual(['four', 'three', 'two'])
  })

  it.each<[string, RecordChange[]]>([
    ['no changes', []],
    ['only the timestamp', [note('a', 'same', 'same')]]
  ])('records nothing for an edit with %s, and keeps the redo stack', (_name, changes) => {
    const { history } = clocked()
    history.record('Edit note', [note('a', 'x', 'y')])
    history.undo()
    expect(history.record('Edit note', changes)).toBe(false)
    expect(history.state()).toMatchObject({ canUndo: false, canRedo: true })
  })

  it.each<[string, number, string | null, number]>([
    ['same note within the window', 1500, 'article-note:a', 1],
    ['same note after the window', 2500, 'article-note:a', 2],
    ['another note', 100, 'article-note:b', 2],
    ['an edit that never coalesces', 100, null, 2]
  ])('coalesces typing: %s', (_name, gap, key, entries) => {
    const { history, tick } = clocked()
    history.record('Edit article note', [note('a', 'x', 'xy')], 'article-note:a')
    tick(gap)
    history.record('Edit article note', [note(key === 'article-note:b' ? 'b' : 'a', 'xy', 'xyz')], key)
    let count = 0
    let first: RecordChange | undefined
    for (let entry = history.undo(); entry; entry = history.undo()) {
      count++
      first = entry.changes[0]
    }
    expect(count).toBe(entries)
    if (entries === 1) expect(first).toMatchObject({ before: { note: 'x' }, after: { note: 'xyz' } })
  })

  it('coalescing that ends where it began leaves no entry', () => {
    const { history, tick } = clocked()
    history.record('Edit note', [note('a', 'x', 'xy')], 'k')
    tick(500)
    history.record('Edit note', [note('a', 'xy', 'x')], 'k')
    expect(history.state().canUndo).toBe(false)
  })

  it('does not coalesce into an entry after an undo or redo', () => {
    const { history, tick } = clocked()
    history.record('Edit note', [note('a', 'x', 'xy')], 'k')
    tick(100)
    history.record('Edit note', [note('a', 'xy', 'xyz')], 'k')
    history.undo()
    history.redo()
    tick(100)
    history.record('Edit note', [note('a', 'xyz', 'xyzw')], 'k')
    expect(history.undo()?.changes[0]).toMatchObject({ before: { note: 'xyz' } })
    expect(history.undo()?.changes[0]).toMatchObject({ before: { note: 'x' } })
  })

  it('clear forgets both stacks', () => {
    const { history } = clocked()
    history.record('Edit note', [note('a', 'x', 'y')])
    history.record('Edit note', [note('a', 'y', 'z')])
    history.undo()
    history.clear()
    expect(history.state()).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null })
  })
})
