// LibrarySession when the folder changes under it: highlights re-anchor against new
// text, orphans can be re-attached, moved files take their annotations along, and a
// deleted file's annotations are kept as a missing article until it returns or the
// user removes them. Real temp folders, real scans, a real store file.
import { mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import { anchorQuote } from '../../shared/anchoring'
import { listAnnotations } from '../../shared/annotations/list-annotations'
import type { Article } from '../../shared/model'
import { GlossError } from '../../shared/result'
import { articleIdFor } from '../corpus/article-id'
import { CorpusScanner } from '../corpus/scan'
import { LibrarySession } from './library-session'
import { CORPUS_SCHEMA_VERSION, corpusStoreFile, openCorpusStore } from '../store/corpus-store'

// Counts anchoring work without changing it.
vi.mock('../../shared/anchoring', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/anchoring')>()
  return { ...actual, anchorQuote: vi.fn(actual.anchorQuote) }
})

let corpus: string
let dataDir: string
let scanner: CorpusScanner
let session: LibrarySession
let clock = 0
const now = () => new Date(Date.UTC(2024, 4, 1, 12, 0, clock++))

beforeEach(async () => {
  corpus = await realpath(await makeTempDir('gloss-session-corpus-'))
  dataDir = await makeTempDir('gloss-session-data-')
  vi.mocked(anchorQuote).mockClear()
})
afterEach(async () => {
  await session?.store.close()
  await removeDir(corpus)
  await removeDir(dataDir)
})

const TIDES = '# Tides\n\nThe tide turns twice a day.\n\nFishermen read the tables before dawn.\n\nThe harbour wall was built in 1820.\n'
const LAMPS = 'Lamps\n\nA lamp was lit at dusk in every window.\n'

async function open(files: Record<string, string> = { 'tides.md': TIDES, 'notes/lamps.txt': LAMPS }): Promise<LibrarySession> {
  await writeCorpus(corpus, files)
  scanner = await CorpusScanner.open(corpus)
  const scan = await scanner.scan()
  session = new LibrarySession(scan, await openCorpusStore(dataDir, scan.root), false, now)
  return session
}

/** What the watcher would hand over after the folder changed. */
async function refresh(paths: string[] = []) {
  return session.applyScan(await scanner.update({ paths, structural: true }))
}

const file = (relative: string) => path.join(corpus, ...relative.split('/'))
const idOf = (relative: string) => articleIdFor(relative)

function highlight(article: Article, phrase: string, extra: { color?: 'yellow' | 'pink'; note?: string } = {}) {
  const start = article.text.indexOf(phrase)
  if (start < 0) throw new Error(`"${phrase}" is not in ${article.title}`)
  return session.createHighlight({ articleId: article.id, start, end: start + phrase.length, color: extra.color ?? 'yellow', note: extra.note })
}

const placed = (article: Article, id: string) => {
  const h = article.highlights.find((x) => x.id === id)!
  return h.anchor ? article.text.slice(h.anchor.start, h.anchor.end) : null
}

async function expectError(run: () => unknown, code: string): Promise<void> {
  try {
    await run()
  } catch (error) {
    expect(error).toBeInstanceOf(GlossError)
    expect((error as GlossError).code).toBe(code)
    return
  }
  throw new Error(`expected ${code}`)
}

