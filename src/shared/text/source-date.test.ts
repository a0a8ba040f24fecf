import { describe, expect, it } from 'vitest'
import { normaliseSourceDate, sourceDay, sourceInstant } from './source-date'

describe('normaliseSourceDate', () => {
  it.each<[string, string, string | null]>([
    ['a bare day', '2021-03-04', '2021-03-04'],
    ['the seeds (UTC)', '2020-08-26T20:48:00Z', '2020-08-26T20:48:00Z'],
    ['Hugo / Obsidian Web Clipper with an offset', '2024-05-01T10:22:31+02:00', '2024-05-01T10:22:31+02:00'],
    ['fractions of a second', '2024-05-01T10:22:31.250-05:00', '2024-05-01T10:22:31-05:00'],
    ['MarkDownload', '2024-05-01T10:22:31 (UTC +02:00)', '2024-05-01T10:22:31+02:00'],
    ['MarkDownload west of UTC', '2024-05-01T23:05:00 (UTC -07:00)', '2024-05-01T23:05:00-07:00'],
    ['Jekyll', '2024-05-01 10:22:31 +0200', '2024-05-01T10:22:31+02:00'],
    ['a local time without a zone', '2021-03-04 10:15:00', '2021-03-04T10:15:00'],
    ['minutes only', '2021-03-04T9:05', '2021-03-04T09:05'],
    ['month first', 'March 4, 2021', '2021-03-04'],
    ['day first', '4 March 2021', '2021-03-04'],
    ['an RFC 2822 <meta> date', 'Wed, 01 May 2024 23:30:00 -0700', '2024-05-01T23:30:00-07:00'],
    ['no such month', '2019-13-45', null],
    ['no 30 February', '2023-02-30', null],
    ['a word', 'soon', null],
    ['empty', '  ', null]
  ])('%s: %s', (_name, raw, expected) => {
    expect(normaliseSourceDate(raw)).toBe(expected)
  })
})

// src/shared is typed without Node; the tests still run in Node, where TZ is read live.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env

describe('sourceDay', () => {
  it.each([
    ['2020-08-26T20:48:00Z', '2020-08-26'],
    ['2024-05-01T00:30:00 (UTC +02:00)', '2024-05-01'],
    ['2024-05-01 23:30:00 -0700', '2024-05-01'],
    ['sometime', null]
  ])('%s is on %s', (raw, day) => {
    expect(sourceDay(raw)).toBe(day)
  })

  // The day never depends on the machine's zone: the same answer under any TZ.
  it.each(['Pacific/Auckland', 'America/Los_Angeles'])('does not move with the reader in %s', (zone) => {
    const saved = env.TZ
    env.TZ = zone
    try {
      // The zone took effect: this moment is the 27th in Auckland, the 26th in Los Angeles.
      expect(new Date(Date.UTC(2020, 7, 26, 20, 48)).getDate()).toBe(zone === 'Pacific/Auckland' ? 27 : 26)
      expect(sourceDay('2020-08-26T20:48:00Z')).toBe('2020-08-26')
      expect(sourceDay('May 1, 2024')).toBe('2024-05-01')
    } finally {
      if (saved === undefined) delete env.TZ
      else env.TZ = saved
    }
  })
})

describe('sourceInstant', () => {
  it('orders by the moment, with a day or a zoneless time taken as UTC', () => {
    expect(sourceInstant('2024-05-01T10:22:31 (UTC +02:00)')).toBe(Date.UTC(2024, 4, 1, 8, 22, 31))
    expect(sourceInstant('2024-05-01')).toBe(Date.UTC(2024, 4, 1))
    expect(sourceInstant('2024-05-01 10:00')).toBe(Date.UTC(2024, 4, 1, 10))
    expect(sourceInstant('never')).toBeNull()
  })
})
