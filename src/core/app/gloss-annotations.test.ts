// "All highlights" (annotations.list) through the dispatcher, with real temp folders
// and real database files: what the workspace view is given, minus the view.
import { unlink } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeCorpus } from '../../../tests/fixtures/corpus-builder'
import type { Article } from '../../shared/model'
import { callThrough, rangeOf, startTestGloss, tempDirs } from '../test-support/gloss-client'

const tempDir = tempDirs('annotations')

const CORPUS: Record<string, string> = {
  'lighthouse.md':
    '---\ntitle: Keepers of the Lighthouse\nsource: Coastal Review\ndate: 2022-03-04\n---\n\nThe keeper trimmed the wick at dusk.\n\nFog horns sounded through the long night.\n',
  'moths.txt': 'Moths and Lamplight\n\nA moth circles the lamp because it steers by the moon.\n\nNobody has proved it.\n',
  'rivers.md': '---\ntitle: Rivers Remember\nsource: Le Géographe\n---\n\nEvery flood leaves a line of silt on the café wall.\n'
}

async function start(corpus: string, dataDir: string) {
  // One day later at every call: creation days are known.
  let day = 0
  const gloss = await startTestGloss(tempDir, { dataDir, initialFolder: corpus, now: () => new Date(Date.UTC(2025, 0, 1 + day++, 12)) })
  return { gloss, call: callThrough(gloss) }
}

async function setup() {
  const corpus = await tempDir('corpus')
  const dataDir = await tempDir('data')
  await writeCorpus(corpus, CORPUS)
  return { corpus, dataDir }
}

describe('annotations.list', () => {
  it('lists every highlight of the folder, newest first, by article, filtered and searched', async () => {
    const { corpus, dataDir } = await setup()
    const { gloss, call } = await start(corpus, dataDir)
    const { articles } = await call('library.list', { sort: 'title' })
    const [lighthouse, moths, rivers] = await Promise.all(
      ['Keepers of the Lighthouse', 'Moths and Lamplight', 'Rivers Remember'].map((title) =>
        call('article.get', { articleId: articles.find((a) => a.title === title)!.id })
      )
    )
    const mark = async (article: Article, phrase: string, color: 'yellow' | 'green' | 'blue' | 'pink', note?: string) =>
      (await call('highlight.create', { articleId: article.id, ...rangeOf(article, phrase), color, ...(note ? { note } : {}) })).id
    const fog = await mark(lighthouse, 'Fog horns sounded', 'blue')
    const wick = await mark(lighthouse, 'trimmed the wick', 'yellow', 'Daily ritual')
    const moon = await mark(moths, 'steers by the moon', 'green')
    const silt = await mark(rivers, 'line of silt on the café wall', 'pink')

    const newest = await call('annotations.list', {})
    expect(newest.entries.map((e) => e.highlight.id)).toEqual([silt, moon, wick, fog])
    expect(newest).toMatchObject({ total: 4, totalHighlights: 4, scanning: false, facets: { colors: { yellow: 1, green: 1, blue: 1, pink: 1 } } })
    expect(newest.facets.sources).toEqual([
      { source: 'Coastal Review', count: 2 },
      { source: 'Le Géographe', count: 1 }
    ])
    expect(newest.entries[2]).toEqual({
      highlight: expect.objectContaining({ id: wick, color: 'yellow', quote: 'trimmed the wick', note: 'Daily ritual', tags: [] }),
      article: { id: lighthouse.id, title: 'Keepers of the Lighthouse', source: 'Coastal Review', published: '2022-03-04', missing: false }
    })

    const byArticle = await call('annotations.list', { sort: 'article' })
    expect(byArticle.entries.map((e) => e.highlight.id)).toEqual([wick, fog, moon, silt])
    const ids = async (query: Parameters<typeof call<'annotations.list'>>[1]) => (await call('annotations.list', query)).entries.map((e) => e.highlight.id)
    expect(await ids({ colors: ['blue', 'green'] })).toEqual([moon, fog])
    expect(await ids({ source: 'coastal review', sort: 'oldest' })).toEqual([fog, wick])
    expect(await ids({ query: 'CAFE' })).toEqual([silt])
    expect(await ids({ query: 'lamplight' })).toEqual([moon])
    // The clock moved a day per call: the first highlight is from the 5th of January or later.
    const created = newest.entries.map((e) => e.highlight.createdAt.slice(0, 10)).reverse()
    expect(await ids({ from: created[1], to: created[2] })).toEqual([moon, wick])
    expect(await ids({ limit: 2, offset: 1 })).toEqual([moon, wick])

    // Edits and deletions in the reader show at the next query.
    await call('highlight.update', { highlightId: fog, note: 'Sound as a map' })
    expect(await ids({ query: 'as a map' })).toEqual([fog])
    await call('highlight.delete', { highlightId: moon })
    expect((await call('annotations.list', {})).total).toBe(3)
    await gloss.close()
  })

  it('keeps the highlights of an article whose file is gone, flagged as missing', async () => {
    const { corpus, dataDir } = await setup()
    const first = await start(corpus, dataDir)
    const id = (await first.call('library.list', { sort: 'title', query: 'moths' })).articles[0].id
    const moths = await first.call('article.get', { articleId: id })
    await first.call('highlight.create', { articleId: id, ...rangeOf(moths, 'Nobody has proved it'), color: 'yellow' })
    await first.gloss.close()
    await unlink(path.join(corpus, 'moths.txt'))

    const second = await start(corpus, dataDir)
    const { entries } = await second.call('annotations.list', { query: 'moths' })
    expect(entries).toHaveLength(1)
    expect(entries[0].article).toEqual({ id, title: 'Moths and Lamplight', source: null, published: null, missing: true })
    expect(entries[0].highlight.quote).toBe('Nobody has proved it')
    await second.gloss.close()
  })

  it.each([[{ sort: 'date' }], [{ colors: ['red'] }], [{ to: 'yesterday' }], [{ limit: 100_000 }], [{ extra: 1 }]])(
    'answers BAD_INPUT to %j',
    async (input) => {
      const { corpus, dataDir } = await setup()
      const { gloss } = await start(corpus, dataDir)
      expect(await gloss.dispatch('annotations.list', input)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      await gloss.close()
    }
  )
})
