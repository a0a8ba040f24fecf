// Estimated reading time from the article's word count.

// The figures live in src/shared/reading-stats.ts: exports state reading time too.
import { readingMinutes } from '../../../../shared/reading-stats'

export { readingMinutes, WORDS_PER_MINUTE } from '../../../../shared/reading-stats'

/** Past this the time is not worth counting: "more than 10 hours" (a 4 MB file is not an evening's read). */
export const READING_TIME_CAP_MINUTES = 600

/** "12 min", "1 h 35 min", or null past the cap. */
function hoursAndMinutes(words: number): string | null {
  const minutes = readingMinutes(words)
  if (minutes > READING_TIME_CAP_MINUTES) return null
  if (minutes < 60) return `${minutes} min`
  const rest = minutes % 60
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${rest} min`
}

/** "12 min read", "1 h 35 min read"; under a minute reads "1 min read"; beyond the cap "more than 10 hours". */
export function formatReadingTime(words: number): string {
  const time = hoursAndMinutes(words)
  return time === null ? 'more than 10 hours' : `${time} read`
}

/** The library row's form: "12 min", "1 h 35 min", "> 10 h". */
export function shortReadingTime(words: number): string {
  return hoursAndMinutes(words) ?? '> 10 h'
}
