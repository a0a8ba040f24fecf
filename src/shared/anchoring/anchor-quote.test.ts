import { describe, expect, it } from 'vitest'
import { anchorQuote, describeRange, type AnchorResult } from './index'
import { seededRandom } from '../../../tests/fixtures/seeded-random'

// Our own prose; every paragraph is a block, joined as the article text is.
const PARAGRAPHS = [
  'Tide Tables and Other Promises',
  'Every morning the harbour master chalks the tide times on a slate by the ferry ramp. Fishermen read it before coffee; tourists read it after lunch, when it is already wrong.',
  'The slate has been replaced three times since 1987. The current one hangs from a hook shaped like a question mark, which the café owner across the square finds very funny.',
  '“We don’t trust the app,” says Anaïs, who runs the bait shop. “The app doesn’t know about the wind.” She taps the slate twice for luck 🍀 and goes back inside.',
  'Out past the breakwater, the channel narrows to forty metres. The bell buoy rings twice when a swell comes through. Boats wait for slack water before they try the passage.',
  'In winter the fog arrives without warning. The bell buoy rings twice when a swell comes through, and the sound carries all the way to the chapel on the hill.',
  'Nobody remembers who first chalked the slate. The archive holds a photograph from 1952 showing the same hook, the same ramp, and a boy in a wool cap pointing at the numbers 🦉.'
]
const ARTICLE = PARAGRAPHS.join('\n\n')
const BELL = 'The bell buoy rings twice when a swell comes through'

/** Offsets of the n-th occurrence (0-based) of `quote` in `text`. */
function rangeOf(text: string, quote: string, occurrence = 0): [number, number] {
  let at = -1
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1)
    if (at === -1) throw new Error(`fixture: "${quote}" occurs fewer than ${occurrence + 1} times`)
  }
  return [at, at + quote.length]
}

/** A deterministic, non-repeating stream of words for long passages. */
function prose(words: number, seed: number): string {
  const vocabulary = (
    'salt rope gull tide harbour lantern net keel mast sail anchor chart wave reef shell fog bell ' +
    'stone quay crab oar wind storm calm dawn dusk island pier boat cargo chapel slate ferry hull'
  ).split(' ')
  const next = seededRandom(seed)
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(vocabulary[Math.floor(next() * vocabulary.length)] + (next() < 0.08 ? '.' : ''))
  return out.join(' ')
}

// Widening an approximate match to whole words must stay within what the reader
// highlighted: never back across a paragraph break, never a long run of letters.
describe('widening an approximate match to whole words', () => {
  /** A sentence, and the same text with every space taken out (a text without spaces). */
  const SPACED = 'the harbour master chalks the tide times on a slate by the ferry ramp while fishermen read it before coffee and tourists read it later'
  const SPACELESS = SPACED.replace(/ /g, '')
  const SPACELESS_QUOTE = 'tide times on a slate by the ferry ramp while fishermen read'
  const overlap = (a: [number, number], b: [number, number]) =>
    Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0])) / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]))

  it.each([
    {
      name: 'the first word reworded after a heading: not back over the heading and the blank line (rule 2)',
      before: ARTICLE,
      quote: 'Every morning the harbour',
      after: ARTICLE.replace('Every morning the harbour', 'So morning the harbour'),
      expected: 'So morning the harbour'
    },
    {
      name: 'a quote that spans two paragraphs keeps its paragraph break',
      before: ARTICLE,
      quote: 'goes back inside.\n\nOut past',
      after: ARTICLE.replace('Out past', 'Far past'),
      expected: 'goes back inside.\n\nFar past'
    }
  ])('$name', ({ before, quote, after, expected }) => {
    const [start, end] = rangeOf(before, quote)
    const result = anchorQuote(after, describeRange(before, start, end))
    const [newStart, newEnd] = rangeOf(after, expected)
    expect(result && after.slice(result.start, result.end)).toBe(expected)
    expect(result).toMatchObject({ start: newStart, end: newEnd })
  })

  it('on a text without spaces the match is not grown to the whole text (rule 3)', () => {
    const [start, end] = rangeOf(SPACED, SPACELESS_QUOTE)
    const result = anchorQuote(SPACELESS, describeRange(SPACED, start, end))
    const ideal = rangeOf(SPACELESS, SPACELESS_QUOTE.replace(/ /g, ''))
    expect(result).not.toBeNull()
    expect(result!.end - result!.start).toBeLessThanOrEqual(SPACELESS_QUOTE.length)
    expect(overlap([result!.start, result!.end], ideal)).toBeGreaterThanOrEqual(0.9)
  })
})

