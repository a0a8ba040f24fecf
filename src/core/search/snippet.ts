// Snippets: ~160 characters of an article's text around its best match, with the
// matched words given as ranges (never HTML), plus the match's text offset so the
// reader can open the article there.
import type { SearchSnippet } from '../../shared/model'
import { fold } from '../../shared/text/fold'

export const SNIPPET_LENGTH = 160

/** Words as the index sees them: letters, digits and joiners; the same rule both ways. */
const WORD = /[\p{L}\p{N}\p{M}_'’-]+/gu

/** Case- and accent-insensitive form of one term (index and query alike), without edge joiners. */
export function foldTerm(term: string): string {
  return fold(term).replace(/^['’-]+|['’-]+$/g, '')
}

// Chinese and Japanese write no spaces between words: a run of them is one WORD match
// holding a whole clause. Such runs are split into words by Intl.Segmenter (ICU's
// dictionary, built into Node and Chromium, no package), the same way for the index,
// the query and the snippet marks, so a word inside a sentence is found. Korean
// (Hangul) separates words with spaces and needs none of this.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

export interface WordSpan {
  word: string
  index: number
}

/** Every word of `text` with its offset: the one definition of a word for search. */
export function* wordSpans(text: string): Generator<WordSpan> {
  for (const match of text.matchAll(WORD)) {
    if (!CJK.test(match[0])) {
      yield { word: match[0], index: match.index }
      continue
    }
    for (const part of segmenter.segment(match[0])) {
      if (part.isWordLike) yield { word: part.segment, index: match.index + part.index }
    }
  }
}

/** True when a term is Chinese or Japanese (a word of one or two characters is normal there). */
export const isCjkTerm = (term: string): boolean => CJK.test(term)

export function tokenize(text: string): string[] {
  const words: string[] = []
  for (const { word } of wordSpans(text)) words.push(word)
  return words
}

export interface Snippet {
  snippet: SearchSnippet
  /** Offset of the best match in the full text; null when the text has none. */
  offset: number | null
}

/**
 * The window with the most distinct matched terms (first such window wins), trimmed to
 * word boundaries. `matches` tells whether a folded word counts as a match.
 */
export function makeSnippet(text: string, matches: (folded: string) => boolean, length = SNIPPET_LENGTH): Snippet {
  const hits: Array<{ start: number; end: number; term: string }> = []
  for (const { word, index } of wordSpans(text)) {
    const folded = foldTerm(word)
    if (folded && matches(folded)) hits.push({ start: index, end: index + word.length, term: folded })
  }
  if (!hits.length) return { snippet: { text: clip(text, 0, length).text, marks: [] }, offset: null }
  let best = 0
  let bestDistinct = 0
  for (let i = 0; i < hits.length; i++) {
    const distinct = new Set<string>()
    for (let j = i; j < hits.length && hits[j].end - hits[i].start <= length; j++) distinct.add(hits[j].term)
    if (distinct.size > bestDistinct) {
      best = i
      bestDistinct = distinct.size
    }
  }
  const first = hits[best]
  // Some context before the match, the rest after it.
  const from = Math.max(0, first.start - Math.floor(length / 4))
  const { text: shown, start } = clip(text, from, length)
  const marks = hits
    .filter((h) => h.start >= start && h.end <= start + shown.length)
    .map((h) => ({ start: h.start - start, end: h.end - start }))
  return { snippet: { text: shown, marks }, offset: first.start }
}

/** `length` characters from `from`, moved to word boundaries, whitespace collapsed not (offsets stay exact). */
function clip(text: string, from: number, length: number): { text: string; start: number } {
  let start = from
  if (start > 0) {
    const space = text.lastIndexOf(' ', start)
    start = space >= 0 && start - space < 20 ? space + 1 : start
  }
  let end = Math.min(text.length, start + length)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > start + length / 2) end = space
  }
  return { text: text.slice(start, end), start }
}
