import { describe, expect, it } from 'vitest'
import { formatPublished, formatSourceDay } from './format-date'

describe('formatPublished', () => {
  it.each([
    { value: '2021-03-04', text: 'Mar 4, 2021', iso: '2021-03-04' },
    { value: '2020-08-26T20:48:00Z', text: 'Aug 26, 2020', iso: '2020-08-26T20:48:00Z' },
    { value: 'sometime in spring', text: 'sometime in spring', iso: null },
    { value: '2019-13-45', text: '2019-13-45', iso: null }
  ])('$value → $text', ({ value, text, iso }) => {
    expect(formatPublished(value, { locale: 'en-US', timeZone: 'UTC' })).toEqual({ text, iso })
  })

  it.each(['America/Los_Angeles', 'Pacific/Auckland', 'UTC'])('shows a bare date on its own day in %s', (timeZone) => {
    expect(formatPublished('2022-01-01', { locale: 'en-US', timeZone })?.text).toBe('Jan 1, 2022')
  })

  it('shows a timestamp on the day it falls on in the reader\'s timezone', () => {
    expect(formatPublished('2020-08-26T20:48:00Z', { locale: 'en-US', timeZone: 'Pacific/Auckland' })?.text).toBe('Aug 27, 2020')
  })

  it('returns null for missing dates', () => {
    expect(formatPublished(null)).toBeNull()
    expect(formatPublished('')).toBeNull()
  })
})

describe('formatSourceDay', () => {
  // The case: published 20:48 UTC on 26 August, read in New Zealand.
  it.each(['Pacific/Auckland', 'America/Los_Angeles', 'UTC'])('shows the source’s day in %s', (zone) => {
    const saved = process.env.TZ
    process.env.TZ = zone
    try {
      expect(formatSourceDay('2020-08-26T20:48:00Z', { locale: 'en-US' })).toEqual({ text: 'Aug 26, 2020', iso: '2020-08-26T20:48:00Z' })
      expect(formatSourceDay('2024-05-01T00:30:00 (UTC +02:00)', { locale: 'en-US' })).toEqual({ text: 'May 1, 2024', iso: '2024-05-01T00:30:00+02:00' })
      expect(formatSourceDay('2024-05-01 23:30:00 -0700', { locale: 'en-US' })?.text).toBe('May 1, 2024')
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })

  it.each([
    ['sometime in spring', { text: 'sometime in spring', iso: null }],
    ['', null]
  ])('%j → %j', (value, expected) => {
    expect(formatSourceDay(value, { locale: 'en-US' })).toEqual(expected)
  })
})
