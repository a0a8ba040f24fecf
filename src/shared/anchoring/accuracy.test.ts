// Re-anchoring accuracy: how often a highlight lands on the right words after the
// article's text was edited in the ways real articles are edited. Hundreds of
// highlights (every sentence, phrases, single words, whole paragraphs, spans across
// paragraphs) are made on four articles of our own prose; each edit pattern is applied;
// where each highlight *should* land is computed from the edit itself (every character
// of the edited text knows where it came from: tests/fixtures/tracked-edits.ts) and
// compared with where anchorQuote puts it. docs/anchoring.md reports the figures.
//
// Expectation per highlight, from the share of its characters still there in one
// in-order run (`locate`, which also widens the run over new words that replaced words
// of the highlight, e.g. "approved the" → "backed the"):
//   ≥ 85 % kept                          → must be placed on that run;
//   50–85 % kept, or words replaced       → either placed on it or an orphan;
//   otherwise (deleted, rewritten around) → must be an orphan.
// Outcome:
//   right            placed, overlapping the expected span by ≥ 80 % (intersection /
//                    union), or (text partly replaced) covering ≥ 80 % of it without
//                    leaving the words that replaced it, or on an exact copy of the
//                    passage whose context matches
//                    the stored context at least as well (a paragraph duplicated by a
//                    clipping glitch: the two places cannot be told apart)
//   orphaned         orphan where the expectation allows it
//   wrongly orphaned orphan where the text is still there
//   misplaced        placed anywhere else, or placed although its text is gone
import { afterAll, describe, expect, it } from 'vitest'
import { ACCURACY_ARTICLES, INSERTED_PARAGRAPHS, type AccuracyArticle } from '../../../tests/fixtures/anchoring-articles'
import {
  copiesOf,
  copyAsParagraph,
  deleteParagraphs,
  insertParagraphs,
  locate,
  moveParagraphs,
  paragraphRanges,
  replaceMatches,
  replaceRanges,
  rewrap,
  rewriteParagraph,
  tracked,
  wrapLines,
  type Replacement,
  type TrackedText
} from '../../../tests/fixtures/tracked-edits'
import { anchorQuote, CONTEXT_LENGTH, describeRange } from './index'
import { contextScore } from './match-quote'
import type { TextQuoteSelector } from '../model'
import { seededRandom as seeded } from '../../../tests/fixtures/seeded-random'

const PLACE_SHARE = 0.85
const ORPHAN_SHARE = 0.5
const RIGHT_OVERLAP = 0.8

// ---- random but reproducible -------------------------------------------------------

type Random = () => number
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]
const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1))

// ---- the articles' texts and the highlights made on them -----------------------------

function articleText(article: AccuracyArticle): string {
  const blocks = article.wrap ? article.paragraphs.map((p) => wrapLines(p, article.wrap!)) : article.paragraphs
  return blocks.join('\n\n')
}

type SpanKind = 'sentence' | 'phrase' | 'word' | 'paragraph' | 'across paragraphs'
interface Span {
  start: number
  end: number
  kind: SpanKind
}

