// Reading figures the library rows, the reader and the exports all state the same way:
// minutes to read from a word count, and when a reading fraction counts as "read".

/** A common figure for adults reading prose on screen (studies put silent reading at 200–260). */
export const WORDS_PER_MINUTE = 230

/** At or past this fraction of the text, an article counts as read. */
export const READ_THRESHOLD = 0.98

/** Whole minutes, at least 1 for any article (an empty one included: it still has a title to read). */
export function readingMinutes(words: number): number {
  if (!Number.isFinite(words) || words <= 0) return 1
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}

export type ReadState = 'unread' | 'reading' | 'read'

/** Never opened or barely begun (under 1 %): unread; at READ_THRESHOLD: read; in between: reading. */
export function readState(fraction: number | null): ReadState {
  if (fraction === null || !Number.isFinite(fraction) || fraction < 0.01) return 'unread'
  return fraction >= READ_THRESHOLD ? 'read' : 'reading'
}
