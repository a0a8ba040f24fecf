// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildArticle, buildHighlight } from '../../test-support/build-article'
import { ArticleBody } from './article-body'

afterEach(cleanup)

const renderBody = (article: ReturnType<typeof buildArticle>, highlights = article.highlights, onActivate = vi.fn()) => {
  const { container } = render(<ArticleBody blocks={article.blocks} highlights={highlights} onActivateHighlight={onActivate} />)
  return container.querySelector<HTMLElement>('[data-testid="article-body"]')!
}

describe('ArticleBody: hostile text stays text', () => {
  const hostile = [
    '<script>window.__pwned = true</script>',
    '<img src=x onerror="window.__pwned = true">',
    '<a href="javascript:alert(1)">click</a>'
  ]
  const article = buildArticle('x', [
    { type: 'heading', level: 2, text: hostile[0] },
    { type: 'paragraph', text: `Before ${hostile[1]} after` },
    { type: 'code', text: hostile[2] },
    { type: 'listItem', text: hostile[0], depth: 0 }
  ])

  it('shows markup literally and creates no elements from it', () => {
    const body = renderBody(article)
    expect(body.textContent).toContain(hostile[0])
    expect(body.textContent).toContain(hostile[1])
    expect(body.textContent).toContain(hostile[2])
    expect(body.querySelector('script, img, iframe, object')).toBeNull()
    expect(body.querySelector('a')).toBeNull()
    expect([...body.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))).toBe(false)
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined()
  })

  it('makes only http, https and mailto links clickable, with safe attributes', () => {
    const text = 'web mail js data rel'
    const linked = buildArticle('l', [
      {
        type: 'paragraph',
        text,
        marks: [
          { type: 'link', start: 0, end: 3, href: 'https://example.org/page' },
          { type: 'link', start: 4, end: 8, href: 'mailto:me@example.org' },
          { type: 'link', start: 9, end: 11, href: 'javascript:alert(1)' },
          { type: 'link', start: 12, end: 16, href: 'data:text/html,<script>1</script>' },
          { type: 'link', start: 17, end: 20, href: '../elsewhere.md' }
        ]
      }
    ])
    const body = renderBody(linked)
    const links = [...body.querySelectorAll('a')]
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['web', 'https://example.org/page'],
      ['mail', 'mailto:me@example.org']
    ])
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank')
      expect(a.getAttribute('rel')).toBe('noopener noreferrer')
    }
    expect(body.textContent).toBe(text)
  })
})

describe('ArticleBody: structure', () => {
  it('renders headings by level, quotes, code and inline marks, each block with data-start', () => {
    const article = buildArticle('s', [
      { type: 'heading', level: 3, text: 'A third-level heading' },
      {
        type: 'paragraph',
        text: 'plain em strong code gone',
        marks: [
          { type: 'emphasis', start: 6, end: 8 },
          { type: 'strong', start: 9, end: 15 },
          { type: 'code', start: 16, end: 20 },
          { type: 'strike', start: 21, end: 25 }
        ]
      },
      { type: 'quote', text: 'Said someone', depth: 0 },
      { type: 'code', text: 'const a = 1' }
    ])
    const body = renderBody(article)
    expect(body.querySelector('h3')?.textContent).toBe('A third-level heading')
    expect(body.querySelector('p em')?.textContent).toBe('em')
    expect(body.querySelector('p strong')?.textContent).toBe('strong')
    expect(body.querySelector('p code')?.textContent).toBe('code')
    expect(body.querySelector('p s')?.textContent).toBe('gone')
    expect(body.querySelector('blockquote p')?.textContent).toBe('Said someone')
    expect(body.querySelector('pre > code')?.textContent).toBe('const a = 1')
    const starts = [...body.querySelectorAll<HTMLElement>('[data-start]')].map((el) => [Number(el.dataset.start), el.textContent])
    expect(starts).toEqual(article.blocks.map((b) => [b.start, b.text]))
  })

  it('groups list items into nested <ul>/<ol> with numbers kept', () => {
    const article = buildArticle('l', [
      { type: 'paragraph', text: 'Intro' },
      { type: 'listItem', text: 'Bullet A', depth: 0, ordered: false },
      { type: 'listItem', text: 'Step 4', depth: 1, ordered: true, index: 4 },
      { type: 'listItem', text: 'Step 5', depth: 1, ordered: true, index: 5 },
      { type: 'listItem', text: 'Bullet B', depth: 0, ordered: false },
      { type: 'paragraph', text: 'Outro' }
    ])
    const body = renderBody(article)
    const ul = body.querySelector(':scope > ul')!
    expect([...ul.children].map((li) => li.tagName)).toEqual(['LI', 'LI'])
    const ol = ul.querySelector(':scope > li > ol')!
    expect(ol.getAttribute('start')).toBe('4')
    expect([...ol.querySelectorAll('li')].map((li) => [li.textContent, li.getAttribute('value')])).toEqual([
      ['Step 4', '4'],
      ['Step 5', '5']
    ])
    expect([...body.children].map((el) => el.tagName)).toEqual(['P', 'UL', 'P'])
  })
})

