// Export fixtures shared by the format tests: the articles of markdown.test.ts (our own
// text) as the full export model, with links back, block ids and W3C selectors.
import { glossLink } from '../gloss-link'
import { latest, orderHighlights, type ExportArticle, type ExportCorpus, type ExportHighlightDraft } from '../export-model'

export const EXPORTED = '2024-06-01T09:30:00.000Z'
export const CORPUS_ROOT = '/home/reader/Clippings (2023)'

export const RIVER_ID = '3f9a1c0b7e2d4a65'
export const BRIDGE_ID = '9b0e7d21c4a35f18'
export const HARBOUR_ID = '1c2d3e4f5a6b7c8d'

/** The link every fixture highlight carries: what markdown.test.ts's golden articles use too. */
export const linkFor = (articleId: string, highlightId?: string): string =>
  glossLink({ corpus: CORPUS_ROOT, article: articleId, highlight: highlightId })

function highlight(
  articleId: string,
  fields: Pick<ExportHighlightDraft, 'id' | 'quote' | 'note' | 'color'> & { start: number | null; created?: string; updated?: string; tags?: string[] }
): ExportHighlightDraft {
  const { start, created = '2023-11-06T08:00:00.000Z', updated = created, tags = [], ...rest } = fields
  const position = start === null ? null : { start, end: start + fields.quote.length }
  return {
    ...rest,
    tags,
    created,
    updated,
    position,
    // The fixtures' articles are 2,000 characters long.
    location: start === null ? null : Math.min(100, Math.round((start / 2000) * 100)),
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: fields.quote, prefix: 'before: ', suffix: ' :after' },
      // Code points, like the real model; these quotes are all in the BMP. None for an orphan.
      position: start === null ? null : { type: 'TextPositionSelector', start, end: start + fields.quote.length }
    },
    link: linkFor(articleId, fields.id)
  }
}

/** The article's own details the older fixtures did not state; absent = unknown. */
type Details = 'author' | 'description' | 'image' | 'words' | 'progress' | 'updated'

function article(
  fields: Omit<ExportArticle, 'highlights' | 'highlightCount' | 'link' | 'missing' | 'userTags' | Details> & {
    highlights: ExportHighlightDraft[]
    userTags?: string[]
  } & Partial<Pick<ExportArticle, Details>>
): ExportArticle {
  const highlights = orderHighlights(fields.highlights)
  return {
    author: null,
    description: null,
    image: null,
    words: 0,
    progress: null,
    updated: latest([fields.noteUpdated, ...highlights.map((h) => h.updated)]),
    ...fields,
    userTags: fields.userTags ?? [],
    highlights,
    highlightCount: highlights.length,
    link: linkFor(fields.id),
    missing: false
  }
}

export const riverArticle: ExportArticle = article({
  id: RIVER_ID,
  title: 'Rivers: a "field" guide to floods #3',
  source: 'The Lowland Courier',
  url: 'https://courier.example/2023/rivers_floods?part=3&lang=en',
  published: '2023-11-05T07:15:00Z',
  author: 'Ana Lima, Bo Chen',
  description: 'Two gauges, one record: how the lowland towns read the autumn floods.',
  image: 'https://courier.example/img/gauge (mill).jpg',
  words: 1840,
  progress: 0.45,
  topics: ['Climate', 'Water Management', '#infrastructure'],
  tags: ['Climate', 'Water Management', '#infrastructure'],
  note: 'Useful for the **chapter on levees**. Compare with [the 1953 report](https://archive.example/1953).',
  noteUpdated: '2023-11-07T10:00:00.000Z',
  file: 'news/2023/rivers_floods.md',
  fingerprint: 'aa11bb22cc33dd44',
  highlights: [
    highlight(RIVER_ID, {
      id: 'c0ffee01-9f1e-4c55-8d2a-5b7e0e1a2b3c',
      quote: 'Engineers call it the *100-year* flood_line, but the river has not read the [manual].',
      note: '',
      color: 'pink',
      start: 940,
      created: '2023-11-06T08:05:00.000Z'
    }),
    highlight(RIVER_ID, {
      id: '5eedbeef-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      quote: 'The gauge at the old mill read 4.2 m.\nBy noon it read 5.1 m — a record.\n\n# Not a heading, just a sign on the wall: "HIGH WATER > 5 m"',
      note: 'Two readings four hours apart.\n\nCheck whether the gauge was *recalibrated* after 2010.',
      color: 'yellow',
      start: 120,
      updated: '2023-11-08T09:00:00.000Z'
    }),
    highlight(RIVER_ID, {
      id: 'a11ce5ed-0000-4000-8000-000000000001',
      quote: '1. Close the sluice gates | 2. Warn the farms <before> dusk & sandbag the `east` bank\\ \n- then wait',
      note: 'A checklist, quoted as the article printed it.',
      color: 'green',
      start: 610
    })
  ]
})