const SENTENCE_END = /[.!?…]+[”"’)]*(?=\s|$)/g
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu

/** Sentences of a paragraph as [start, end), whitespace excluded; a heading is one sentence. */
function sentenceRanges(text: string, [start, end]: [number, number]): Array<[number, number]> {
  const paragraph = text.slice(start, end)
  const out: Array<[number, number]> = []
  let from = 0
  for (const m of paragraph.matchAll(SENTENCE_END)) {
    const to = m.index! + m[0].length
    out.push([from, to])
    from = to
  }
  if (paragraph.slice(from).trim()) out.push([from, paragraph.length])
  return out
    .map(([a, b]) => {
      const chunk = paragraph.slice(a, b)
      const lead = chunk.length - chunk.trimStart().length
      return [start + a + lead, start + a + chunk.trimEnd().length] as [number, number]
    })
    .filter(([a, b]) => b > a)
}

function wordRanges(text: string, [start, end]: [number, number]): Array<[number, number]> {
  return [...text.slice(start, end).matchAll(WORD)].map((m) => [start + m.index!, start + m.index! + m[0].length])
}

/**
 * What readers highlight: every sentence, two phrases of 2–6 words in each, one word
 * per paragraph, every paragraph of more than one sentence, and the end of one
 * paragraph with the start of the next every third paragraph.
 */
function highlightsFor(text: string, random: Random): Span[] {
  const spans: Span[] = []
  const paragraphs = paragraphRanges(text)
  paragraphs.forEach((paragraph, p) => {
    const sentences = sentenceRanges(text, paragraph)
    for (const sentence of sentences) {
      spans.push({ start: sentence[0], end: sentence[1], kind: 'sentence' })
      const words = wordRanges(text, sentence)
      for (let k = 0; k < 2 && words.length > 2; k++) {
        const length = between(random, 2, Math.min(6, words.length))
        const first = between(random, 0, words.length - length)
        spans.push({ start: words[first][0], end: words[first + length - 1][1], kind: 'phrase' })
      }
    }
    const long = wordRanges(text, paragraph).filter(([a, b]) => b - a >= 4)
    if (long.length) {
      const [a, b] = pick(random, long)
      spans.push({ start: a, end: b, kind: 'word' })
    }
    if (sentences.length > 1) spans.push({ start: paragraph[0], end: paragraph[1], kind: 'paragraph' })
    const next = paragraphs[p + 1]
    if (p % 3 === 1 && next && sentences.length) {
      const following = sentenceRanges(text, next)[0]
      spans.push({ start: sentences[sentences.length - 1][0], end: following[1], kind: 'across paragraphs' })
    }
  })
  const seen = new Set<string>()
  return spans.filter((s) => !seen.has(`${s.start}:${s.end}`) && !!seen.add(`${s.start}:${s.end}`))
}

// ---- edit patterns ---------------------------------------------------------------------

interface EditCase {
  /** The text the highlights are made on. */
  before: string
  /** The edited text, every character knowing where it came from in `before`. */
  after: TrackedText
}

interface Pattern {
  name: string
  /** Whether the pattern makes sense for this article (e.g. rewrapping needs line breaks). */
  applies?: (article: AccuracyArticle) => boolean
  edit: (article: AccuracyArticle, text: string, random: Random) => EditCase
}

/** The smallest replacement that turns `from` into `to` at `at`: common ends are kept. */
function minimalReplacement(at: number, from: string, to: string): Replacement {
  let head = 0
  while (head < from.length && head < to.length && from[head] === to[head]) head++
  let tail = 0
  while (tail < from.length - head && tail < to.length - head && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++
  return { start: at + head, end: at + from.length - tail, insert: to.slice(head, to.length - tail) }
}

const NEAR_KEYS: Record<string, string> = { a: 's', e: 'r', i: 'o', o: 'i', n: 'm', r: 't', s: 'a', t: 'r', l: 'k', u: 'y' }

function misspell(word: string, random: Random): string {
  const i = between(random, 1, word.length - 2)
  switch (between(random, 0, 3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1) // a letter dropped
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i) // a letter doubled
    case 2:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) // two letters swapped
    default: {
      const near = NEAR_KEYS[word[i]] ?? 'e'
      return word.slice(0, i) + (near === word[i] ? 'x' : near) + word.slice(i + 1) // a neighbouring key
    }
  }
}

/** The text with `count` typos, and the fixes that turn it back into `clean`. */
function withTypos(clean: string, count: number, random: Random): { before: string; fixes: Replacement[] } {
  const words = [...clean.matchAll(/\p{L}{5,}/gu)]
  const chosen = new Set<number>()
  while (chosen.size < Math.min(count, words.length)) chosen.add(Math.floor(random() * words.length))
  let before = ''
  let at = 0
  const fixes: Replacement[] = []
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const m = words[index]
    before += clean.slice(at, m.index)
    let typo = misspell(m[0], random)
    if (typo === m[0]) typo = m[0].slice(0, -1)
    fixes.push(minimalReplacement(before.length, typo, m[0]))
    before += typo
    at = m.index! + m[0].length
  }
  return { before: before + clean.slice(at), fixes }
}

