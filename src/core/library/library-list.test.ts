// LibrarySession.list: sorting, filters and paging done in the main process, so the
// page asks only for the rows it shows. And a session opened on a partial scan (the
// folder still being read) concludes nothing from what it has not read yet.
import { realpath } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import { articleIdFor } from '../corpus/article-id'
import { CorpusScanner } from '../corpus/scan'
import { LibrarySession, type ParsedListQuery } from './library-session'
import { openCorpusStore } from '../store/corpus-store'

let corpus: string
let dataDir: string
let session: LibrarySession | null = null
const now = () => new Date(Date.UTC(2024, 4, 1, 12))

beforeEach(async () => {
  corpus = await realpath(await makeTempDir('gloss-list-corpus-'))
  dataDir = await makeTempDir('gloss-list-data-')
})
afterEach(async () => {
  await session?.store.close()
  session = null
  await removeDir(corpus)
  await removeDir(dataDir)
})

const article = (title: string, fields: { date?: string; source?: string; topics?: string[] } = {}): string => {
  const lines = [`title: ${JSON.stringify(title)}`]
  if (fields.date) lines.push(`date: ${fields.date}`)
  if (fields.source) lines.push(`site: ${JSON.stringify(fields.source)}`)
  if (fields.topics) lines.push(`tags: [${fields.topics.map((t) => JSON.stringify(t)).join(', ')}]`)
  return `---\n${lines.join('\n')}\n---\n\nSome words about ${title.toLowerCase()}.\n`
}

const FILES = {
  'a.md': article('Anchors', { date: '2021-03-04', source: 'Harbour Times', topics: ['Sea'] }),
  'b.md': article('Buoys', { date: '2022-07-01', source: 'harbour times', topics: ['Sea', 'Safety'] }),
  'c.md': article('Cranes', { date: '2022-12-31', source: 'Dock Weekly' }),
  'd.md': article('Dredgers', { date: '2023-01-01', source: 'Dock Weekly', topics: ['Machines'] }),
  'e.md': article('Éclusiers', { source: 'Canal Review' }),
  'f.md': article('Ferries')
}

async function open(files: Record<string, string> = FILES): Promise<LibrarySession> {
  await writeCorpus(corpus, files)
  const scan = await (await CorpusScanner.open(corpus)).scan()
  session = new LibrarySession(scan, await openCorpusStore(dataDir, scan.root), false, now)
  return session
}

const titles = (query: Partial<ParsedListQuery>) => session!.list({ sort: 'title', ...query }).articles.map((a) => a.title)

