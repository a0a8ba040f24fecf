// Importing W3C Web Annotations whose positions count Unicode code points (as the model
// says) into articles full of emoji: every annotation lands on its own words, Gloss's
// older files (UTF-16 positions) still land right, times come back in UTC, another
// tool's annotations keep their id, motivation, creator and body format through an
// import and an export, and the report says what it could not place exactly.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportFile } from '../../shared/export/formats'
import { targetSelectors, targetSource, type WebAnnotation, type WebAnnotationCollection } from '../../shared/export/web-annotation'
import { codePointIndex } from '../../shared/text/code-points'
import { corpusStoreFile } from '../store/corpus-store'
import { buildExportCorpus } from './build-export-corpus'
import { importAnnotations, REASONS, type ImportReport } from './import-annotations'
import { openCorpus } from './open-corpus'
import { steppingClock, type AnnotatedCorpus } from './test-support/annotated-corpus'
import { EMOJI_MARKS, makeEmojiCorpus, TIDE_TITLE, TIDE_URL } from './test-support/emoji-corpus'

let corpus: AnnotatedCorpus
let fresh: string
beforeEach(async () => {
  corpus = await makeEmojiCorpus()
  fresh = path.join(corpus.base, 'fresh-data')
})
afterEach(async () => {
  await corpus.cleanup()
})

async function exportJson(dataDir: string): Promise<WebAnnotationCollection> {
  const { session, close } = await openCorpus(corpus.root, dataDir, steppingClock())
  try {
    return JSON.parse(exportFile(buildExportCorpus(session, { exportedAt: '2024-06-01T09:30:00.000Z' }), 'json').content) as WebAnnotationCollection
  } finally {
    await close()
  }
}

async function importText(dataDir: string, text: string, at = '2025-01-01T00:00:00.000Z'): Promise<ImportReport> {
  const now = steppingClock(at)
  const { session, close } = await openCorpus(corpus.root, dataDir, now)
  try {
    return await importAnnotations({ text, articles: session.scan.articles, annotations: session.annotations, textOf: (id) => session.getArticle(id).text, now })
  } finally {
    await close()
  }
}

async function tideText(): Promise<string> {
  const { session, close } = await openCorpus(corpus.root, fresh, steppingClock())
  try {
    return session.getArticle(session.scan.articles.find((a) => a.title === TIDE_TITLE)!.id).text
  } finally {
    await close()
  }
}

const quotes = (collection: WebAnnotationCollection) =>
  collection.first.items
    .map((a) => targetSelectors(a)?.[0].exact)
    .filter(Boolean)
    .sort()

/** Another tool's annotation on the tide diary, by URL, with the given selectors. */
function foreign(selector: object[], extra: Partial<Record<string, unknown>> = {}) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://annotations.example/anno/42',
    type: 'Annotation',
    motivation: 'commenting',
    creator: { id: 'https://annotations.example/people/ines', type: 'Person', name: 'Ines' },
    created: '2024-02-05T10:00:00+01:00',
    body: { type: 'TextualBody', value: '<p>Birds first</p>', format: 'text/html', purpose: 'commenting' },
    target: { source: TIDE_URL, selector },
    ...extra
  }
}

