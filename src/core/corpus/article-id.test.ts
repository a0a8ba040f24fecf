import { describe, expect, it } from 'vitest'
import { articleIdFor, countWords, fingerprintFor } from './article-id'

describe('articleIdFor', () => {
  it('is a stable 16-hex-digit hash of the relative path', () => {
    expect(articleIdFor('a/b.md')).toMatch(/^[0-9a-f]{16}$/)
    expect(articleIdFor('a/b.md')).toBe(articleIdFor('a/b.md'))
    expect(articleIdFor('a/b.md')).not.toBe(articleIdFor('a/c.md'))
  })
})

describe('fingerprintFor', () => {
  it.each([
    ['re-wrapped lines', 'one two\nthree', 'one two three', true],
    ['extra blank lines and trailing space', '\n\none  two\n\n\nthree  \n', 'one two\n\nthree', true],
    ['a changed word', 'one two three', 'one two four', false],
    ['changed case', 'One two', 'one two', false]
  ])('%s → same: %s', (_name, a, b, same) => {
    expect(fingerprintFor(a, 'T') === fingerprintFor(b, 'T')).toBe(same)
  })

  it('falls back to the title for an empty body, never colliding with a body', () => {
    expect(fingerprintFor('', 'One')).not.toBe(fingerprintFor('', 'Two'))
    expect(fingerprintFor('  \n', 'One')).toBe(fingerprintFor('', 'one'))
    expect(fingerprintFor('', 'One')).not.toBe(fingerprintFor('one', 'X'))
  })
})

describe('countWords', () => {
  it.each([
    ['', 0],
    ['one', 1],
    ['one two\nthree\n\nfour', 4],
    ['# Heading\n\n- item *one*\n> quoted — text', 5],
    ["it's 2,400 words", 3],
    ['---  ***  ...', 0],
    ['café naïve', 2],
    // Chinese and Japanese: each character counts as a word (no spaces to count by)
    ['周末我们在图书馆读书。', 10],
    ['東京の図書館で本を読みました', 14],
    ['Gloss 支持中文 reading', 6],
    // Korean separates words with spaces and Arabic is counted like any alphabet
    ['한국어 문장은 띄어 씁니다', 4],
    ['قرأت المقالة في المكتبة', 4]
  ])('%j → %d', (text, count) => {
    expect(countWords(text)).toBe(count)
  })
})