describe('library.list in the main process', () => {
  it.each<[string, Partial<ParsedListQuery>, string[]]>([
    ['everything by title', {}, ['Anchors', 'Buoys', 'Cranes', 'Dredgers', 'Éclusiers', 'Ferries']],
    ['newest first, undated last', { sort: 'date' }, ['Dredgers', 'Cranes', 'Buoys', 'Anchors', 'Éclusiers', 'Ferries']],
    ['a source, whatever its case', { source: 'HARBOUR TIMES' }, ['Anchors', 'Buoys']],
    ['a topic', { topic: 'sea' }, ['Anchors', 'Buoys']],
    ['from a day on (undated left out)', { from: '2022-07-01' }, ['Buoys', 'Cranes', 'Dredgers']],
    ['up to a day, inclusive', { to: '2022-12-31' }, ['Anchors', 'Buoys', 'Cranes']],
    ['a range', { from: '2022-01-01', to: '2022-12-31' }, ['Buoys', 'Cranes']],
    ['a title, ignoring accents', { query: 'eclu' }, ['Éclusiers']],
    ['filters together', { source: 'Dock Weekly', from: '2023-01-01' }, ['Dredgers']],
    ['nothing matches', { source: 'Nowhere' }, []]
  ])('%s', async (_name, query, expected) => {
    await open()
    expect(titles(query)).toEqual(expected)
  })

  // A publication date is the day the source gives, in whatever dialect it was written:
  // 00:30 at +02:00 on 1 May is 1 May, though it is 30 April in UTC.
  it.each<[string, Partial<ParsedListQuery>, string[]]>([
    ['on the day the source names (offset east of UTC)', { from: '2024-05-01', to: '2024-05-01' }, ['Jekyll', 'MarkDownload']],
    ['not on the UTC day before', { to: '2024-04-30' }, ['Seed']],
    ['newest first across dialects', { sort: 'date' }, ['Jekyll', 'MarkDownload', 'Seed']]
  ])('dates in every dialect: %s', async (_name, query, expected) => {
    await open({
      'j.md': article('Jekyll', { date: '2024-05-01 00:30:00 +0200' }),
      'm.md': article('MarkDownload', { date: '"2024-05-01T00:10:00 (UTC +02:00)"' }),
      's.md': article('Seed', { date: '2020-08-26T20:48:00Z' })
    })
    expect(titles(query)).toEqual(expected)
  })

  it('pages through the sorted rows, with the total of all that match', async () => {
    await open()
    const first = session!.list({ sort: 'title', offset: 0, limit: 4 })
    const rest = session!.list({ sort: 'title', offset: 4, limit: 4 })
    expect(first.total).toBe(6)
    expect(rest.total).toBe(6)
    expect([...first.articles, ...rest.articles].map((a) => a.title)).toEqual(titles({}))
    expect(session!.list({ sort: 'title', offset: 10, limit: 4 })).toEqual({ articles: [], total: 6 })
    expect(session!.list({ sort: 'date', source: 'Dock Weekly', offset: 1, limit: 1 }).articles.map((a) => a.title)).toEqual(['Cranes'])
  })

  it('filters by highlights, and lists the sources for the filter', async () => {
    await open()
    const buoys = session!.getArticle(articleIdFor('b.md'))
    session!.createHighlight({ articleId: buoys.id, start: 0, end: 4, color: 'yellow' })
    expect(titles({ hasHighlights: true })).toEqual(['Buoys'])
    expect(titles({ hasHighlights: false })).toEqual(['Anchors', 'Cranes', 'Dredgers', 'Éclusiers', 'Ferries'])
    expect(session!.sources()).toEqual(['Canal Review', 'Dock Weekly', 'Harbour Times'])
  })

  it('sorts again after the folder changes', async () => {
    await open()
    expect(titles({})).toHaveLength(6)
    await writeCorpus(corpus, { 'g.md': article('Gantries', { date: '2024-01-01' }) })
    const scan = await (await CorpusScanner.open(corpus)).scan()
    session!.applyScan(scan)
    expect(titles({ sort: 'date' })[0]).toBe('Gantries')
  })
})

describe('a session on a partial scan', () => {
  it('lists no missing articles and moves no annotations until the whole folder is read', async () => {
    await open()
    const buoys = session!.getArticle(articleIdFor('b.md'))
    session!.createHighlight({ articleId: buoys.id, start: 0, end: 4, color: 'yellow' })
    const full = session!.scan
    await session!.store.close()
    // The partial scan has not reached Buoys yet.
    const partial = { ...full, articles: full.articles.filter((a) => a.title !== 'Buoys') }
    session = new LibrarySession(partial, await openCorpusStore(dataDir, full.root), false, now, { partial: true })
    expect(session.scanning).toBe(true)
    expect(session.missingArticles()).toEqual([])
    expect(() => session!.removeMissing(buoys.id)).toThrow(/still being read/)
    session.applyScan(full)
    expect(session.scanning).toBe(false)
    expect(session.missingArticles()).toEqual([])
    expect(session.getArticle(buoys.id).highlights).toHaveLength(1)
    session.applyScan(partial)
    expect(session.missingArticles().map((m) => m.title)).toEqual(['Buoys'])
  })
})
