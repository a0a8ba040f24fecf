// Dates stay the strings the user wrote; these only decide how to show them.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

export interface DisplayDate {
  text: string
  /** Machine-readable value for <time dateTime>, or null when the string did not parse. */
  iso: string | null
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
  const format = new Intl.DateTimeFormat(options.locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: dateOnly ? 'UTC' : options.timeZone
  })
  return { text: format.format(new Date(time)), iso: trimmed }
}
