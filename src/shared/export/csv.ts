// Notes as CSV for spreadsheets: one row per highlight and one per article note.
//
// - RFC 4180: comma-separated, CRLF between records, a field in double quotes when it
//   holds a comma, a quote, CR or LF, quotes inside doubled. Line breaks inside a quote
//   or note stay in the field (spreadsheets show them as line breaks in the cell).
// - UTF-8 with a byte-order mark. Excel opens a CSV without one in the system's legacy
//   code page, so accents, curly quotes and emoji come out garbled; with the mark it
//   reads UTF-8. Numbers, LibreOffice and Google Sheets accept the mark too. (A `sep=,`
//   line would help Excel in semicolon locales but makes it ignore the mark, so there
//   is none: pick "comma" when Excel asks, or use Data › From Text.)
// - Formula injection: a cell that starts with = + - @ (or their full-width or small
//   forms, also after white space or invisible characters), a tab or a carriage
//   return is treated as a formula by spreadsheets, and a quote
//   from a web page could run one. Such cells get a leading apostrophe (OWASP's advice),
//   which spreadsheets show; the JSON export keeps the exact text.
//
// The Readwise preset (toReadwiseCsv) is a file for Readwise's CSV import, not for a
// spreadsheet: exactly the columns Readwise reads, its date format, no byte-order mark
// and no formula guard (Readwise stores the text, and an apostrophe would end up in
// the highlight there).
import type { ExportArticle, ExportCorpus } from './export-model'

export const CSV_COLUMNS = [
  'kind',
  'article_id',
  'article_title',
  'article_file',
  'article_source',
  'article_url',
  'article_published',
  'article_topics',
  'highlight_id',
  'quote',
  'note',
  'color',
  'tags',
  'created',
  'updated',
  'position_start',
  'position_end',
  'link',
  // Last, so that the columns before it keep their places: "placed" or "orphan" (a
  // highlight whose words are not in the article's current text), empty for a note row.
  'status'
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]
type Row = Record<CsvColumn, string | number | null>

const BOM = '\uFEFF'
// Apostrophes already in front count too, so that the guard can always be taken off again.
// Spreadsheets skip leading white space (spaces, line breaks, NBSP) and invisible
// characters (zero-width, direction marks, BOM) before they look for a formula, and
// read the full-width and small forms of = + - @ (and the minus sign) as the real ones.
const INVISIBLE_LEAD = '[\\s\\u00a0\\u00ad\\u034f\\u180e\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060-\\u2069\\ufeff]*'
const FORMULA_CHARS = '[=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE62\\uFE63\\uFE66\\uFE6B\\u2212]'
const FORMULA_START = new RegExp(`^'*${INVISIBLE_LEAD}${FORMULA_CHARS}`)
/** Topics and tags share one cell each, joined by this. */
export const LIST_SEPARATOR = '; '

/** Articles in the folder, in corpus order: the article note row first, then highlights in reading order. */
export function toCsv(corpus: ExportCorpus): string {
  const rows = corpus.articles.flatMap(articleRows)
  return BOM + [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => csvField(row[column])).join(','))].join('\r\n') + '\r\n'
}

/** One field: guarded against formulas (unless told not to), quoted when RFC 4180 needs it. */
export function csvField(value: string | number | null, { guard = true }: { guard?: boolean } = {}): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const guarded = guard && FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

/** The text a guarded field stood for (what a reader of the file strips back off). */
export function unguardCsvField(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value
}

function articleRows(article: ExportArticle): Row[] {
  const base = {
    article_id: article.id,
    article_title: article.title,
    article_file: article.file,
    article_source: article.source,
    article_url: article.url,
    article_published: article.published,
    article_topics: article.topics.join(LIST_SEPARATOR)
  }
  const rows: Row[] = []
  if (article.note.trim() !== '') {
    rows.push({
      kind: 'article-note',
      ...base,
      highlight_id: null,
      quote: null,
      note: article.note,
      color: null,
      tags: article.tags.join(LIST_SEPARATOR),
      created: null,
      updated: article.noteUpdated,
      position_start: null,
      position_end: null,
      link: article.link,
      status: null
    })
  }
  for (const h of article.highlights) {
    rows.push({
      kind: 'highlight',
      ...base,
      highlight_id: h.id,
      quote: h.quote,
      note: h.note,
      color: h.color,
      tags: h.tags.join(LIST_SEPARATOR),
      created: h.created,
      updated: h.updated,
      position_start: h.position?.start ?? null,
      position_end: h.position?.end ?? null,
      link: h.link,
      status: h.position ? 'placed' : 'orphan'
    })
  }
  return rows
}

/** The columns of Readwise's CSV import, in its order and spelling. */
export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const
type ReadwiseRow = Record<(typeof READWISE_COLUMNS)[number], string | number | null>

/**
 * A row per highlight of the folder's articles, in corpus and reading order. Location
 * is where the highlight starts (in code points, as in the JSON export), which Readwise
 * sorts by; Date is when it was made, in UTC, as `YYYY-MM-DD HH:mm:ss`. Article notes
 * have no place in Readwise's columns and are left out (docs/export-formats.md).
 */
export function toReadwiseCsv(corpus: ExportCorpus): string {
  const rows: ReadwiseRow[] = corpus.articles.flatMap((article) =>
    article.highlights.map((h) => ({
      Highlight: h.quote,
      Title: article.title,
      Author: article.author ?? null,
      URL: article.url,
      Note: h.note === '' ? null : h.note,
      Location: h.selectors.position ? h.selectors.position.start + 1 : null,
      Date: readwiseDate(h.created)
    }))
  )
  const lines = rows.map((row) => READWISE_COLUMNS.map((column) => csvField(row[column], { guard: false })).join(','))
  return [READWISE_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n'
}

/** `YYYY-MM-DD HH:mm:ss` in UTC, as Readwise's import reads dates; null for what is not a time. */
export function readwiseDate(iso: string | null): string | null {
  if (!iso) return null
  const time = Date.parse(iso)
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 19).replace('T', ' ')
}
