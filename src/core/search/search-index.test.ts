import { describe, expect, it } from 'vitest'
import { SearchIndex, type IndexedAnnotation, type IndexedArticle } from './search-index'

const article = (id: string, title: string, body: string, extra: Partial<IndexedArticle> = {}): IndexedArticle => ({
  id,
  title,
  source: null,
  author: null,
  topics: [],
  body,
  format: 'text',
  file: `${id}.txt`,
  ...extra
})

const filler = 'The council met on Tuesday and talked about the budget for the coming year.'

function library(): SearchIndex {
  const index = new SearchIndex()
  index.upsertArticles([
    article('title', 'Lighthouse keepers retire', `${filler}\n\n${filler}`),
    article('body', 'A quiet week in town', `${filler}\n\nOld lighthouse keepers told stories by the stove.`),
    article('fuzzy', 'Nothing here', `${filler}\n\nThe lighthousr was misspelt in the print edition.`),
    article('accents', 'Café culture', 'People drink coffee in the café near the harbour.', { topics: ['Food'], source: 'Harbour Times' })
  ])
  return index
}

const ids = (index: SearchIndex, query: string): string[] => index.search(query).results.map((r) => r.articleId)

describe('SearchIndex ranking', () => {
  it.each([
    ['a title match beats a body match', 'lighthouse', ['title', 'body']],
    ['an exact match beats a fuzzy one', 'lighthouse', ['body', 'fuzzy']],
    ['an exact match of a misspelling beats the correct word found fuzzily', 'lighthousr', ['fuzzy', 'body']]
  ])('%s', (_name, query, [better, worse]) => {
    const found = ids(library(), query)
    expect(found).toContain(better)
    expect(found).toContain(worse)
    expect(found.indexOf(better)).toBeLessThan(found.indexOf(worse))
  })
})

describe('SearchIndex matching', () => {
  it.each([
    ['a prefix', 'lighth', 'body'],
    ['one typo', 'lighthoise', 'body'],
    ['a dropped letter', 'stries', 'body'],
    ['another case and accents', 'CAFE', 'accents'],
    ['the source', 'harbour times', 'accents'],
    ['a topic', 'food', 'accents']
  ])('finds %s', (_name, query, expected) => {
    expect(ids(library(), query)).toContain(expected)
  })

  it.each([['lig'], ['zzzz'], ['   '], ['!!']])('finds nothing unrelated for %j', (query) => {
    expect(ids(library(), query).filter((id) => id !== 'title' && id !== 'body' && id !== 'fuzzy')).toEqual([])
  })

  it('needs every word when some article has them all', () => {
    expect(ids(library(), 'lighthouse stove')).toEqual(['body'])
  })
})

describe('SearchIndex approximate matches', () => {
  const garden = () => {
    const index = new SearchIndex()
    index.upsertArticles([
      // "computing" is one letter from "composting" in MiniSearch's eyes; its title weighs three times more.
      article('computing', 'Computing at the allotment', `${filler}\n\nComputing the yield of each bed.`),
      article('compost', 'A quiet week', `${filler}\n\nComposting kitchen waste through the winter.`)
    ])
    return index
  }

  it('marks a result found only with a typo as approximate and ranks it below the exact ones', () => {
    const { results } = garden().search('composting')
    expect(results.map((r) => [r.articleId, r.approximate])).toEqual([
      ['compost', false],
      ['computing', true]
    ])
  })

  it.each([
    ['the word as typed', 'lighthouse', 'body', false],
    ['a prefix', 'lighth', 'body', false],
    ['one typo', 'lighthoise', 'body', true]
  ])('%s is %s', (_name, query, id, approximate) => {
    const result = library().search(query).results.find((r) => r.articleId === id)
    expect(result?.approximate).toBe(approximate)
  })
})

