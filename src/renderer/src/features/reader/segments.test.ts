import { describe, expect, it } from 'vitest'
import type { Block, Highlight, Mark } from '../../../../shared/model'
import { buildHighlight } from '../../test-support/build-article'
import { splitBlock } from './segments'

const block = (text: string, start = 0, marks: Mark[] = []): Block => ({ type: 'paragraph', text, start, marks })

/** Segment texts with their marks and highlight ids, outermost first, for compact expectations. */
const describeSegments = (b: Block, hs: Highlight[]) =>
  splitBlock(b, hs).map((s) => [s.text, s.marks.map((m) => m.type).join('+'), s.highlights.map((h) => h.id).join('>')])

describe('splitBlock', () => {
  const text = 'The quick brown fox jumps'

  it('returns one plain segment for unmarked text and none for empty text', () => {
    expect(describeSegments(block(text), [])).toEqual([[text, '', '']])
    expect(splitBlock(block(''), [])).toEqual([])
  })

  it('splits at mark boundaries and nests marks outermost first', () => {
    const marks: Mark[] = [
      { type: 'emphasis', start: 10, end: 15 },
      { type: 'strong', start: 4, end: 15 }
    ]
    expect(describeSegments(block(text, 0, marks), [])).toEqual([
      ['The ', '', ''],
      ['quick ', 'strong', ''],
      ['brown', 'strong+emphasis', ''],
      [' fox jumps', '', '']
    ])
  })

  it('uses article offsets for highlights and clips them to the block', () => {
    // Block starts at 100 in the article; the highlight begins in the previous block.
    const h = buildHighlight('a', 'x'.repeat(200), 90, 109)
    h.id = 'cross'
    expect(describeSegments(block(text, 100), [h])).toEqual([
      ['The quick', '', 'cross'],
      [' brown fox jumps', '', '']
    ])
  })

  it('ignores highlights that do not touch the block and orphans', () => {
    const before = buildHighlight('a', 'x'.repeat(200), 10, 50)
    const orphan = { ...buildHighlight('a', text, 0, 5), anchor: null }
    expect(describeSegments(block(text, 100), [before, orphan])).toEqual([[text, '', '']])
  })

  it('layers overlapping highlights: the longer one outside, the shorter inside', () => {
    const long = { ...buildHighlight('a', text, 0, 15), id: 'long' }
    const short = { ...buildHighlight('a', text, 10, 20), id: 'short' }
    const inner = { ...buildHighlight('a', text, 4, 9), id: 'inner' }
    expect(describeSegments(block(text), [short, inner, long])).toEqual([
      ['The ', '', 'long'],
      ['quick', '', 'long>inner'],
      [' ', '', 'long'],
      ['brown', '', 'long>short'],
      [' fox ', '', 'short'],
      ['jumps', '', '']
    ])
  })

  it('combines highlights and marks in the same segment', () => {
    const h = { ...buildHighlight('a', text, 0, 9), id: 'h' }
    const segments = splitBlock(block(text, 0, [{ type: 'code', start: 4, end: 15 }]), [h])
    expect(segments.map((s) => [s.start, s.end])).toEqual([
      [0, 4],
      [4, 9],
      [9, 15],
      [15, 25]
    ])
    expect(segments[1].marks.map((m) => m.type)).toEqual(['code'])
    expect(segments[1].highlights.map((x) => x.id)).toEqual(['h'])
  })

  it('covers the whole text with no gaps whatever the inputs', () => {
    const hs = [buildHighlight('a', text, 2, 7), buildHighlight('a', text, 5, 30), buildHighlight('a', text, 24, 25)]
    const marks: Mark[] = [{ type: 'link', start: 0, end: 3, href: 'https://example.org' }, { type: 'strike', start: 3, end: 40 }]
    const segments = splitBlock(block(text, 0, marks), hs)
    expect(segments.map((s) => s.text).join('')).toBe(text)
    for (let i = 1; i < segments.length; i++) expect(segments[i].start).toBe(segments[i - 1].end)
  })
})
