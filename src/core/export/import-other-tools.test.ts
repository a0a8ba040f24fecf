// Importing Hypothesis JSON and Readwise CSV into a folder: each annotation finds its
// article by URL, else by title, and its place by its quote and context; Gloss's own
// exports in these formats come back to the same highlights; importing twice adds
// nothing.
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportFile } from '../../shared/export/formats'
import type { HypothesisAnnotation } from '../../shared/export/hypothesis'
import { targetSelectors, targetSource, type WebAnnotationCollection } from '../../shared/export/web-annotation'
import { buildExportCorpus } from './build-export-corpus'
import { importAnnotations, type ImportReport } from './import-annotations'
import { openCorpus } from './open-corpus'
import { steppingClock, type AnnotatedCorpus } from './test-support/annotated-corpus'
import { EMOJI_MARKS, makeEmojiCorpus, MARKET_TITLE, TIDE_TITLE, TIDE_URL } from './test-support/emoji-corpus'

let corpus: AnnotatedCorpus
let fresh: string
beforeEach(async () => {
  corpus = await makeEmojiCorpus()
  fresh = path.join(corpus.base, 'fresh-data')
})
afterEach(async () => {
  await corpus.cleanup()
})

async function exportAs(dataDir: string, format: 'json' | 'hypothesis' | 'readwise-csv'): Promise<string> {
  const { session, close } = await openCorpus(corpus.root, dataDir, steppingClock())
  try {
    return exportFile(buildExportCorpus(session, { exportedAt: '2024-06-01T09:30:00.000Z' }), format).content
  } finally {
    await close()
  }
}

async function importText(dataDir: string, text: string): Promise<ImportReport> {
  const now = steppingClock('2025-01-01T00:00:00.000Z')
  const { session, close } = await openCorpus(corpus.root, dataDir, now)
  try {
    return await importAnnotations({ text, articles: session.scan.articles, annotations: session.annotations, textOf: (id) => session.getArticle(id).text, now })
  } finally {
    await close()
  }
}

/** [article title, quote, start position in code points] of every highlight. */
async function placed(dataDir: string): Promise<[string, string, number][]> {
  const json = JSON.parse(await exportAs(dataDir, 'json')) as WebAnnotationCollection
  return json.first.items
    .filter((a) => targetSelectors(a))
    .map((a): [string, string, number] => [targetSource(a)['gloss:title'], targetSelectors(a)![0].exact, targetSelectors(a)![1]?.start ?? -1])
    .sort((a, b) => a[0].localeCompare(b[0]) || a[2] - b[2])
}

describe('Hypothesis', () => {
  it('Gloss’s Hypothesis export imports into a fresh data folder at the same places; twice adds nothing', async () => {
    const text = await exportAs(corpus.dataDir, 'hypothesis')
    const report = await importText(fresh, text)
    const tideMarks = EMOJI_MARKS.filter((m) => m.title === TIDE_TITLE)
    // Only the tide diary has a web URL; its note comes as a page note.
    expect(report).toMatchObject({ imported: tideMarks.length + 1, updated: 0, duplicates: 0, unplaced: [], unmatchedArticles: [] })
    expect((await placed(fresh)).filter(([title]) => title === TIDE_TITLE)).toEqual((await placed(corpus.dataDir)).filter(([title]) => title === TIDE_TITLE))
    expect(await importText(fresh, text)).toMatchObject({ imported: 0, updated: 0, duplicates: tideMarks.length + 1 })
  })

  it('matches by URL first, then by title, and keeps an unknown page’s annotation as a missing article’s', async () => {
    const annotation = (uri: string, title: string, exact: string): HypothesisAnnotation & { id: string; user: string } => ({
      id: `hyp-${exact.length}`,
      user: 'acct:ines@hypothes.is',
      uri,
      document: { title: [title] },
      text: 'From Hypothesis',
      tags: ['harbour'],
      target: [{ source: uri, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 4000, end: 4010 }] }],
      created: '2024-02-05T10:00:00.000Z',
      updated: '2024-02-05T10:00:00.000Z'
    })
    const rows = [
      // A URL with www. and a trailing slash is the same page; the title there is different.
      annotation(TIDE_URL.replace('https://', 'https://www.') + '/', 'Some other title', 'the lighthouse 🗼 sounded its horn'),
      // No URL Gloss knows: found by its title.
      annotation('https://market.example/night', MARKET_TITLE, 'counts her coins 🪙'),
      annotation('https://nowhere.example/x', 'Nothing like it here', 'a quote')
    ]
    const report = await importText(fresh, JSON.stringify({ total: rows.length, rows }))
    expect(report.imported).toBe(3)
    expect(report.unmatchedArticles).toEqual([{ title: 'Nothing like it here', file: null, url: 'https://nowhere.example/x', annotations: 1 }])
    const here = await placed(fresh)
    expect(new Set(here.map(([title, quote]) => `${title}: ${quote}`))).toEqual(
      new Set([`${MARKET_TITLE}: counts her coins 🪙`, `${TIDE_TITLE}: the lighthouse 🗼 sounded its horn`, 'Nothing like it here: a quote'])
    )
    // The annotation goes back out as Hypothesis's: its address and its user.
    const json = JSON.parse(await exportAs(fresh, 'json')) as WebAnnotationCollection
    expect(json.first.items.find((a) => targetSelectors(a)?.[0].exact === 'counts her coins 🪙')).toMatchObject({
      id: `https://hypothes.is/a/hyp-${'counts her coins 🪙'.length}`,
      creator: 'acct:ines@hypothes.is',
      motivation: 'commenting'
    })
  })
})

describe('Readwise CSV', () => {
  it('Gloss’s Readwise export imports into a fresh data folder at the same places; twice adds nothing', async () => {
    const text = await exportAs(corpus.dataDir, 'readwise-csv')
    const report = await importText(fresh, text)
    expect(report).toMatchObject({ imported: EMOJI_MARKS.length, updated: 0, duplicates: 0, unplaced: [], unmatchedArticles: [] })
    expect(await placed(fresh)).toEqual(await placed(corpus.dataDir))
    expect(await importText(fresh, text)).toMatchObject({ imported: 0, duplicates: EMOJI_MARKS.length })
  })

  it('a Readwise Reader export: by URL, else by title; a quote not in the article is kept as an orphan and listed', async () => {
    const csv = [
      'Highlight,Title,Author,URL,Note,Location,Date',
      `"walks home along the canal",${MARKET_TITLE},,,"Quiet end",,2024-03-10 22:00:00`,
      `"the fog 🌫️ came in so thick",Renamed in Reader,Ines Varga,${TIDE_URL},,,2024-02-06 07:00:00`,
      `"a sentence the article never had",${MARKET_TITLE},,,,,`
    ].join('\r\n')
    const report = await importText(fresh, csv)
    expect(report.imported).toBe(3)
    expect(report.unplaced).toEqual([{ quote: 'a sentence the article never had', note: '', reason: expect.stringMatching(/not found/) }])
    const titles = (await placed(fresh)).map(([title, quote]) => [title, quote])
    expect(titles).toEqual(
      expect.arrayContaining([
        [MARKET_TITLE, 'walks home along the canal'],
        [TIDE_TITLE, 'the fog 🌫️ came in so thick']
      ])
    )
  })
})
