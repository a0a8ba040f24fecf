import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import { scanCorpus } from '../corpus/scan'
import type { IndexedAnnotation } from './search-index'
import { createSearchService } from './search-service'

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

describe.each([
  ['in a worker thread', false],
  ['in process', true]
])('search service %s', (_name, inProcess) => {
  it('indexes the folder (reading the files itself), then follows changes in the order they were sent', async () => {
    const scan = await scanCorpus(root)
    const kites = scan.articles.find((a) => a.title === 'Kites')!
    const tides = scan.articles.find((a) => a.title === 'Tides')!
    const annotations: IndexedAnnotation[] = [{ articleId: kites.id, kind: 'note', highlightId: null, quote: '', note: 'windswept memories', offset: null }]
    const failures: unknown[] = []
    const service = createSearchService({ inProcess, log: (_message, error) => failures.push(error) })
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
