// Change flows one way: after every successful change to the open folder's data the
// core pushes exactly one `changed` event saying what changed (shared/events.ts
// DataChange), with the undo state after it. The page invalidates from these alone.
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeCorpus } from '../../../tests/fixtures/corpus-builder'
import type { DataChange } from '../../shared/events'
import type { Gloss } from './gloss'
import { articleTitled, callThrough, rangeOf, startTestGloss, tempDirs, type Call } from '../test-support/gloss-client'

const tempDir = tempDirs('changes')
const running: Gloss[] = []
afterEach(async () => {
  for (const gloss of running.splice(0)) await gloss.close()
})

const CORPUS = {
  'lighthouse.md': '# Lighthouse Keepers\n\nThe keeper trimmed the wick at dusk.\n\nFog signals sounded every thirty seconds.\n',
  'mills.txt': 'Old Mills\n\nWater turned the wheel all winter.\n\nThe miller weighed each sack twice.\n'
}

interface Ctx {
  call: Call
  corpus: string
  /** The Lighthouse Keepers article, with one highlight ("trimmed the wick", tagged "fog") and a note. */
  articleId: string
  highlightId: string
  /** A second folder to open. */
  other: string
}

async function start(options: { watch?: boolean; corpus?: string; dataDir?: string } = {}) {
  const corpus = options.corpus ?? (await tempDir('corpus'))
  if (!options.corpus) await writeCorpus(corpus, CORPUS)
  const dataDir = options.dataDir ?? (await tempDir('data'))
  let saved: string | null = null
  const gloss = await startTestGloss(tempDir, {
    dataDir,
    initialFolder: corpus,
    dialogs: {
      chooseSavePath: async (name) => (saved = path.join(dataDir, name)),
      chooseOpenFile: async () => saved
    },
    ...(options.watch ? { watch: { debounceMs: 100, writeSettleMs: 50 } } : {})
  })
  running.push(gloss)
  await gloss.watchReady()
  const changes: DataChange[] = []
  gloss.onEvent((event) => {
    if (event.type === 'changed') changes.push(event.change)
  })
  return { gloss, call: callThrough(gloss), changes, corpus, dataDir }
}

/** A folder with one annotated article, its change events from now on. */
async function annotated() {
  const started = await start()
  const { call } = started
  const article = await articleTitled(call, 'Lighthouse Keepers')
  const h = await call('highlight.create', { articleId: article.id, ...rangeOf(article, 'trimmed the wick'), color: 'yellow' })
  await call('highlight.update', { highlightId: h.id, tags: ['fog'] })
  await call('article.setNote', { articleId: article.id, note: 'Ask the keeper' })
  const other = await tempDir('other')
  await writeCorpus(other, { 'moss.md': '# Moss\n\nMoss grows in the shade.\n' })
  started.changes.length = 0
  const ctx: Ctx = { call, corpus: started.corpus, articleId: article.id, highlightId: h.id, other }
  return { ...started, ctx }
}

const NOTHING_UNDONE = { canUndo: true, canRedo: false }

// [what, the change, what the one event says (beyond root and an unchanged rest)]
const cases: Array<[string, (c: Ctx) => Promise<unknown>, (c: Ctx, result: any) => Record<string, unknown>]> = [
  [
    'create a highlight',
    async (c) => {
      const article = await c.call('article.get', { articleId: c.articleId })
      return c.call('highlight.create', { articleId: c.articleId, ...rangeOf(article, 'Fog signals'), color: 'green' })
    },
    (c, created) => ({ cause: 'edit', library: true, annotations: [c.articleId], highlights: [created.id], tags: false, history: { ...NOTHING_UNDONE, undoLabel: 'Create highlight', redoLabel: null } })
  ],
  [
    'edit a highlight note',
    (c) => c.call('highlight.update', { highlightId: c.highlightId, note: 'wick' }),
    (c) => ({ cause: 'edit', annotations: [c.articleId], highlights: [c.highlightId], tags: false, history: { ...NOTHING_UNDONE, undoLabel: 'Edit note', redoLabel: null } })
  ],
  [
    'tag a highlight',
    (c) => c.call('highlight.update', { highlightId: c.highlightId, tags: ['fog', 'night'] }),
    (c) => ({ cause: 'edit', library: true, annotations: [c.articleId], highlights: [c.highlightId], tags: true })
  ],
  [
    'delete a highlight',
    (c) => c.call('highlight.delete', { highlightId: c.highlightId }),
    (c) => ({ cause: 'edit', library: true, annotations: [c.articleId], highlights: [c.highlightId], tags: true, history: { ...NOTHING_UNDONE, undoLabel: 'Delete highlight', redoLabel: null } })
  ],
  [
    're-attach a highlight',
    async (c) => {
      const article = await c.call('article.get', { articleId: c.articleId })
      return c.call('highlight.reattach', { highlightId: c.highlightId, ...rangeOf(article, 'every thirty seconds') })
    },
    (c) => ({ cause: 'edit', annotations: [c.articleId], highlights: [c.highlightId], tags: false })
  ],
  [
    'edit an article note',
    (c) => c.call('article.setNote', { articleId: c.articleId, note: 'Ask the keeper again' }),
    (c) => ({ cause: 'edit', annotations: [c.articleId], highlights: [], tags: false, history: { ...NOTHING_UNDONE, undoLabel: 'Edit article note', redoLabel: null } })
  ],
  [
    'tag an article',
    (c) => c.call('article.setTags', { articleId: c.articleId, tags: ['coast'] }),
    (c) => ({ cause: 'edit', library: true, annotations: [c.articleId], highlights: [], tags: true })
  ],
  [
    'report reading progress',
    (c) => c.call('article.setProgress', { articleId: c.articleId, fraction: 0.5, offset: 10 }),
    (c) => ({ cause: 'edit', library: false, annotations: [], progress: [c.articleId], highlights: [], tags: false })
  ],
  ['rename a tag', (c) => c.call('tags.rename', { from: 'fog', to: 'mist' }), (c) => ({ cause: 'edit', annotations: [c.articleId], highlights: [c.highlightId], tags: true })],
  ['delete a tag', (c) => c.call('tags.delete', { tag: 'fog' }), (c) => ({ cause: 'edit', annotations: [c.articleId], highlights: [c.highlightId], tags: true })],
  [
    'undo',
    (c) => c.call('history.undo', {}),
    (c) => ({ cause: 'undo', annotations: [c.articleId], highlights: [], history: { canUndo: true, canRedo: true, undoLabel: 'Edit tags', redoLabel: 'Edit article note' } })
  ],
  [
    'import annotations (exported first)',
    async (c) => {
      await c.call('export.run', { scope: 'corpus', format: 'json' })
      return c.call('import.annotations', {})
    },
    // The folder's own export again: nothing new, and still one event saying so.
    () => ({ cause: 'import', annotations: [], highlights: [], tags: false, history: { ...NOTHING_UNDONE, undoLabel: 'Edit article note' } })
  ],
  [
    'open another folder',
    (c) => c.call('library.open', { root: c.other }),
    () => ({ cause: 'open', folder: true, library: true, tags: true, missing: true, history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null } })
  ]
]

