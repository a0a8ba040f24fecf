// Tags end to end through the dispatcher, with real temp folders and database files:
// highlight and article tags, the corpus-wide list, rename and merge, the library
// filter, persistence, old files, moved files and the exports.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../shared/model'
import type { Gloss } from './gloss'
import { corpusStoreFile } from '../store/corpus-store'
import { articleTitled, callThrough, startTestGloss, tempDirs, type Call } from '../test-support/gloss-client'

const tempDir = tempDirs('tags')

const CORPUS: Record<string, string> = {
  'canals.md': '---\ntitle: Canals of the Low Country\ndate: 2022-03-01\ntags: [water]\n---\n\nThe locks were opened at dawn for the barges.\n\nA keeper logged each boat by its flag.\n',
  'kilns.md': '# Brick Kilns\n\nClay dug in autumn was left to weather through the winter.\n\nThe firing took nine days.\n',
  'orchard.txt': 'Orchard Diaries\n\nApples were counted twice a season.\n'
}

interface Session {
  gloss: Gloss
  call: Call
  corpus: string
  dataDir: string
  byTitle(title: string): Promise<Article>
}

async function start(corpus: string, dataDir: string, files: { save?: string; open?: string } = {}): Promise<Session> {
  const gloss = await startTestGloss(tempDir, {
    dataDir,
    initialFolder: corpus,
    dialogs: { chooseSavePath: async () => files.save ?? null, chooseOpenFile: async () => files.open ?? null }
  })
  const call = callThrough(gloss)
  const byTitle = (title: string) => articleTitled(call, title)
  return { gloss, call, corpus, dataDir, byTitle }
}

async function setup(): Promise<Session> {
  const corpus = await tempDir('corpus')
  for (const [rel, text] of Object.entries(CORPUS)) await writeFile(path.join(corpus, rel), text)
  return start(corpus, await tempDir('data'))
}

async function highlight(s: Session, title: string, quote: string) {
  const article = await s.byTitle(title)
  const start = article.text.indexOf(quote)
  return s.call('highlight.create', { articleId: article.id, start, end: start + quote.length, color: 'yellow' })
}

const titles = async (s: Session, tag: string) => (await s.call('library.list', { sort: 'title', tag })).articles.map((a) => a.title)

