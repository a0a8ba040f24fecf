import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { corpusStoreFile, openCorpusStore, type StoredHighlight } from './corpus-store'

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gloss-corpus-store-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

const highlight = (id: string, overrides: Partial<StoredHighlight> = {}): StoredHighlight => ({
  id,
  articleId: 'article-1',
  articleFingerprint: 'fp-1',
  tags: [],
  color: 'yellow',
  note: 'why this matters',
  quote: { type: 'TextQuoteSelector', exact: 'the river rose overnight', prefix: 'By morning ', suffix: ' and the bridge' },
  position: { type: 'TextPositionSelector', start: 11, end: 35 },
  createdAt: '2024-03-01T10:00:00.000Z',
  updatedAt: '2024-03-01T10:00:00.000Z',
  ...overrides
})

describe('openCorpusStore', () => {
  it('keeps one file per folder under <dataDir>/corpora, named by the hash of the root', async () => {
    const root = '/home/reader/Clippings'
    const expected = createHash('sha256').update(root).digest('hex').slice(0, 16)
    expect(corpusStoreFile(dataDir, root)).toBe(path.join(dataDir, 'corpora', `${expected}.json`))
    expect(corpusStoreFile(dataDir, '/home/reader/Other')).not.toBe(corpusStoreFile(dataDir, root))
  })

  it('starts empty for a new folder, with the root and schema version recorded', async () => {
    const store = await openCorpusStore(dataDir, '/corpus/a')
    expect(store.data).toEqual({ schemaVersion: 1, root: '/corpus/a', highlights: [], articleNotes: {}, lastArticleId: null, progress: {} })
    expect(store.path).toBe(corpusStoreFile(dataDir, '/corpus/a'))
    await store.close()
  })

  it('persists highlights, article notes and the last article across reopen', async () => {
    const store = await openCorpusStore(dataDir, '/corpus/a')
    store.update((data) => {
      data.highlights.push(highlight('h1'), highlight('h2', { color: 'pink', note: '' }))
      data.articleNotes['article-1'] = { note: 'Read again before the interview.', tags: [], updatedAt: '2024-03-02T09:00:00.000Z', articleFingerprint: 'fp-1' }
      data.lastArticleId = 'article-1'
    })
    await store.close()

    const onDisk = JSON.parse(await readFile(store.path, 'utf8'))
    expect(onDisk.schemaVersion).toBe(1)
    expect(onDisk.highlights).toHaveLength(2)

    const again = await openCorpusStore(dataDir, '/corpus/a')
    expect(again.data.highlights).toEqual([highlight('h1'), highlight('h2', { color: 'pink', note: '' })])
    expect(again.data.articleNotes['article-1'].note).toBe('Read again before the interview.')
    expect(again.data.lastArticleId).toBe('article-1')
    expect(again.notice).toBeNull()
    await again.close()

    const other = await openCorpusStore(dataDir, '/corpus/b')
    expect(other.data.highlights).toEqual([])
    await other.close()
  })

  it('treats a highlight with an unknown shape as damage: the file is kept aside and the backup restored', async () => {
    const store = await openCorpusStore(dataDir, '/corpus/a')
    store.update((data) => data.highlights.push(highlight('h1')))
    await store.close()
    const bad = JSON.parse(await readFile(store.path, 'utf8'))
    bad.highlights[0].position = { type: 'TextPositionSelector', start: -5, end: 'x' }
    await writeFile(store.path, JSON.stringify(bad))

    const again = await openCorpusStore(dataDir, '/corpus/a')
    expect(again.data.highlights).toEqual([highlight('h1')])
    expect(again.notice).toMatch(/^Your Gloss data for this folder was damaged; restored the backup from .+\. The damaged file was kept at .+\.corrupt-.+\.$/)
    const names = await readdir(path.dirname(store.path))
    expect(names.filter((n) => n.includes('.corrupt-'))).toHaveLength(1)
    await again.close()
  })

  it('accepts long notes: leniency on values keeps real data from being called damaged', async () => {
    const store = await openCorpusStore(dataDir, '/corpus/a')
    store.update((data) => data.highlights.push(highlight('h1', { note: 'n'.repeat(200_000) })))
    await store.close()
    const again = await openCorpusStore(dataDir, '/corpus/a')
    expect(again.notice).toBeNull()
    expect(again.data.highlights[0].note).toHaveLength(200_000)
    await again.close()
  })
})

describe('openCorpusStore: one bad record', () => {
  it('sets aside only the record that does not validate, names its article, and keeps the newest others', async () => {
    const root = '/home/reader/Clippings'
    const file = corpusStoreFile(dataDir, root)
    const good = highlight('h-newest', { articleTitle: 'Rivers Keep Their Own Calendar' })
    const bad = { ...highlight('h-bad', { articleTitle: 'The Last Lighthouse Keeper' }), color: 'purple' }
    const notes = {
      'article-1': { note: 'kept', tags: [], updatedAt: '2024-03-01T10:00:00.000Z', articleFingerprint: 'fp-1' },
      'article-2': { note: 42, tags: [], updatedAt: 'x', articleFingerprint: 'fp-2', articleTitle: 'Old Mills' }
    }
    const { mkdir } = await import('node:fs/promises')
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, JSON.stringify({ schemaVersion: 1, root, highlights: [good, bad], articleNotes: notes, lastArticleId: null, progress: {} }))

    const store = await openCorpusStore(dataDir, root)
    expect(store.data.highlights.map((h) => h.id)).toEqual(['h-newest'])
    expect(Object.keys(store.data.articleNotes)).toEqual(['article-1'])
    expect(store.notice).toMatch(
      /had 2 records \(a highlight of "The Last Lighthouse Keeper" \(color: .*\); the note of "Old Mills" \(note: .*\)\) Gloss cannot read; they were set aside and everything else kept\. The file as it was is at .*\.corrupt-/
    )
    await store.close()
    // The file as it was (bad record included) is kept beside it; the store holds the rest.
    const names = await readdir(path.dirname(file))
    const kept = names.find((n) => n.includes('.corrupt-'))!
    expect(await readFile(path.join(path.dirname(file), kept), 'utf8')).toContain('"purple"')
    expect(JSON.parse(await readFile(file, 'utf8')).highlights.map((h: StoredHighlight) => h.id)).toEqual(['h-newest'])
  })
})
