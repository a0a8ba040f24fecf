// Reading progress per article: stored in the folder's annotation file, clamped, shown
// on library rows and the article, kept over a restart, and following a renamed file.
import { mkdir, readFile, realpath, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import { articleIdFor } from '../corpus/article-id'
import { CorpusScanner } from '../corpus/scan'
import { clampFraction, LibrarySession } from './library-session'
import { corpusStoreFile, openCorpusStore } from '../store/corpus-store'

let corpus: string
let dataDir: string
let scanner: CorpusScanner
let session: LibrarySession
let clock = 0
const now = () => new Date(Date.UTC(2024, 4, 1, 12, 0, clock++))

beforeEach(async () => {
  corpus = await realpath(await makeTempDir('gloss-progress-corpus-'))
  dataDir = await makeTempDir('gloss-progress-data-')
})
afterEach(async () => {
  await session?.store.close()
  await removeDir(corpus)
  await removeDir(dataDir)
})

const KILNS = '# Kilns\n\nThe kiln was fired once a week.\n\nPotters stacked the ware by hand.\n\nAsh glazed the top shelf green.\n'
const FERRIES = 'Ferries\n\nThe first ferry left at six.\n'

async function open(): Promise<LibrarySession> {
  scanner = await CorpusScanner.open(corpus)
  const scan = await scanner.scan()
  session = new LibrarySession(scan, await openCorpusStore(dataDir, scan.root), false, now)
  return session
}

const rowOf = (id: string) => session.list({ sort: 'title' }).articles.find((a) => a.id === id)!

describe('clampFraction', () => {
  it.each([
    [0.45, 0.45],
    [-0.2, 0],
    [1.7, 1],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 1]
  ])('%s → %s', (input, expected) => {
    expect(clampFraction(input)).toBe(expected)
  })
})

describe('corpus store', () => {
  it('a file written before progress existed loads with none, and its highlights intact', async () => {
    const root = '/clips/older'
    const file = corpusStoreFile(dataDir, root)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, JSON.stringify({ schemaVersion: 1, root, highlights: [], articleNotes: { a1: { note: 'kept', updatedAt: '2024-01-01T00:00:00.000Z', articleFingerprint: 'fp' } }, lastArticleId: 'a1' }))
    const store = await openCorpusStore(dataDir, root)
    expect(store.notice).toBeNull()
    expect(store.data.progress).toEqual({})
    expect(store.data.articleNotes.a1.note).toBe('kept')
    expect(store.data.lastArticleId).toBe('a1')
    await store.close()
  })
})

describe('LibrarySession.setProgress', () => {
  it('starts with no progress; a reported position shows on the row and the article, clamped', async () => {
    await writeCorpus(corpus, { 'kilns.md': KILNS, 'ferries.txt': FERRIES })
    await open()
    const kilns = articleIdFor('kilns.md')
    expect(rowOf(kilns).progress).toBeNull()
    expect(session.getArticle(kilns).progressOffset).toBeNull()

    const block = session.getArticle(kilns).blocks[2]
    session.setProgress({ articleId: kilns, fraction: 0.45, offset: block.start })
    expect(rowOf(kilns).progress).toBe(0.45)
    expect(session.getArticle(kilns)).toMatchObject({ progress: 0.45, progressOffset: block.start })
    expect(rowOf(articleIdFor('ferries.txt')).progress).toBeNull()

    session.setProgress({ articleId: kilns, fraction: 1.3, offset: 999_999 })
    expect(rowOf(kilns).progress).toBe(1)
    // Resumes at most at the end of the text as it is now.
    expect(session.getArticle(kilns).progressOffset).toBe(session.getArticle(kilns).text.length)
  })

  it('keeps the furthest point read while the place to resume follows the reader back up', async () => {
    await writeCorpus(corpus, { 'kilns.md': KILNS })
    await open()
    const kilns = articleIdFor('kilns.md')
    session.setProgress({ articleId: kilns, fraction: 1, offset: 40 })
    // Scrolled back up to re-read the start: still "Read", reopened where the reader is now.
    expect(session.setProgress({ articleId: kilns, fraction: 0.2, offset: 0 })).toBe(true)
    expect(rowOf(kilns).progress).toBe(1)
    expect(session.getArticle(kilns)).toMatchObject({ progress: 1, progressOffset: 0 })
  })

  it('an unknown article is NOT_FOUND', async () => {
    await writeCorpus(corpus, { 'kilns.md': KILNS })
    await open()
    expect(() => session.setProgress({ articleId: 'nope', fraction: 0.5, offset: 0 })).toThrow(/Article/)
  })

  it('is kept in the store file over a restart, and an unchanged report writes nothing new', async () => {
    await writeCorpus(corpus, { 'kilns.md': KILNS })
    await open()
    const kilns = articleIdFor('kilns.md')
    session.setProgress({ articleId: kilns, fraction: 0.6, offset: 12 })
    const first = session.store.data.progress[kilns]
    session.setProgress({ articleId: kilns, fraction: 0.6, offset: 12 })
    expect(session.store.data.progress[kilns]).toBe(first)
    await session.store.close()

    const onDisk = JSON.parse(await readFile(session.store.path, 'utf8'))
    expect(onDisk.progress[kilns]).toMatchObject({ fraction: 0.6, offset: 12 })
    await open()
    expect(rowOf(kilns).progress).toBe(0.6)
    expect(session.getArticle(kilns).progressOffset).toBe(12)
  })

  it('follows a renamed file to its new id', async () => {
    await writeCorpus(corpus, { 'kilns.md': KILNS, 'ferries.txt': FERRIES })
    await open()
    const before = articleIdFor('kilns.md')
    session.setProgress({ articleId: before, fraction: 0.8, offset: 40 })
    await mkdir(path.join(corpus, 'archive'))
    await rename(path.join(corpus, 'kilns.md'), path.join(corpus, 'archive', 'kilns.md'))
    const change = session.applyScan(await scanner.update({ paths: [], structural: true }))
    const after = articleIdFor('archive/kilns.md')
    expect(change.movedArticles).toEqual([{ from: before, to: after }])
    expect(rowOf(after).progress).toBe(0.8)
    expect(session.getArticle(after).progressOffset).toBe(40)
    expect(session.store.data.progress[before]).toBeUndefined()
  })
})
