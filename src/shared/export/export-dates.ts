// Dates as exports write them.
//
// Obsidian's properties have two date types: Date (`YYYY-MM-DD`) and Date & time
// (`YYYY-MM-DDTHH:mm:ss`, no zone, no milliseconds: a time on the reader's own clock).
// An ISO timestamp with a zone (`2024-06-01T09:30:00.000Z`) is text to Obsidian, so
// Gloss writes instants in the export's time zone (the machine's, set by whoever builds
// the export; UTC where none is given, so that pure functions and tests agree
// everywhere) and a published date as the file wrote it, down to the second.
//
// formatDate: moment-style tokens (what Obsidian's own templates and Omnivore's date
// settings use) for templates. A small formatter over Intl rather than a date library:
// Intl already knows every zone and month name, and the export code runs on the page
// too, where every kilobyte counts; the tokens are the common subset (table below).

export const DEFAULT_TIME_ZONE = 'UTC'

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
/** Date and time, optional seconds/fraction, optional zone. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i

interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  weekday: number
}

/** An instant (ISO text) as Obsidian's Date & time in the zone: `2024-06-01T11:30:00`. Null when it is not a date. */
export function obsidianDateTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  return formatDate(iso, 'YYYY-MM-DDTHH:mm:ss', timeZone)
}

/** An instant as Obsidian's Date in the zone: `2024-06-01`. */
export function obsidianDate(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  return formatDate(iso, 'YYYY-MM-DD', timeZone)
}

/**
 * A published date from an article's file as an Obsidian property value: a date stays a
 * date; a date and time keeps the wall-clock time the file wrote (its zone and fraction
 * dropped, since the property has none); anything else is written as it is.
 */
export function obsidianPublished(published: string): string {
  const text = published.trim()
  if (DATE_ONLY.test(text)) return text
  const match = DATE_TIME.exec(text)
  if (!match) return text
  return `${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}`
}

/**
 * `value` formatted with moment-style tokens, in the zone. A date without a time
 * (`2023-11-05`) is that calendar day whatever the zone. Null when value is not a date
 * or the zone is unknown. Tokens: YYYY YY MMMM MMM MM M DD D dddd ddd HH H hh h mm ss A a;
 * text in [brackets] is kept as it is.
 */
export function formatDate(value: string, pattern: string, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  const parts = dateParts(value.trim(), timeZone)
  if (!parts) return null
  return pattern.replace(/\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|ss|A|a/g, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal
    return tokenValue(token, parts)
  })
}

/** The zone of the machine the export runs on (what Obsidian on it shows times in); UTC when it cannot tell. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE
  } catch {
    return DEFAULT_TIME_ZONE
  }
}

/** True when the zone is one Intl knows (an IANA name such as `Europe/Berlin`, or `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one,
// and an export formats two or three times per highlight (10,000 highlights spent
// seconds building formatters).
const zoneFormats = new Map<string, Intl.DateTimeFormat | null>()

function zoneFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = zoneFormats.get(timeZone)
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short'
      })
    } catch {
      format = null
    }
    zoneFormats.set(timeZone, format)
  }
  return format
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

function tokenValue(token: string, p: Parts): string {
  const two = (n: number) => String(n).padStart(2, '0')
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12
  switch (token) {
    case 'YYYY':
      return String(p.year).padStart(4, '0')
    case 'YY':
      return two(p.year % 100)
    case 'MMMM':
      return MONTHS[p.month - 1]
    case 'MMM':
      return MONTHS[p.month - 1].slice(0, 3)
    case 'MM':
      return two(p.month)
    case 'M':
      return String(p.month)
    case 'DD':
      return two(p.day)
    case 'D':
      return String(p.day)
    case 'dddd':
      return WEEKDAYS[p.weekday]
    case 'ddd':
      return WEEKDAYS[p.weekday].slice(0, 3)
    case 'HH':
      return two(p.hour)
    case 'H':
      return String(p.hour)
    case 'hh':
      return two(hour12)
    case 'h':
      return String(hour12)
    case 'mm':
      return two(p.minute)
    case 'ss':
      return two(p.second)
    case 'A':
      return p.hour < 12 ? 'AM' : 'PM'
    default:
      return p.hour < 12 ? 'am' : 'pm'
  }
}

function dateParts(value: string, timeZone: string): Parts | null {
  const dateOnly = DATE_ONLY.exec(value)
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])]
    const date = new Date(Date.UTC(year, month - 1, day))
    if (date.getUTCMonth() !== month - 1) return null
    return { year, month, day, hour: 0, minute: 0, second: 0, weekday: date.getUTCDay() }
  }
  const match = DATE_TIME.exec(value)
  if (!match) return null
  if (!match[5]) {
    // No zone: the wall-clock time as written.
    const [year, month, day] = match[1].split('-').map(Number)
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
    return { year, month, day, hour: Number(match[2]), minute: Number(match[3]), second: Number(match[4] ?? 0), weekday }
  }
  const instant = new Date(value)
  if (Number.isNaN(instant.getTime())) return null
  const format = zoneFormat(timeZone)
  if (!format) return null
  const formatted = format.formatToParts(instant)
  const get = (type: Intl.DateTimeFormatPartTypes) => formatted.find((part) => part.type === type)?.value ?? ''
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'))
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday
  }
}