describe('applyScan', () => {
  it('reports changed, added and removed articles; highlights re-anchor against the new text', async () => {
    await open()
    const tides = session.getArticle(idOf('tides.md'))
    const wall = highlight(tides, 'harbour wall was built')
    await writeFile(file('tides.md'), TIDES.replace('# Tides\n\n', '# Tides\n\nA paragraph written in later.\n\n'))
    await writeCorpus(corpus, { 'new.md': '# New\n\nFresh.\n' })
    await rm(file('notes/lamps.txt'))
    const change = await refresh(['tides.md', 'new.md', 'notes/lamps.txt'])
    expect(change).toEqual({
      changedArticleIds: [idOf('tides.md')],
      addedArticleIds: [idOf('new.md')],
      removedArticleIds: [idOf('notes/lamps.txt')],
      movedArticles: []
    })
    const edited = session.getArticle(idOf('tides.md'))
    expect(edited.text).toContain('A paragraph written in later.')
    expect(placed(edited, wall.id)).toBe('harbour wall was built')
    expect(edited.highlights[0].anchor!.start).toBeGreaterThan(wall.anchor!.start)
  })

  it('reports nothing for a file saved again unchanged', async () => {
    await open()
    await writeFile(file('tides.md'), TIDES)
    expect(await refresh(['tides.md'])).toEqual({ changedArticleIds: [], addedArticleIds: [], removedArticleIds: [], movedArticles: [] })
  })
})

describe('words edited since the highlight was made', () => {
  const READING = '# Reading\n\nThe committee approved the new harbour service after a long debate about the winter timetable.\n'
  const phrase = 'The committee approved the new harbour service'

  it('shows the words the highlight covers now, keeps the original, and All highlights finds the new words', async () => {
    await open({ 'reading.md': READING })
    const made = highlight(session.getArticle(idOf('reading.md')), phrase)
    expect(made.currentQuote).toBeUndefined()
    await writeFile(file('reading.md'), READING.replace('approved the new', 'backed the new'))
    await refresh(['reading.md'])
    const article = session.getArticle(idOf('reading.md'))
    const h = article.highlights.find((x) => x.id === made.id)!
    expect(placed(article, h.id)).toBe('The committee backed the new harbour service')
    expect(h.currentQuote).toBe('The committee backed the new harbour service')
    expect(h.quote.exact).toBe(phrase)

    const list = (query: string) =>
      listAnnotations(
        { articles: session.scan.articles, highlights: session.store.data.highlights, currentQuote: (id) => session.currentQuoteOf(id) },
        { query, sort: 'newest' }
      )
    const found = list('backed the new')
    expect(found.entries.map((e) => e.highlight.quote)).toEqual(['The committee backed the new harbour service'])
    expect(found.entries[0].highlight.originalQuote).toBe(phrase)
    // The words first highlighted still find it (the original stays searchable).
    expect(list('approved the new').entries).toHaveLength(1)
  })

  it('says nothing when the words are the same', async () => {
    await open({ 'reading.md': READING })
    const made = highlight(session.getArticle(idOf('reading.md')), phrase)
    await writeFile(file('reading.md'), READING.replace('# Reading\n\n', '# Reading\n\nAn editor’s note.\n\n'))
    await refresh(['reading.md'])
    const h = session.getArticle(idOf('reading.md')).highlights.find((x) => x.id === made.id)!
    expect(h.currentQuote).toBeUndefined()
    const entry = listAnnotations({ articles: session.scan.articles, highlights: session.store.data.highlights, currentQuote: (id) => session.currentQuoteOf(id) }, { sort: 'newest' }).entries[0]
    expect(entry.highlight.quote).toBe(phrase)
    expect(entry.highlight.originalQuote).toBeUndefined()
  })
})

describe('anchor cache', () => {
  it('anchors each highlight once per text, and again when the text changes', async () => {
    await open()
    const tides = session.getArticle(idOf('tides.md'))
    highlight(tides, 'twice a day')
    highlight(tides, 'before dawn')
    // Creating a highlight anchors it once; reading the article again costs nothing.
    expect(anchorQuote).toHaveBeenCalledTimes(2)
    for (let i = 0; i < 3; i++) session.getArticle(idOf('tides.md'))
    session.list({ sort: 'date' })
    expect(anchorQuote).toHaveBeenCalledTimes(2)

    await writeFile(file('tides.md'), TIDES.replace('before dawn', 'well before dawn'))
    await refresh(['tides.md'])
    vi.mocked(anchorQuote).mockClear()
    const edited = session.getArticle(idOf('tides.md'))
    session.getArticle(idOf('tides.md'))
    expect(anchorQuote).toHaveBeenCalledTimes(2)
    expect(edited.highlights.map((h) => placed(edited, h.id))).toEqual(['twice a day', 'before dawn'])
  })
})

