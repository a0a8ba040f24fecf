// Undo and redo through the dispatcher, with real temp folders and database files:
// what the page's Ctrl+Z does, minus the page.
import { mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeCorpus as writeFiles } from '../../../tests/fixtures/corpus-builder'
import type { Gloss } from './gloss'
import { corpusStoreFile } from '../store/corpus-store'
import type { Dialogs } from '../ports'
import { articleTitled, callThrough, rangeOf, startTestGloss, tempDirs, type Call } from '../test-support/gloss-client'

// Registered first, so its clean-up runs after the one below has closed every core.
const tempDir = tempDirs('undo')
const running: Gloss[] = []
afterEach(async () => {
  for (const gloss of running.splice(0)) await gloss.close()
})

const CORPUS = {
  'lighthouse.md': '# Lighthouse Keepers\n\nThe keeper trimmed the wick at dusk.\n\nFog signals sounded every thirty seconds.\n',
  'mills.txt': 'Old Mills\n\nWater turned the wheel all winter.\n\nThe miller weighed each sack twice.\n'
}

interface Started {
  gloss: Gloss
  call: Call
  /** Moves the injected clock on (coalescing of note edits is by time). */
  tick(ms: number): void
  corpus: string
  dataDir: string
}

async function start(existing?: { corpus: string; dataDir?: string }, dialogs: Partial<Dialogs> = {}, watch = false): Promise<Started> {
  const corpus = existing?.corpus ?? (await tempDir('corpus'))
  const dataDir = existing?.dataDir ?? (await tempDir('data'))
  if (!existing) await writeFiles(corpus, CORPUS)
  let t = Date.parse('2025-03-01T10:00:00.000Z')
  const gloss = await startTestGloss(tempDir, {
    dataDir,
    initialFolder: corpus,
    now: () => new Date(t),
    dialogs,
    ...(watch ? { watch: { debounceMs: 100, writeSettleMs: 50 } } : {})
  })
  running.push(gloss)
  await gloss.watchReady()
  return { gloss, call: callThrough(gloss), tick: (ms) => (t += ms), corpus, dataDir }
}

async function highlight(call: Call, phrase: string, extra: { color?: 'yellow' | 'green' | 'blue' | 'pink'; note?: string } = {}) {
  const article = await articleTitled(call, 'Lighthouse Keepers')
  return call('highlight.create', { articleId: article.id, ...rangeOf(article, phrase), color: extra.color ?? 'yellow', note: extra.note })
}

const highlightsOf = async (call: Call, articleId: string) => (await call('article.get', { articleId })).highlights

