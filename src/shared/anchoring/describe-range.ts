// Turns a selection in an article's text into the W3C selectors a highlight is stored
// as: the quote with 32 characters of context either side (as Hypothesis does) and the
// position. Both are needed: the position is exact while the text is unchanged, the
// quote and its context find the passage again after the text has changed.
import type { TextPositionSelector, TextQuoteSelector } from '../model'

export const CONTEXT_LENGTH = 32

export interface RangeDescription {
  quote: TextQuoteSelector
  position: TextPositionSelector
}

/**
 * @throws RangeError when the range is empty, reversed or outside the text; a caller
 * that lets users pick ranges must check them first.
 */
export function describeRange(text: string, start: number, end: number): RangeDescription {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid range ${start}–${end} in a text of ${text.length} characters`)
  }
  // A selection never ends up holding half an emoji: widen to whole code points.
  if (splitsPair(text, start)) start -= 1
  if (splitsPair(text, end)) end += 1
  // Context is cut to whole code points too, narrowing rather than widening it.
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH)
  if (splitsPair(text, prefixStart)) prefixStart += 1
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH)
  if (splitsPair(text, suffixEnd)) suffixEnd -= 1
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd)
    },
    position: { type: 'TextPositionSelector', start, end }
  }
}

/** True when `offset` falls between the two halves of a UTF-16 surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false
  const before = text.charCodeAt(offset - 1)
  const after = text.charCodeAt(offset)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}
