// Offsets in UTF-16 code units (how JavaScript indexes strings, and how Gloss stores
// every position) and in Unicode code points (how the W3C Web Annotation model and
// the Hypothesis API count a TextPositionSelector). They differ after every character
// outside the Basic Multilingual Plane — most emoji, rare CJK ideographs, maths
// letters — which JavaScript stores as a surrogate pair (two units, one code point).
// Combining marks and CJK in the BMP are one unit and one code point each, so they
// change nothing. Positions are converted only at the boundary of a file format.
//
// An index of the text's surrogate pairs is built once, so converting the positions of
// many highlights in a long article costs a binary search each.

export interface CodePointIndex {
  /** The code point offset of a UTF-16 offset (one inside a pair counts the pair as not yet passed). */
  toCodePoints(utf16Offset: number): number
  /** The UTF-16 offset of a code point offset; null when the text has fewer code points. */
  toUtf16(codePointOffset: number): number | null
  /** The text's length in code points. */
  readonly length: number
}

export function codePointIndex(text: string): CodePointIndex {
  // UTF-16 offsets of the high half of each well-formed surrogate pair, ascending.
  const pairs: number[] = []
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs.push(i)
        i++
      }
    }
  }
  const length = text.length - pairs.length
  return {
    length,
    toCodePoints(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length))
      // Each pair that starts before the offset took one unit more than a code point
      // (an offset between its halves lands on the pair's start).
      return clamped - countBelow(pairs, (p) => p < clamped)
    },
    toUtf16(codePoints) {
      if (!Number.isInteger(codePoints) || codePoints < 0 || codePoints > length) return null
      // The k-th pair (0-based) starts at code point pairs[k] - k.
      return codePoints + countBelow(pairs, (p, k) => p - k < codePoints)
    }
  }
}

/** How many leading entries pass the test (which holds for a prefix of the array). */
function countBelow(sorted: readonly number[], holds: (value: number, index: number) => boolean): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (holds(sorted[mid], mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}