describe('orphans', () => {
  it('keeps a highlight whose text is gone, and re-attaches it to a new range with its id, note, colour and date', async () => {
    await open()
    const tides = session.getArticle(idOf('tides.md'))
    const lost = highlight(tides, 'Fishermen read the tables', { color: 'pink', note: 'Which tables?' })
    await writeFile(file('tides.md'), '# Tides\n\nThe tide turns twice a day.\n\nSailors consult the almanac at first light.\n')
    await refresh(['tides.md'])
    const edited = session.getArticle(idOf('tides.md'))
    expect(edited.highlights.find((h) => h.id === lost.id)!.anchor).toBeNull()

    const start = edited.text.indexOf('consult the almanac')
    const moved = session.reattachHighlight({ highlightId: lost.id, start, end: start + 'consult the almanac'.length })
    expect(moved).toMatchObject({
      id: lost.id,
      note: 'Which tables?',
      color: 'pink',
      createdAt: lost.createdAt,
      quote: { exact: 'consult the almanac' },
      position: { start, end: start + 19 },
      anchor: { start, end: start + 19 }
    })
    expect(moved.updatedAt > lost.updatedAt).toBe(true)
    expect(placed(session.getArticle(idOf('tides.md')), lost.id)).toBe('consult the almanac')
    await session.store.flush()
    const onDisk = JSON.parse(await readFile(session.store.path, 'utf8'))
    expect(onDisk.highlights).toHaveLength(1)
    expect(onDisk.highlights[0]).toMatchObject({ id: lost.id, quote: { exact: 'consult the almanac' } })
  })

  it.each([
    ['a range past the end', (text: string) => ({ start: 0, end: text.length + 1 }), 'BAD_INPUT'],
    ['a range of whitespace', (text: string) => ({ start: text.indexOf('\n\n'), end: text.indexOf('\n\n') + 2 }), 'BAD_INPUT']
  ])('refuses to re-attach to %s', async (_name, range, code) => {
    await open()
    const tides = session.getArticle(idOf('tides.md'))
    const h = highlight(tides, 'twice a day')
    await expectError(() => session.reattachHighlight({ highlightId: h.id, ...range(tides.text) }), code)
    expect(placed(session.getArticle(idOf('tides.md')), h.id)).toBe('twice a day')
  })

  it('refuses an unknown highlight, and one whose article is missing', async () => {
    await open()
    await expectError(() => session.reattachHighlight({ highlightId: 'nope', start: 0, end: 3 }), 'NOT_FOUND')
    const h = highlight(session.getArticle(idOf('notes/lamps.txt')), 'lamp was lit')
    await rm(file('notes/lamps.txt'))
    await refresh(['notes/lamps.txt'])
    await expectError(() => session.reattachHighlight({ highlightId: h.id, start: 0, end: 3 }), 'NOT_FOUND')
  })
})

describe('reads are pure', () => {
  it('reading an article writes nothing; only rememberOpened remembers it', async () => {
    await open()
    const writesBefore = session.store.writeCount
    const before = JSON.stringify(session.store.data)
    const tides = session.getArticle(idOf('tides.md'))
    session.list({ sort: 'date' })
    session.missingArticles()
    session.tagCounts()
    await session.store.flush()
    expect(JSON.stringify(session.store.data)).toBe(before)
    expect(session.store.writeCount).toBe(writesBefore)
    expect(session.lastArticleId()).toBeNull()
    session.rememberOpened(tides.id)
    expect(session.lastArticleId()).toBe(tides.id)
  })

  it('hands the store out without update()', async () => {
    await open()
    expect('update' in session.store).toBe(false)
  })
})

