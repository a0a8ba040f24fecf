import { describe, expect, it } from 'vitest'
import { formatReadingTime, readingMinutes, shortReadingTime, WORDS_PER_MINUTE } from './reading-time'

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

  // Long files are often not articles (a book, a data dump): past a few hours a minute count means nothing.
  it.each([
    [230 * 59, '59 min read', '59 min'],
    [230 * 60, '1 h read', '1 h'],
    [230 * 95, '1 h 35 min read', '1 h 35 min'],
    [230 * 600, '10 h read', '10 h'],
    [230 * 601, 'more than 10 hours', '> 10 h'],
    [738_000, 'more than 10 hours', '> 10 h']
  ])('%s words → %s (row: %s)', (words, text, short) => {
    expect(formatReadingTime(words)).toBe(text)
    expect(shortReadingTime(words)).toBe(short)
  })
})
