import { describe, expect, it } from 'vitest'
import { formatDate, isTimeZone, obsidianDate, obsidianDateTime, obsidianPublished } from './export-dates'

// Obsidian's property formats: Date `YYYY-MM-DD`, Date & time `YYYY-MM-DDTHH:mm:ss` (no zone, no fraction).
const OBSIDIAN_DATE = /^\d{4}-\d{2}-\d{2}$/
const OBSIDIAN_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/

describe('dates in Obsidian property formats', () => {
  it.each([
    ['2024-06-01T09:30:00.000Z', 'UTC', '2024-06-01T09:30:00'],
    ['2024-06-01T09:30:00.000Z', 'Europe/Berlin', '2024-06-01T11:30:00'],
    ['2024-06-01T23:30:00.000Z', 'Asia/Tokyo', '2024-06-02T08:30:00'],
    ['2024-01-15T12:00:00+01:00', 'UTC', '2024-01-15T11:00:00']
  ])('obsidianDateTime(%j, %j) → %j', (iso, zone, expected) => {
    const out = obsidianDateTime(iso, zone)
    expect(out).toBe(expected)
    expect(out).toMatch(OBSIDIAN_DATE_TIME)
  })

  it.each([
    ['2023-11-05T07:15:00Z', '2023-11-05T07:15:00'],
    ['2023-11-05T07:15:00.250+05:30', '2023-11-05T07:15:00'],
    ['2023-11-05 07:15', '2023-11-05T07:15:00'],
    ['2021-08-30', '2021-08-30'],
    ['spring 1953', 'spring 1953']
  ])('obsidianPublished(%j) → %j (the wall clock the file wrote)', (published, expected) => {
    expect(obsidianPublished(published)).toBe(expected)
  })

  it('a date is a date, in the zone for instants and as written for days', () => {
    expect(obsidianDate('2024-06-01T23:30:00.000Z', 'Asia/Tokyo')).toBe('2024-06-02')
    expect(obsidianDate('2021-08-30', 'Pacific/Honolulu')).toBe('2021-08-30')
    expect(obsidianDate('2024-06-01T09:30:00.000Z')).toMatch(OBSIDIAN_DATE)
  })

  it.each([
    ['YYYY-MM-DD', '2024-06-01'],
    ['D MMMM YYYY', '1 June 2024'],
    ['ddd, MMM D, YY', 'Sat, Jun 1, 24'],
    ['dddd [at] h:mm A', 'Saturday at 9:30 AM'],
    ['YYYY-MM-DD HH:mm:ss', '2024-06-01 09:30:05'],
    ['[Week of] MMMM', 'Week of June']
  ])('formatDate with %j → %j', (pattern, expected) => {
    expect(formatDate('2024-06-01T09:30:05.000Z', pattern, 'UTC')).toBe(expected)
  })

  it('says null for what is not a date or a zone it does not know', () => {
    expect(formatDate('not a date', 'YYYY')).toBeNull()
    expect(formatDate('2024-02-30', 'YYYY')).toBeNull()
    expect(formatDate('2024-06-01T09:30:00Z', 'YYYY', 'Mars/Olympus')).toBeNull()
    expect(isTimeZone('Europe/Berlin')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
  })
})
