import { describe, expect, it } from 'vitest'
import { buildArticle, buildHighlight } from '../../test-support/build-article'
import { indexBlockHighlights, NO_HIGHLIGHTS } from './block-highlights'
import { splitBlock } from './segments'

// Blocks at 0–9, 11–20, 22–31 ("\n\n" between them).
const article = buildArticle('b', [
  { type: 'paragraph', text: 'aaaa aaaaa' },
  { type: 'paragraph', text: 'bbbb bbbbb' },
  { type: 'paragraph', text: 'cccc ccccc' }
])
const hl = (start: number, end: number) => buildHighlight('b', article.text, start, end)
const texts = (ids: readonly { id: string }[], all: { id: string }[]) => ids.map((h) => all.findIndex((x) => x.id === h.id))

describe('indexBlockHighlights', () => {
  it.each([
    { name: 'inside one block', spans: [[2, 6]], perBlock: [[0], [], []], continued: [[], [], []] },
    { name: 'across two blocks', spans: [[5, 15]], perBlock: [[0], [0], []], continued: [[], [0], []] },
    { name: 'across all blocks', spans: [[0, 31]], perBlock: [[0], [0], [0]], continued: [[], [0], [0]] },
    { name: 'only in the gap between blocks', spans: [[10, 11]], perBlock: [[], [], []], continued: [[], [], []] },
    { name: 'from the gap into the next block', spans: [[10, 13]], perBlock: [[], [0], []], continued: [[], [], []] },
    { name: 'several, in input order', spans: [[24, 28], [1, 3], [22, 30]], perBlock: [[1], [], [0, 2]], continued: [[], [], []] }
  ])('$name', ({ spans, perBlock, continued }) => {
    const highlights = spans.map(([s, e]) => hl(s, e))
    const index = indexBlockHighlights(article.blocks, highlights)
    expect(article.blocks.map((b) => texts(index.get(b)!.highlights, highlights))).toEqual(perBlock)
    expect(article.blocks.map((b) => index.get(b)!.continued.map((id) => highlights.findIndex((h) => h.id === id)))).toEqual(continued)
  })

  it('leaves out orphans', () => {
    const index = indexBlockHighlights(article.blocks, [{ ...hl(2, 6), anchor: null }])
    for (const b of article.blocks) expect(index.get(b)).toBe(NO_HIGHLIGHTS)
  })

  it('draws the same segments as filtering every highlight for every block', () => {
    const highlights = [hl(0, 4), hl(3, 14), hl(12, 25), hl(26, 31), hl(5, 9)]
    const index = indexBlockHighlights(article.blocks, highlights)
    for (const b of article.blocks) expect(splitBlock(b, index.get(b)!.highlights)).toEqual(splitBlock(b, highlights))
  })

  it('keeps the previous entry of blocks a new highlight does not touch', () => {
    const first = [hl(2, 6), hl(24, 28)]
    const before = indexBlockHighlights(article.blocks, first)
    const after = indexBlockHighlights(article.blocks, [...first, hl(12, 16)], before)
    expect(after.get(article.blocks[0])).toBe(before.get(article.blocks[0]))
    expect(after.get(article.blocks[2])).toBe(before.get(article.blocks[2]))
    expect(after.get(article.blocks[1])).not.toBe(before.get(article.blocks[1]))
    expect(after.get(article.blocks[1])!.highlights).toHaveLength(1)
  })
})
