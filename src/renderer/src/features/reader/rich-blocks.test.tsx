// @vitest-environment jsdom
// Tables, task items, rules, footnotes and the inline HTML marks as the reader shows
// them; the block shapes are those core/corpus/blocks.ts produces (see its header).
import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { buildArticle, buildHighlight } from '../../test-support/build-article'
import { ArticleBody } from './article-body'
import { domPointAt, selectionToTextRange, textOffsetAt } from './text-offsets'

afterEach(cleanup)

const bodyOf = (article: ReturnType<typeof buildArticle>, highlights = article.highlights) => {
  const { container } = render(<ArticleBody blocks={article.blocks} highlights={highlights} />)
  return container.querySelector<HTMLElement>('[data-testid="article-body"]')!
}

// 'Intro.' is block 0 (0–6); the table starts at 8.
const tableArticle = buildArticle('t', [
  { type: 'paragraph', text: 'Intro.' },
  { type: 'table', text: 'Port\tDepth\nBrest\t12 m\n\tshallow', align: ['none', 'right'], marks: [{ type: 'strong', start: 17, end: 19 }] }
])

describe('tables', () => {
  it('render as a real table in a scrolling wrapper, header row first, alignment kept', () => {
    const body = bodyOf(tableArticle)
    const wrapper = body.querySelector('.table-scroll')!
    expect(wrapper.querySelector('table')).not.toBeNull()
    expect([...wrapper.querySelectorAll('th')].map((c) => c.textContent)).toEqual(['Port', 'Depth'])
    expect([...wrapper.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['Brest', '12 m'],
      ['', 'shallow']
    ])
    expect(wrapper.querySelectorAll('td')[1].getAttribute('style')).toContain('right')
    expect(wrapper.querySelector('td strong')?.textContent).toBe('12')
  })

  it('each cell maps to its own offsets in the article text', () => {
    const body = bodyOf(tableArticle)
    const text = tableArticle.text
    for (const cell of body.querySelectorAll<HTMLElement>('td [data-start], th [data-start]')) {
      const start = Number(cell.dataset.start)
      expect(text.slice(start, start + cell.textContent!.length)).toBe(cell.textContent)
      const point = domPointAt(body, start + cell.textContent!.length)!
      expect(textOffsetAt(body, point.node, point.offset)).toBe(start + cell.textContent!.length)
    }
  })

  it('a selection across cells is the text between them, and its highlight draws in each cell', () => {
    const body = bodyOf(tableArticle)
    const text = tableArticle.text
    const cells = [...body.querySelectorAll<HTMLElement>('td [data-start]')]
    const range = document.createRange()
    range.setStart(cells[0].firstChild!, 2) // 'Br|est'
    range.setEnd(cells[1].querySelector('strong')!.firstChild!, 2) // '12|'
    const selected = selectionToTextRange(body, range, text)!
    expect(text.slice(selected.start, selected.end)).toBe('est\t12')
    cleanup()
    const h = buildHighlight('t', text, selected.start, selected.end)
    const drawn = bodyOf(tableArticle, [h])
    expect([...drawn.querySelectorAll('mark[data-highlight-id]')].map((m) => m.textContent)).toEqual(['est', '12'])
    // One tab stop per highlight, however many cells it spans.
    expect(drawn.querySelectorAll('mark[data-highlight-id][tabindex="0"]')).toHaveLength(1)
  })
})

describe('task items, rules and inline marks', () => {
  it('a task item shows a disabled checkbox that is not part of the text', () => {
    const article = buildArticle('k', [
      { type: 'listItem', text: 'caulk the hull', depth: 0, checked: true },
      { type: 'listItem', text: 'paint the mast', depth: 0, checked: false }
    ])
    const body = bodyOf(article)
    const boxes = [...body.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]
    expect(boxes.map((b) => [b.checked, b.disabled])).toEqual([
      [true, true],
      [false, true]
    ])
    expect([...body.querySelectorAll('[data-start]')].map((el) => el.textContent)).toEqual(['caulk the hull', 'paint the mast'])
  })

  it('a rule stands before the block that carries it and ends the list before it', () => {
    const article = buildArticle('r', [
      { type: 'listItem', text: 'one', depth: 0 },
      { type: 'listItem', text: 'two', depth: 0, ruleBefore: true }
    ])
    const body = bodyOf(article)
    expect([...body.children].map((el) => el.tagName)).toEqual(['UL', 'HR', 'UL'])
  })

  it.each([
    ['kbd', 'KBD'],
    ['sub', 'SUB'],
    ['sup', 'SUP'],
    ['marked', 'MARK'],
    ['abbr', 'ABBR']
  ] as const)('%s marks render as <%s>', (type, tag) => {
    const article = buildArticle('m', [{ type: 'paragraph', text: 'a word here', marks: [{ type, start: 2, end: 6, title: 'Expanded' }] }])
    const el = bodyOf(article).querySelector(tag.toLowerCase())!
    expect(el.textContent).toBe('word')
    if (type === 'abbr') expect(el.getAttribute('title')).toBe('Expanded')
    // An author's <mark> is not a highlight.
    expect(el.hasAttribute('data-highlight-id')).toBe(false)
  })
})

describe('footnotes', () => {
  const article = buildArticle('f', [
    { type: 'paragraph', text: 'A claim.[1]', marks: [{ type: 'footnote', start: 8, end: 11, href: 'fn-1', id: 'fnref-1' }] },
    { type: 'paragraph', text: 'Where it came from.', ruleBefore: true, footnote: 1 }
  ])

  it('the reference is a superscript link to the definition, which links back', () => {
    const body = bodyOf(article)
    const ref = body.querySelector<HTMLAnchorElement>('sup.footnote-ref a')!
    expect(ref.textContent).toBe('[1]')
    const definition = body.querySelector<HTMLElement>('.footnote')!
    expect(ref.getAttribute('href')).toBe(`#${definition.id}`)
    const back = definition.querySelector<HTMLAnchorElement>('.footnote-back')!
    expect(back.getAttribute('href')).toBe(`#${ref.id}`)
    // The number and the back-link are outside the text.
    expect(definition.querySelector('[data-start]')!.textContent).toBe('Where it came from.')
    expect(body.querySelector('hr')).not.toBeNull()
  })

  it('clicking either link focuses the other end', () => {
    const body = bodyOf(article)
    Element.prototype.scrollIntoView = () => {}
    const ref = body.querySelector<HTMLAnchorElement>('sup.footnote-ref a')!
    const definition = body.querySelector<HTMLElement>('.footnote')!
    fireEvent.click(ref)
    expect(document.activeElement).toBe(definition)
    fireEvent.click(definition.querySelector('.footnote-back')!)
    expect(document.activeElement).toBe(ref)
  })

  it('a highlight that cuts the reference in two leaves one element with its id', () => {
    const h = buildHighlight('f', article.text, 5, 10) // 'aim.[1' of 'A claim.[1]'
    const body = bodyOf(article, [h])
    expect(body.querySelectorAll('sup.footnote-ref a')).toHaveLength(2)
    expect(body.querySelectorAll('[id="gloss-fnref-1"]')).toHaveLength(1)
  })

  it('a definition nobody references has no back-link', () => {
    const lone = buildArticle('g', [
      { type: 'paragraph', text: 'No citations.' },
      { type: 'paragraph', text: 'Unused note.', footnote: 1 }
    ])
    expect(bodyOf(lone).querySelector('.footnote-back')).toBeNull()
  })
})
