// Gloss's reader of Readwise and Readwise Reader CSV files (and the file-kind detector
// in front of it): Gloss's own Readwise export read back exactly, Readwise's export
// columns understood, times read as UTC.
import { describe, expect, it } from 'vitest'
import { orderHighlights, type ExportArticle, type ExportCorpus } from '../../shared/export/export-model'
import { exportFile } from '../../shared/export/formats'
import { corpusFixture, riverArticle } from '../../shared/export/test-support/fixtures'
import { SPECIAL_TEXTS } from '../../shared/export/test-support/special-texts'
import { readAnnotationFile } from './annotation-file-read'
import { readwiseTime } from './readwise-read'

/** The river article with every special text as a quote and as a note. */
const special: ExportArticle = {
  ...riverArticle,
  highlights: orderHighlights(
    SPECIAL_TEXTS.map((text, i) => ({
      ...riverArticle.highlights[0],
      id: `5bec1a10-0000-4000-8000-${String(i).padStart(12, '0')}`,
      quote: text,
      note: SPECIAL_TEXTS[SPECIAL_TEXTS.length - 1 - i],
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
const csv = exportFile(specialCorpus, 'readwise-csv').content

describe('Readwise CSV reader', () => {
  it('reads back through Gloss’s Readwise reader: every quote, note and article', () => {
    const { annotations, unusable } = readAnnotationFile(csv)
    expect(unusable).toEqual([])
    expect(annotations.map((a) => [a.quote?.exact, a.note, a.article.url, a.article.title])).toEqual(
      specialCorpus.articles.flatMap((article) => article.highlights.map((h) => [h.quote, h.note, article.url, article.title]))
    )
    expect(annotations[0].created).toBe('2024-02-05T09:00:00.000Z')
  })

  it('reads Readwise’s own export columns (Book Title, Highlighted at, Tags)', () => {
    const text = [
      'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags',
      '"The river has not read the manual.",Rivers: a field guide,Courier,,"Keep, for the intro",yellow,"levees, floods",offset,12,2023-11-06 08:05:00+00:00,',
      ',Rivers: a field guide,Courier,,,,,,,,'
    ].join('\n')
    const { annotations, unusable } = readAnnotationFile(text)
    expect(annotations).toMatchObject([
      { quote: { exact: 'The river has not read the manual.' }, note: 'Keep, for the intro', tags: ['levees', 'floods'], article: { title: 'Rivers: a field guide', url: null }, created: '2023-11-06T08:05:00.000Z' }
    ])
    expect(unusable).toEqual([{ index: 1, quote: '', note: '', reason: 'The row has no highlight text' }])
  })

  it.each([
    ['2024-02-05 09:00:00', '2024-02-05T09:00:00.000Z'],
    ['2024-02-05 10:00:00+01:00', '2024-02-05T09:00:00.000Z'],
    ['', null],
    ['yesterday', null]
  ])('readwiseTime(%j) = %s', (value, expected) => {
    expect(readwiseTime(value)).toBe(expected)
  })

  it('is chosen by content: JSON goes to the JSON readers, a CSV without a Highlight column is refused', () => {
    expect(readAnnotationFile('[]')).toEqual({ annotations: [], unusable: [] })
    expect(() => readAnnotationFile('Title,URL\nA,https://a.example\n')).toThrow(/not JSON/)
  })
})
