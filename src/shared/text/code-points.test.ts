import { describe, expect, it } from 'vitest'
import { codePointIndex } from './code-points'

// Each case: a text, a UTF-16 offset in it, and the same place counted in code points
// (checked against Array.from, which iterates by code point).
const CASES: { name: string; text: string; utf16: number; codePoints: number }[] = [
  { name: 'ASCII only', text: 'plain text', utf16: 5, codePoints: 5 },
  { name: 'after one emoji', text: 'a🌊b', utf16: 3, codePoints: 2 },
  { name: 'end of a text of emoji', text: '🌊🌊🌊', utf16: 6, codePoints: 3 },
  { name: 'a ZWJ family is several code points', text: '👩‍👩‍👧 x', utf16: 9, codePoints: 6 },
  { name: 'flags are two regional indicators', text: '🇳🇱!', utf16: 4, codePoints: 2 },
  { name: 'CJK in the BMP: one unit each', text: '洪水警报。', utf16: 3, codePoints: 3 },
  { name: 'astral CJK (Extension B)', text: '𠀀𠀁字', utf16: 4, codePoints: 2 },
  { name: 'combining marks count as code points', text: 'e\u0301te\u0301', utf16: 5, codePoints: 5 },
  { name: 'emoji with a skin tone modifier', text: '👍🏽ok', utf16: 5, codePoints: 3 },
  { name: 'a lone high surrogate is one code point', text: '\ud83c x', utf16: 2, codePoints: 2 },
  { name: 'start of text', text: '🌊', utf16: 0, codePoints: 0 }
]

describe('codePointIndex', () => {
  it.each(CASES)('$name: UTF-16 $utf16 ⇄ code point $codePoints', ({ text, utf16, codePoints }) => {
    const index = codePointIndex(text)
    expect(Array.from(text.slice(0, utf16)).length).toBe(codePoints)
    expect(index.toCodePoints(utf16)).toBe(codePoints)
    expect(index.toUtf16(codePoints)).toBe(utf16)
    expect(index.length).toBe(Array.from(text).length)
  })

  it('round-trips every code point boundary of a mixed text', () => {
    const text = 'Flood 🌊 at 洪水 — e\u0301 👩‍👩‍👧 𠀀 end'
    let utf16 = 0
    const index = codePointIndex(text)
    Array.from(text).forEach((char, cp) => {
      expect(index.toCodePoints(utf16)).toBe(cp)
      expect(index.toUtf16(cp)).toBe(utf16)
      utf16 += char.length
    })
  })

  it.each([
    ['past the end', 4],
    ['negative', -1],
    ['not an integer', 1.5]
  ])('has no UTF-16 offset for a code point offset %s', (_name, offset) => {
    expect(codePointIndex('a🌊b').toUtf16(offset)).toBeNull()
  })

  it('counts a position inside a surrogate pair as before the pair', () => {
    expect(codePointIndex('a🌊b').toCodePoints(2)).toBe(1)
  })
})
