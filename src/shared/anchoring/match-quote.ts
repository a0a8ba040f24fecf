// Finding a stored quote in a text that may have changed, and scoring each place it
// could be by how well the quote and its context match there (after Hypothesis'
// match-quote, with its weights: quote 50, prefix 20, suffix 20, position 2).
import approxSearch from 'approx-string-match'
import type { TextQuoteSelector } from '../model'

export interface Candidate {
  start: number
  end: number
  /** 1 = the quote is there unchanged, 0.5 = half of it differs */
  quoteScore: number
}

export interface ScoredCandidate extends Candidate {
  prefixScore: number
  suffixScore: number
  /** Weighted sum normalised to 0–1. */
  score: number
}

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const
const WEIGHT_SUM = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position

/** Beyond this many exact occurrences only the ones nearest the old position are weighed. */
const MAX_SCORED_OCCURRENCES = 2_000

/**
 * Quotes up to this length are searched whole with up to half their length in errors
 * (so a match is always at least 50% the same), as Hypothesis does.
 */
export const LONG_QUOTE = 256
/** Longer quotes are searched whole with at most this many errors (Hypothesis' cap)... */
const MAX_QUOTE_ERRORS = 256
/** ...up to this length; beyond it the search near a match grows with length squared. */
const MAX_WHOLE_QUOTE_SEARCH = 10_000
/** A long quote is also found by its first and last characters, each this long... */
const EDGE_LENGTH = 64
/** ...allowing this many errors in each (75% the same). */
const EDGE_ERRORS = 16

export function exactOccurrences(text: string, str: string): number[] {
  const found: number[] = []
  if (str === '') return found
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) found.push(at)
  return found
}

/** Where the quote is, approximately: best matches of the whole quote, or of its two ends. */
export function fuzzyCandidates(text: string, exact: string): Candidate[] {
  const length = exact.length
  if (length < 2) return []
  if (length <= MAX_WHOLE_QUOTE_SEARCH) {
    const maxErrors = Math.min(MAX_QUOTE_ERRORS, Math.floor(length / 2))
    const matches = approxSearch(text, exact, maxErrors)
    if (matches.length > 0) {
      return matches.map((m) => ({ start: m.start, end: m.end, quoteScore: 1 - m.errors / length }))
    }
  }
  return length > LONG_QUOTE ? edgeCandidates(text, exact) : []
}

/**
 * Where the quote sits inside the best approximate match of prefix + quote + suffix.
 * The whole passage is long enough to be distinctive, so this finds a short quote that
 * was edited in place even when its old wording still occurs somewhere else (the
 * whole-quote search returns only the best matches, and those would be elsewhere).
 */
export function contextGuidedCandidates(text: string, quote: TextQuoteSelector): Candidate[] {
  const { prefix, exact, suffix } = quote
  const passage = prefix + exact + suffix
  if (exact.length < 2 || passage.length === exact.length || passage.length > MAX_WHOLE_QUOTE_SEARCH) return []
  const passageMatches = approxSearch(text, passage, Math.min(MAX_QUOTE_ERRORS, Math.floor(passage.length / 2)))
  const candidates: Candidate[] = []
  for (const region of passageMatches.slice(0, 20)) {
    const inside = approxSearch(text.slice(region.start, region.end), exact, Math.floor(exact.length / 2))
    if (inside.length === 0) continue
    // Of equally good spots, the one where the prefix ends is the quote's.
    const expected = Math.round((prefix.length * (region.end - region.start)) / passage.length)
    const best = inside.reduce((a, b) => (Math.abs(b.start - expected) < Math.abs(a.start - expected) ? b : a))
    candidates.push({
      start: region.start + best.start,
      end: region.start + best.end,
      quoteScore: 1 - best.errors / exact.length
    })
  }
  return candidates
}

/**
 * A long passage whose opening and closing words are still there, in order, at a
 * distance between half and twice its old length, is the same passage even when its
 * middle was rewritten beyond what the whole-quote search allows. Its quote score is
 * the mean similarity of the two ends times the ratio of the lengths.
 */
