import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportFile } from '../../shared/export/formats'
import { targetSelectors, targetSource, type WebAnnotationCollection } from '../../shared/export/web-annotation'
import { corpusStoreFile } from '../store/corpus-store'
import { buildExportCorpus } from './build-export-corpus'
import { importAnnotations, REASONS, type ImportReport } from './import-annotations'
import { openCorpus } from './open-corpus'
import { LIGHTHOUSE_TITLE, makeAnnotatedCorpus, RIVER_TITLE, SPECIAL_QUOTES, steppingClock, type AnnotatedCorpus } from './test-support/annotated-corpus'

let corpus: AnnotatedCorpus
beforeEach(async () => {
  corpus = await makeAnnotatedCorpus()
})
afterEach(async () => {
  await corpus.cleanup()
})

const EXPORT_TIME = '2024-06-01T09:30:00.000Z'

async function exportJson(root: string, dataDir: string, exportedAt = EXPORT_TIME): Promise<string> {
  const { session, close } = await openCorpus(root, dataDir, steppingClock())
  try {
    return exportFile(buildExportCorpus(session, { exportedAt }), 'json').content
  } finally {
    await close()
  }
}

async function importJson(root: string, dataDir: string, text: string, now = steppingClock('2025-01-01T00:00:00.000Z')): Promise<ImportReport> {
  const { session, close } = await openCorpus(root, dataDir, now)
  try {
    return await importAnnotations({
      text,
      articles: session.scan.articles,
      annotations: session.annotations,
      textOf: (id) => session.getArticle(id).text,
      now
    })
  } finally {
    await close()
  }
}

const storeText = async (root: string, dataDir: string) => readFile(corpusStoreFile(dataDir, root), 'utf8')
const count = (json: string) => (JSON.parse(json) as WebAnnotationCollection).total

/** Makes one highlight an orphan (its sentence edited away) and one article missing (its files deleted). */
async function orphanAndMissing(): Promise<void> {
  const rivers = path.join(corpus.root, 'rivers.md')
  await writeFile(rivers, (await readFile(rivers, 'utf8')).replace('read the banks the way sailors read clouds', 'watch the water'))
  await rm(path.join(corpus.root, 'news'), { recursive: true })
}