describe('highlight tags', () => {
  it('sets, replaces and clears the list, tidied and without a second spelling of a tag', async () => {
    const s = await setup()
    const h = await highlight(s, 'Brick Kilns', 'The firing took nine days.')
    expect(h.tags).toEqual([])
    const set = await s.call('highlight.update', { highlightId: h.id, tags: ['  History ', 'history', 'craft   work'] })
    expect(set.tags).toEqual(['History', 'craft work'])
    expect(set.note).toBe('')
    expect((await s.call('highlight.update', { highlightId: h.id, tags: ['kilns'] })).tags).toEqual(['kilns'])
    // A patch without tags leaves them alone.
    expect((await s.call('highlight.update', { highlightId: h.id, note: 'Nine!' })).tags).toEqual(['kilns'])
    expect((await s.byTitle('Brick Kilns')).highlights[0].tags).toEqual(['kilns'])
    expect((await s.call('highlight.update', { highlightId: h.id, tags: [] })).tags).toEqual([])
    await s.gloss.close()
  })

  it.each([
    ['an empty tag', ['ok', '  ']],
    ['a comma', ['a,b']],
    ['a line break', ['two\nlines']],
    ['a tag over 100 characters', ['x'.repeat(101)]]
  ])('refuses %s with BAD_INPUT and keeps the old tags', async (_name, tags) => {
    const s = await setup()
    const h = await highlight(s, 'Brick Kilns', 'The firing took nine days.')
    await s.call('highlight.update', { highlightId: h.id, tags: ['before'] })
    expect(await s.gloss.dispatch('highlight.update', { highlightId: h.id, tags })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const article = await s.call('article.get', { articleId: h.articleId })
    expect(article.highlights[0].tags).toEqual(['before'])
    expect(await s.gloss.dispatch('article.setTags', { articleId: h.articleId, tags })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await s.gloss.close()
  })
})

describe('article tags', () => {
  it('are the user\'s own, apart from the topics, listed with the article and kept when the note is cleared', async () => {
    const s = await setup()
    const canals = await s.byTitle('Canals of the Low Country')
    expect(canals.tags).toEqual([])
    expect(await s.call('article.setTags', { articleId: canals.id, tags: ['Trade', 'trade', 'Dutch history'] })).toEqual({ tags: ['Trade', 'Dutch history'] })
    const again = await s.call('article.get', { articleId: canals.id })
    expect(again.tags).toEqual(['Trade', 'Dutch history'])
    expect(again.topics).toEqual(['water'])
    const row = (await s.call('library.list', { sort: 'title' })).articles.find((a) => a.id === canals.id)!
    expect(row.tags).toEqual(['Trade', 'Dutch history'])
    await s.call('article.setNote', { articleId: canals.id, note: 'Compare with the Rhine.' })
    await s.call('article.setNote', { articleId: canals.id, note: '' })
    expect((await s.call('article.get', { articleId: canals.id })).tags).toEqual(['Trade', 'Dutch history'])
    // Clearing the tags keeps the note.
    await s.call('article.setNote', { articleId: canals.id, note: 'Still here.' })
    await s.call('article.setTags', { articleId: canals.id, tags: [] })
    expect(await s.call('article.get', { articleId: canals.id })).toMatchObject({ tags: [], note: 'Still here.' })
    expect(await s.gloss.dispatch('article.setTags', { articleId: 'nope', tags: ['x'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await s.gloss.close()
  })
})

describe('across the folder', () => {
  async function tagged(): Promise<Session & { ids: Record<string, string> }> {
    const s = await setup()
    const lock = await highlight(s, 'Canals of the Low Country', 'The locks were opened at dawn')
    const flag = await highlight(s, 'Canals of the Low Country', 'logged each boat by its flag')
    const clay = await highlight(s, 'Brick Kilns', 'Clay dug in autumn')
    await s.call('highlight.update', { highlightId: lock.id, tags: ['History', 'water'] })
    await s.call('highlight.update', { highlightId: flag.id, tags: ['history', 'Old ways'] })
    await s.call('highlight.update', { highlightId: clay.id, tags: ['craft'] })
    const orchard = await s.byTitle('Orchard Diaries')
    await s.call('article.setTags', { articleId: orchard.id, tags: ['HISTORY', 'old ways'] })
    return { ...s, ids: { lock: lock.id, flag: flag.id, clay: clay.id, orchard: orchard.id, canals: lock.articleId, kilns: clay.articleId } }
  }

  it('tags.list counts highlights and articles per tag, first spelling, most used first', async () => {
    const s = await tagged()
    expect(await s.call('tags.list', {})).toEqual([
      { tag: 'History', highlights: 2, articles: 1 },
      { tag: 'Old ways', highlights: 1, articles: 1 },
      { tag: 'craft', highlights: 1, articles: 0 },
      { tag: 'water', highlights: 1, articles: 0 }
    ])
    await s.gloss.close()
  })

  it('the library filter keeps articles tagged themselves or through a highlight, in any case', async () => {
    const s = await tagged()
    expect(await titles(s, 'history')).toEqual(['Canals of the Low Country', 'Orchard Diaries'])
    expect(await titles(s, 'CRAFT')).toEqual(['Brick Kilns'])
    expect(await titles(s, 'nothing')).toEqual([])
    // The file's topic "water" is not a user tag of the article, but a highlight carries it.
    expect(await titles(s, 'water')).toEqual(['Canals of the Low Country'])
    expect((await s.call('library.list', { sort: 'title', tag: 'old ways', query: 'orchard' })).total).toBe(1)
    await s.gloss.close()
  })

  it('renames a tag everywhere, and merges into an existing one (any case) so no item has it twice', async () => {
    const s = await tagged()
    expect(await s.call('tags.rename', { from: 'craft', to: 'Crafts' })).toEqual({ highlights: 1, articles: 0 })
    expect((await s.call('article.get', { articleId: s.ids.kilns })).highlights[0].tags).toEqual(['Crafts'])
    // "old ways" into "history": the flag highlight and the orchard had both.
    expect(await s.call('tags.rename', { from: 'OLD WAYS', to: 'history' })).toEqual({ highlights: 1, articles: 1 })
    const canals = await s.call('article.get', { articleId: s.ids.canals })
    expect(canals.highlights.map((h) => h.tags)).toEqual([['history', 'water'], ['history']])
    expect((await s.call('article.get', { articleId: s.ids.orchard })).tags).toEqual(['history'])
    expect(await s.call('tags.list', {})).toEqual([
      { tag: 'history', highlights: 2, articles: 1 },
      { tag: 'Crafts', highlights: 1, articles: 0 },
      { tag: 'water', highlights: 1, articles: 0 }
    ])
    expect(await s.gloss.dispatch('tags.rename', { from: 'nowhere', to: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await s.gloss.dispatch('tags.rename', { from: 'water', to: 'a,b' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await s.gloss.close()
  })

  it.each([
    // The flag highlight and the orchard carry both: each counts once, not once per tag.
    ['two tags on the same items', 'OLD WAYS', 'history', { highlights: 2, articles: 1 }],
    ['two tags on different items', 'craft', 'water', { highlights: 2, articles: 0 }],
    ['a tag into itself in another case', 'history', 'HISTORY', { highlights: 2, articles: 1 }]
  ])('the merge preview counts distinct items carrying either tag: %s', async (_name, from, to, expected) => {
    const s = await tagged()
    const before = await s.call('tags.list', {})
    expect(await s.call('tags.mergePreview', { from, to })).toEqual(expected)
    // A read: nothing changed.
    expect(await s.call('tags.list', {})).toEqual(before)
    await s.gloss.close()
  })

  it('the merge preview refuses a name that is not a tag', async () => {
    const s = await tagged()
    expect(await s.gloss.dispatch('tags.mergePreview', { from: 'water', to: 'a,b' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await s.gloss.close()
  })

  it('deletes a tag everywhere', async () => {
    const s = await tagged()
    expect(await s.call('tags.delete', { tag: 'history' })).toEqual({ highlights: 2, articles: 1 })
    expect((await s.call('tags.list', {})).map((t) => t.tag)).toEqual(['Old ways', 'craft', 'water'])
    expect(await titles(s, 'history')).toEqual([])
    await s.gloss.close()
  })

  it('keeps tags across a restart', async () => {
    const s = await tagged()
    const before = await s.call('tags.list', {})
    await s.gloss.close()
    const again = await start(s.corpus, s.dataDir)
    expect(await again.call('tags.list', {})).toEqual(before)
    expect((await again.call('article.get', { articleId: s.ids.orchard })).tags).toEqual(['HISTORY', 'old ways'])
    await again.gloss.close()
  })

  it('tags follow a renamed file, with its highlights', async () => {
    const s = await tagged()
    await s.gloss.close()
    await mkdir(path.join(s.corpus, 'fruit'))
    await rename(path.join(s.corpus, 'orchard.txt'), path.join(s.corpus, 'fruit', 'orchard-diaries.txt'))
    const again = await start(s.corpus, s.dataDir)
    const moved = await again.byTitle('Orchard Diaries')
    expect(moved.id).not.toBe(s.ids.orchard)
    expect(moved.tags).toEqual(['HISTORY', 'old ways'])
    expect(await titles(again, 'old ways')).toEqual(['Canals of the Low Country', 'Orchard Diaries'])
    await again.gloss.close()
  })

  it('exports tags: Markdown as Obsidian tags, JSON as tagging bodies that import back', async () => {
    const s = await tagged()
    const { markdown } = await s.call('export.markdown', { scope: 'article', articleId: s.ids.canals })
    expect(markdown).toContain('\n#History #water\n')
    expect(markdown).toContain('\n#history #Old-ways\n')
    const orchard = await s.call('export.preview', { scope: 'article', articleId: s.ids.orchard, format: 'md' })
    expect(orchard.content).toMatch(/tags:\n {2}- "HISTORY"\n {2}- "old-ways"/)
    const json = (await s.call('export.preview', { scope: 'corpus', format: 'json' })).content
    const items = JSON.parse(json).first.items as Array<{ motivation: string; body: Array<{ purpose: string; value: string }> }>
    expect(items.find((a) => a.motivation === 'tagging')?.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'HISTORY' },
      { type: 'TextualBody', purpose: 'tagging', value: 'old ways' }
    ])
    await s.gloss.close()
  })
})

describe('search', () => {
  it('finds a highlight and an article by their tags, the snippet saying so', async () => {
    const s = await setup()
    const h = await highlight(s, 'Brick Kilns', 'Clay dug in autumn')
    await s.call('highlight.update', { highlightId: h.id, tags: ['Ceramics'] })
    const orchard = await s.byTitle('Orchard Diaries')
    await s.call('article.setTags', { articleId: orchard.id, tags: ['pomology'] })
    const byTag = async (query: string) => (await s.call('search.query', { query })).results.map((r) => [r.title, r.kind, r.highlightId, r.snippet.text])
    expect(await byTag('ceramics')).toEqual([['Brick Kilns', 'highlight', h.id, 'Tags: Ceramics']])
    expect(await byTag('pomology')).toEqual([['Orchard Diaries', 'note', null, 'Tags: pomology']])
    await s.gloss.close()
  })
})

describe('JSON round trip', () => {
  it('export → import into a fresh data folder → export gives the same tags and the same file', async () => {
    const out = await tempDir('out')
    const file = path.join(out, 'notes.json')
    const s = await setup()
    const h = await highlight(s, 'Canals of the Low Country', 'The locks were opened at dawn')
    await s.call('highlight.update', { highlightId: h.id, tags: ['History', 'Cold war'] })
    const orchard = await s.byTitle('Orchard Diaries')
    await s.call('article.setTags', { articleId: orchard.id, tags: ['fruit', 'Diaries'] })
    await s.call('article.setTags', { articleId: h.articleId, tags: ['Trade'] })
    await s.gloss.close()
    const exporter = await start(s.corpus, s.dataDir, { save: file })
    await exporter.call('export.run', { scope: 'corpus', format: 'json' })
    await exporter.gloss.close()
    const original = await readFile(file, 'utf8')

    const fresh = await start(s.corpus, await tempDir('fresh'), { open: file, save: path.join(out, 'again.json') })
    const { report } = await fresh.call('import.annotations', {})
    expect(report).toMatchObject({ imported: 3, updated: 0, duplicates: 0 })
    expect((await fresh.call('article.get', { articleId: orchard.id })).tags).toEqual(['fruit', 'Diaries'])
    const canals = await fresh.call('article.get', { articleId: h.articleId })
    expect(canals.tags).toEqual(['Trade'])
    expect(canals.highlights[0].tags).toEqual(['History', 'Cold war'])
    expect((await fresh.call('import.annotations', {})).report).toMatchObject({ imported: 0, updated: 0, duplicates: 3 })
    await fresh.call('export.run', { scope: 'corpus', format: 'json' })
    const untimed = (text: string) => {
      const { id: _id, generated: _generated, last: _last, first: { id: _page, partOf: _partOf, ...page }, ...rest } = JSON.parse(text)
      return { ...rest, first: page }
    }
    expect(untimed(await readFile(path.join(out, 'again.json'), 'utf8'))).toEqual(untimed(original))
    await fresh.gloss.close()
  })
})

describe('store files', () => {
  it('an old store file without any tags loads, every list empty', async () => {
    const corpus = await tempDir('corpus')
    for (const [rel, text] of Object.entries(CORPUS)) await writeFile(path.join(corpus, rel), text)
    const dataDir = await tempDir('data')
    const first = await start(corpus, dataDir)
    const h = await highlight(first, 'Brick Kilns', 'The firing took nine days.')
    await first.call('article.setNote', { articleId: h.articleId, note: 'Old note.' })
    await first.gloss.close()
    // Written as Gloss did before tags existed.
    const file = corpusStoreFile(dataDir, first.corpus)
    const data = JSON.parse(await readFile(file, 'utf8'))
    for (const stored of data.highlights) delete stored.tags
    for (const note of Object.values(data.articleNotes) as Array<Record<string, unknown>>) delete note.tags
    await writeFile(file, JSON.stringify(data))
    const again = await start(corpus, dataDir)
    const article = await again.call('article.get', { articleId: h.articleId })
    expect(article).toMatchObject({ note: 'Old note.', tags: [] })
    expect(article.highlights.map((x) => x.tags)).toEqual([[]])
    expect(await again.call('tags.list', {})).toEqual([])
    expect((await again.call('library.current', {}))!.storeNotice).toBeNull()
    await again.gloss.close()
  })
})
