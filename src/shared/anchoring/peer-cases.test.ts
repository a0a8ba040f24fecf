// Cases from the peers' own anchoring suites, rewritten for Gloss's API (anchorQuote
// over the article text; describeRange for what is stored). Written from what those
// suites check, on our own text: Apache Annotator's text-quote matcher and describer,
// Hypothesis' match-quote, approx-string-match's search. Where Gloss answers otherwise
// on purpose, the case says so here and docs/anchoring.md lists it with why.
import { describe, expect, it } from 'vitest'
import { anchorQuote, describeRange } from './index'

const TEXT =
  'The lock keeper opens the gates at dawn. Barges wait in the basin below the lock. ' +
  'At noon the lock keeper eats on the bench by the gates, and at dusk the lock keeper closes them again.'

const q = (exact: string, prefix = '', suffix = '') => ({ type: 'TextQuoteSelector' as const, exact, prefix, suffix })
const pos = (start: number, end: number) => ({ type: 'TextPositionSelector' as const, start, end })
/** Offsets of the n-th occurrence of `phrase` in `text`. */
function nth(text: string, phrase: string, n = 0): [number, number] {
  let at = -1
  for (let i = 0; i <= n; i++) at = text.indexOf(phrase, at + 1)
  if (at < 0) throw new Error(`fixture: "${phrase}" #${n} not in text`)
  return [at, at + phrase.length]
}

describe('Apache Annotator: text-quote matcher', () => {
  it.each([
    { name: 'a simple quote that occurs once', text: TEXT, quote: q('Barges wait'), expected: nth(TEXT, 'Barges wait') },
    { name: 'the first characters of the text', text: TEXT, quote: q('The lock'), expected: nth(TEXT, 'The lock') },
    { name: 'the last characters of the text', text: TEXT, quote: q('closes them again.'), expected: nth(TEXT, 'closes them again.') },
    { name: 'the whole text', text: 'Gates at dawn.', quote: q('Gates at dawn.'), expected: [0, 14] as [number, number] },
    // Annotator returns every match in order; Gloss places a highlight once: the first
    // when nothing tells the occurrences apart.
    { name: 'a quote that occurs three times, no context: the first', text: TEXT, quote: q('lock keeper'), expected: nth(TEXT, 'lock keeper', 0) },
    { name: 'the prefix picks the occurrence', text: TEXT, quote: q('lock keeper', 'At noon the '), expected: nth(TEXT, 'lock keeper', 1) },
    { name: 'the suffix picks the occurrence', text: TEXT, quote: q('lock keeper', '', ' closes them'), expected: nth(TEXT, 'lock keeper', 2) },
    { name: 'prefix and suffix together', text: TEXT, quote: q('the lock', 'dusk ', ' keeper closes'), expected: nth(TEXT, 'the lock', 2) },
    { name: 'overlapping occurrences ("aa" in "aaa"), told apart by the suffix', text: 'aaa', quote: q('aa', 'a', ''), expected: [1, 3] as [number, number] },
    { name: 'a quote that is not there', text: TEXT, quote: q('the weir keeper'), expected: null },
    // Annotator matches an empty quote at every position; a highlight of nothing is not
    // a highlight, so Gloss places it nowhere.
    { name: 'an empty quote (differs on purpose: Annotator matches everywhere)', text: TEXT, quote: q(''), expected: null }
  ])('$name', ({ text, quote, expected }) => {
    const result = anchorQuote(text, { quote })
    if (expected === null) return expect(result).toBeNull()
    expect(result && [result.start, result.end]).toEqual(expected)
  })
})

describe('Apache Annotator: text-quote describer (what is stored finds its place again)', () => {
  // Annotator stores the shortest context that makes the quote unique; Gloss stores 32
  // characters either side (as Hypothesis does), which must still place every occurrence.
  it.each([0, 1, 2])('the lock keeper, occurrence %i', (n) => {
    const [start, end] = nth(TEXT, 'lock keeper', n)
    const { quote } = describeRange(TEXT, start, end)
    expect(quote.prefix).toBe(TEXT.slice(Math.max(0, start - 32), start))
    const result = anchorQuote(TEXT, { quote })
    expect(result && [result.start, result.end]).toEqual([start, end])
  })
})

describe('Hypothesis: match-quote', () => {
  it.each([
    { name: 'an exact match', text: TEXT, quote: q('opens the gates at dawn'), hint: undefined, expected: 'opens the gates at dawn' },
    { name: 'a close match (one letter different) with its context', text: TEXT, quote: q('opens the gtaes at dawn', 'The lock keeper ', '. Barges wait'), hint: undefined, expected: 'opens the gates at dawn' },
    { name: 'of two equal occurrences, the one nearest the hint', text: TEXT, quote: q('lock keeper'), hint: nth(TEXT, 'lock keeper', 2)[0] + 3, expected: 'lock keeper#2' },
    { name: 'the context outweighs the hint', text: TEXT, quote: q('lock keeper', 'At noon the ', ' eats on the'), hint: nth(TEXT, 'lock keeper', 2)[0], expected: 'lock keeper#1' },
    { name: 'no match when every word differs', text: TEXT, quote: q('ferry captain sails'), hint: undefined, expected: null }
  ])('$name', ({ text, quote, hint, expected }) => {
    const position = hint === undefined ? undefined : pos(hint, hint + quote.exact.length)
    const result = anchorQuote(text, { quote, position })
    if (expected === null) return expect(result).toBeNull()
    const [phrase, n] = expected.split('#')
    expect(result && [result.start, result.end]).toEqual(nth(text, phrase, Number(n ?? 0)))
  })
})

describe('approx-string-match: errors a placement tolerates', () => {
  const SENTENCE = 'Barges wait in the basin below the lock until the keeper waves them through.'
  it.each([
    { name: 'a substitution', quote: 'the basin belaw the lock', expected: 'the basin below the lock' },
    { name: 'an insertion', quote: 'the basin bellow the lock', expected: 'the basin below the lock' },
    { name: 'a deletion', quote: 'the basin blow the lock', expected: 'the basin below the lock' },
    { name: 'a transposition (two errors)', quote: 'the basin bleow the lock', expected: 'the basin below the lock' }
  ])('$name, with its context', ({ quote, expected }) => {
    const [start, end] = nth(SENTENCE, expected)
    const { quote: stored } = describeRange(SENTENCE, start, end)
    const result = anchorQuote(SENTENCE, { quote: { ...stored, exact: quote } })
    expect(result && SENTENCE.slice(result.start, result.end)).toBe(expected)
  })
})