function fixTypos(count: number, seedText: string, random: Random): EditCase {
  const { before, fixes } = withTypos(seedText, count, random)
  return { before, after: replaceRanges(tracked(before), fixes) }
}

const hasCurlyQuotes = (text: string): boolean => /[“”’]/.test(text)

/** Typographic punctuation to typewriter stand-ins, as a plain-text export or an editor does. */
function straightenPunctuation(source: TrackedText): TrackedText {
  const plain: Record<string, string> = { '“': '"', '”': '"', '‘': "'", '’': "'", '—': '--', '–': '-', '…': '...' }
  return replaceMatches(source, /[“”‘’—–…]/g, (m) => plain[m[0]])
}

/** Typewriter punctuation to typographic, as a word processor's "smart quotes" does. */
function curlPunctuation(source: TrackedText): TrackedText {
  return replaceMatches(source, /\.\.\.|--|"|'/g, (m) => {
    const previous = m.index === 0 ? ' ' : source.text[m.index - 1]
    if (m[0] === '...') return '…'
    if (m[0] === '--') return '—'
    if (m[0] === '"') return /[\s(—-]/.test(previous) ? '“' : '”'
    return /[\s(]/.test(previous) ? '‘' : '’'
  })
}

function changePunctuation(source: TrackedText): TrackedText {
  return hasCurlyQuotes(source.text) ? straightenPunctuation(source) : curlPunctuation(source)
}

/**
 * Slight rewordings as word-level replacements: words the old and new phrase share stay
 * (with whatever whitespace the text has between them), the others are replaced,
 * inserted or deleted, so that a highlight keeps credit for the words that survive.
 */
function reword(source: TrackedText, rewordings: Array<[string, string]>): TrackedText {
  const replacements: Replacement[] = []
  for (const [from, to] of rewordings) {
    // A hard-wrapped text may break the phrase across lines.
    const pattern = new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'g')
    const found = [...source.text.matchAll(pattern)]
    if (found.length !== 1) throw new Error(`fixture: "${from}" must occur exactly once`)
    const at = found[0].index!
    const oldWords = [...found[0][0].matchAll(/\S+/g)].map((m) => ({ word: m[0], start: at + m.index!, end: at + m.index! + m[0].length }))
    const newWords = to.split(' ')
    const pairs = commonWords(
      oldWords.map((w) => w.word),
      newWords
    )
    // Between two kept words (or an end), the old words there give way to the new ones.
    let previous: [number, number] = [-1, -1]
    for (const pair of [...pairs, [oldWords.length, newWords.length] as [number, number]]) {
      const gone = oldWords.slice(previous[0] + 1, pair[0])
      const added = newWords.slice(previous[1] + 1, pair[1]).join(' ')
      if (gone.length > 0) {
        replacements.push({ start: gone[0].start, end: gone[gone.length - 1].end, insert: added })
        // A deleted word takes one neighbouring space with it.
        if (!added) {
          const last = replacements[replacements.length - 1]
          if (previous[0] >= 0) last.start = oldWords[previous[0]].end
          else if (pair[0] < oldWords.length) last.end = oldWords[pair[0]].start
        }
      } else if (added) {
        if (previous[0] >= 0) replacements.push({ start: oldWords[previous[0]].end, end: oldWords[previous[0]].end, insert: ' ' + added })
        else replacements.push({ start: oldWords[0].start, end: oldWords[0].start, insert: added + ' ' })
      }
      previous = pair
    }
  }
  return replaceRanges(source, replacements)
}

/** Index pairs of a longest common subsequence of two word lists. */
function commonWords(a: string[], b: string[]): Array<[number, number]> {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1])
    }
  }
  const pairs: Array<[number, number]> = []
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) pairs.push([i++, j++])
    else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++
    else j++
  }
  return pairs
}