describe('moved and missing articles', () => {
  it('follows a renamed file: annotations, the last-read article and the move are reported', async () => {
    await open()
    const lamps = session.getArticle(idOf('notes/lamps.txt'))
    session.rememberOpened(lamps.id)
    const h = highlight(lamps, 'lit at dusk')
    session.setArticleNote(lamps.id, 'Ask about the lamplighter')
    await mkdir(file('archive'))
    await rename(file('notes/lamps.txt'), file('archive/lamps.txt'))
    const change = await refresh(['notes/lamps.txt', 'archive', 'archive/lamps.txt'])
    const to = idOf('archive/lamps.txt')
    expect(change.movedArticles).toEqual([{ from: lamps.id, to }])
    expect(session.lastArticleId()).toBe(to)
    const moved = session.getArticle(to)
    expect(placed(moved, h.id)).toBe('lit at dusk')
    expect(moved.note).toBe('Ask about the lamplighter')
    expect(session.missingArticles()).toEqual([])
  })

  it('follows a file that is edited and then renamed', async () => {
    await open()
    const h = highlight(session.getArticle(idOf('tides.md')), 'twice a day')
    await writeFile(file('tides.md'), `${TIDES}\nA last line added.\n`)
    await refresh(['tides.md'])
    await rename(file('tides.md'), file('tides-2024.md'))
    const change = await refresh(['tides.md', 'tides-2024.md'])
    expect(change.movedArticles).toEqual([{ from: idOf('tides.md'), to: idOf('tides-2024.md') }])
    expect(placed(session.getArticle(idOf('tides-2024.md')), h.id)).toBe('twice a day')
  })

  it('keeps the annotations of a deleted file as a missing article, and gives them back when the file returns', async () => {
    await open()
    const tides = session.getArticle(idOf('tides.md'))
    const early = highlight(tides, 'twice a day', { note: 'Semi-diurnal' })
    const late = highlight(tides, 'harbour wall', { color: 'pink' })
    session.setArticleNote(tides.id, 'Compare with the almanac')
    await rm(file('tides.md'))
    const change = await refresh(['tides.md'])
    expect(change.removedArticleIds).toEqual([tides.id])
    expect(session.missingArticles()).toEqual([
      {
        articleId: tides.id,
        title: 'Tides',
        path: 'tides.md',
        highlights: [
          { id: early.id, quote: 'twice a day', note: 'Semi-diurnal', color: 'yellow' },
          { id: late.id, quote: 'harbour wall', note: '', color: 'pink' }
        ],
        note: 'Compare with the almanac'
      }
    ])
    await expectError(() => session.getArticle(tides.id), 'NOT_FOUND')
    expect(session.list({ sort: 'date' }).articles.map((a) => a.title)).toEqual(['Lamps'])

    // Back at the same path (same id), with a small edit: everything is placed again.
    await writeFile(file('tides.md'), TIDES.replace('Fishermen', 'The fishermen'))
    const back = await refresh(['tides.md'])
    expect(back.addedArticleIds).toEqual([tides.id])
    expect(session.missingArticles()).toEqual([])
    const restored = session.getArticle(tides.id)
    expect(restored.highlights.map((h) => placed(restored, h.id))).toEqual(['twice a day', 'harbour wall'])
    expect(restored.note).toBe('Compare with the almanac')
  })

  it('gives annotations back to a file that returns elsewhere with the same content', async () => {
    await open()
    const h = highlight(session.getArticle(idOf('notes/lamps.txt')), 'every window')
    await rename(file('notes/lamps.txt'), path.join(dataDir, 'lamps-aside.txt'))
    await refresh(['notes/lamps.txt'])
    expect(session.missingArticles().map((m) => m.title)).toEqual(['Lamps'])
    await rename(path.join(dataDir, 'lamps-aside.txt'), file('lamps-back.txt'))
    const change = await refresh(['lamps-back.txt'])
    expect(change.movedArticles).toEqual([{ from: idOf('notes/lamps.txt'), to: idOf('lamps-back.txt') }])
    expect(session.missingArticles()).toEqual([])
    expect(placed(session.getArticle(idOf('lamps-back.txt')), h.id)).toBe('every window')
  })

  it('removes a missing article’s annotations for good, and only those', async () => {
    await open()
    highlight(session.getArticle(idOf('tides.md')), 'twice a day')
    session.setArticleNote(idOf('tides.md'), 'A note')
    const kept = highlight(session.getArticle(idOf('notes/lamps.txt')), 'lamp was lit')
    await expectError(() => session.removeMissing(idOf('notes/lamps.txt')), 'BAD_INPUT')
    await expectError(() => session.removeMissing('never-existed'), 'NOT_FOUND')
    // Names a plain object's prototype answers to: nothing there, so nothing removed (issue 13).
    for (const hostile of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) await expectError(() => session.removeMissing(hostile), 'NOT_FOUND')
    await rm(file('tides.md'))
    await refresh(['tides.md'])
    expect(session.removeMissing(idOf('tides.md'))).toBe(2)
    expect(session.missingArticles()).toEqual([])
    expect(session.store.data.highlights.map((h) => h.id)).toEqual([kept.id])
    expect(session.store.data.articleNotes[idOf('tides.md')]).toBeUndefined()
    // Coming back now brings nothing with it.
    await writeFile(file('tides.md'), TIDES)
    await refresh(['tides.md'])
    expect(session.getArticle(idOf('tides.md')).highlights).toEqual([])
  })

  it('reads a store written before titles and paths were recorded, and records them', async () => {
    await writeCorpus(corpus, { 'tides.md': TIDES })
    const storeFile = corpusStoreFile(dataDir, corpus)
    await mkdir(path.dirname(storeFile), { recursive: true })
    const old = {
      schemaVersion: CORPUS_SCHEMA_VERSION,
      root: corpus,
      highlights: [
        {
          id: 'h-old',
          articleId: idOf('tides.md'),
          articleFingerprint: 'fingerprint-of-an-older-text',
          color: 'blue',
          note: '',
          quote: { type: 'TextQuoteSelector', exact: 'before dawn', prefix: 'read the tables ', suffix: '.' },
          position: { type: 'TextPositionSelector', start: 0, end: 11 },
          createdAt: '2023-01-01T00:00:00.000Z',
          updatedAt: '2023-01-01T00:00:00.000Z'
        }
      ],
      articleNotes: { 'gone-article': { note: 'From a file long gone', updatedAt: '2023-01-01T00:00:00.000Z', articleFingerprint: 'x' } },
      lastArticleId: null
    }
    await writeFile(storeFile, JSON.stringify(old))
    await open({})
    expect(session.store.notice).toBeNull()
    expect(session.store.data.highlights[0]).toMatchObject({ articleTitle: 'Tides', articlePath: 'tides.md' })
    expect(session.missingArticles()).toEqual([{ articleId: 'gone-article', title: null, path: null, highlights: [], note: 'From a file long gone' }])
    const article = session.getArticle(idOf('tides.md'))
    expect(placed(article, 'h-old')).toBe('before dawn')
  })

  it('keeps both notes when a moved file lands on an article that has its own', async () => {
    await open({ 'a.md': '# Same\n\nIdentical words.\n', 'b.md': '# Other\n\nDifferent words.\n' })
    session.setArticleNote(idOf('a.md'), 'Note on the first file')
    session.setArticleNote(idOf('b.md'), 'Note on the second file')
    await rm(file('a.md'))
    await writeFile(file('b.md'), '# Same\n\nIdentical words.\n')
    await refresh(['a.md', 'b.md'])
    expect(session.getArticle(idOf('b.md')).note).toBe('Note on the second file\n\nNote on the first file')
    expect(session.missingArticles()).toEqual([])
  })
})