function edgeCandidates(text: string, exact: string): Candidate[] {
  const length = exact.length
  const heads = edgeMatches(text, exact.slice(0, EDGE_LENGTH))
  const tails = edgeMatches(text, exact.slice(length - EDGE_LENGTH))
  if (heads.length === 0 || tails.length === 0) return []
  const candidates: Candidate[] = []
  for (const head of heads) {
    let best: Candidate | null = null
    for (const tail of tails) {
      const span = tail.end - head.start
      if (tail.start < head.end - EDGE_LENGTH / 2 || span < length / 2 || span > length * 2) continue
      const ratio = Math.min(span, length) / Math.max(span, length)
      const edges = 1 - (head.errors + tail.errors) / (2 * EDGE_LENGTH)
      const quoteScore = edges * ratio
      if (!best || quoteScore > best.quoteScore) best = { start: head.start, end: tail.end, quoteScore }
    }
    if (best) candidates.push(best)
  }
  return candidates
}

function edgeMatches(text: string, edge: string): Array<{ start: number; end: number; errors: number }> {
  const exact = exactOccurrences(text, edge)
  if (exact.length > 0) return exact.slice(0, 200).map((start) => ({ start, end: start + edge.length, errors: 0 }))
  return approxSearch(text, edge, EDGE_ERRORS).slice(0, 200)
}

/**
 * How well `expected` (stored context) matches `actual` (the text next to a candidate).
 * An empty stored context means the quote touched the start or end of the text: a
 * candidate at that edge matches fully, one elsewhere gets no evidence either way.
 */
export function contextScore(actual: string, expected: string, atEdge: boolean): number {
  if (expected === '') return atEdge ? 1 : 0.5
  if (actual === expected) return 1
  if (actual === '') return 0
  const matches = approxSearch(actual, expected, expected.length)
  return matches.length > 0 ? 1 - matches[0].errors / expected.length : 0
}

export function scoreCandidate(
  text: string,
  candidate: Candidate,
  quote: TextQuoteSelector,
  hint: number | undefined
): ScoredCandidate {
  const { prefix, suffix } = quote
  const prefixScore = contextScore(
    text.slice(Math.max(0, candidate.start - prefix.length), candidate.start),
    prefix,
    candidate.start === 0
  )
  const suffixScore = contextScore(
    text.slice(candidate.end, candidate.end + suffix.length),
    suffix,
    candidate.end === text.length
  )
  const positionScore =
    hint === undefined ? 1 : Math.max(0, 1 - Math.abs(candidate.start - hint) / Math.max(1, text.length))
  const score =
    (WEIGHT.quote * candidate.quoteScore +
      WEIGHT.prefix * prefixScore +
      WEIGHT.suffix * suffixScore +
      WEIGHT.position * positionScore) /
    WEIGHT_SUM
  return { ...candidate, prefixScore, suffixScore, score }
}

/** The highest-scoring candidate, among those `accept` lets through when it is given. */
export function bestCandidate(
  text: string,
  candidates: Candidate[],
  quote: TextQuoteSelector,
  hint: number | undefined,
  accept: (candidate: ScoredCandidate) => boolean = () => true
): ScoredCandidate | null {
  let best: ScoredCandidate | null = null
  for (const candidate of candidates) {
    const scored = scoreCandidate(text, candidate, quote, hint)
    if (accept(scored) && (!best || scored.score > best.score)) best = scored
  }
  return best
}

/** A word like "the" occurs thousands of times; weigh only the occurrences nearest the old place. */
export function nearestOccurrences(starts: number[], hint: number | undefined): number[] {
  if (starts.length <= MAX_SCORED_OCCURRENCES) return starts
  if (hint === undefined) return starts.slice(0, MAX_SCORED_OCCURRENCES)
  return [...starts].sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, MAX_SCORED_OCCURRENCES)
}