/** Indices of body paragraphs (not the title, not headings). */
function bodyParagraphs(text: string): number[] {
  return paragraphRanges(text)
    .map(([a, b], i) => ({ i, sentences: sentenceRanges(text, [a, b]).length, hasEnd: /[.!?…”"]$/.test(text.slice(a, b)) }))
    .filter((p) => p.i > 0 && p.hasEnd)
    .map((p) => p.i)
}

/** A random sentence of the current text that is still the original passage (not a copy). */
function canonicalSentence(source: TrackedText, random: Random, paragraphs: number[]): [number, number] {
  const ranges = paragraphRanges(source.text)
  const p = pick(random, paragraphs)
  return pick(random, sentenceRanges(source.text, ranges[p]))
}

const PATTERNS: Pattern[] = [
  {
    name: 'typo fixes (12 words)',
    edit: (_article, text, random) => fixTypos(12, text, random)
  },
  {
    name: 'paragraph inserted at the top',
    edit: (_article, text, random) => ({ before: text, after: insertParagraphs(tracked(text), 1, [pick(random, INSERTED_PARAGRAPHS)]) })
  },
  {
    name: 'paragraphs inserted in the middle',
    edit: (_article, text, random) => {
      const count = paragraphRanges(text).length
      let after = insertParagraphs(tracked(text), between(random, 2, count - 1), [INSERTED_PARAGRAPHS[1], INSERTED_PARAGRAPHS[2]])
      after = insertParagraphs(after, between(random, 2, count - 1), [pick(random, INSERTED_PARAGRAPHS.slice(3))])
      return { before: text, after }
    }
  },
  {
    name: 'paragraphs appended at the end',
    edit: (_article, text) => ({
      before: text,
      after: insertParagraphs(tracked(text), Infinity, [INSERTED_PARAGRAPHS[3], INSERTED_PARAGRAPHS[5]])
    })
  },
  {
    name: 'two paragraphs deleted',
    edit: (_article, text, random) => {
      const candidates = bodyParagraphs(text)
      const first = pick(random, candidates)
      const second = pick(random, candidates.filter((i) => i !== first && i !== first + 1))
      const [a, b] = [Math.max(first, second), Math.min(first, second)]
      // The later one first, so that the earlier index still points at the same paragraph.
      return { before: text, after: deleteParagraphs(deleteParagraphs(tracked(text), a, a + 1), b, b + 1) }
    }
  },
  {
    name: 'lines rewrapped (hard-wrapped .txt)',
    applies: (article) => !!article.wrap,
    edit: (_article, text) => ({ before: text, after: rewrap(tracked(text), 58) })
  },
  {
    name: 'lines joined (hard-wrapped .txt)',
    applies: (article) => !!article.wrap,
    edit: (_article, text) => ({ before: text, after: rewrap(tracked(text), 0) })
  },
  {
    name: 'paragraphs hard-wrapped (one-line paragraphs)',
    applies: (article) => !article.wrap,
    edit: (_article, text) => ({ before: text, after: rewrap(tracked(text), 72) })
  },
  {
    name: 'quotes and dashes changed (curly ↔ straight)',
    edit: (_article, text) => ({ before: text, after: changePunctuation(tracked(text)) })
  },
  {
    name: 'sentences copied as pull quotes',
    edit: (_article, text, random) => {
      let after = tracked(text)
      for (let k = 0; k < 2; k++) {
        const body = bodyParagraphs(after.text).filter((i) => !after.canonical.subarray(...paragraphRanges(after.text)[i]).includes(0))
        const p = pick(random, body)
        const [start, end] = canonicalSentence(after, random, [p])
        const count = paragraphRanges(after.text).length
        // A pull quote sits a couple of paragraphs away from the passage it repeats.
        const before = p + 2 < count ? p + 2 : Math.max(1, p - 2)
        after = copyAsParagraph(after, start, end, before)
      }
      return { before: text, after }
    }
  },
  {
    name: 'a paragraph duplicated (clipping glitch)',
    edit: (_article, text, random) => {
      const p = pick(random, bodyParagraphs(text))
      const [start, end] = paragraphRanges(text)[p]
      return { before: text, after: copyAsParagraph(tracked(text), start, end, p + 1) }
    }
  },
  {
    name: 'a section moved',
    edit: (_article, text, random) => {
      const count = paragraphRanges(text).length
      const from = between(random, 1, count - 3)
      const to = from + between(random, 1, 3)
      const targets = Array.from({ length: count + 1 }, (_, i) => i).filter((i) => i >= 1 && (i < from || i > to))
      return { before: text, after: moveParagraphs(tracked(text), from, Math.min(to, count), pick(random, targets)) }
    }
  },
  {
    name: 'sentences reworded slightly',
    edit: (article, text) => ({ before: text, after: reword(tracked(text), article.rewordings) })
  },
  {
    name: 'paragraphs rewritten',
    edit: (article, text) => {
      let after = tracked(text)
      for (const [index, paragraph] of article.rewrites) after = rewriteParagraph(after, index, paragraph)
      return { before: text, after }
    }
  },
  {
    name: 'a new revision (several of the above)',
    edit: (article, text, random) => {
      const { before, fixes } = withTypos(text, 6, random)
      let after = replaceRanges(tracked(before), fixes)
      after = reword(after, article.rewordings.slice(0, 3))
      after = insertParagraphs(after, 1, [INSERTED_PARAGRAPHS[0]])
      const doomed = pick(random, bodyParagraphs(after.text).filter((i) => i > 1))
      after = deleteParagraphs(after, doomed, doomed + 1)
      after = changePunctuation(after)
      return { before, after }
    }
  }
]

// ---- measuring -----------------------------------------------------------------------

type Expectation = 'place' | 'orphan' | 'either'
type Outcome = 'right' | 'orphaned' | 'wrongly orphaned' | 'misplaced'
const OUTCOMES: Outcome[] = ['right', 'orphaned', 'wrongly orphaned', 'misplaced']

interface Trial {
  pattern: string
  article: string
  kind: SpanKind
  quote: string
  expectation: Expectation
  /** The quote or its 32 characters of context on either side were edited. */
  touched: boolean
  outcome: Outcome
  method: string
  expected: string
  got: string | null
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start)
  return union > 0 ? inter / union : 0
}

function runTrials(): Trial[] {
  const trials: Trial[] = []
  ACCURACY_ARTICLES.forEach((article, a) => {
    const text = articleText(article)
    PATTERNS.forEach((pattern, p) => {
      if (pattern.applies && !pattern.applies(article)) return
      const random = seeded(1000 * (a + 1) + p)
      const { before, after } = pattern.edit(article, text, random)
      for (const span of highlightsFor(before, seeded(a + 1))) {
        const selectors = describeRange(before, span.start, span.end)
        const result = anchorQuote(after.text, selectors)
        const expected = locate(after, before.length, span.start, span.end)
        const expectation: Expectation =
          expected.share >= PLACE_SHARE
            ? 'place'
            : expected.start >= 0 && (expected.share >= ORPHAN_SHARE || expected.replaced)
              ? 'either'
              : 'orphan'
        const contextStart = span.start - selectors.quote.prefix.length
        const contextEnd = span.end + selectors.quote.suffix.length
        const context = locate(after, before.length, contextStart, contextEnd)
        const touched = !(context.share === 1 && context.end - context.start === contextEnd - contextStart)
        let outcome: Outcome
        if (!result) outcome = expectation === 'place' ? 'wrongly orphaned' : 'orphaned'
        else if (expectation !== 'orphan' && onExpectedWords(result, expected)) outcome = 'right'
        else if (onIndistinguishableCopy(after, span, selectors.quote, expected, result)) outcome = 'right'
        else outcome = 'misplaced'
        trials.push({
          pattern: pattern.name,
          article: article.name,
          kind: span.kind,
          quote: selectors.quote.exact,
          expectation,
          touched,
          outcome,
          method: result?.method ?? 'orphan',
          expected: expected.share > 0 ? after.text.slice(expected.start, expected.end) : '',
          got: result ? after.text.slice(result.start, result.end) : null
        })
      }
    })
  })
  return trials
}

function onExpectedWords(
  result: { start: number; end: number },
  expected: { start: number; end: number; wide: { start: number; end: number } }
): boolean {
  if (overlap(result, expected) >= RIGHT_OVERLAP) return true
  const covered = Math.max(0, Math.min(result.end, expected.end) - Math.max(result.start, expected.start))
  const inside = result.start >= expected.wide.start && result.end <= expected.wide.end
  return inside && covered >= RIGHT_OVERLAP * (expected.end - expected.start)
}

/** Context evidence at a place: how well the text around it matches the stored prefix and suffix. */
function contextAt(text: string, at: { start: number; end: number }, quote: TextQuoteSelector): number {
  const prefix = text.slice(Math.max(0, at.start - quote.prefix.length), at.start)
  const suffix = text.slice(at.end, at.end + quote.suffix.length)
  return contextScore(prefix, quote.prefix, at.start === 0) + contextScore(suffix, quote.suffix, at.end === text.length)
}

/** The result sits on a full copy of the passage that reads, with its context, at least as much like it as the passage itself. */
function onIndistinguishableCopy(
  after: TrackedText,
  span: Span,
  quote: TextQuoteSelector,
  expected: { start: number; end: number },
  result: { start: number; end: number }
): boolean {
  const own = expected.start >= 0 ? contextAt(after.text, expected, quote) : -Infinity
  return copiesOf(after, span.start, span.end).some(
    (copy) => copy.share >= PLACE_SHARE && overlap(result, copy) >= RIGHT_OVERLAP && contextAt(after.text, copy, quote) >= own
  )
}

interface Tally {
  total: number
  touched: number
  counts: Record<Outcome, number>
  /** Highlights whose text is still there (≥ 85 %), and how many of those landed right. */
  mustPlace: number
  placed: number
  /** Highlights whose text is gone, and how many of those became orphans. */
  mustOrphan: number
  orphaned: number
}

function tally(trials: Trial[]): Tally {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>
  for (const t of trials) counts[t.outcome]++
  const place = trials.filter((t) => t.expectation === 'place')
  const orphan = trials.filter((t) => t.expectation === 'orphan')
  return {
    total: trials.length,
    touched: trials.filter((t) => t.touched).length,
    counts,
    mustPlace: place.length,
    placed: place.filter((t) => t.outcome === 'right').length,
    mustOrphan: orphan.length,
    orphaned: orphan.filter((t) => t.outcome === 'orphaned').length
  }
}

/** Two decimals, so that 3 in 6,395 does not read as 0 and 6,136 in 6,138 not as 100. */
const percent = (n: number, total: number): string => (total ? `${((100 * n) / total).toFixed(2)} %` : '–')

function table(rows: Array<[string, Tally]>): string {
  const header = ['pattern', 'highlights', 'touched', ...OUTCOMES, 'text kept → right', 'text gone → orphan']
  const lines = rows.map(([name, t]) => [
    name,
    String(t.total),
    String(t.touched),
    ...OUTCOMES.map((o) => `${t.counts[o]} (${percent(t.counts[o], t.total)})`),
    `${t.placed}/${t.mustPlace} (${percent(t.placed, t.mustPlace)})`,
    `${t.orphaned}/${t.mustOrphan} (${percent(t.orphaned, t.mustOrphan)})`
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join('\n')
}

// ---- the suite -----------------------------------------------------------------------

/**
 * Per pattern: the least share of all its highlights that must land on the right words
 * (set a little under what the suite measured, docs/anchoring.md), and the most that may
 * be misplaced or wrongly orphaned. A note on the wrong words is worse than an orphan
 * the user can see and re-attach, so misplacing is held to at most 2 in 482 (0.5 %) per
 * pattern and 0.1 % overall; the cases measured are listed in docs/anchoring.md.
 */
const THRESHOLDS: Record<string, number> = {
  'typo fixes (12 words)': 0.99,
  'paragraph inserted at the top': 0.99,
  'paragraphs inserted in the middle': 0.98,
  'paragraphs appended at the end': 0.99,
  'two paragraphs deleted': 0.78,
  'lines rewrapped (hard-wrapped .txt)': 0.99,
  'lines joined (hard-wrapped .txt)': 0.99,
  'paragraphs hard-wrapped (one-line paragraphs)': 0.99,
  'quotes and dashes changed (curly ↔ straight)': 0.99,
  'sentences copied as pull quotes': 0.99,
  'a paragraph duplicated (clipping glitch)': 0.99,
  'a section moved': 0.98,
  'sentences reworded slightly': 0.98,
  'paragraphs rewritten': 0.78,
  'a new revision (several of the above)': 0.9
}
const MAX_MISPLACED = 0.005
const MAX_MISPLACED_OVERALL = 0.001
const MAX_WRONGLY_ORPHANED = 0.005

describe('re-anchoring accuracy on edited articles', () => {
  const trials = runTrials()
  const byPattern = PATTERNS.map((p) => [p.name, tally(trials.filter((t) => t.pattern === p.name))] as [string, Tally])

  afterAll(() => {
    const overall = tally(trials)
    const touched = tally(trials.filter((t) => t.touched))
    const kinds = [...new Set(trials.map((t) => t.kind))].map((k) => [`kind: ${k}`, tally(trials.filter((t) => t.kind === k))] as [string, Tally])
    console.log(
      [
        `Anchoring accuracy: ${trials.length} highlight placements on ${ACCURACY_ARTICLES.length} articles`,
        table([...byPattern, ['all patterns', overall], ['only touched highlights', touched], ...kinds]),
        ...trials
          .filter((t) => t.outcome === 'misplaced' || t.outcome === 'wrongly orphaned')
          .slice(0, 40)
          .map((t) => `${t.outcome} [${t.pattern} / ${t.article} / ${t.kind} / ${t.method}] ${JSON.stringify(t.quote.slice(0, 80))} → ${JSON.stringify(t.got?.slice(0, 80) ?? null)} (expected ${JSON.stringify(t.expected.slice(0, 80))})`)
      ].join('\n')
    )
  })

  it('makes hundreds of highlights of every kind, many of them touched by the edits', () => {
    expect(trials.length).toBeGreaterThan(3000)
    const touched = trials.filter((t) => t.touched).length
    expect(touched).toBeGreaterThan(500)
    for (const kind of ['sentence', 'phrase', 'word', 'paragraph', 'across paragraphs'] as const) {
      expect(trials.filter((t) => t.kind === kind).length).toBeGreaterThan(50)
    }
    // Every expectation occurs, so each outcome can happen.
    for (const expectation of ['place', 'orphan', 'either'] as const) {
      expect(trials.filter((t) => t.expectation === expectation).length).toBeGreaterThan(20)
    }
  })

  it.each(byPattern)('%s', (name, t) => {
    expect(THRESHOLDS[name], `threshold for ${name}`).toBeDefined()
    expect(t.total).toBeGreaterThan(100)
    expect(t.counts.misplaced / t.total).toBeLessThanOrEqual(MAX_MISPLACED)
    expect(t.counts['wrongly orphaned'] / t.total).toBeLessThanOrEqual(MAX_WRONGLY_ORPHANED)
    expect(t.counts.right / t.total).toBeGreaterThanOrEqual(THRESHOLDS[name])
  })

  it('overall: almost nothing misplaced, and every highlight whose text is gone becomes an orphan', () => {
    const all = tally(trials)
    expect(all.counts.misplaced / all.total).toBeLessThanOrEqual(MAX_MISPLACED_OVERALL)
    expect(all.orphaned / all.mustOrphan).toBeGreaterThanOrEqual(0.99)
    expect(all.placed / all.mustPlace).toBeGreaterThanOrEqual(0.995)
  })

  it('the measure itself: an anchorer that always trusts the old position would be caught', () => {
    // Guards the test's own arithmetic: with the edits' shifts ignored, shifted
    // highlights must count as misplaced.
    const article = ACCURACY_ARTICLES[0]
    const text = articleText(article)
    const after = insertParagraphs(tracked(text), 1, [INSERTED_PARAGRAPHS[0]])
    const spans = highlightsFor(text, seeded(1))
    const misplaced = spans.filter((s) => {
      const expected = locate(after, text.length, s.start, s.end)
      return overlap(s, expected) < RIGHT_OVERLAP
    })
    expect(misplaced.length).toBeGreaterThan(spans.length * 0.9)
  })

  it('the context used to decide "touched" is the 32 characters the selectors store', () => {
    expect(CONTEXT_LENGTH).toBe(32)
  })
})
