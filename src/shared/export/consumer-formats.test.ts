// The Readwise CSV preset and the Hypothesis export, fed to what reads them: a real
// CSV parser (csv-parse) with Readwise's columns, and ajv with the Hypothesis API's
// rules for creating an annotation; then Gloss's Hypothesis reader (the Readwise
// reader, which needs Node, is tested in src/core/export/readwise-read.test.ts).
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { isHypothesisJson, readHypothesis } from './hypothesis-read'
import { READWISE_COLUMNS, readwiseDate } from './csv'
import { orderHighlights, type ExportArticle, type ExportCorpus } from './export-model'
import { exportFile } from './formats'
import type { HypothesisAnnotation } from './hypothesis'
import { corpusFixture, riverArticle } from './test-support/fixtures'
import { HYPOTHESIS_CREATE_SCHEMA } from './test-support/hypothesis-schema'
import { SPECIAL_TEXTS } from './test-support/special-texts'

/** The river article with every special text as a quote and as a note, and an author. */
const special: ExportArticle = {
  ...riverArticle,
  author: '=Ana "Dee" Ortiz, PhD',
  highlights: orderHighlights(
    SPECIAL_TEXTS.map((text, i) => ({
      ...riverArticle.highlights[0],
      id: `5bec1a10-0000-4000-8000-${String(i).padStart(12, '0')}`,
      quote: text,
      note: SPECIAL_TEXTS[SPECIAL_TEXTS.length - 1 - i],
      tags: ['Field Notes', 'flood/1953'],
      created: '2024-02-05T10:00:00+01:00',
      position: { start: i * 1000, end: i * 1000 + text.length },
      selectors: {
        quote: { type: 'TextQuoteSelector' as const, exact: text, prefix: 'p', suffix: 's' },
        position: { type: 'TextPositionSelector' as const, start: i * 1000, end: i * 1000 + text.length }
      }
    }))
  )
}
const specialCorpus: ExportCorpus = { ...corpusFixture, articles: [special, ...corpusFixture.articles.slice(1)] }

const readCsv = (text: string) => parse(text, { columns: true, bom: true, relax_quotes: false }) as Record<string, string>[]

describe('Readwise CSV preset', () => {
  const csv = exportFile(specialCorpus, 'readwise-csv').content

  it('has exactly Readwise’s columns, no byte-order mark, and a row per highlight', () => {
    expect(csv.startsWith('Highlight,Title,Author,URL,Note,Location,Date\r\n')).toBe(true)
    const rows = readCsv(csv)
    expect(Object.keys(rows[0])).toEqual([...READWISE_COLUMNS])
    expect(rows).toHaveLength(specialCorpus.articles.reduce((n, a) => n + a.highlights.length, 0))
  })

  it('carries every quote and note exactly, with no formula guard, and the author', () => {
    const rows = readCsv(csv).filter((r) => r.Title === special.title)
    expect(rows.map((r) => r.Highlight)).toEqual(special.highlights.map((h) => h.quote))
    expect(rows.map((r) => r.Note)).toEqual(special.highlights.map((h) => h.note))
    expect(rows.find((r) => r.Highlight === '=SUM(A1:A9)')).toBeDefined()
    expect(new Set(rows.map((r) => r.Author))).toEqual(new Set(['=Ana "Dee" Ortiz, PhD']))
    expect(new Set(rows.map((r) => r.URL))).toEqual(new Set([special.url]))
  })

  it('writes dates as YYYY-MM-DD HH:mm:ss in UTC and locations in reading order', () => {
    const rows = readCsv(csv).filter((r) => r.Title === special.title)
    for (const r of rows) expect(r.Date).toBe('2024-02-05 09:00:00')
    const locations = rows.map((r) => Number(r.Location))
    expect(locations).toEqual([...locations].sort((a, b) => a - b))
    expect(locations[0]).toBeGreaterThan(0)
  })

  it('leaves the orphan without a location and the general CSV guarded', () => {
    const bridge = readCsv(exportFile(corpusFixture, 'readwise-csv').content).filter((r) => r.Title === 'The bridge that sings')
    expect(bridge.some((r) => r.Location === '')).toBe(true)
    expect(exportFile(specialCorpus, 'csv').content).toContain(`'=SUM(A1:A9)`)
  })

  it.each([
    ['2024-02-05T09:00:00.000Z', '2024-02-05 09:00:00'],
    ['2024-02-05T23:30:00-02:00', '2024-02-06 01:30:00'],
    ['not a date', null]
  ])('readwiseDate(%s) = %s', (iso, expected) => {
    expect(readwiseDate(iso)).toBe(expected)
  })

})