describe('ArticleBody: highlights', () => {
  const text = 'Alpha beta gamma delta epsilon'
  const article = buildArticle('h', [
    { type: 'paragraph', text },
    { type: 'paragraph', text: 'Second block here' }
  ])

  it('splits text at highlight boundaries and layers overlapping highlights', () => {
    const outer = { ...buildHighlight('h', article.text, 6, 22, 'yellow'), id: 'outer' }
    const inner = { ...buildHighlight('h', article.text, 11, 16, 'blue', { note: 'why' }), id: 'inner' }
    const tail = { ...buildHighlight('h', article.text, 17, 30, 'pink'), id: 'tail' }
    const body = renderBody(article, [tail, inner, outer])
    const p = body.querySelector('p')!
    expect(p.textContent).toBe(text)
    // Each run of text with the chain of highlight ids around it, outermost first.
    const runs = [...textNodes(p)].map((n) => [n.data, ancestorsIds(n, p)])
    expect(runs).toEqual([
      ['Alpha ', ''],
      ['beta ', 'outer'],
      ['gamma', 'outer>inner'],
      [' ', 'outer'],
      ['delta', 'outer>tail'],
      [' epsilon', 'tail']
    ])
    const innerMark = p.querySelector('mark[data-highlight-id="inner"]')!
    expect(innerMark.className).toContain('hl-blue')
    expect(innerMark.getAttribute('title')).toBe('Blue highlight with note')
    expect(p.querySelector('mark[data-highlight-id="outer"]')!.getAttribute('title')).toBe('Yellow highlight')
  })

  it('gives a highlight spanning blocks one tab stop, on its first piece', () => {
    const across = { ...buildHighlight('h', article.text, 23, article.blocks[1].start + 6), id: 'across' }
    const body = renderBody(article, [across])
    const marks = [...body.querySelectorAll<HTMLElement>('mark[data-highlight-id="across"]')]
    expect(marks.map((m) => m.textContent)).toEqual(['epsilon', 'Second'])
    expect(marks.map((m) => m.tabIndex)).toEqual([0, -1])
  })

  it('does not draw orphans in the text', () => {
    const orphan = { ...buildHighlight('h', article.text, 0, 5), anchor: null }
    expect(renderBody(article, [orphan]).querySelector('mark')).toBeNull()
  })

  it('activates a highlight on click and on Enter, but not after a drag-select or on a link', () => {
    const linked = buildArticle('k', [{ type: 'paragraph', text: 'see the site now', marks: [{ type: 'link', start: 8, end: 12, href: 'https://example.org' }] }])
    const h = { ...buildHighlight('k', linked.text, 0, 16), id: 'whole' }
    const onActivate = vi.fn()
    const body = renderBody(linked, [h], onActivate)
    const mark = body.querySelector<HTMLElement>('mark')!
    fireEvent.click(mark)
    expect(onActivate).toHaveBeenCalledWith('whole', mark)
    fireEvent.keyDown(mark, { key: 'Enter' })
    expect(onActivate).toHaveBeenCalledTimes(2)
    fireEvent.click(body.querySelector('a')!)
    expect(onActivate).toHaveBeenCalledTimes(2)
    const range = document.createRange()
    range.selectNodeContents(mark)
    window.getSelection()!.addRange(range)
    fireEvent.click(mark)
    expect(onActivate).toHaveBeenCalledTimes(2)
    window.getSelection()!.removeAllRanges()
  })
})

function* textNodes(root: Node): Generator<Text> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n as Text
}

function ancestorsIds(node: Node, stop: Element): string {
  const ids: string[] = []
  for (let el = node.parentElement; el && el !== stop; el = el.parentElement) {
    if (el.dataset.highlightId) ids.unshift(el.dataset.highlightId)
  }
  return ids.join('>')
}

describe('ArticleBody: every script', () => {
  it('lets each text block take its direction from its own text; code stays left to right', () => {
    const article = buildArticle('rtl', [
      { type: 'heading', level: 2, text: 'عنوان القسم' },
      { type: 'paragraph', text: 'قرأت المقالة في المكتبة العامة.' },
      { type: 'paragraph', text: 'An English paragraph between them.' },
      { type: 'quote', text: 'הספרייה פתוחה עד השעה שמונה.', depth: 0 },
      { type: 'listItem', text: 'بند في قائمة', depth: 0 },
      { type: 'code', text: 'const a = 1' }
    ])
    const body = renderBody(article)
    const direction = [...body.querySelectorAll<HTMLElement>('[data-start]')].map((el) => [el.textContent, el.getAttribute('dir')])
    expect(direction).toEqual([
      ['عنوان القسم', 'auto'],
      ['قرأت المقالة في المكتبة العامة.', 'auto'],
      ['An English paragraph between them.', 'auto'],
      ['הספרייה פתוחה עד השעה שמונה.', 'auto'],
      ['بند في قائمة', 'auto'],
      ['const a = 1', null]
    ])
  })
})
