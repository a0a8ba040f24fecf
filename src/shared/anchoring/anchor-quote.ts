// Re-finding a highlight in an article's current text:
//   1. position — the stored offsets still hold the quote and its context;
//   2. quote    — the quote occurs unchanged; context and old position pick the occurrence;
//   3. fuzzy    — an approximate match (Myers), accepted only when the evidence is good;
//   4. null     — an orphan: the caller keeps it and lists it with its quote.
import type { TextPositionSelector, TextQuoteSelector } from '../model'
import {
  bestCandidate,
  contextGuidedCandidates,
  exactOccurrences,
  fuzzyCandidates,
  nearestOccurrences,
  type ScoredCandidate
} from './match-quote'

export interface AnchorResult {
  start: number
  end: number
  method: 'position' | 'quote' | 'fuzzy'
}

export interface StoredSelectors {
  quote: TextQuoteSelector
  position?: TextPositionSelector
}

/**
 * A fuzzy match is accepted when its weighted score (quote, context, position) reaches
 * this: e.g. a quote 60% the same with its context intact, or 90% the same with its
 * context 70% right. Calibrated on ~140,000 characters of real prose: passages that
 * were deleted scored at most 0.74 wherever their nearest look-alike was, while quotes
 * with up to 15% of their characters edited in place scored 0.78 or more.
 */
export const MIN_FUZZY_SCORE = 0.75
/**
 * ...or when at least this much of a quote of at least STRONG_QUOTE_LENGTH characters
 * is still there, even with new context: a moved and lightly edited sentence.
 */
export const STRONG_QUOTE_SCORE = 0.9
export const STRONG_QUOTE_LENGTH = 24
/**
 * An unchanged quote whose context is all new is still trusted when it is the only
 * place the text holds it, has more than one word and is at least this long: a phrase
 * like "shivering together", not "the slate" nor a lone word.
 */
export const MIN_UNIQUE_QUOTE_LENGTH = 12

export function anchorQuote(text: string, selectors: StoredSelectors): AnchorResult | null {
  const { quote, position } = selectors
  const { exact, prefix, suffix } = quote
  if (exact === '' || text === '') return null

  if (position && holdsQuote(text, position.start, position.end, quote)) {
    return { start: position.start, end: position.end, method: 'position' }
  }

  const hint = position?.start
  const starts = exactOccurrences(text, exact)
  // The quote unchanged with its context unchanged: only the old position can tell such places apart.
  const intact = starts.filter((start) => contextIntact(text, start, start + exact.length, quote))
  if (intact.length > 0) {
    const nearest =
      hint === undefined ? intact[0] : intact.reduce((a, b) => (Math.abs(b - hint) < Math.abs(a - hint) ? b : a))
    return { start: nearest, end: nearest + exact.length, method: 'quote' }
  }

  // Otherwise the unchanged quote elsewhere competes with the edited quote in its old
  // context: a typo fixed in a short quote must not send it to another paragraph that
  // happens to hold its old wording.
  const exactCandidates = nearestOccurrences(starts, hint).map((start) => ({
    start,
    end: start + exact.length,
    quoteScore: 1
  }))
  const guided = prefix || suffix ? contextGuidedCandidates(text, quote) : []
  const whole = starts.length === 0 ? fuzzyCandidates(text, exact) : []
  // The unchanged quote elsewhere needs evidence too: a short phrase ("the slate")
  // whose paragraph was deleted must not jump to another paragraph that has the same
  // words with other words around them (measured in accuracy.test.ts). Evidence is
  // context, length, or being the only place a phrase of a few words occurs.
  //
  // A quote-only selector (another tool's: no position) has no other evidence to give:
  // the one unchanged occurrence of a phrase of more than one word is its place, however
  // short ("years later" after its sentence was reworded), as Hypothesis places it.
  const severalWords = /\S\s+\S/.test(exact)
  const unique = starts.length === 1 && severalWords && (position === undefined || exact.length >= MIN_UNIQUE_QUOTE_LENGTH)
  const best = bestCandidate(
    text,
    [...exactCandidates, ...guided, ...whole],
    quote,
    hint,
    (c) => acceptable(c, exact.length) || (unique && c.start === starts[0] && c.end === starts[0] + exact.length)
  )
  if (!best) return null
  if (isExactAt(text, best.start, best.end, exact)) return { start: best.start, end: best.end, method: 'quote' }
  return { ...snapToWords(text, best, quote), method: 'fuzzy' }
}