describe('Hypothesis export', () => {
  const annotations = JSON.parse(exportFile(specialCorpus, 'hypothesis').content) as HypothesisAnnotation[]
  const ajv = new Ajv({ allErrors: true, strict: true })
  addFormats(ajv)
  const validate = ajv.compile(HYPOTHESIS_CREATE_SCHEMA)

  it('every annotation is one the API’s create call accepts', () => {
    expect(annotations.length).toBeGreaterThan(SPECIAL_TEXTS.length)
    for (const annotation of annotations) {
      validate(annotation)
      expect(validate.errors ?? []).toEqual([])
    }
  })

  it('the schema is not a rubber stamp', () => {
    const [first] = annotations
    const bad: [string, object][] = [
      ['no uri', { ...first, uri: undefined }],
      ['a blank uri', { ...first, uri: ' ' }],
      ['a target that is not a list', { ...first, target: first.target[0] }],
      ['a selector without a type', { ...first, target: [{ source: first.uri, selector: [{ exact: 'x' }] }] }],
      ['a W3C field the API does not know', { ...first, '@context': 'http://www.w3.org/ns/anno.jsonld' }]
    ]
    for (const [name, annotation] of bad) expect(validate(JSON.parse(JSON.stringify(annotation))), name).toBe(false)
  })

  it('covers only articles with a web URL, each with its URL as uri and source and its title', () => {
    const withUrl = specialCorpus.articles.filter((a) => a.url?.startsWith('http'))
    expect(new Set(annotations.map((a) => a.uri))).toEqual(new Set(withUrl.map((a) => a.url)))
    for (const a of annotations) {
      expect(a.target.every((t) => t.source === a.uri)).toBe(true)
      expect(a.document.title).toEqual([specialCorpus.articles.find((x) => x.url === a.uri)!.title])
    }
  })

  it('carries quote, context, note, tags and UTC times; the article note is a page note', () => {
    const quoted = annotations.filter((a) => a.uri === special.url && a.target[0].selector)
    expect(quoted.map((a) => a.target[0].selector![0].exact)).toEqual(special.highlights.map((h) => h.quote))
    expect(quoted[0]).toMatchObject({ text: special.highlights[0].note, tags: ['Field Notes', 'flood/1953'], created: '2024-02-05T09:00:00.000Z' })
    const pageNote = annotations.find((a) => a.uri === special.url && !a.target[0].selector)
    expect(pageNote?.text).toBe(special.note)
  })

  it('reads back through Gloss’s Hypothesis reader, as a list and as a search result', () => {
    for (const json of [annotations, { total: annotations.length, rows: annotations }]) {
      expect(isHypothesisJson(json)).toBe(true)
      const { annotations: read, unusable } = readHypothesis(JSON.parse(JSON.stringify(json)))
      expect(unusable).toEqual([])
      expect(read.filter((a) => a.kind === 'highlight').map((a) => [a.quote?.exact, a.note, a.article.url])).toEqual(
        annotations.filter((a) => a.target[0].selector).map((a) => [a.target[0].selector![0].exact, a.text, a.uri])
      )
      expect(read.filter((a) => a.kind === 'articleNote').map((a) => a.note)).toContain(special.note)
    }
  })

  it('lists replies and annotations without a quote as not imported', () => {
    const base = { uri: 'https://x.example/a', document: { title: ['A'] }, text: 'reply', target: [{ source: 'https://x.example/a' }] }
    const { annotations: read, unusable } = readHypothesis(
      JSON.parse(JSON.stringify({ rows: [{ ...base, references: ['abc'] }, { ...base, text: 'css', target: [{ source: base.uri, selector: [{ type: 'CssSelector', value: '#a' }] }] }] }))
    )
    expect(read).toEqual([])
    expect(unusable.map((u) => u.reason)).toEqual(['A reply to another annotation', 'No text quote to place it by'])
  })
})
