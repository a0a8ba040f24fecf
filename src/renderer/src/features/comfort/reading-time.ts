// Estimated reading time from the article's word count.

/** A common figure for adults reading prose on screen (studies put silent reading at 200–260). */
export const WORDS_PER_MINUTE = 230

/** Whole minutes, at least 1 for any article (an empty one included: it still has a title to read). */
export function readingMinutes(words: number): number {
  if (!Number.isFinite(words) || words <= 0) return 1
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}

/** "12 min read"; under a minute reads "1 min read". */
export function formatReadingTime(words: number): string {
  return `${readingMinutes(words)} min read`
}
