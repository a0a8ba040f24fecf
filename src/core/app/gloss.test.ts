// The application core end to end through the dispatcher, with real temp folders and
// real database files: what the renderer sees, minus the renderer.
import { readFile, readdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeCorpus as writeFiles } from '../../../tests/fixtures/corpus-builder'
import type { Input, Method, Output } from '../../shared/contract'
import { DEFAULT_PREFS, type Article } from '../../shared/model'
import type { Gloss } from './gloss'
import { articleTitled, callThrough, rangeOf, startTestGloss, tempDirs } from '../test-support/gloss-client'

const tempDir = tempDirs('core')

const CORPUS = {
  'harbour.md': '---\ntitle: The Harbour Ledger\ndate: 2023-05-01\ntags: [maritime, archives]\nurl: https://example.org/harbour\n---\n\nThe harbour master kept a ledger of every ship.\n\nEach entry named the *cargo* and the weather.\n',
  'notes/orchard.txt': 'Orchard Diaries\n\nApples were counted twice a season.\n\nThe second count was always lower.\n',
  'bees.md': '# Bees in Winter\n\nA hive keeps warm by shivering together.\n\nDrones are expelled before the first frost.\n',
  'broken.md': '---\ntitle: [unclosed\n---\nbody\n'
}

interface Harness {
  gloss: Gloss
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>
}

async function start(corpus: string, dataDir: string, saveTo: string | null = null): Promise<Harness> {
  const gloss = await startTestGloss(tempDir, { dataDir, initialFolder: corpus, dialogs: { chooseSavePath: async () => saveTo } })
  return { gloss, call: callThrough(gloss) }
}

async function setup() {
  const corpus = await tempDir('corpus')
  const dataDir = await tempDir('data')
  await writeFiles(corpus, CORPUS)
  return { corpus, dataDir }
}

describe('library', () => {
  it('opens the folder, lists good files and reports the bad one', async () => {
    const { corpus, dataDir } = await setup()
    const { gloss, call } = await start(corpus, dataDir)
    const summary = await call('library.current', {})
    expect(summary).toMatchObject({ articleCount: 3, isSample: false, topics: ['archives', 'maritime'] })
    expect(summary!.problems.map((p) => p.path)).toEqual(['broken.md'])

    const byDate = await call('library.list', { sort: 'date' })
    expect(byDate.articles[0].title).toBe('The Harbour Ledger')
    const byTitle = await call('library.list', { sort: 'title' })
    expect(byTitle.articles.map((a) => a.title)).toEqual(['Bees in Winter', 'Orchard Diaries', 'The Harbour Ledger'])
    expect((await call('library.list', { sort: 'title', topic: 'Maritime' })).total).toBe(1)
    expect((await call('library.list', { sort: 'title', query: 'orch' })).articles[0].title).toBe('Orchard Diaries')
    await gloss.close()
  })

  it('refuses a missing folder with NOT_FOUND and keeps the open one', async () => {
    const { corpus, dataDir } = await setup()
    const { gloss, call } = await start(corpus, dataDir)
    const result = await gloss.dispatch('library.open', { root: path.join(corpus, 'nope') })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await call('library.current', {}))!.articleCount).toBe(3)
    await gloss.close()
  })

  it('remembers recent folders, newest first, without the sample', async () => {
    const { corpus, dataDir } = await setup()
    const other = await tempDir('other')
    await writeFiles(other, { 'a.md': '# A\n\nText.\n' })
    const { gloss, call } = await start(corpus, dataDir)
    await call('library.open', { root: other })
    await call('library.openSample', {})
    const { folders } = await call('library.recent', {})
    expect(folders.slice(0, 2)).toEqual([path.resolve(other), path.resolve(corpus)].map((p) => p))
    await gloss.close()
  })
})