describe('SearchIndex snippets', () => {
  it('marks the matched words and gives the offset of the match in the text', () => {
    const [result] = library().search('stories stove').results
    expect(result.kind).toBe('article')
    const marked = result.snippet.marks.map((m) => result.snippet.text.slice(m.start, m.end))
    expect(marked).toEqual(['stories', 'stove'])
    const text = `${filler}\n\nOld lighthouse keepers told stories by the stove.`
    expect(text.slice(result.offset!, result.offset! + 'stories'.length)).toBe('stories')
    expect(result.snippet.text.length).toBeLessThanOrEqual(160)
  })

  it('offsets refer to the reader text of Markdown (markup removed)', () => {
    const index = new SearchIndex()
    index.upsertArticles([article('md', 'Markdown', '# Heading\n\nSome **bold** words and a [link](https://example.com) to zanzibar.', { format: 'markdown' })])
    const [result] = index.search('zanzibar').results
    const text = 'Heading\n\nSome bold words and a link to zanzibar.'
    expect(text.slice(result.offset!, result.offset! + 8)).toBe('zanzibar')
  })

  it('cuts a window around a match deep in a long text', () => {
    const index = new SearchIndex()
    const long = `${filler} `.repeat(200) + 'The word quixotic appears once. ' + `${filler} `.repeat(50)
    index.upsertArticles([article('long', 'Long', long)])
    const [result] = index.search('quixotic').results
    expect(result.snippet.text).toContain('quixotic')
    expect(result.snippet.text.length).toBeLessThanOrEqual(160)
    expect(result.snippet.marks).toHaveLength(1)
    expect(long.slice(result.offset!, result.offset! + 8)).toBe('quixotic')
  })
})

describe('SearchIndex incremental updates', () => {
  const note = (articleId: string, text: string): IndexedAnnotation => ({ articleId, kind: 'note', highlightId: null, quote: '', note: text, offset: null })
  const highlight = (articleId: string, id: string, quote: string, text = ''): IndexedAnnotation => ({
    articleId,
    kind: 'highlight',
    highlightId: id,
    quote,
    note: text,
    offset: 3
  })

  it('follows edited, added and removed articles', () => {
    const index = library()
    index.upsertArticles([article('body', 'A quiet week in town', 'Now it is about marmalade.')])
    expect(ids(index, 'stove')).toEqual([])
    expect(ids(index, 'marmalade')).toEqual(['body'])
    index.upsertArticles([article('new', 'New one', 'Pelicans arrived early.')])
    expect(ids(index, 'pelicans')).toEqual(['new'])
    index.removeArticles(['new'])
    expect(ids(index, 'pelicans')).toEqual([])
    expect(index.articleCount).toBe(4)
  })

  it('finds highlight notes and article notes as they are written, and forgets deleted ones', () => {
    const index = library()
    expect(ids(index, 'serendipity')).toEqual([])
    index.setAnnotations([highlight('body', 'h1', 'Old lighthouse keepers', 'serendipity at sea'), note('title', 'Ask about serendipity')])
    const results = index.search('serendipity').results
    expect(results.map((r) => [r.articleId, r.kind, r.highlightId]).sort()).toEqual([
      ['body', 'highlight', 'h1'],
      ['title', 'note', null]
    ])
    const fromHighlight = results.find((r) => r.kind === 'highlight')!
    expect(fromHighlight.offset).toBe(3)
    expect(fromHighlight.snippet.marks.map((m) => fromHighlight.snippet.text.slice(m.start, m.end))).toEqual(['serendipity'])
    index.setAnnotations([highlight('body', 'h1', 'Old lighthouse keepers', 'changed my mind')])
    expect(ids(index, 'serendipity')).toEqual([])
    expect(ids(index, 'changed mind')).toEqual(['body'])
  })

  it('leaves out annotations of articles that are not in the folder', () => {
    const index = library()
    index.setAnnotations([note('gone', 'orphaned musing')])
    expect(index.search('musing').total).toBe(0)
  })
})

// Chinese and Japanese write no spaces: a word inside a sentence must still be found,
// in the index and the query alike, with its match marked in the snippet.
describe('SearchIndex in scripts without spaces', () => {
  const cjk = (): SearchIndex => {
    const index = new SearchIndex()
    index.upsertArticles([
      article('zh', '城市笔记', '周末我们在图书馆读书，然后去公园散步。老师说阅读让人安静。'),
      article('ja', '旅の記録', '昨日は東京の図書館で本を読みました。とても静かでした。'),
      article('en', 'Harbour notes', 'Nothing in Chinese here.')
    ])
    return index
  }

  it.each([
    ['a Chinese word mid-sentence', '公园', ['zh']],
    ['another one', '散步', ['zh']],
    ['a longer word, segmented the same way both times', '图书馆', ['zh']],
    ['a Japanese word mid-sentence', '図書館', ['ja']],
    ['a Japanese place name', '東京', ['ja']]
  ])('finds %s', (_name, query, expected) => {
    expect(ids(cjk(), query)).toEqual(expected)
  })

  it('marks the word inside the sentence in the snippet', () => {
    const [result] = cjk().search('公园').results
    const { text, marks } = result.snippet
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual(['公园'])
  })
})