describe('undo and redo', () => {
  it('starts with nothing to undo', async () => {
    const { call } = await start()
    expect(await call('history.state', {})).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null })
    expect(await call('history.undo', {})).toEqual({ done: null, canUndo: false, canRedo: false, undoLabel: null, redoLabel: null })
    expect((await call('history.redo', {})).done).toBeNull()
  })

  it('create → undo removes the highlight → redo brings it back with the same id', async () => {
    const { call } = await start()
    const h = await highlight(call, 'trimmed the wick', { color: 'green' })
    expect(await call('history.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Create highlight' })

    const undone = await call('history.undo', {})
    expect(undone).toMatchObject({ done: { label: 'Create highlight', articleIds: [h.articleId], highlightIds: [h.id] }, canUndo: false, canRedo: true, redoLabel: 'Create highlight' })
    expect(await highlightsOf(call, h.articleId)).toEqual([])

    const redone = await call('history.redo', {})
    expect(redone).toMatchObject({ done: { label: 'Create highlight', highlightIds: [h.id] }, canUndo: true, canRedo: false })
    expect(await highlightsOf(call, h.articleId)).toEqual([h])
  })

  it('delete → undo restores the same id, colour, note, tags, anchor and dates', async () => {
    const { call, tick } = await start()
    const h = await highlight(call, 'Fog signals', { color: 'pink', note: 'why thirty?' })
    tick(1000)
    const tagged = await call('highlight.update', { highlightId: h.id, tags: ['Sound', 'coast'] })
    tick(1000)
    await call('highlight.delete', { highlightId: h.id })
    expect(await highlightsOf(call, h.articleId)).toEqual([])

    const undone = await call('history.undo', { expect: { label: 'Delete highlight', highlightId: h.id } })
    expect(undone.done).toEqual({ label: 'Delete highlight', articleIds: [h.articleId], highlightIds: [h.id] })
    expect(await highlightsOf(call, h.articleId)).toEqual([tagged])
    expect(tagged).toMatchObject({ id: h.id, color: 'pink', note: 'why thirty?', tags: ['Sound', 'coast'], createdAt: h.createdAt, anchor: h.anchor, quote: h.quote })
  })

  it('a toast\'s Undo for a deletion takes nothing back when another edit came after it', async () => {
    const { call } = await start()
    const first = await highlight(call, 'Fog signals')
    await call('highlight.delete', { highlightId: first.id })
    const second = await highlight(call, 'trimmed the wick')
    const refused = await call('history.undo', { expect: { label: 'Delete highlight', highlightId: first.id } })
    expect(refused).toMatchObject({ done: null, canUndo: true, undoLabel: 'Create highlight' })
    expect((await highlightsOf(call, first.articleId)).map((x) => x.id)).toEqual([second.id])
  })

  it.each<[string, 'color' | 'note', string]>([
    ['Change colour', 'color', 'blue'],
    ['Edit note', 'note', 'a second thought']
  ])('%s → undo restores the old value, redo the new one', async (label, field, value) => {
    const { call } = await start()
    const h = await highlight(call, 'trimmed the wick', { color: 'yellow', note: 'first thought' })
    await call('highlight.update', { highlightId: h.id, [field]: value })
    expect((await call('history.undo', {})).done?.label).toBe(label)
    expect((await highlightsOf(call, h.articleId))[0]).toMatchObject({ color: 'yellow', note: 'first thought' })
    await call('history.redo', {})
    expect((await highlightsOf(call, h.articleId))[0][field]).toBe(value)
  })

  it('note saves to the same highlight within 2 s are one step; a pause starts another', async () => {
    const { call, tick } = await start()
    const h = await highlight(call, 'trimmed the wick')
    for (const note of ['W', 'Wick', 'Wicks were']) {
      tick(800)
      await call('highlight.update', { highlightId: h.id, note })
    }
    tick(5000)
    await call('highlight.update', { highlightId: h.id, note: 'Wicks were trimmed daily' })

    await call('history.undo', {})
    expect((await highlightsOf(call, h.articleId))[0].note).toBe('Wicks were')
    await call('history.undo', {})
    expect((await highlightsOf(call, h.articleId))[0].note).toBe('')
    expect(await call('history.state', {})).toMatchObject({ undoLabel: 'Create highlight' })
  })

  it('article note: typing is coalesced, undo restores the previous note, clearing it is undoable', async () => {
    const { call, tick } = await start()
    const article = await articleTitled(call, 'Old Mills')
    await call('article.setNote', { articleId: article.id, note: 'Mills' })
    tick(5000)
    await call('article.setNote', { articleId: article.id, note: 'Mills and' })
    tick(900)
    await call('article.setNote', { articleId: article.id, note: 'Mills and water' })
    tick(5000)
    await call('article.setNote', { articleId: article.id, note: '' })

    const note = async () => (await call('article.get', { articleId: article.id })).note
    expect(await note()).toBe('')
    expect((await call('history.undo', {})).done).toEqual({ label: 'Edit article note', articleIds: [article.id], highlightIds: [] })
    expect(await note()).toBe('Mills and water')
    await call('history.undo', {})
    expect(await note()).toBe('Mills')
    await call('history.undo', {})
    expect(await note()).toBe('')
    expect((await call('history.state', {})).canUndo).toBe(false)
  })

  it('saving an unchanged note is no step', async () => {
    const { call, tick } = await start()
    const article = await articleTitled(call, 'Old Mills')
    await call('article.setNote', { articleId: article.id, note: 'same' })
    tick(5000)
    await call('article.setNote', { articleId: article.id, note: 'same' })
    await call('history.undo', {})
    expect(await call('history.state', {})).toMatchObject({ canUndo: false, canRedo: true })
  })

  it('a new edit clears what could be redone', async () => {
    const { call } = await start()
    const h = await highlight(call, 'trimmed the wick')
    await call('highlight.update', { highlightId: h.id, color: 'blue' })
    await call('history.undo', {})
    expect((await call('history.state', {})).canRedo).toBe(true)
    await call('highlight.update', { highlightId: h.id, color: 'green' })
    expect(await call('history.state', {})).toMatchObject({ canRedo: false, undoLabel: 'Change colour' })
    expect((await call('history.redo', {})).done).toBeNull()
  })

  it('a failed edit is no step', async () => {
    const { call } = await start()
    await expect(call('highlight.delete', { highlightId: 'no-such-highlight' })).rejects.toThrow(/NOT_FOUND/)
    expect((await call('history.state', {})).canUndo).toBe(false)
  })

  it('tags: editing a highlight\'s tags, article tags and a corpus-wide rename each undo in one step', async () => {
    const { call } = await start()
    const h = await highlight(call, 'Fog signals')
    const mills = await articleTitled(call, 'Old Mills')
    await call('highlight.update', { highlightId: h.id, tags: ['sound'] })
    await call('article.setTags', { articleId: mills.id, tags: ['sound', 'water'] })
    await call('tags.rename', { from: 'sound', to: 'acoustics' })
    expect((await highlightsOf(call, h.articleId))[0].tags).toEqual(['acoustics'])

    const undone = await call('history.undo', {})
    expect(undone.done).toMatchObject({ label: 'Rename tag', highlightIds: [h.id] })
    expect(new Set(undone.done!.articleIds)).toEqual(new Set([h.articleId, mills.id]))
    expect((await highlightsOf(call, h.articleId))[0].tags).toEqual(['sound'])
    expect(await call('history.state', {})).toMatchObject({ undoLabel: 'Edit article tags', redoLabel: 'Rename tag' })
    await call('history.undo', {})
    expect((await call('tags.list', {})).map((t) => t.tag)).toEqual(['sound'])
    await call('history.undo', {})
    expect((await highlightsOf(call, h.articleId))[0].tags).toEqual([])
  })

  it('another folder starts with an empty history, and so does the same folder opened again', async () => {
    const { call, corpus } = await start()
    await highlight(call, 'trimmed the wick')
    const other = await tempDir('other')
    await writeFiles(other, { 'a.md': '# Another\n\nSomething else entirely.\n' })
    await call('library.open', { root: other })
    expect(await call('history.state', {})).toMatchObject({ canUndo: false, canRedo: false })
    await call('library.open', { root: corpus })
    expect(await call('history.state', {})).toMatchObject({ canUndo: false })
    expect((await articleTitled(call, 'Lighthouse Keepers')).highlights).toHaveLength(1)
  })

  it('an import is one step, and an edit made while its dialog is open is a step of its own', async () => {
    const out = await tempDir('out')
    const first = await start(undefined, { chooseSavePath: async () => path.join(out, 'notes.json') })
    const h = await highlight(first.call, 'Fog signals', { color: 'green', note: 'exported' })
    const mills = await articleTitled(first.call, 'Old Mills')
    await first.call('article.setNote', { articleId: mills.id, note: 'Water all winter.' })
    await first.call('export.run', { scope: 'corpus', format: 'json' })

    let release: (file: string) => void = () => undefined
    const chosen = new Promise<string>((resolve) => (release = resolve))
    const second = await start({ corpus: first.corpus }, { chooseOpenFile: () => chosen })
    const importing = second.call('import.annotations', {})
    const lighthouse = await articleTitled(second.call, 'Lighthouse Keepers')
    const creating = second.call('highlight.create', { articleId: lighthouse.id, ...rangeOf(lighthouse, 'trimmed the wick'), color: 'blue' })
    release(path.join(out, 'notes.json'))
    expect((await importing).report).toMatchObject({ imported: 2 })
    const created = await creating

    expect((await second.call('history.undo', {})).done).toMatchObject({ label: 'Create highlight', highlightIds: [created.id] })
    expect((await highlightsOf(second.call, lighthouse.id)).map((x) => x.id)).toEqual([h.id])
    const undone = await second.call('history.undo', {})
    expect(undone.done).toMatchObject({ label: 'Import annotations', highlightIds: [h.id] })
    expect(new Set(undone.done!.articleIds)).toEqual(new Set([lighthouse.id, mills.id]))
    expect(await highlightsOf(second.call, lighthouse.id)).toEqual([])
    expect((await second.call('article.get', { articleId: mills.id })).note).toBe('')
  })

  it('reading progress is no step and is never undone', async () => {
    const { call } = await start()
    const article = await articleTitled(call, 'Lighthouse Keepers')
    await highlight(call, 'Fog signals')
    await call('article.setProgress', { articleId: article.id, fraction: 0.5, offset: 10 })
    expect(await call('history.state', {})).toMatchObject({ undoLabel: 'Create highlight' })
    await call('history.undo', {})
    expect((await call('library.list', { sort: 'title' })).articles.find((a) => a.id === article.id)?.progress).toBe(0.5)
  })

  it('a highlight deleted before its file was renamed comes back to the renamed article', async () => {
    const { call, corpus } = await start(undefined, {}, true)
    const h = await highlight(call, 'Fog signals', { color: 'pink', note: 'still here' })
    await call('highlight.delete', { highlightId: h.id })
    await mkdir(path.join(corpus, 'coast'))
    await rename(path.join(corpus, 'lighthouse.md'), path.join(corpus, 'coast', 'lighthouse.md'))
    let movedId = ''
    await expect
      .poll(async () => {
        const { articles } = await call('library.list', { sort: 'title' })
        movedId = articles.find((a) => a.title === 'Lighthouse Keepers' && a.files[0] === 'coast/lighthouse.md')?.id ?? ''
        return movedId
      }, { timeout: 10_000 })
      .not.toBe('')

    const undone = await call('history.undo', {})
    expect(undone.done).toMatchObject({ label: 'Delete highlight', articleIds: [movedId], highlightIds: [h.id] })
    expect(await highlightsOf(call, movedId)).toEqual([expect.objectContaining({ id: h.id, note: 'still here', anchor: h.anchor })])
    expect(await call('library.missing', {})).toEqual([])
  })

  it('removing a missing article\'s notes for good can be undone', async () => {
    const { call, corpus } = await start(undefined, {}, true)
    const h = await highlight(call, 'Fog signals', { note: 'keep' })
    await call('article.setNote', { articleId: h.articleId, note: 'The whole piece.' })
    await rm(path.join(corpus, 'lighthouse.md'))
    await expect.poll(async () => (await call('library.missing', {})).length, { timeout: 10_000 }).toBe(1)
    expect(await call('annotations.removeMissing', { articleId: h.articleId })).toEqual({ removed: 2 })
    expect(await call('library.missing', {})).toEqual([])

    const undone = await call('history.undo', {})
    // The article is not in the folder: it is named by no article id, but its highlight is.
    expect(undone.done).toEqual({ label: 'Remove missing notes', articleIds: [], highlightIds: [h.id] })
    expect(await call('library.missing', {})).toEqual([
      expect.objectContaining({ articleId: h.articleId, title: 'Lighthouse Keepers', note: 'The whole piece.', highlights: [expect.objectContaining({ id: h.id, note: 'keep' })] })
    ])
  })

  it('a restored highlight is saved: it is there after a restart, and the history is not', async () => {
    const first = await start()
    const h = await highlight(first.call, 'Fog signals', { color: 'blue', note: 'keep me' })
    await first.call('highlight.delete', { highlightId: h.id })
    await first.call('history.undo', {})
    await first.gloss.close()
    running.splice(running.indexOf(first.gloss), 1)
    const stored = JSON.parse(await readFile(corpusStoreFile(first.dataDir, await realpath(first.corpus)), 'utf8'))
    expect(stored.highlights.map((x: { id: string }) => x.id)).toEqual([h.id])

    const again = await start({ corpus: first.corpus, dataDir: first.dataDir })
    const [restored] = await highlightsOf(again.call, h.articleId)
    expect(restored).toMatchObject({ id: h.id, color: 'blue', note: 'keep me', createdAt: h.createdAt, anchor: h.anchor })
    expect((await again.call('history.state', {})).canUndo).toBe(false)
  })
})

