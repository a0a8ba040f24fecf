import { describe, expect, it } from 'vitest'
import { buildArticle, buildHighlight } from '../../test-support/build-article'
import { displayBlocks } from './display-blocks'

const article = buildArticle('d', [
  { type: 'heading', level: 1, text: 'Margins  and Marginalia' },
  { type: 'paragraph', text: 'Body text.' }
])

describe('displayBlocks', () => {
  it.each([
    { name: 'drops a first heading that repeats the title', title: 'margins and marginalia', kept: ['Body text.'] },
    { name: 'keeps a first heading that differs from the title', title: 'Something else', kept: ['Margins  and Marginalia', 'Body text.'] }
  ])('$name', ({ title, kept }) => {
    expect(displayBlocks(article.blocks, title, []).map((b) => b.text)).toEqual(kept)
  })

  it('keeps the repeated heading when a highlight sits on it', () => {
    const h = buildHighlight('d', article.text, 0, 7)
    expect(displayBlocks(article.blocks, 'Margins and Marginalia', [h])).toHaveLength(2)
    expect(displayBlocks(article.blocks, 'Margins and Marginalia', [{ ...h, anchor: null }])).toHaveLength(1)
  })

  it('keeps a first paragraph that happens to equal the title', () => {
    const plain = buildArticle('p', [{ type: 'paragraph', text: 'Title' }])
    expect(displayBlocks(plain.blocks, 'Title', [])).toHaveLength(1)
  })
})