// What other tools export: a quote and its context, no position.
describe('quote-only selectors', () => {
  const TEXT = 'The ferry stopped running in the spring. Many years later the town built a bridge, and the ramp became a car park.'
  const quoteOnly = (exact: string, prefix: string, suffix: string) => ({ quote: { type: 'TextQuoteSelector' as const, exact, prefix, suffix } })

  it.each([
    { name: 'the quote once, unchanged, its prefix changed', exact: 'years later', prefix: 'It used to be many ', suffix: ' the town built', expected: 'years later' },
    { name: 'the quote once, unchanged, both sides changed', exact: 'years later', prefix: 'It used to be many ', suffix: ', they said', expected: 'years later' },
    { name: 'the quote once, unchanged, no context at all', exact: 'years later', prefix: '', suffix: '', expected: 'years later' },
    { name: 'a lone word is not enough without its context', exact: 'bridge', prefix: 'over the old ', suffix: ' to the island', expected: null },
    { name: 'a phrase that is not in the text', exact: 'months earlier', prefix: 'It used to be many ', suffix: ' the town built', expected: null }
  ])('$name', ({ exact, prefix, suffix, expected }) => {
    const result = anchorQuote(TEXT, quoteOnly(exact, prefix, suffix))
    if (expected === null) return expect(result).toBeNull()
    const start = TEXT.indexOf(expected)
    expect(result).toEqual({ start, end: start + expected.length, method: 'quote' })
  })

  it('with a position, the same short phrase with all its context changed stays an orphan (its passage may have been deleted)', () => {
    const selectors = { ...quoteOnly('years later', 'It used to be many ', ', they said'), position: { type: 'TextPositionSelector' as const, start: 300, end: 311 } }
    expect(anchorQuote(TEXT, selectors)).toBeNull()
  })
})

describe('anchorQuote on unchanged text uses the stored position', () => {
  const cases: Array<{ name: string; quote: string; occurrence?: number }> = [
    { name: 'the title at the very start', quote: 'Tide Tables' },
    { name: 'words in the middle', quote: 'hangs from a hook shaped like a question mark' },
    { name: 'the last characters, ending in an emoji', quote: 'pointing at the numbers 🦉.' },
    { name: 'accents and curly quotes', quote: '“We don’t trust the app,” says Anaïs' },
    { name: 'an emoji alone', quote: '🍀' },
    { name: 'a single letter', quote: 'E' },
    { name: 'a span across a paragraph break', quote: 'very funny.\n\n“We' },
    { name: 'the second of two identical sentences', quote: BELL, occurrence: 1 },
    { name: 'the whole article', quote: ARTICLE }
  ]

  it.each(cases)('$name', ({ quote, occurrence }) => {
    const [start, end] = rangeOf(ARTICLE, quote, occurrence)
    const selectors = describeRange(ARTICLE, start, end)
    expect(anchorQuote(ARTICLE, selectors)).toEqual({ start, end, method: 'position' })
  })

  it('without a stored position, finds the quote and lets context pick among duplicates', () => {
    const [start, end] = rangeOf(ARTICLE, BELL, 1)
    const { quote } = describeRange(ARTICLE, start, end)
    expect(anchorQuote(ARTICLE, { quote })).toEqual({ start, end, method: 'quote' })
  })
})

type Expected = null | { text: string; method: AnchorResult['method']; occurrence?: number }

