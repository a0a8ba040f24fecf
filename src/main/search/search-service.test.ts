import { describe, expect, it } from 'vitest'
import type { CorpusArticle } from '../corpus/scan'
import { createSearchService, type SearchSnapshot } from './search-service'

const corpusArticle = (id: string, title: string, body: string): CorpusArticle => ({
  id,
  title,
  published: null,
  source: null,
  sourceUrl: null,
  topics: [],
  excerpt: null,
  author: null,
  files: [`${id}.md`],
  words: body.split(' ').length,
  encodingNote: null,
  body,
  format: 'markdown',
  fingerprint: id,
  bodyHash: id
})

const snapshot = (): SearchSnapshot => ({
  articles: [corpusArticle('a', 'Tides', 'The *tide* tables of Brest.'), corpusArticle('b', 'Kites', 'Kites over the dunes.')],
  annotations: [{ articleId: 'b', kind: 'note', highlightId: null, quote: '', note: 'windswept memories', offset: null }]
})

describe.each([
  ['in a worker thread', false],
  ['in process', true]
])('search service %s', (_name, inProcess) => {
  it('indexes the snapshot, then follows changes in the order they were sent', async () => {
    const failures: unknown[] = []
    const service = createSearchService(snapshot, { inProcess, log: (_message, error) => failures.push(error) })
    try {
      const first = await service.query('brest')
      expect(first.results.map((r) => [r.articleId, r.kind, r.offset])).toEqual([['a', 'article', 'The tide tables of '.length]])
      expect((await service.query('windswept')).results.map((r) => [r.articleId, r.kind])).toEqual([['b', 'note']])
      service.articlesChanged([corpusArticle('c', 'Gulls', 'Gulls near Brest.')], ['a'])
      service.annotationsChanged([])
      expect((await service.query('brest')).results.map((r) => r.articleId)).toEqual(['c'])
      expect((await service.query('windswept')).total).toBe(0)
      expect(failures).toEqual([])
    } finally {
      await service.close()
    }
  }, 30_000)
})
