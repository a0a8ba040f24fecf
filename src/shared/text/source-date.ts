// A publication date is the source's calendar date: the day the page or file says,
// whatever time zone the reader is in. Clipping tools write it in many shapes; this
// turns each into one ISO form that keeps the source's own offset, so that the day is
// always the first ten characters and sorting still knows the instant.
//
//   MarkDownload        2024-05-01T10:22:31 (UTC +02:00)
//   Jekyll              2024-05-01 10:22:31 +0200
//   Hugo, Obsidian      2024-05-01T10:22:31+02:00, 2024-05-01
//   seeds, most feeds   2020-08-26T20:48:00Z
//   <meta>, RSS         Wed, 01 May 2024 10:22:31 +0200, May 1, 2024
// Pure: the page (to show the day) and the core (to read files, filter) share it.

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:\(?\s*(?:UTC|GMT)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?\s*\)?)?$/i

/** The date as `YYYY-MM-DD[THH:MM[:SS][±HH:MM|Z]]`, or null when it is not a date. */
export function normaliseSourceDate(raw: string): string | null {
  const text = raw.trim()
  if (text === '') return null
  const iso = ISO_LIKE.exec(text)
  if (iso) {
    const [, year, month, day, hour, minute, second, , zone] = iso
    if (!validDay(+year, +month, +day)) return null
    const date = `${year}-${month}-${day}`
    if (hour === undefined) return zone === undefined ? date : null
    if (+hour > 23 || +minute > 59 || (second !== undefined && +second > 60)) return null
    const time = `${hour.padStart(2, '0')}:${minute}${second !== undefined ? `:${second}` : ''}`
    return `${date}T${time}${zone === undefined ? '' : offsetOf(zone)}`
  }
  return freeTextDate(text)
}

/** The source's calendar day, `YYYY-MM-DD`, or null. */
export function sourceDay(published: string | null | undefined): string | null {
  if (!published) return null
  const normal = normaliseSourceDate(published)
  return normal === null ? null : normal.slice(0, 10)
}

/**
 * When the source says it happened, for sorting: a date or time without an offset is
 * taken as UTC, so that it sorts on the day it names. NaN-free: null when not a date.
 */
export function sourceInstant(published: string | null | undefined): number | null {
  if (!published) return null
  const normal = normaliseSourceDate(published)
  if (normal === null) return null
  const zoned = normal.length === 10 ? `${normal}T00:00:00Z` : /(Z|[+-]\d{2}:\d{2})$/.test(normal) ? normal : `${normal}Z`
  const time = Date.parse(zoned)
  return Number.isNaN(time) ? null : time
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function offsetOf(zone: string): string {
  if (/^z$/i.test(zone)) return 'Z'
  const match = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!
  const [, sign, hours, minutes = '00'] = match
  return `${sign}${hours.padStart(2, '0')}:${minutes}`
}

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ')

// "May 1, 2024", "1 May 2024", "Wed, 01 May 2024 10:22:31 +0200": the day is read from
// the words themselves, never through the reader's time zone.
function freeTextDate(text: string): string | null {
  const monthIndex = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1
  const dayFirst = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b(.*)$/.exec(text)
  const monthFirst = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b(.*)$/.exec(text)
  let year: number, month: number, day: number, rest: string
  if (dayFirst && monthIndex(dayFirst[2]) > 0) {
    ;[year, month, day, rest] = [+dayFirst[3], monthIndex(dayFirst[2]), +dayFirst[1], dayFirst[4]]
  } else if (monthFirst && monthIndex(monthFirst[1]) > 0) {
    ;[year, month, day, rest] = [+monthFirst[3], monthIndex(monthFirst[1]), +monthFirst[2], monthFirst[4]]
  } else return null
  if (!validDay(year, month, day)) return null
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const time = /^\s*(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:(?:UTC|GMT)?\s*(Z|[+-]\d{2}:?\d{2})|UTC|GMT)?\s*$/i.exec(rest)
  if (!time) return date
  const [, hour, minute, second, zone] = time
  if (+hour > 23 || +minute > 59) return date
  const offset = zone !== undefined ? offsetOf(zone) : /UTC|GMT/i.test(rest) ? 'Z' : ''
  return `${date}T${hour.padStart(2, '0')}:${minute}${second !== undefined ? `:${second}` : ''}${offset}`
}