/**
 * Stricter than Hypothesis (which checks only the quote): the context must be there
 * too, so that when a repeated phrase has shifted into the old offsets, the occurrence
 * with the right context is chosen instead.
 */
function holdsQuote(text: string, start: number, end: number, quote: TextQuoteSelector): boolean {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) return false
  return isExactAt(text, start, end, quote.exact) && contextIntact(text, start, end, quote)
}

function isExactAt(text: string, start: number, end: number, exact: string): boolean {
  return end - start === exact.length && text.startsWith(exact, start)
}

function contextIntact(text: string, start: number, end: number, quote: TextQuoteSelector): boolean {
  return (
    text.slice(Math.max(0, start - quote.prefix.length), start) === quote.prefix &&
    text.slice(end, end + quote.suffix.length) === quote.suffix
  )
}

const WORD_CHAR = /[\p{L}\p{N}]/u
const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c)
/**
 * A cut word is completed only when its end is this close: a word the match cut is a
 * few letters short ("acked" → "backed", "isely" → "precisely"); a longer run of
 * letters is a text without spaces, a URL or a run of symbols, not a word to complete.
 */
const MAX_WORD_COMPLETION = 12
/** Nor may completing words make the highlight longer than the quote by more than this share, plus a word's worth. */
const MAX_WIDENING_GROWTH = 0.1
const WIDENING_SLACK = 4
/** The blank line between two blocks of the article text. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/

/**
 * An approximate match can start or end inside a word ("acked the" for "backed the",
 * "signatures al" for "signatures already"). Where the stored quote started (ended) at
 * a word boundary, the match is widened to take in the whole word, and leading or
 * trailing whitespace is dropped: a highlight never cuts a word the reader did not cut.
 *
 * Bounded, so that it never takes in words the reader did not highlight: a quote
 * within one paragraph keeps its match within one paragraph (a reworded first word can
 * make the match start a few characters early, at the end of the block before); a cut
 * word is completed only to a boundary within a few characters; and the widened match
 * is kept only while it is about the quote's length (a text without spaces would
 * otherwise grow to its whole length): else the match stays as it was.
 */
function snapToWords(text: string, match: { start: number; end: number }, quote: TextQuoteSelector): { start: number; end: number } {
  const { exact, prefix, suffix } = quote
  const within = exact.search(PARAGRAPH_BREAK) === -1 ? withinOneParagraph(text, match) : match
  let { start, end } = within
  if (isWordChar(exact[0]) && !isWordChar(prefix[prefix.length - 1])) {
    let back = start
    while (back > 0 && isWordChar(text[back - 1]) && isWordChar(text[back]) && start - back < MAX_WORD_COMPLETION) back--
    if (back > 0 && isWordChar(text[back - 1])) back = start
    start = back
    while (start < end && /\s/.test(text[start])) start++
  }
  if (isWordChar(exact[exact.length - 1]) && !isWordChar(suffix[0])) {
    let forward = end
    while (forward < text.length && isWordChar(text[forward]) && isWordChar(text[forward - 1]) && forward - end < MAX_WORD_COMPLETION) forward++
    if (forward < text.length && isWordChar(text[forward])) forward = end
    end = forward
    while (end > start && /\s/.test(text[end - 1])) end--
  }
  const grown = end - start > Math.max(within.end - within.start, exact.length * (1 + MAX_WIDENING_GROWTH) + WIDENING_SLACK)
  if (grown) return within
  return end > start ? { start, end } : within
}

/** The part of the match in one paragraph: the longest, when the match crosses a blank line. */
function withinOneParagraph(text: string, match: { start: number; end: number }): { start: number; end: number } {
  const slice = text.slice(match.start, match.end)
  const breaks = new RegExp(PARAGRAPH_BREAK.source, 'g')
  let best = { start: match.start, end: match.start }
  let from = 0
  for (let found = breaks.exec(slice); ; found = breaks.exec(slice)) {
    const to = found ? found.index : slice.length
    if (to - from > best.end - best.start) best = { start: match.start + from, end: match.start + to }
    if (!found) break
    from = found.index + found[0].length
  }
  return best.end > best.start ? best : match
}

function acceptable(match: ScoredCandidate, quoteLength: number): boolean {
  if (match.score >= MIN_FUZZY_SCORE) return true
  return match.quoteScore >= STRONG_QUOTE_SCORE && quoteLength >= STRONG_QUOTE_LENGTH
}
