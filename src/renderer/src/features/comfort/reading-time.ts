// Estimated reading time from the article's word count.

// The figures live in src/shared/reading-stats.ts: exports state reading time too.
import { readingMinutes } from '../../../../shared/reading-stats'

export { readingMinutes, WORDS_PER_MINUTE } from '../../../../shared/reading-stats'

/** "12 min read"; under a minute reads "1 min read". */
export function formatReadingTime(words: number): string {
  return `${readingMinutes(words)} min read`
}