describe('round trip', () => {
  it('export JSON → import into a fresh data folder → export again gives the same file', async () => {
    await orphanAndMissing()
    const first = await exportJson(corpus.root, corpus.dataDir)
    const fresh = path.join(corpus.base, 'fresh-data')
    const report = await importJson(corpus.root, fresh, first)
    expect(report).toMatchObject({ imported: count(first), updated: 0, duplicates: 0 })
    expect(report.unplaced.map((u) => [u.quote, u.reason])).toEqual([
      ['read the banks the way sailors read clouds', REASONS.notFound],
      ['She logs the weather in a ledger that nobody reads', REASONS.noArticle],
      ['the coast will have forgotten itself', REASONS.noArticle]
    ])
    expect(report.unmatchedArticles).toEqual([{ title: LIGHTHOUSE_TITLE, file: expect.stringMatching(/^news\//), url: null, annotations: 2 }])
    expect(await exportJson(corpus.root, fresh)).toBe(first)
  })

  it('into a copy of the folder elsewhere (another machine): the same file again', async () => {
    const first = await exportJson(corpus.root, corpus.dataDir)
    const copy = path.join(corpus.base, 'other-machine', 'Clippings')
    await mkdir(path.dirname(copy), { recursive: true })
    await cp(corpus.root, copy, { recursive: true })
    const report = await importJson(copy, path.join(corpus.base, 'other-data'), first)
    expect(report).toEqual({ imported: count(first), updated: 0, duplicates: 0, unplaced: [], unmatchedArticles: [] })
    const again = await exportJson(copy, path.join(corpus.base, 'other-data'), '2030-01-01T00:00:00.000Z')
    // Only the export time differs.
    const withoutTime = (json: string) => json.replaceAll('2030-01-01T00:00:00.000Z', EXPORT_TIME).replaceAll(encodeURIComponent('2030-01-01T00:00:00.000Z'), encodeURIComponent(EXPORT_TIME))
    expect(withoutTime(again)).toBe(first)
  })

  it('importing the same file again changes nothing', async () => {
    await orphanAndMissing()
    const json = await exportJson(corpus.root, corpus.dataDir)
    const before = await storeText(corpus.root, corpus.dataDir)
    const report = await importJson(corpus.root, corpus.dataDir, json)
    expect(report).toMatchObject({ imported: 0, updated: 0, duplicates: count(json) })
    expect(await storeText(corpus.root, corpus.dataDir)).toBe(before)
  })
})

describe('the report never says every highlight was placed while one is an orphan', () => {
  const unplacedOf = (report: ImportReport) => report.unplaced.map((u) => [u.quote, u.reason])

  it('lists an orphan the file brings again (a duplicate of one already here)', async () => {
    await orphanAndMissing()
    const json = await exportJson(corpus.root, corpus.dataDir)
    const report = await importJson(corpus.root, corpus.dataDir, json)
    expect(report).toMatchObject({ imported: 0, updated: 0, duplicates: count(json) })
    expect(unplacedOf(report)).toContainEqual(['read the banks the way sailors read clouds', REASONS.notFound])
  })

  it('lists an orphan the file updates (a newer note on it)', async () => {
    await orphanAndMissing()
    const json = await exportJson(corpus.root, corpus.dataDir)
    const collection = JSON.parse(json) as WebAnnotationCollection
    const orphan = collection.first.items.find((a) => targetSelectors(a)?.[0].exact === 'read the banks the way sailors read clouds')!
    orphan.modified = '2030-01-01T00:00:00.000Z'
    const report = await importJson(corpus.root, corpus.dataDir, JSON.stringify(collection))
    expect(report).toMatchObject({ imported: 0, updated: 1 })
    expect(unplacedOf(report)).toContainEqual(['read the banks the way sailors read clouds', REASONS.notFound])
  })
})

describe('merging', () => {
  type Item = WebAnnotationCollection['first']['items'][number]
  const edit = (json: string, change: (items: Item[]) => void) => {
    const collection = JSON.parse(json) as WebAnnotationCollection
    change(collection.first.items)
    return JSON.stringify(collection)
  }
  const byQuote = (items: Item[], quote: string) => items.find((a) => targetSelectors(a)?.[0].exact === quote)!

  it('takes a newer version of a highlight and skips an older one', async () => {
    const json = await exportJson(corpus.root, corpus.dataDir)
    const newer = edit(json, (items) => {
      const h = byQuote(items, 'written in silt and driftwood')
      h.modified = '2030-01-01T00:00:00.000Z'
      h.body = [{ type: 'TextualBody', purpose: 'commenting', value: 'Edited on the laptop.', format: 'text/markdown' }, { type: 'TextualBody', purpose: 'highlighting', value: 'pink' }]
      const older = byQuote(items, 'read the banks the way sailors read clouds')
      older.modified = '2000-01-01T00:00:00.000Z'
      older.body = [{ type: 'TextualBody', purpose: 'commenting', value: 'Stale note', format: 'text/markdown' }, { type: 'TextualBody', purpose: 'highlighting', value: 'green' }]
    })
    const report = await importJson(corpus.root, corpus.dataDir, newer)
    expect(report).toMatchObject({ imported: 0, updated: 1, duplicates: count(json) - 1 })
    const after = JSON.parse(await exportJson(corpus.root, corpus.dataDir)) as WebAnnotationCollection
    expect(byQuote(after.first.items, 'written in silt and driftwood')).toMatchObject({
      modified: '2030-01-01T00:00:00.000Z',
      body: [{ value: 'Edited on the laptop.' }, { value: 'pink' }]
    })
    expect(byQuote(after.first.items, 'read the banks the way sailors read clouds').body).toEqual([{ type: 'TextualBody', purpose: 'highlighting', value: 'blue' }])
  })

  it('skips a highlight of the same quote at the same place under another id', async () => {
    const json = await exportJson(corpus.root, corpus.dataDir)
    const renamed = edit(json, (items) => {
      for (const item of items) {
        if (item['gloss:id']) item['gloss:id'] = `other-${item['gloss:id']}`
        item.id = `${item.id}-other`
      }
    })
    const report = await importJson(corpus.root, corpus.dataDir, renamed)
    expect(report).toMatchObject({ imported: 0, duplicates: count(json) })
  })

  it('keeps both texts when an article has a different note here and in the file', async () => {
    const json = await exportJson(corpus.root, corpus.dataDir)
    const other = edit(json, (items) => {
      const note = items.find((a) => a.motivation === 'commenting' && targetSource(a)['gloss:title'] === RIVER_TITLE)!
      note.body = [{ type: 'TextualBody', purpose: 'commenting', value: 'Written on the other machine.', format: 'text/markdown' }]
    })
    const report = await importJson(corpus.root, corpus.dataDir, other)
    expect(report.updated).toBe(1)
    const after = JSON.parse(await exportJson(corpus.root, corpus.dataDir)) as WebAnnotationCollection
    const note = after.first.items.find((a) => a.motivation === 'commenting' && targetSource(a)['gloss:title'] === RIVER_TITLE)!
    expect(note.body[0].value).toMatch(/^Read for the \*\*seasons\*\* essay\.[\s\S]*\n\nWritten on the other machine\.$/)
    // A second import of the same file finds the note already there.
    expect((await importJson(corpus.root, corpus.dataDir, other)).updated).toBe(0)
  })
})

describe('finding the article', () => {
  const riverHighlight = async () => {
    const json = JSON.parse(await exportJson(corpus.root, corpus.dataDir)) as WebAnnotationCollection
    return json.first.items.find((a) => targetSelectors(a)?.[0].exact === 'written in silt and driftwood')!
  }

  it.each([
    ['the file path', (s: Record<string, unknown>) => ({ ...s, id: 'urn:gloss:article:unknown' })],
    ['the article id', (s: Record<string, unknown>) => ({ ...s, 'gloss:file': 'moved/away.md' })],
    ['the fingerprint', (s: Record<string, unknown>) => ({ ...s, id: 'urn:gloss:article:unknown', 'gloss:file': 'moved/away.md' })],
    ['the source URL', (s: Record<string, unknown>) => ({ ...s, id: 'urn:gloss:article:unknown', 'gloss:file': 'x.md', 'gloss:fingerprint': 'f', 'gloss:url': 'http://www.RIVERS.example/calendar/' })],
    ['the normalised title', (s: Record<string, unknown>) => ({ id: 'urn:gloss:article:unknown', type: 'Text', 'gloss:title': `  ${RIVER_TITLE.toUpperCase()}!  ` })]
  ])('by %s', async (_case, change) => {
    const highlight = await riverHighlight()
    const json = { type: 'AnnotationPage', items: [{ ...highlight, 'gloss:id': 'new-id', id: 'urn:x', target: { ...highlight.target, source: change(targetSource(highlight) as unknown as Record<string, unknown>) } }] }
    const fresh = path.join(corpus.base, 'fresh')
    const report = await importJson(corpus.root, fresh, JSON.stringify(json))
    expect(report).toMatchObject({ imported: 1, unplaced: [], unmatchedArticles: [] })
  })

  it('keeps an annotation whose article matches nothing, as a missing article’s', async () => {
    const highlight = await riverHighlight()
    const json = { type: 'AnnotationPage', items: [{ ...highlight, target: { ...highlight.target, source: { id: 'urn:gloss:article:gone', type: 'Text', 'gloss:title': 'Gone' } } }] }
    const fresh = path.join(corpus.base, 'fresh')
    const report = await importJson(corpus.root, fresh, JSON.stringify(json))
    expect(report).toMatchObject({ imported: 1, unplaced: [{ quote: 'written in silt and driftwood', reason: REASONS.noArticle }], unmatchedArticles: [{ title: 'Gone', annotations: 1 }] })
    const { session, close } = await openCorpus(corpus.root, fresh)
    try {
      expect(session.missingArticles()).toEqual([expect.objectContaining({ articleId: 'gone', title: 'Gone', highlights: [expect.objectContaining({ quote: 'written in silt and driftwood' })] })])
    } finally {
      await close()
    }
  })

  it('reads another tool’s annotations: URL source, quote only, bodyValue', async () => {
    const foreign = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: 'https://annotations.example/1',
        bodyValue: 'From another reader',
        target: { source: 'https://rivers.example/calendar', selector: { type: 'TextQuoteSelector', exact: 'as a rumour, then as a flood' } }
      },
      { type: 'Annotation', target: 'https://rivers.example/calendar', body: { type: 'TextualBody', value: 'A page note', purpose: 'commenting' } },
      { type: 'Annotation', target: { source: 'https://rivers.example/calendar', selector: { type: 'CssSelector', value: '#x' } } },
      { type: 'NotAnAnnotation' }
    ]
    const report = await importJson(corpus.root, path.join(corpus.base, 'fresh'), JSON.stringify(foreign))
    expect(report.imported).toBe(2)
    expect(report.unplaced.map((u) => u.reason)).toEqual([
      REASONS.unusable('No text quote or position to place it by'),
      expect.stringMatching(/^Not imported: Not a Web Annotation/)
    ])
    const after = JSON.parse(await exportJson(corpus.root, path.join(corpus.base, 'fresh'))) as WebAnnotationCollection
    expect(after.first.items.map((a) => [a.motivation, a.body[0].value, targetSelectors(a)?.[0].exact ?? null])).toEqual([
      ['commenting', 'A page note', null],
      ['highlighting', 'From another reader', 'as a rumour, then as a flood']
    ])
  })
})

describe('wrong files', () => {
  it.each([
    ['not JSON', 'title: a Markdown file?', /not JSON/],
    ['a JSON number', '42', /not a W3C Web Annotation export: it holds number/],
    ['JSON without a type', '{"highlights": []}', /it has no "type"/],
    ['another JSON type', '{"type": "Feature"}', /its type is "Feature"/],
    ['a collection whose pages are elsewhere', '{"type": "AnnotationCollection", "total": 3, "first": "https://x.example/page1"}', /first page is a link/],
    ['a page without items', '{"type": "AnnotationPage"}', /no list of "items"/],
    ['a page that continues', '{"type": "AnnotationPage", "items": [], "next": "https://x.example/2"}', /continue on further pages/]
  ])('%s: a clear BAD_INPUT error, and nothing changes', async (_case, text, message) => {
    const before = await storeText(corpus.root, corpus.dataDir)
    await expect(importJson(corpus.root, corpus.dataDir, text)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(message) })
    expect(await storeText(corpus.root, corpus.dataDir)).toBe(before)
  })

  it('an empty collection imports nothing', async () => {
    expect(await importJson(corpus.root, corpus.dataDir, '{"type": "AnnotationCollection", "total": 0}')).toEqual({
      imported: 0,
      updated: 0,
      duplicates: 0,
      unplaced: [],
      unmatchedArticles: []
    })
  })

  it('every special-character quote is placed again', async () => {
    const json = await exportJson(corpus.root, corpus.dataDir)
    const report = await importJson(corpus.root, path.join(corpus.base, 'fresh'), json)
    expect(report.unplaced).toEqual([])
    expect(report.imported).toBeGreaterThan(SPECIAL_QUOTES.length)
  })
})

describe('all or nothing', () => {
  type Item = { id: string; 'gloss:id'?: string; target: { source: Record<string, unknown> } }
  /** The corpus's export with a hostile annotation added at its end (after good ones). */
  async function withHostileLast(articleId: string): Promise<string> {
    const file = JSON.parse(await exportJson(corpus.root, corpus.dataDir)) as { first: { items: Item[] }; total: number }
    const hostile = structuredClone(file.first.items[0])
    hostile.id = 'urn:gloss:highlight:hostile'
    delete hostile['gloss:id']
    // Only the id names its article: no file, fingerprint, address or title to find it by.
    hostile.target.source = { id: `urn:gloss:article:${articleId}`, type: 'Text', 'gloss:title': '' }
    file.first.items.push(hostile)
    file.total = file.first.items.length
    return JSON.stringify(file)
  }

  it.each(['__proto__', 'constructor', 'prototype'])('a file naming the article id %s is refused with a clear error, and nothing of it is stored', async (id) => {
    const text = await withHostileLast(id)
    const fresh = path.join(corpus.base, 'fresh-data')
    await expect(importJson(corpus.root, fresh, text)).rejects.toThrow(/not a usable article id/)
    const { session, close } = await openCorpus(corpus.root, fresh, steppingClock())
    try {
      expect(session.store.data.highlights).toEqual([])
      expect(Object.keys(session.store.data.articleNotes)).toEqual([])
    } finally {
      await close()
    }
  })

  it('a failure part way (an article whose text cannot be read) stores nothing: not even the items before it', async () => {
    const text = await exportJson(corpus.root, corpus.dataDir)
    const fresh = path.join(corpus.base, 'fresh-data')
    const { session, close } = await openCorpus(corpus.root, fresh, steppingClock())
    try {
      let reads = 0
      const failing = importAnnotations({
        text,
        articles: session.scan.articles,
        annotations: session.annotations,
        textOf: (id) => {
          if (++reads === 2) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })
          return session.getArticle(id).text
        }
      })
      await expect(failing).rejects.toThrow('EIO')
      expect(session.store.data.highlights).toEqual([])
      expect(session.store.data.articleNotes).toEqual({})
    } finally {
      await close()
    }
    expect(JSON.parse(await storeText(corpus.root, fresh).catch(() => '{"highlights":[]}')).highlights).toEqual([])
  })
})
