import { describe, expect, it } from 'vitest'
import { formatReadingTime, readingMinutes, WORDS_PER_MINUTE } from './reading-time'

describe('reading time', () => {
  it('reads 230 words a minute', () => {
    expect(WORDS_PER_MINUTE).toBe(230)
  })

  it.each([
    [0, '1 min read'],
    [40, '1 min read'],
    [229, '1 min read'],
    [345, '2 min read'],
    [2760, '12 min read'],
    [4880, '21 min read'],
    [Number.NaN, '1 min read']
  ])('%s words → %s', (words, text) => {
    expect(formatReadingTime(words)).toBe(text)
  })

  it('is never under a minute', () => {
    for (const words of [1, 10, 100, 114]) expect(readingMinutes(words)).toBe(1)
  })
})
