import { describe, expect, it } from 'vitest'
import { extendBySentence, sentenceAfter, sentenceAt, sentenceBefore, sentencesOf } from './sentences'

const TEXT = 'Tides follow the moon. Dr. Marsh measured them for 3.5 years!\n\nA second paragraph has no full stop\n\nLast one? Yes.'
const quote = (r: { start: number; end: number } | null) => (r ? TEXT.slice(r.start, r.end) : null)

describe('sentences', () => {
  it('splits on sentence ends and paragraph breaks, trimmed', () => {
    expect(sentencesOf(TEXT).map(quote)).toEqual([
      'Tides follow the moon.',
      'Dr. Marsh measured them for 3.5 years!',
      'A second paragraph has no full stop',
      'Last one?',
      'Yes.'
    ])
  })

  it.each<[string, number, string | null]>([
    ['the start', 0, 'Tides follow the moon.'],
    ['the middle of a sentence', TEXT.indexOf('Marsh'), 'Dr. Marsh measured them for 3.5 years!'],
    ['the space between sentences', TEXT.indexOf(' Dr.'), 'Dr. Marsh measured them for 3.5 years!'],
    ['the end', TEXT.length, null]
  ])('sentenceAt %s', (_, offset, expected) => {
    expect(quote(sentenceAt(TEXT, offset))).toBe(expected)
  })

  it('steps forward and back from a selected sentence', () => {
    const first = sentenceAt(TEXT, 0)!
    const second = sentenceAfter(TEXT, first.end)!
    expect(quote(second)).toBe('Dr. Marsh measured them for 3.5 years!')
    expect(quote(sentenceAfter(TEXT, second.end))).toBe('A second paragraph has no full stop')
    expect(quote(sentenceBefore(TEXT, second.start))).toBe('Tides follow the moon.')
    expect(sentenceBefore(TEXT, first.start)).toBeNull()
  })

  it('extends a selection to the end of the next sentence, or of the one it ends in', () => {
    const first = sentenceAt(TEXT, 0)!
    expect(quote(extendBySentence(TEXT, first))).toBe('Tides follow the moon. Dr. Marsh measured them for 3.5 years!')
    const partial = { start: 0, end: TEXT.indexOf(' the moon') }
    expect(quote(extendBySentence(TEXT, partial))).toBe('Tides follow the moon.')
    const last = { start: TEXT.indexOf('Yes.'), end: TEXT.length }
    expect(extendBySentence(TEXT, last)).toEqual(last)
  })

  it('keeps to the bounds given (the blocks shown)', () => {
    const bounds = { start: TEXT.indexOf('A second'), end: TEXT.indexOf('\n\nLast') }
    expect(quote(sentenceAt(TEXT, 0, bounds))).toBe('A second paragraph has no full stop')
    expect(sentenceAfter(TEXT, bounds.end, bounds)).toBeNull()
    expect(sentenceBefore(TEXT, bounds.start, bounds)).toBeNull()
  })
})
