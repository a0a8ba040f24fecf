import { describe, expect, it } from 'vitest'
import { CONTEXT_LENGTH, describeRange } from './index'

const TEXT =
  'Harbour log 🦉\n\nThe café by the slipway opens at six; its owner, Anaïs, chalks the tide times on a slate. ' +
  'Gulls 🐦 argue over the bins behind the market until the ferry horn scatters them.'

describe('describeRange', () => {
  const cases = [
    { name: 'the start of the text', quote: 'Harbour log', prefix: '', suffixLength: CONTEXT_LENGTH },
    { name: 'the middle of the text', quote: 'its owner, Anaïs,', prefixLength: CONTEXT_LENGTH, suffixLength: CONTEXT_LENGTH },
    { name: 'the end of the text', quote: 'horn scatters them.', prefixLength: CONTEXT_LENGTH, suffix: '' },
    { name: 'the whole text', quote: TEXT, prefix: '', suffix: '' }
  ]

  it.each(cases)('describes $name with up to 32 characters of context', (c) => {
    const start = TEXT.indexOf(c.quote)
    const { quote, position } = describeRange(TEXT, start, start + c.quote.length)
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: c.quote })
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + c.quote.length })
    expect(quote.prefix).toBe(TEXT.slice(Math.max(0, start - CONTEXT_LENGTH), start))
    expect(quote.suffix).toBe(TEXT.slice(start + c.quote.length, start + c.quote.length + CONTEXT_LENGTH))
    if (c.prefix !== undefined) expect(quote.prefix).toBe(c.prefix)
    if (c.prefixLength !== undefined) expect(quote.prefix).toHaveLength(c.prefixLength)
    if (c.suffix !== undefined) expect(quote.suffix).toBe(c.suffix)
    if (c.suffixLength !== undefined) expect(quote.suffix).toHaveLength(c.suffixLength)
  })

  it('never cuts an emoji in half: a range starting or ending inside one covers all of it', () => {
    const owl = TEXT.indexOf('🦉')
    const startsInside = describeRange(TEXT, owl + 1, owl + 2)
    expect(startsInside.quote.exact).toBe('🦉')
    expect(startsInside.position).toMatchObject({ start: owl, end: owl + 2 })

    const endsInside = describeRange(TEXT, owl - 4, owl + 1)
    expect(endsInside.quote.exact).toBe('log 🦉')
  })

  it('cuts context at whole characters, never leaving half an emoji at its edge', () => {
    const gull = TEXT.indexOf('🐦')
    // The prefix would start in the middle of the gull emoji.
    const start = gull + 1 + CONTEXT_LENGTH
    const { quote } = describeRange(TEXT, start, start + 3)
    expect(quote.prefix).toBe(TEXT.slice(gull + 2, start))
    expect(quote.prefix.length).toBe(CONTEXT_LENGTH - 1)
    // The suffix would end in the middle of it.
    const before = gull + 1 - CONTEXT_LENGTH
    const { quote: q2 } = describeRange(TEXT, before - 3, before)
    expect(q2.suffix).toBe(TEXT.slice(before, gull))
    expect(q2.suffix.length).toBe(CONTEXT_LENGTH - 1)
  })

  it.each([
    ['an empty range', 5, 5],
    ['a reversed range', 9, 4],
    ['a negative start', -1, 4],
    ['an end past the text', 0, TEXT.length + 1],
    ['fractional offsets', 1.5, 4]
  ])('refuses %s', (_name, start, end) => {
    expect(() => describeRange(TEXT, start, end)).toThrow(RangeError)
  })
})