describe('one changed event per change', () => {
  it.each(cases)('%s', async (_name, act, expected) => {
    const { ctx, changes, corpus } = await annotated()
    const result = await act(ctx)
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ root: expect.any(String), ...expected(ctx, result) })
    if (changes[0].cause !== 'open') expect(changes[0].root).toBe(corpus)
    expect(changes[0].folder).toBe(changes[0].cause === 'open')
  })

  it('redo: one event, cause redo', async () => {
    const { ctx, changes } = await annotated()
    await ctx.call('history.undo', {})
    changes.length = 0
    await ctx.call('history.redo', {})
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ cause: 'redo', annotations: [ctx.articleId], history: { canRedo: false, undoLabel: 'Edit article note' } })
  })

  it.each([
    ['a failed edit', (c: Ctx) => c.call('highlight.delete', { highlightId: 'no-such-highlight' }).catch(() => null)],
    ['progress reported again unchanged', async (c: Ctx) => {
      await c.call('article.setProgress', { articleId: c.articleId, fraction: 0.25, offset: 3 })
      return c.call('article.setProgress', { articleId: c.articleId, fraction: 0.25, offset: 3 })
    }],
    ['an undo with nothing to undo', async (c: Ctx) => {
      for (let i = 0; i < 3; i++) await c.call('history.undo', {})
      return c.call('history.undo', {})
    }],
    ['reads (article.get, library.list, tags.list, tags.mergePreview) and article.opened', async (c: Ctx) => {
      await c.call('article.get', { articleId: c.articleId })
      await c.call('library.list', { sort: 'title' })
      await c.call('tags.list', {})
      await c.call('tags.mergePreview', { from: 'fog', to: 'mist' })
      return c.call('article.opened', { articleId: c.articleId })
    }]
  ])('no extra event for %s', async (name, act) => {
    const { ctx, changes } = await annotated()
    await act(ctx)
    const expected = { 'progress reported again unchanged': 1, 'an undo with nothing to undo': 3 }[name as string] ?? 0
    expect(changes).toHaveLength(expected)
  })

  it('remove missing: one event, the missing list and the article', async () => {
    const first = await annotated()
    const { articleId } = first.ctx
    await first.gloss.close()
    running.splice(running.indexOf(first.gloss), 1)
    await rm(path.join(first.corpus, 'lighthouse.md'))
    const again = await start({ corpus: first.corpus, dataDir: first.dataDir })
    await again.call('annotations.removeMissing', { articleId })
    expect(again.changes).toHaveLength(1)
    expect(again.changes[0]).toMatchObject({ cause: 'edit', missing: true, library: false, annotations: [articleId], history: { undoLabel: 'Remove missing notes' } })
  })

  it('files changing on disk: a disk change with the article ids', async () => {
    const { changes, corpus, call } = await start({ watch: true })
    await writeCorpus(corpus, { 'owls.md': '# Owls\n\nOwls hunt at night.\n' })
    await expect.poll(() => changes.length, { timeout: 10_000 }).toBeGreaterThan(0)
    const owls = (await call('library.list', { sort: 'title' })).articles.find((a) => a.title === 'Owls')!
    expect(changes.every((c) => c.cause === 'disk' && c.library && !c.folder)).toBe(true)
    expect(changes.flatMap((c) => c.articles.added)).toEqual([owls.id])
  })
})