describe('anchorQuote after the text changed', () => {
  const withoutParagraph = (i: number) => PARAGRAPHS.filter((_, k) => k !== i).join('\n\n')
  const moved = (from: number, edit: (p: string) => string = (p) => p) => {
    const rest = PARAGRAPHS.filter((_, k) => k !== from)
    return [...rest, edit(PARAGRAPHS[from])].join('\n\n')
  }
  const longParagraph = prose(220, 7)
  const withLong = [...PARAGRAPHS.slice(0, 3), longParagraph, ...PARAGRAPHS.slice(3)].join('\n\n')
  const longWords = longParagraph.split(' ')
  const middleRewritten = [...longWords.slice(0, 50), ...prose(110, 99).split(' '), ...longWords.slice(160)].join(' ')
  const lightlyEdited = longWords.map((w, i) => (i % 20 === 5 ? w.toUpperCase() : w)).join(' ')
  const hugeParagraph = prose(3000, 11)
  const withHuge = [PARAGRAPHS[0], hugeParagraph, ...PARAGRAPHS.slice(1)].join('\n\n')
  const hugeEdited = hugeParagraph.replace(/ gull /g, ' seagull ')

  const cases: Array<{ name: string; before: string; quote: string; occurrence?: number; after: string; expected: Expected }> = [
    {
      name: 'text inserted before the quote shifts it',
      before: ARTICLE,
      quote: 'a boy in a wool cap',
      after: 'Editor’s note: this piece was updated in March.\n\n' + ARTICLE,
      expected: { text: 'a boy in a wool cap', method: 'quote' }
    },
    {
      name: 'text prepended to a quote that started the article',
      before: ARTICLE,
      quote: 'Tide Tables and Other Promises',
      after: 'Draft 2\n\n' + ARTICLE,
      expected: { text: 'Tide Tables and Other Promises', method: 'quote' }
    },
    {
      name: 'text appended after a quote that ended the article keeps its position',
      before: ARTICLE,
      quote: 'at the numbers 🦉.',
      after: ARTICLE + '\n\nCorrection: the photograph is from 1953.',
      expected: { text: 'at the numbers 🦉.', method: 'position' }
    },
    {
      name: 'a duplicate passage: context keeps the second occurrence second',
      before: ARTICLE,
      quote: BELL,
      occurrence: 1,
      after: withoutParagraph(2),
      expected: { text: BELL, method: 'quote', occurrence: 1 }
    },
    {
      name: 'a duplicate passage: the other occurrence shifted into the old offsets is not taken',
      before: ARTICLE,
      quote: BELL,
      occurrence: 1,
      after: 'x'.repeat(rangeOf(ARTICLE, BELL, 1)[0] - rangeOf(ARTICLE, BELL, 0)[0]) + ARTICLE,
      expected: { text: BELL, method: 'quote', occurrence: 1 }
    },
    {
      name: 'a typo fixed inside the quote',
      before: ARTICLE.replace('read it before coffee', 'read it befor coffee'),
      quote: 'Fishermen read it befor coffee',
      after: ARTICLE,
      expected: { text: 'Fishermen read it before coffee', method: 'fuzzy' }
    },
    {
      name: 'whitespace reflowed (line break and double space gone)',
      before: ARTICLE.replace('has been replaced three times', 'has been\nreplaced three  times'),
      quote: 'The slate has been\nreplaced three  times since 1987.',
      after: ARTICLE,
      expected: { text: 'The slate has been replaced three times since 1987.', method: 'fuzzy' }
    },
    {
      name: 'curly quotes and apostrophes straightened',
      before: ARTICLE,
      quote: '“We don’t trust the app,” says Anaïs',
      after: ARTICLE.replace(/[“”]/g, '"').replace(/’/g, "'"),
      expected: { text: '"We don\'t trust the app," says Anaïs', method: 'fuzzy' }
    },
    {
      name: 'the paragraph holding the quote deleted',
      before: ARTICLE,
      quote: 'a photograph from 1952 showing the same hook',
      after: withoutParagraph(6),
      expected: null
    },
    {
      name: 'a short quote deleted while a look-alike remains elsewhere',
      before: ARTICLE,
      quote: 'a wool cap',
      after: withoutParagraph(6) + '\n\nHe wore a wool hat in every photograph.',
      expected: null
    },
    {
      name: 'a short phrase whose paragraph was deleted does not jump to the same words in another paragraph',
      before: ARTICLE,
      quote: 'the slate',
      after: withoutParagraph(3),
      expected: null
    },
    {
      name: 'a phrase of a few words that occurs only once is kept even when all its context is new',
      before: ARTICLE,
      quote: 'the café owner',
      after: 'Yesterday the café owner laughed at the tide tables again.',
      expected: { text: 'the café owner', method: 'quote' }
    },
    {
      name: 'a word inserted into a short quote: the match takes whole words, never half of one',
      before: ARTICLE,
      quote: 'wait for slack',
      after: ARTICLE.replace('wait for slack', 'wait patiently for slack'),
      expected: { text: 'patiently for slack', method: 'fuzzy' }
    },
    {
      name: 'a word inserted at the start of a short quote: no stray space at the edge',
      before: ARTICLE,
      quote: 'the fog arrives',
      after: ARTICLE.replace('the fog arrives', 'the sea fog arrives'),
      expected: { text: 'sea fog arrives', method: 'fuzzy' }
    },
    {
      name: 'the sentence rewritten beyond recognition',
      before: ARTICLE,
      quote: 'She taps the slate twice for luck 🍀 and goes back inside.',
      after: ARTICLE.replace('She taps the slate twice for luck 🍀 and goes back inside.', 'Then she locks up early and heads home along the seawall.'),
      expected: null
    },
    {
      name: 'the quote moved to another section',
      before: ARTICLE,
      quote: 'hangs from a hook shaped like a question mark',
      after: moved(2),
      expected: { text: 'hangs from a hook shaped like a question mark', method: 'quote' }
    },
    {
      name: 'the quote moved and lightly edited',
      before: ARTICLE,
      quote: 'hangs from a hook shaped like a question mark',
      after: moved(2, (p) => p.replace('hangs from a hook', 'hangs off a hook')),
      expected: { text: 'hangs off a hook shaped like a question mark', method: 'fuzzy' }
    },
    {
      name: 'a short quote edited in place while its old wording remains elsewhere',
      before: 'Every spring the gulls nest on the north pier, loudly.\n\nIn autumn the fishermen mend their nets on the north pier instead.',
      quote: 'north pier',
      after: 'Every spring the gulls nest on the North Pier, loudly.\n\nIn autumn the fishermen mend their nets on the north pier instead.',
      expected: { text: 'North Pier', method: 'fuzzy' }
    },
    {
      name: 'a long quote lightly edited throughout',
      before: withLong,
      quote: longParagraph,
      after: withLong.replace(longParagraph, lightlyEdited),
      expected: { text: lightlyEdited, method: 'fuzzy' }
    },
    {
      name: 'a long quote with its middle rewritten is found by its first and last words',
      before: withLong,
      quote: longParagraph,
      after: withLong.replace(longParagraph, middleRewritten),
      expected: { text: middleRewritten, method: 'fuzzy' }
    },
    {
      name: 'a long quote deleted',
      before: withLong,
      quote: longParagraph,
      after: ARTICLE,
      expected: null
    },
    {
      name: 'a very long quote (over 10,000 characters) with a word changed throughout',
      before: withHuge,
      quote: hugeParagraph,
      after: withHuge.replace(hugeParagraph, hugeEdited),
      expected: { text: hugeEdited, method: 'fuzzy' }
    }
  ]

  it.each(cases)('$name', ({ before, quote, occurrence, after, expected }) => {
    const [start, end] = rangeOf(before, quote, occurrence)
    const selectors = describeRange(before, start, end)
    const result = anchorQuote(after, selectors)
    if (expected === null) {
      expect(result).toBeNull()
      return
    }
    const [newStart, newEnd] = rangeOf(after, expected.text, expected.occurrence)
    expect(result).toEqual({ start: newStart, end: newEnd, method: expected.method })
  })

  it('a stored position beyond the end of a shortened text is ignored, not trusted', () => {
    const [start, end] = rangeOf(ARTICLE, 'a boy in a wool cap')
    const selectors = describeRange(ARTICLE, start, end)
    const shortened = PARAGRAPHS[6]
    const [newStart, newEnd] = rangeOf(shortened, 'a boy in a wool cap')
    expect(anchorQuote(shortened, selectors)).toEqual({ start: newStart, end: newEnd, method: 'quote' })
  })

  it('an empty quote or an empty text anchors nowhere', () => {
    const empty = { type: 'TextQuoteSelector' as const, exact: '', prefix: '', suffix: '' }
    expect(anchorQuote(ARTICLE, { quote: empty })).toBeNull()
    const { quote, position } = describeRange(ARTICLE, 0, 4)
    expect(anchorQuote('', { quote, position })).toBeNull()
  })

  it('a common word with thousands of occurrences still anchors to its own place', () => {
    const filler = prose(15_000, 5)
      .split(' ')
      .map((word, i) => (i % 5 === 0 ? `the ${word}` : word))
      .join(' ')
    const text = filler + '\n\n' + ARTICLE
    const [start, end] = rangeOf(text, 'the ', 1500)
    const selectors = describeRange(text, start, end - 1)
    const shifted = 'Preface.\n\n' + text
    const moved = { start: start + 10, end: end - 1 + 10 }
    expect(anchorQuote(shifted, selectors)).toEqual({ ...moved, method: 'quote' })
    // With its context edited too, the right one still wins among the thousands.
    const cut = moved.end + 12
    const edited = shifted.slice(0, cut) + ' (smudged)' + shifted.slice(cut)
    expect(anchorQuote(edited, selectors)).toEqual({ ...moved, method: 'quote' })
  })
})