describe('positions in code points', () => {
  it('a position-only annotation lands on the words its code points name, after emoji', async () => {
    const text = await tideText()
    const quote = 'the third step 🪜 of the old quay'
    const start = text.indexOf(quote)
    const index = codePointIndex(text)
    const selector = { type: 'TextPositionSelector', start: index.toCodePoints(start), end: index.toCodePoints(start + quote.length) }
    // Emoji come before it: counted in UTF-16 units these numbers name other words.
    expect(text.slice(selector.start, selector.end)).not.toBe(quote)
    const report = await importText(fresh, JSON.stringify([foreign([selector])]))
    expect(report).toMatchObject({ imported: 1, unplaced: [] })
    expect(quotes(await exportJson(fresh))).toEqual([quote])
  })

  it('Gloss’s own export lands every highlight exactly where it was, in a fresh data folder', async () => {
    const first = await exportJson(corpus.dataDir)
    // Only the positions: the quotes cannot help.
    for (const a of first.first.items) if ('selector' in a.target) a.target.selector = [a.target.selector[1]!] as never
    const report = await importText(fresh, JSON.stringify(first))
    expect(report.unplaced).toEqual([])
    expect(quotes(await exportJson(fresh))).toEqual(EMOJI_MARKS.map((m) => m.quote).sort())
  })

  it('a file of Gloss format 1 (UTF-16 positions) still lands right', async () => {
    const text = await tideText()
    const old = await exportJson(corpus.dataDir)
    const units = codePointIndex(text)
    old['gloss:format'] = 1 as never
    old.first.items = old.first.items.filter((a) => targetSource(a)['gloss:title'] === TIDE_TITLE && 'selector' in a.target)
    for (const a of old.first.items) {
      const [, position] = targetSelectors(a)!
      ;(a.target as { selector: unknown }).selector = [{ type: 'TextPositionSelector', start: units.toUtf16(position!.start), end: units.toUtf16(position!.end) }]
    }
    await importText(fresh, JSON.stringify(old))
    expect(quotes(await exportJson(fresh))).toEqual(EMOJI_MARKS.filter((m) => m.title === TIDE_TITLE).map((m) => m.quote).sort())
  })

  it('reports a quote that occurs more than once and was placed by its context, not where its position said', async () => {
    const report = await importText(fresh, JSON.stringify([foreign([{ type: 'TextQuoteSelector', exact: 'the sea' }, { type: 'TextPositionSelector', start: 5, end: 12 }])]))
    expect(report.imported).toBe(1)
    expect(report.unplaced).toEqual([{ quote: 'the sea', note: '<p>Birds first</p>', reason: REASONS.ambiguous }])
  })
})

describe('another tool’s annotations', () => {
  const annotation = () => foreign([{ type: 'TextQuoteSelector', exact: 'the gulls 🐦 arrived before the boats did' }])

  it('keep their id, motivation, creator and body format, with times in UTC', async () => {
    await importText(fresh, JSON.stringify([annotation()]))
    const [exported] = (await exportJson(fresh)).first.items as WebAnnotation[]
    expect(exported).toMatchObject({
      id: 'https://annotations.example/anno/42',
      motivation: 'commenting',
      creator: { id: 'https://annotations.example/people/ines', type: 'Person', name: 'Ines' },
      created: '2024-02-05T09:00:00.000Z',
      body: [{ type: 'TextualBody', purpose: 'commenting', value: '<p>Birds first</p>', format: 'text/html' }, expect.anything()]
    })
    const stored = await readFile(corpusStoreFile(fresh, corpus.root), 'utf8')
    expect(stored).toContain('"createdAt": "2024-02-05T09:00:00.000Z"')
  })

  it('importing the same file again reports it unchanged, not updated', async () => {
    const text = JSON.stringify([annotation()])
    await importText(fresh, text)
    // Compared as data: the store may write its keys in another order.
    const stored = async () => JSON.parse(await readFile(corpusStoreFile(fresh, corpus.root), 'utf8')) as unknown
    const before = await stored()
    expect(await importText(fresh, text)).toMatchObject({ imported: 0, updated: 0, duplicates: 1, unplaced: [] })
    expect(await stored()).toEqual(before)
  })

  it.each([
    ['an IRI of its own', 'https://annotations.example/anno/7'],
    ['a urn:uuid id', 'urn:uuid:0b6c8f5e-2d4a-4c1e-9f7a-3e5d2c1b0a99']
  ])('one without times, with %s, is unchanged on a second import (not "updated" by the import’s clock)', async (_name, id) => {
    const text = JSON.stringify([{ ...annotation(), id, created: undefined }])
    expect(await importText(fresh, text)).toMatchObject({ imported: 1 })
    // A day later: the import's own clock says nothing about the annotation.
    expect(await importText(fresh, text, '2025-01-02T00:00:00.000Z')).toMatchObject({ imported: 0, updated: 0, duplicates: 1 })
  })

  it('importing Gloss’s export of them gives them back unchanged', async () => {
    await importText(fresh, JSON.stringify([annotation()]))
    const exported = await exportJson(fresh)
    expect(await importText(fresh, JSON.stringify(exported))).toMatchObject({ imported: 0, updated: 0, duplicates: 1 })
    expect(await exportJson(fresh)).toEqual(exported)
  })
})