describe('library.position', () => {
  it('gives the row library.list would show an article at, under filters and sorts; null when filtered out', async () => {
    const { corpus, dataDir } = await setup()
    const { gloss, call } = await start(corpus, dataDir)
    const bees = await articleTitled(call, 'Bees in Winter')
    await call('highlight.create', { articleId: bees.id, ...rangeOf(bees, 'shivering together'), color: 'yellow' })
    const idOf = async (title: string) => (await articleTitled(call, title)).id
    const cases: Array<[Omit<Input<'library.position'>, 'articleId'>, string, number | null, number]> = [
      [{ sort: 'title' }, 'Bees in Winter', 0, 3],
      [{ sort: 'title' }, 'The Harbour Ledger', 2, 3],
      [{ sort: 'date' }, 'The Harbour Ledger', 0, 3],
      [{ sort: 'title', topic: 'Maritime' }, 'The Harbour Ledger', 0, 1],
      [{ sort: 'title', topic: 'Maritime' }, 'Orchard Diaries', null, 1],
      [{ sort: 'title', query: 'ORCH' }, 'Orchard Diaries', 0, 1],
      [{ sort: 'title', hasHighlights: true }, 'Bees in Winter', 0, 1],
      [{ sort: 'title', hasHighlights: false }, 'The Harbour Ledger', 1, 2],
      [{ sort: 'date', from: '2023-01-01' }, 'Bees in Winter', null, 1]
    ]
    for (const [filters, title, index, total] of cases) {
      expect(await call('library.position', { ...filters, articleId: await idOf(title) }), `${title} in ${JSON.stringify(filters)}`).toEqual({ index, total })
    }
    // The same order as the pages of library.list, row by row.
    for (const sort of ['date', 'title'] as const) {
      const { articles } = await call('library.list', { sort })
      for (const [row, a] of articles.entries()) expect((await call('library.position', { sort, articleId: a.id })).index).toBe(row)
    }
    expect(await call('library.position', { sort: 'title', articleId: 'no-such-article' })).toEqual({ index: null, total: 3 })
    expect(await gloss.dispatch('library.position', { sort: 'title', articleId: bees.id, offset: 1 } as never)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await gloss.close()
  })
})

describe('highlights and notes', () => {
  it('persist across a restart together with the last-read article', async () => {
    const { corpus, dataDir } = await setup()
    const first = await start(corpus, dataDir)
    const [harbour] = (await first.call('library.list', { sort: 'date' })).articles
    const article = await first.call('article.get', { articleId: harbour.id })
    // Reading is pure: the page says which article it shows.
    await first.call('article.opened', { articleId: article.id })
    const created = await first.call('highlight.create', { articleId: article.id, ...rangeOf(article, 'ledger of every ship'), color: 'green' })
    expect(created).toMatchObject({ quote: { exact: 'ledger of every ship' }, color: 'green', anchor: rangeOf(article, 'ledger of every ship') })
    await first.call('highlight.update', { highlightId: created.id, note: 'Primary source for *arrivals*' })
    await first.call('article.setNote', { articleId: article.id, note: 'Whole-article thought' })
    await first.gloss.close()

    const second = await start(corpus, dataDir)
    const summary = await second.call('library.current', {})
    expect(summary!.lastArticleId).toBe(article.id)
    const again = await second.call('article.get', { articleId: article.id })
    expect(again.note).toBe('Whole-article thought')
    expect(again.highlights).toHaveLength(1)
    expect(again.highlights[0]).toMatchObject({ note: 'Primary source for *arrivals*', color: 'green', anchor: created.anchor })
    expect((await second.call('library.list', { sort: 'date' })).articles[0].highlightCount).toBe(1)
    await second.gloss.close()
  })

  it('re-anchors after an edit and keeps a highlight whose text is gone as an orphan', async () => {
    const { corpus, dataDir } = await setup()
    const first = await start(corpus, dataDir)
    const id = (await first.call('library.list', { sort: 'title', query: 'bees' })).articles[0].id
    const article = await first.call('article.get', { articleId: id })
    await first.call('highlight.create', { articleId: id, ...rangeOf(article, 'shivering together'), color: 'yellow' })
    await first.call('highlight.create', { articleId: id, ...rangeOf(article, 'expelled before the first frost'), color: 'pink' })
    await first.gloss.close()

    await writeFile(path.join(corpus, 'bees.md'), '# Bees in Winter\n\nIn January a hive keeps its queen safe by shivering together.\n')
    const second = await start(corpus, dataDir)
    const edited = await second.call('article.get', { articleId: id })
    const placed = edited.highlights.find((h) => h.color === 'yellow')!
    expect(edited.text.slice(placed.anchor!.start, placed.anchor!.end)).toBe('shivering together')
    const orphan = edited.highlights.find((h) => h.color === 'pink')!
    expect(orphan.anchor).toBeNull()
    expect(orphan.quote.exact).toBe('expelled before the first frost')
    await second.gloss.close()
  })

  it('follows a renamed file by its content', async () => {
    const { corpus, dataDir } = await setup()
    const first = await start(corpus, dataDir)
    const id = (await first.call('library.list', { sort: 'title', query: 'orchard' })).articles[0].id
    const article = await first.call('article.get', { articleId: id })
    await first.call('highlight.create', { articleId: id, ...rangeOf(article, 'counted twice'), color: 'blue' })
    await first.gloss.close()

    await rename(path.join(corpus, 'notes/orchard.txt'), path.join(corpus, 'orchard-renamed.txt'))
    const second = await start(corpus, dataDir)
    const moved = (await second.call('library.list', { sort: 'title', query: 'orchard' })).articles[0]
    expect(moved.id).not.toBe(id)
    expect(moved.highlightCount).toBe(1)
    await second.gloss.close()
  })

  it.each([
    ['past the end', (a: Article) => ({ start: 0, end: a.text.length + 5 })],
    ['only whitespace', (a: Article) => ({ start: a.text.indexOf('\n\n'), end: a.text.indexOf('\n\n') + 2 })]
  ])('refuses a selection %s', async (_name, range) => {
    const { corpus, dataDir } = await setup()
    const { gloss, call } = await start(corpus, dataDir)
    const article = await call('article.get', { articleId: (await call('library.list', { sort: 'date' })).articles[0].id })
    const result = await gloss.dispatch('highlight.create', { articleId: article.id, ...range(article), color: 'yellow' })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await gloss.close()
  })

  it('answers NOT_FOUND for unknown ids', async () => {
    const { corpus, dataDir } = await setup()
    const { gloss } = await start(corpus, dataDir)
    for (const [method, input] of [
      ['article.get', { articleId: 'missing' }],
      ['highlight.update', { highlightId: 'missing', note: 'x' }],
      ['highlight.delete', { highlightId: 'missing' }]
    ] as const) {
      expect(await gloss.dispatch(method, input)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    await gloss.close()
  })
})

describe('export', () => {
  it('writes the corpus notes where the dialog says, and never into the corpus', async () => {
    const { corpus, dataDir } = await setup()
    const outDir = await tempDir('out')
    const first = await start(corpus, dataDir, path.join(outDir, 'notes.md'))
    const article = await first.call('article.get', { articleId: (await first.call('library.list', { sort: 'date' })).articles[0].id })
    await first.call('highlight.create', { articleId: article.id, ...rangeOf(article, 'named the cargo'), color: 'yellow', note: 'Check the weather column' })
    const saved = await first.call('export.run', { scope: 'corpus', format: 'md' })
    expect(saved.path).toBe(path.join(outDir, 'notes.md'))
    const markdown = await readFile(saved.path!, 'utf8')
    expect(markdown).toContain('The Harbour Ledger')
    expect(markdown).toContain('> named the cargo')
    expect(markdown).toContain('Check the weather column')
    await first.gloss.close()

    const before = await readdir(corpus, { recursive: true })
    const intoCorpus = await start(corpus, dataDir, path.join(corpus, 'notes.md'))
    expect(await intoCorpus.gloss.dispatch('export.run', { scope: 'corpus', format: 'md' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await readdir(corpus, { recursive: true })).toEqual(before)
    await intoCorpus.gloss.close()
  })

  it('returns nothing written when the dialog is cancelled', async () => {
    const { corpus, dataDir } = await setup()
    const { gloss, call } = await start(corpus, dataDir, null)
    expect(await call('export.run', { scope: 'corpus', format: 'md' })).toEqual({ path: null, report: null })
    await gloss.close()
  })
})

describe('reading preferences', () => {
  it('start at the defaults, change a few at a time, refuse bad values and survive a restart', async () => {
    const { corpus, dataDir } = await setup()
    const first = await start(corpus, dataDir)
    expect(await first.call('prefs.get', {})).toEqual(DEFAULT_PREFS)
    const changed = await first.call('prefs.set', { theme: 'sepia', fontSize: 21 })
    expect(changed).toEqual({ ...DEFAULT_PREFS, theme: 'sepia', fontSize: 21 })
    for (const bad of [{ theme: 'neon' }, { fontSize: 4 }, { columnWidth: 1000 }, { unknown: true }]) {
      const result = await first.gloss.dispatch('prefs.set', bad)
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
    await first.gloss.close()

    const second = await start(corpus, dataDir)
    expect(await second.call('prefs.get', {})).toEqual({ ...DEFAULT_PREFS, theme: 'sepia', fontSize: 21 })
    await second.gloss.close()
  })
})