export const noteOnlyArticle: ExportArticle = article({
  id: HARBOUR_ID,
  title: 'Notes on the harbour tender',
  source: null,
  url: null,
  published: null,
  topics: [],
  tags: [],
  note: 'Nothing to quote yet; the interesting part is what the tender *leaves out*:\n\n- dredging costs\n- who pays for the new quay',
  noteUpdated: '2023-12-01T12:00:00.000Z',
  file: 'harbour tender.txt',
  fingerprint: 'ee55ff66aa77bb88',
  highlights: []
})

export const bridgeArticle: ExportArticle = article({
  id: BRIDGE_ID,
  title: 'The bridge that sings',
  source: 'Civil Works Weekly',
  url: 'https://civil.example/bridge (draft)',
  published: '2021-08-30',
  author: 'M. Okafor',
  words: 620,
  progress: 1,
  topics: ['Engineering'],
  // The user's own tags, one of them the topic in another case: written once.
  userTags: ['engineering', 'Sound Studies'],
  tags: ['Engineering', 'Sound Studies'],
  note: '',
  noteUpdated: null,
  annotatedAt: '2023-11-09T12:00:00+01:00',
  file: 'bridge.md',
  fingerprint: '0011223344556677',
  highlights: [
    highlight(BRIDGE_ID, {
      id: 'b41d9e00-7777-4000-8000-000000000002',
      quote: 'At wind speeds above 60 km/h the cables hum a low C#.',
      note: 'Ask the acoustics lab about this.',
      color: 'blue',
      start: 33,
      tags: ['acoustics', 'to ask', 'C#', '1984']
    }),
    highlight(BRIDGE_ID, {
      id: '0rphan00-1111-4000-8000-000000000003',
      quote: 'A sentence the editors later cut.',
      note: 'Orphan: the article changed.',
      color: 'yellow',
      start: null,
      created: '2021-09-01T10:00:00.000Z'
    })
  ]
})

/** An article whose file left the folder; its annotations are kept. */
export const missingArticle: ExportArticle = {
  ...article({
    id: '7777aaaa8888bbbb',
    title: 'A deleted clipping',
    source: null,
    url: 'https://gone.example/story',
    published: null,
    topics: [],
    tags: [],
    note: 'Kept although the file is gone.',
    noteUpdated: '2022-02-02T02:02:02.000Z',
    file: 'old/deleted.md',
    fingerprint: 'deadbeefdeadbeef',
    highlights: [
      highlight('7777aaaa8888bbbb', { id: 'feed0000-aaaa-4000-8000-000000000004', quote: 'Words that survive their file.', note: '', color: 'green', start: null })
    ]
  }),
  missing: true
}

export const corpusFixture: ExportCorpus = {
  root: CORPUS_ROOT,
  name: 'Clippings (2023)',
  exportedAt: EXPORTED,
  articles: [riverArticle, noteOnlyArticle, bridgeArticle],
  missing: [missingArticle]
}
