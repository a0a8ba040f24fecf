// Sentences of an article's text, for selecting with the keyboard: Chromium has no
// caret browsing, so a keyboard user selects a sentence (s), steps or extends by
// sentences (Shift+S, e) and trims the ends with Shift+arrows. Sentences come from
// Intl.Segmenter (Unicode sentence boundaries, so "Dr. Smith" and "3.5" mostly stay
// whole, and a paragraph break always ends a sentence), trimmed of surrounding space.

export interface TextRange {
  start: number
  end: number
}

let cached: { text: string; sentences: TextRange[] } | null = null

// Intl.Segmenter has no abbreviation list: "Dr. Marsh" would be two sentences. A
// segment ending in a title, a common Latin abbreviation or an initial ("R.") runs on
// into the next one, unless a line break follows.
const ABBREVIATION = /(?:^|[\s(“"'])(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Mt|Gen|Col|Capt|Lt|Sgt|Rev|Hon|vs|cf|e\.g|i\.e|approx|ca|No|Nos|Vol|Fig|pp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$/

/** Every sentence of `text`, in order, trimmed; blank stretches are left out. */
export function sentencesOf(text: string): TextRange[] {
  if (cached?.text === text) return cached.sentences
  const sentences: TextRange[] = []
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' })
  let runOn = false
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length
    const body = segment.trim()
    if (!body) continue
    const range = { start: index + lead, end: index + lead + body.length }
    const previous = sentences[sentences.length - 1]
    if (runOn && previous) previous.end = range.end
    else sentences.push(range)
    runOn = ABBREVIATION.test(body) && !/\n\s*$/.test(segment)
  }
  cached = { text, sentences }
  return sentences
}

const within = (s: TextRange, bounds: TextRange): boolean => s.start >= bounds.start && s.end <= bounds.end

/** The sentence holding `offset`, or else the first one after it. */
export function sentenceAt(text: string, offset: number, bounds: TextRange = { start: 0, end: text.length }): TextRange | null {
  return sentencesOf(text).find((s) => within(s, bounds) && s.end > offset) ?? null
}

/** The first sentence starting at or after `offset` (the one after a selection ending there). */
export function sentenceAfter(text: string, offset: number, bounds: TextRange = { start: 0, end: text.length }): TextRange | null {
  return sentencesOf(text).find((s) => within(s, bounds) && s.start >= offset) ?? null
}

/** The last sentence starting before `offset` (the one before a selection starting there). */
export function sentenceBefore(text: string, offset: number, bounds: TextRange = { start: 0, end: text.length }): TextRange | null {
  const found = sentencesOf(text).filter((s) => within(s, bounds) && s.start < offset)
  return found.length ? found[found.length - 1] : null
}

/** The selection grown to the end of the next sentence; unchanged at the end of the text. */
export function extendBySentence(text: string, range: TextRange, bounds: TextRange = { start: 0, end: text.length }): TextRange {
  const holding = sentencesOf(text).find((s) => within(s, bounds) && s.end > range.end)
  return holding ? { start: range.start, end: holding.end } : range
}
