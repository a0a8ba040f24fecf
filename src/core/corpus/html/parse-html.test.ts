import { describe, expect, it } from 'vitest'
import { articleParagraphs, savedPage } from '../../../../tests/fixtures/saved-pages'
import { seededRandom } from '../../../../tests/fixtures/seeded-random'
import { markdownToBlocks } from '../blocks'
import { parseHtmlDocument } from './parse-html'

const bytes = (html: string): Uint8Array => Buffer.from(html, 'utf8')
const parse = (html: string, path = 'pages/tide-clocks.html') => parseHtmlDocument(bytes(html), path)

function document(html: string, path?: string) {
  const result = parse(html, path)
  if (!result.ok) throw new Error(`expected an article, got: ${result.reason}`)
  return result.document
}

const paragraphs = articleParagraphs(5)

describe('parseHtmlDocument: a saved news page', () => {
  const page = savedPage({
    title: 'Two clocks on one quay',
    paragraphs,
    extraArticleHtml:
      '<h2>The vote</h2><ul><li>Keep harbour time</li><li>Take railway time</li></ul><blockquote><p>Time is what the tide says it is.</p></blockquote><pre><code>tide = moon + wind</code></pre><p>See <a href="/archive/1887">the 1887 minutes</a> and <a href="javascript:alert(1)">this</a>.</p><p><img src="data:image/png;base64,iVBORw0KGgo=" alt="The quay clock"></p>'
  })

  it('takes title, author, site, canonical URL, date, description and tags from the head', () => {
    const { metadata, title, format, hasMetadata } = document(page)
    expect({ title, format, hasMetadata }).toEqual({ title: 'Two clocks on one quay', format: 'html', hasMetadata: true })
    expect(metadata).toMatchObject({
      author: 'Maren Ostby',
      source: 'The Harbour Ledger',
      sourceUrl: 'https://ledger.example.org/2024/05/tide-clocks',
      published: '2024-05-01T00:30:00+02:00',
      excerpt: paragraphs[0].slice(0, 140),
      topics: ['harbours', 'timekeeping']
    })
  })

  it('keeps the article and leaves the chrome, scripts, forms and images out', () => {
    const { body } = document(page)
    for (const paragraph of paragraphs) expect(body).toContain(paragraph)
    for (const chrome of ['We use cookies', 'Accept all', 'Most read', 'Related', 'All rights reserved', 'Search the Ledger', 'Subscribe', '__savedPageRan', 'font-family', 'data:image']) {
      expect(body).not.toContain(chrome)
    }
  })

  it('becomes the reader’s blocks: headings, lists, quotes, code and links resolved against the page', () => {
    const { blocks } = markdownToBlocks(document(page).body)
    expect(blocks.map((b) => b.type)).toEqual(expect.arrayContaining(['paragraph', 'heading', 'listItem', 'quote', 'code']))
    expect(blocks.find((b) => b.type === 'heading')?.text).toBe('The vote')
    expect(blocks.filter((b) => b.type === 'listItem').map((b) => b.text)).toEqual(['Keep harbour time', 'Take railway time'])
    expect(blocks.find((b) => b.type === 'quote')?.text).toBe('Time is what the tide says it is.')
    expect(blocks.find((b) => b.type === 'code')?.text).toBe('tide = moon + wind')
    const links = blocks.flatMap((b) => b.marks.filter((m) => m.type === 'link').map((m) => [b.text.slice(m.start, m.end), m.href]))
    expect(links).toContainEqual(['the 1887 minutes', 'https://ledger.example.org/archive/1887'])
    expect(links.some(([, href]) => href?.startsWith('javascript:'))).toBe(false)
  })

  it('reads metadata from JSON-LD alone', () => {
    const { metadata, title } = document(savedPage({ title: 'Only in JSON-LD', paragraphs, metadata: 'json-ld', author: 'Ilse Varga', site: 'Quay Weekly' }))
    expect(title).toBe('Only in JSON-LD')
    expect(metadata).toMatchObject({ author: 'Ilse Varga', source: 'Quay Weekly', published: '2024-05-01T00:30:00+02:00', topics: ['harbours', 'timekeeping'] })
  })

  it('falls back to the page’s <title> and the file name', () => {
    expect(document(savedPage({ title: 'No meta at all', paragraphs, metadata: 'none' })).title).toBe('No meta at all | The Harbour Ledger')
  })
})

