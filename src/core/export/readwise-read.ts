// Reading a Readwise CSV (the columns of Readwise's import — Highlight, Title, Author,
// URL, Note, Location, Date — or of its export, which names them Book Title, Book
// Author, Highlighted at, Tags …; Readwise Reader's highlight export has the same) into
// what Gloss imports. Each row is a highlight found by its quote in the article that
// matches its URL, else its title. Parsed with csv-parse (RFC 4180, quoted line breaks,
// a byte-order mark) rather than by hand; csv-parse works on Node Buffers, so this
// reader lives in the core, not in src/shared.
import { parse } from 'csv-parse/sync'
import type { TextPositionSelector } from '../../shared/model'
import { badInput } from '../../shared/result'
import type { ReadAnnotation, ReadResult } from '../../shared/export/web-annotation-read'
import { MAX_IMPORT_ANNOTATIONS } from '../../shared/export/web-annotation-read'

/** Column names that mean the same, lower-cased, in the order they are tried. */
const COLUMNS = {
  quote: ['highlight', 'text'],
  title: ['title', 'book title', 'document title'],
  url: ['url', 'source url', 'document url'],
  note: ['note', 'notes'],
  tags: ['tags', 'highlight tags'],
  date: ['date', 'highlighted at', 'created at'],
  location: ['location']
}

/** A CSV whose first line names a Highlight column. */
export function isReadwiseCsv(text: string): boolean {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  return /(^|,)\s*"?highlight"?\s*(,|$)/i.test(firstLine)
}

export function readReadwiseCsv(text: string): ReadResult {
  let records: string[][]
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][]
  } catch (error) {
    throw badInput(`This CSV file cannot be read (${error instanceof Error ? error.message : String(error)}).`)
  }
  const [header = [], ...rows] = records
  if (rows.length > MAX_IMPORT_ANNOTATIONS) throw badInput(`This file holds ${rows.length} rows; Gloss imports at most ${MAX_IMPORT_ANNOTATIONS} at a time.`)
  const names = header.map((h) => h.trim().toLowerCase())
  const column = (key: keyof typeof COLUMNS) => {
    for (const name of COLUMNS[key]) {
      const at = names.indexOf(name)
      if (at >= 0) return at
    }
    return -1
  }
  const at = { quote: column('quote'), title: column('title'), url: column('url'), note: column('note'), tags: column('tags'), date: column('date'), location: column('location') }
  if (at.quote < 0) throw badInput('This CSV file has no "Highlight" column: Gloss reads Readwise and Readwise Reader CSV files.')
  const cell = (row: string[], index: number) => (index >= 0 ? (row[index] ?? '').trim() : '')
  const result: ReadResult = { annotations: [], unusable: [] }
  rows.forEach((row, index) => {
    const quote = row[at.quote] ?? ''
    // The note exactly as written (its spaces are the user's); names and dates trimmed.
    const note = at.note >= 0 ? (row[at.note] ?? '') : ''
    const url = cell(row, at.url) || null
    const title = cell(row, at.title) || null
    if (quote.trim() === '') {
      result.unusable.push({ index, quote: '', note, reason: 'The row has no highlight text' })
      return
    }
    if (!url && !title) {
      result.unusable.push({ index, quote, note, reason: 'It does not say which article it belongs to (no URL or title)' })
      return
    }
    const created = readwiseTime(cell(row, at.date))
    const annotation: ReadAnnotation = {
      index,
      kind: 'highlight',
      iri: null,
      highlightId: null,
      origin: null,
      article: { id: null, file: null, fingerprint: null, url, title },
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      position: locationHint(cell(row, at.location), quote),
      positionUnit: 'codePoints',
      note,
      tags: splitTags(cell(row, at.tags)),
      color: null,
      created,
      modified: created
    }
    result.annotations.push(annotation)
  })
  return result
}

/** "2024-02-05 09:00:00" (UTC, Readwise's import format), or ISO with a zone; null otherwise. */
export function readwiseTime(value: string): string | null {
  if (!value) return null
  const iso = value.replace(' ', 'T')
  const withZone = /([zZ]|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`
  const time = Date.parse(withZone)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

/**
 * Gloss writes Location as 1 + where the highlight starts (in code points), so a quote
 * that occurs twice lands where it was. From elsewhere (a Kindle location, a page) it
 * is only a tie-break: anchoring never trusts a position whose text does not match,
 * and the import report lists a repeated quote placed away from it.
 */
function locationHint(value: string, quote: string): TextPositionSelector | null {
  if (!/^\d+$/.test(value) || Number(value) < 1) return null
  const start = Number(value) - 1
  return { type: 'TextPositionSelector', start, end: start + Array.from(quote).length }
}

function splitTags(value: string): string[] {
  return value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
}
