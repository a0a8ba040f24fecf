import { existsSync } from 'node:fs'
import { readdir, realpath, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import { scanCorpus } from '../corpus/scan'
import type { IndexedAnnotation } from './search-index'
import { createSearchService, type SearchServiceOptions } from './search-service'

// `npm run build` makes it (npm test builds before the unit tests); without it, its rows skip.
const BUILT_WORKER = path.resolve(import.meta.dirname, '../../../out/main/search-worker.js')
const BACKENDS: Array<[string, Pick<SearchServiceOptions, 'inProcess' | 'workerFile'>]> = [
  ['in a worker thread', {}],
  ['in the built worker (out/main)', { workerFile: BUILT_WORKER }],
  ['in process', { inProcess: true }]
]
const backends = (): typeof BACKENDS => BACKENDS.filter(([, backend]) => !backend.workerFile || existsSync(backend.workerFile))

let root: string
beforeEach(async () => {
  root = await makeTempDir('gloss-search-service-')
  await writeCorpus(root, {
    'tides.md': '---\ntitle: Tides\n---\n\nThe *tide* tables of Brest.\n',
    'notes/kites.txt': 'Kites\n\nKites over the dunes.\n'
  })
})
afterEach(async () => {
  await removeDir(root)
})

describe.each(backends())('search service %s', (_name, backend) => {
  it('indexes the folder (reading the files itself), then follows changes in the order they were sent', async () => {
    const scan = await scanCorpus(root)
    const kites = scan.articles.find((a) => a.title === 'Kites')!
    const tides = scan.articles.find((a) => a.title === 'Tides')!
    const annotations: IndexedAnnotation[] = [{ articleId: kites.id, kind: 'note', highlightId: null, quote: '', note: 'windswept memories', offset: null }]
    const failures: unknown[] = []
    const service = createSearchService({ ...backend, log: (_message, error) => failures.push(error) })
    try {
      service.sync({ root: scan.root, articles: scan.articles, annotations })
      const first = await service.query('brest')
      // The offset is in the reader's text, where the Markdown emphasis is gone.
      expect(first.results.map((r) => [r.articleId, r.kind, r.offset])).toEqual([[tides.id, 'article', 'The tide tables of '.length]])
      expect((await service.query('windswept')).results.map((r) => [r.articleId, r.kind])).toEqual([[kites.id, 'note']])

      await writeFile(path.join(root, 'gulls.md'), '# Gulls\n\nGulls near Brest.\n')
      const next = await scanCorpus(root)
      const gulls = next.articles.find((a) => a.title === 'Gulls')!
      // Tides is deleted, Gulls added, the note removed; Kites is unchanged and not sent again.
      await removeDir(path.join(root, 'tides.md'))
      service.sync({ root: next.root, articles: next.articles.filter((a) => a.id !== tides.id), annotations: [] })
      expect((await service.query('brest')).results.map((r) => r.articleId)).toEqual([gulls.id])
      expect((await service.query('windswept')).total).toBe(0)

      // An edited file is read again: its old words go, its new ones are found.
      await writeFile(path.join(root, 'notes/kites.txt'), 'Kites\n\nKites over the marshes.\n')
      const edited = await scanCorpus(root)
      service.sync({ root: edited.root, articles: edited.articles, annotations: [] })
      expect((await service.query('dunes')).total).toBe(0)
      expect((await service.query('marshes')).results.map((r) => r.articleId)).toEqual([kites.id])
      expect(failures).toEqual([])
    } finally {
      await service.close()
    }
  }, 30_000)
})

it('answers from this thread, saying so, when the worker it is given cannot start', async () => {
  const scan = await scanCorpus(root)
  const logs: string[] = []
  const service = createSearchService({ workerFile: path.join(root, 'no-such-worker.js'), log: (message) => logs.push(message) })
  try {
    service.sync({ root: scan.root, articles: scan.articles, annotations: [] })
    expect((await service.query('brest')).results.map((r) => r.articleId)).toEqual([scan.articles.find((a) => a.title === 'Tides')!.id])
    expect(logs).toEqual(['gloss: the search worker failed; indexing in the main process instead'])
  } finally {
    await service.close()
  }
})

// The saved index is the same file whichever thread writes it: the source worker and this thread.
describe.each(backends().filter(([, backend]) => !backend.workerFile))('saved search index %s', (_name, backend) => {
  let dataDir: string
  beforeEach(async () => {
    dataDir = await makeTempDir('gloss-search-data-')
  })
  afterEach(async () => {
    await removeDir(dataDir)
  })

  async function open(logs: string[] = []): Promise<{ service: ReturnType<typeof createSearchService>; ids: Record<string, string> }> {
    const scan = await scanCorpus(root)
    const ids = Object.fromEntries(scan.articles.map((a) => [a.title, a.id]))
    const annotations: IndexedAnnotation[] = [{ articleId: ids.Kites, kind: 'note', highlightId: null, quote: '', note: 'windswept memories', offset: null }]
    const service = createSearchService({ ...backend, dataDir, log: (message) => logs.push(message) })
    service.sync({ root: scan.root, articles: scan.articles, annotations })
    return { service, ids }
  }

  const found = async (service: ReturnType<typeof createSearchService>, query: string): Promise<unknown[]> =>
    (await service.query(query)).results.map((r) => [r.articleId, r.kind, r.offset, r.snippet])

  it('is reused on reopen: the same results, nothing indexed again, nothing written in the corpus', async () => {
    const corpusBefore = await listFiles(root)
    const first = await open()
    const brest = await found(first.service, 'brest')
    const windswept = await found(first.service, 'windswept')
    expect(await first.service.stats()).toMatchObject({ articles: 2, articlesIndexed: 2, annotationsIndexed: 1 })
    await first.service.close()
    expect(await listFiles(path.join(dataDir, 'search'))).toHaveLength(1)

    const second = await open()
    try {
      expect(await found(second.service, 'brest')).toEqual(brest)
      expect(await found(second.service, 'windswept')).toEqual(windswept)
      expect(brest).toHaveLength(1)
      expect(await second.service.stats()).toEqual({ articles: 2, articlesIndexed: 0, annotationsIndexed: 0 })
    } finally {
      await second.service.close()
    }
    expect(await listFiles(root)).toEqual(corpusBefore)
  }, 30_000)

  it('is written when closing while the save the timer started is still on its way', async () => {
    // Only the save timer is faked: the worker's messages are real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const scan = await scanCorpus(root)
      const service = createSearchService({ ...backend, dataDir, saveDelayMs: 1000 })
      service.sync({ root: scan.root, articles: scan.articles, annotations: [] })
      // The save is sent now, queued behind the indexing; close() comes before its answer.
      vi.advanceTimersByTime(1000)
      await service.close()
    } finally {
      vi.useRealTimers()
    }
    expect(await listFiles(path.join(dataDir, 'search'))).toHaveLength(1)
  }, 30_000)

  it('prepare() loads the saved index before the folder is listed; the sync after it drops an article deleted meanwhile', async () => {
    await (await open()).service.close()
    await removeDir(path.join(root, 'tides.md'))
    const opened: string[] = []
    const service = createSearchService({ ...backend, dataDir, onOpen: (outcome) => opened.push(outcome.status) })
    try {
      service.prepare(await realpath(root))
      const scan = await scanCorpus(root)
      service.sync({ root: scan.root, articles: scan.articles, annotations: [] })
      expect((await service.query('brest')).total).toBe(0)
      expect((await service.query('dunes')).results.map((r) => r.articleId)).toEqual([scan.articles.find((a) => a.title === 'Kites')!.id])
      // Loaded once, nothing indexed again.
      expect(opened).toEqual(['loaded'])
      expect(await service.stats()).toEqual({ articles: 1, articlesIndexed: 0, annotationsIndexed: 0 })
    } finally {
      await service.close()
    }
  }, 30_000)

  it('re-indexes only a file changed while Gloss was closed, and drops a deleted one', async () => {
    await (await open()).service.close()
    await writeFile(path.join(root, 'notes/kites.txt'), 'Kites\n\nKites over the marshes.\n')
    await writeFile(path.join(root, 'gulls.md'), '# Gulls\n\nGulls near the pier.\n')
    await removeDir(path.join(root, 'tides.md'))
    const { service, ids } = await open()
    try {
      expect((await service.query('marshes')).results.map((r) => r.articleId)).toEqual([ids.Kites])
      expect((await service.query('dunes')).total).toBe(0)
      expect((await service.query('brest')).total).toBe(0)
      expect((await service.query('pier')).results.map((r) => r.articleId)).toEqual([ids.Gulls])
      expect(await service.stats()).toEqual({ articles: 2, articlesIndexed: 2, annotationsIndexed: 0 })
    } finally {
      await service.close()
    }
  }, 30_000)

  it.each([
    ['corrupt', 'saved index {{{'],
    ['of another version', JSON.stringify({ version: 999, options: 'x', root: '', articles: [], docs: [], mini: {} })]
  ])('is rebuilt when the saved file is %s, logging it once', async (_case, text) => {
    await (await open()).service.close()
    const [file] = await listFiles(path.join(dataDir, 'search'))
    await writeFile(path.join(dataDir, 'search', file), text)
    const logs: string[] = []
    const { service, ids } = await open(logs)
    try {
      expect((await service.query('brest')).results.map((r) => r.articleId)).toEqual([ids.Tides])
      expect(await service.stats()).toMatchObject({ articlesIndexed: 2, annotationsIndexed: 1 })
      expect(logs).toHaveLength(1)
      expect(logs[0]).toMatch(/could not be used/)
    } finally {
      await service.close()
    }
    // Closing wrote a good index again.
    const reopened = await open(logs)
    expect(await reopened.service.stats()).toMatchObject({ articlesIndexed: 0 })
    await reopened.service.close()
    expect(logs).toHaveLength(1)
  }, 30_000)
})

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name))).sort()
}