describe('parseHtmlDocument: charsets', () => {
  it.each([
    ['windows-1252', Buffer.from('caf\xe9 \x93quoted\x94', 'latin1'), 'café “quoted”'],
    ['shift_jis', Buffer.from([0x93, 0x8c, 0x8b, 0x9e]), '東京'],
    ['windows-1251', Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), 'Привет']
  ])('honours a declared %s', (charset, word, expected) => {
    const filler = articleParagraphs(4).join(' ')
    const html = Buffer.concat([
      Buffer.from(`<!doctype html><html><head><meta charset="${charset}"><title>Charset</title></head><body><article><h1>Charset</h1><p>`, 'latin1'),
      word,
      Buffer.from(` ${filler}</p><p>${filler}</p></article></body></html>`, 'latin1')
    ])
    const result = parseHtmlDocument(html, 'charset.html')
    expect(result.ok && result.document.body).toContain(expected)
    expect(result.ok && result.document.encodingNote).toBeNull()
  })

  it('reads the http-equiv form of the declaration', () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><title>Old</title></head><body><article><p>na\xefve ', 'latin1'),
      Buffer.from(`${articleParagraphs(4).join(' ')}</p></article></body></html>`, 'latin1')
    ])
    const result = parseHtmlDocument(html, 'old.htm')
    expect(result.ok && result.document.body).toContain('naïve')
  })
})

describe('parseHtmlDocument: pages that are not articles', () => {
  it.each([
    [
      'a sign-in page',
      '<!doctype html><html><head><title>Sign in</title></head><body><form><label>Email <input name="e"></label><label>Password <input type="password"></label><button>Sign in</button></form><p>Forgot your password?</p></body></html>',
      /^Not an article: /
    ],
    [
      'an index of links',
      `<!doctype html><html><head><title>Archive</title></head><body><main><ul>${Array.from({ length: 60 }, (_, i) => `<li><a href="/p/${i}">A saved story about the harbour, number ${i}</a></li>`).join('')}</ul></main></body></html>`,
      /^Not an article: /
    ],
    ['an empty file', '   \n', /^Empty file$/],
    ['binary bytes', '\u0000\u0001\u0002<html>', /^Binary file$/]
  ])('%s is a problem with a reason', (_name, html, reason) => {
    const result = parse(html)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(reason)
  })

  it.each([
    ['unclosed tags everywhere', `<html><body><article><p>${paragraphs.join('<p>')}<div><span><b>trailing`],
    ['no html or body element', paragraphs.map((p) => `<p>${p}`).join('\n')],
    ['stray closing tags and a broken comment', `</div></span><!-- never closed <p>${paragraphs.join('</p><p>')}`]
  ])('reads malformed HTML (%s) as far as it goes, never throwing', (_name, html) => {
    const result = parse(html, 'broken.html')
    expect(typeof result.ok).toBe('boolean')
    if (result.ok) expect(result.document.body).toContain(paragraphs[1].slice(0, 40))
    else expect(result.reason).toMatch(/^Not an article: /)
  })
})

describe('parseHtmlDocument: SingleFile pages', () => {
  it('reads a page whose images are inlined as data: URIs, keeping none of them', () => {
    const image = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAA'.repeat(20_000)}`
    const html = savedPage({
      title: 'Inlined images',
      paragraphs,
      extraArticleHtml: `<figure><img src="${image}" alt="The quay clock"><figcaption>The quay clock in 1890.</figcaption></figure><div style="background:url(${image})">Styled.</div>`
    })
    const { body } = document(html)
    expect(body).toContain('The quay clock in 1890.')
    expect(body).not.toContain('base64')
    expect(body.length).toBeLessThan(html.length / 100)
  })
})

describe('parseHtmlDocument: tag soup', () => {
  // Cut a real page at random places and splice its pieces back in random order:
  // whatever comes out, the answer is an article or a problem with a reason.
  it.each([1, 2, 3, 4, 5, 6])('never throws on shuffled page pieces (seed %i)', (seed) => {
    const random = seededRandom(seed)
    const page = savedPage({ title: 'Soup', paragraphs: articleParagraphs(6, seed) })
    const cuts = Array.from({ length: 12 }, () => Math.floor(random() * page.length)).sort((a, b) => a - b)
    const pieces = [0, ...cuts].map((start, i) => page.slice(start, cuts[i] ?? page.length))
    pieces.sort(() => random() - 0.5)
    const result = parse(pieces.join(''), 'soup.html')
    if (result.ok) expect(result.document.format).toBe('html')
    else expect(result.reason).toMatch(/^(Not an article: |The page could not be read: |Empty file)/)
  })
})
