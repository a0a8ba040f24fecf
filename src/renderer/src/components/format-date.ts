// Dates stay the strings the user wrote; these only decide how to show them.
import { normaliseSourceDate } from '../../../shared/text/source-date'
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

export interface DisplayDate {
  text: string
  /** Machine-readable value for <time dateTime>, or null when the string did not parse. */
  iso: string | null
}

// A library lists thousands of dates; building a formatter per row is the slow part.
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: string | undefined, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone ?? ''}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone })
    formatters.set(key, format)
  }
  return format
}

export interface DateFormatOptions {
  /** Defaults to the user's locale and timezone. */
  locale?: string
  timeZone?: string
}

export function formatPublished(value: string | null | undefined, options: DateFormatOptions = {}): DisplayDate | null {
  if (!value) return null
  const trimmed = value.trim()
  // A bare date is a calendar day, not midnight UTC: format it in UTC so it never
  // shows as the day before in timezones west of Greenwich.
  const dateOnly = DATE_ONLY.test(trimmed)
  const time = Date.parse(dateOnly ? `${trimmed}T00:00:00Z` : trimmed)
  if (Number.isNaN(time)) return { text: value, iso: null }
  const format = formatter(options.locale, dateOnly ? 'UTC' : options.timeZone)
  return { text: format.format(new Date(time)), iso: trimmed }
}

/**
 * An article's publication date: the calendar day the source gives, in any dialect a
 * clipping tool writes (src/shared/text/source-date.ts), shown as that day whatever
 * the reader's time zone — a page published late on the 26th in New York was
 * published on the 26th, also for a reader in Auckland. Moments that belong to the
 * reader (when a highlight was made) use formatPublished instead.
 */
export function formatSourceDay(value: string | null | undefined, options: Pick<DateFormatOptions, 'locale'> = {}): DisplayDate | null {
  if (!value || value.trim() === '') return null
  const normal = normaliseSourceDate(value)
  if (normal === null) return { text: value, iso: null }
  const time = Date.parse(`${normal.slice(0, 10)}T00:00:00Z`)
  return { text: formatter(options.locale, 'UTC').format(new Date(time)), iso: normal }
}
