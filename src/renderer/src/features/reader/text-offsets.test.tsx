// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { buildArticle, buildHighlight } from '../../test-support/build-article'
import { ArticleBody } from './article-body'
import { domPointAt, selectionToTextRange, textOffsetAt, trimRange } from './text-offsets'

afterEach(cleanup)

// "Some emphasised and strong nested words" with <em>, <strong> and <em> inside <strong>.
const article = buildArticle('a', [
  { type: 'heading', level: 2, text: 'First heading' },
  {
    type: 'paragraph',
    text: 'Some emphasised and strong nested words',
    marks: [
      { type: 'emphasis', start: 5, end: 15 },
      { type: 'strong', start: 20, end: 33 },
      { type: 'emphasis', start: 27, end: 33 }
    ]
  },
  { type: 'listItem', text: 'Apples', depth: 0, ordered: false },
  { type: 'listItem', text: 'Green ones', depth: 1, ordered: false },
  { type: 'listItem', text: 'Pears', depth: 0, ordered: false },
  { type: 'code', text: 'let x = 1\nlet y = 2' },
  { type: 'quote', text: 'Quoted line', depth: 0 }
])
const [heading, para, apples, green, pears, code, quote] = article.blocks

function setup(withHighlights = true) {
  const highlights = withHighlights
    ? [buildHighlight('a', article.text, para.start + 10, green.start + 3), buildHighlight('a', article.text, para.start + 12, para.start + 25, 'pink')]
    : []
  const { container } = render(
    <div>
      <p id="outside-before">Before the body</p>
      <ArticleBody blocks={article.blocks} highlights={highlights} />
      <p id="outside-after">After the body</p>
    </div>
  )
  const root = container.querySelector<HTMLElement>('[data-testid="article-body"]')!
  const blockEl = (start: number) => root.querySelector<HTMLElement>(`[data-start="${start}"]`)!
  /**
   * The DOM point of the character where `needle` starts (plus `delta`) in the block,
   * found by walking the block's text nodes independently of the code under test. A
   * point on a node boundary is given as the start of the later node.
   */
  const textPoint = (start: number, needle: string, delta = 0) => {
    const nodes: Text[] = []
    const walker = document.createTreeWalker(blockEl(start), NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
    const full = nodes.map((n) => n.data).join('')
    if (!full.includes(needle)) throw new Error(`no text ${needle}`)
    let target = full.indexOf(needle) + delta
    for (const [i, n] of nodes.entries()) {
      if (target < n.data.length || (target === n.data.length && i === nodes.length - 1)) return { node: n as Node, offset: target }
      target -= n.data.length
    }
    throw new Error('past the end')
  }
  return { root, container, blockEl, textPoint }
}

describe.each([
  ['plain DOM', false],
  ['DOM split by highlight marks', true]
])('text offsets over %s', (_name, withHighlights) => {
  it('round-trips every offset of every block', () => {
    const { root } = setup(withHighlights)
    for (const block of article.blocks) {
      for (let i = 0; i <= block.text.length; i++) {
        const point = domPointAt(root, block.start + i)!
        expect(point.node.nodeType).toBe(Node.TEXT_NODE)
        expect(textOffsetAt(root, point.node, point.offset)).toBe(block.start + i)
      }
    }
  })

  it.each([
    { name: 'start of a text node inside <em>', at: (s: Setup) => s.textPoint(para.start, 'emphasised'), expected: para.start + 5 },
    { name: 'inside <em> nested in <strong>', at: (s: Setup) => s.textPoint(para.start, 'nested', 3), expected: para.start + 30 },
    { name: 'the element boundary after <strong>', at: (s: Setup) => afterLast(s.blockEl(para.start).querySelectorAll('strong')), expected: para.start + 33 },
    { name: 'the start of the body', at: (s: Setup) => ({ node: s.root, offset: 0 }), expected: 0 },
    { name: 'the end of the body', at: (s: Setup) => ({ node: s.root, offset: s.root.childNodes.length }), expected: article.text.length },
    { name: 'between two top-level blocks', at: (s: Setup) => ({ node: s.root, offset: 1 }), expected: para.start },
    { name: 'between list items (in the <ul>)', at: (s: Setup) => ({ node: s.root.querySelector('ul')!, offset: 1 }), expected: pears.start },
    { name: 'after an item text, before its sub-list', at: (s: Setup) => ({ node: s.blockEl(apples.start).parentElement!, offset: 1 }), expected: green.start },
    { name: 'the end of a block element', at: (s: Setup) => ({ node: s.blockEl(heading.start), offset: s.blockEl(heading.start).childNodes.length }), expected: heading.start + heading.text.length },
    { name: 'inside a code block', at: (s: Setup) => s.textPoint(code.start, 'y ='), expected: code.start + 14 }
  ])('maps $name', ({ at, expected }) => {
    const s = setup(withHighlights)
    const { node, offset } = at(s)
    expect(textOffsetAt(s.root, node, offset)).toBe(expected)
  })
})

type Setup = ReturnType<typeof setup>
/** The boundary point just after the last of these elements, expressed in its parent. */
const afterLast = (elements: NodeListOf<Element>) => {
  const el = elements[elements.length - 1]
  return { node: el.parentNode!, offset: Array.prototype.indexOf.call(el.parentNode!.childNodes, el) + 1 }
}

describe('selectionToTextRange', () => {
  const cases: Array<{ name: string; range: (s: Setup) => Range; expected: { start: number; end: number } | null }> = [
    {
      name: 'a word of plain text',
      range: (s) => rangeOf(s.textPoint(heading.start, 'heading'), s.textPoint(heading.start, 'heading', 7)),
      expected: { start: heading.start + 6, end: heading.start + 13 }
    },
    {
      name: 'across nested marks',
      range: (s) => rangeOf(s.textPoint(para.start, 'phasised', 0), s.textPoint(para.start, 'nested', 3)),
      expected: { start: para.start + 7, end: para.start + 30 }
    },
    {
      name: 'several blocks, from a heading into a list',
      range: (s) => rangeOf(s.textPoint(heading.start, 'heading'), s.textPoint(apples.start, 'les')),
      expected: { start: heading.start + 6, end: apples.start + 3 }
    },
    {
      name: 'ending at the start of the next block (triple-click), trimmed back',
      range: (s) => rangeOf({ node: s.blockEl(quote.start).firstChild!, offset: 0 }, { node: s.root, offset: s.root.childNodes.length }),
      expected: { start: quote.start, end: quote.start + quote.text.length }
    },
    {
      name: 'a whole paragraph ending at offset 0 of the following block',
      range: (s) => rangeOf({ node: s.blockEl(para.start), offset: 0 }, { node: s.blockEl(apples.start), offset: 0 }),
      expected: { start: para.start, end: para.start + para.text.length }
    },
    {
      name: 'starting before the body (clamped to its start)',
      range: (s) => rangeOf({ node: s.container.querySelector('#outside-before')!.firstChild!, offset: 3 }, s.textPoint(heading.start, 'heading')),
      expected: { start: 0, end: heading.start + 5 }
    },
    {
      name: 'ending after the body (clamped to its end)',
      range: (s) => rangeOf(s.textPoint(quote.start, 'line'), { node: s.container.querySelector('#outside-after')!.firstChild!, offset: 2 }),
      expected: { start: quote.start + 7, end: article.text.length }
    },
    {
      name: 'only the gap between two blocks',
      range: (s) => rangeOf({ node: s.root, offset: 1 }, { node: s.root, offset: 1 }),
      expected: null
    },
    {
      name: 'entirely outside the body',
      range: (s) => rangeOf({ node: s.container.querySelector('#outside-before')!.firstChild!, offset: 0 }, { node: s.container.querySelector('#outside-before')!.firstChild!, offset: 6 }),
      expected: null
    },
    {
      name: 'only whitespace inside a block',
      range: (s) => rangeOf(s.textPoint(para.start, ' and', 0), s.textPoint(para.start, ' and', 1)),
      expected: null
    }
  ]

  it.each(cases)('$name', ({ range, expected }) => {
    const s = setup()
    expect(selectionToTextRange(s.root, range(s), article.text)).toEqual(expected)
  })

  it('a selection of a highlighted word gives the word’s own offsets', () => {
    const s = setup()
    const r = rangeOf(s.textPoint(para.start, 'strong'), s.textPoint(para.start, 'strong', 6))
    const range = selectionToTextRange(s.root, r, article.text)!
    expect(article.text.slice(range.start, range.end)).toBe('strong')
  })
})

describe('selectionToTextRange with a block left out of the display', () => {
  it('clamps a boundary outside the body to the first rendered block, not to offset 0', () => {
    const { container } = render(
      <div>
        <p id="before">Title shown elsewhere</p>
        <ArticleBody blocks={article.blocks.slice(1)} highlights={[]} />
      </div>
    )
    const root = container.querySelector<HTMLElement>('[data-testid="article-body"]')!
    const first = root.querySelector<HTMLElement>(`[data-start="${para.start}"]`)!
    const r = rangeOf({ node: container.querySelector('#before')!.firstChild!, offset: 2 }, { node: first.firstChild!, offset: 4 })
    expect(selectionToTextRange(root, r, article.text)).toEqual({ start: para.start, end: para.start + 4 })
  })
})

describe('trimRange', () => {
  it.each([
    ['  word  ', 0, 8, { start: 2, end: 6 }],
    ['a\n\nb', 0, 3, { start: 0, end: 1 }],
    ['   ', 0, 3, null],
    ['abc', 2, 2, null],
    ['abc', -5, 99, { start: 0, end: 3 }]
  ])('%j [%i, %i)', (text, start, end, expected) => {
    expect(trimRange(text, start, end)).toEqual(expected)
  })
})

function rangeOf(from: { node: Node; offset: number }, to: { node: Node; offset: number }): Range {
  const range = document.createRange()
  range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  return range
}
