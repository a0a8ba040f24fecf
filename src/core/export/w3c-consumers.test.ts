// @vitest-environment jsdom
// The W3C Web Annotation export fed to what reads it: the model's MUSTs and SHOULDs as
// a JSON Schema (ajv), and Apache Annotator anchoring every exported selector in the
// article's text — on a corpus full of emoji, astral CJK and combining marks, where
// positions counted in UTF-16 code units instead of code points land on the wrong text.
import { createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher } from '@apache-annotator/dom'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportFile } from '../../shared/export/formats'
import { targetSelectors, targetSource, toWebAnnotations, type WebAnnotation, type WebAnnotationCollection } from '../../shared/export/web-annotation'
import { corpusFixture } from '../../shared/export/test-support/fixtures'
import { WEB_ANNOTATION_SCHEMA } from '../../shared/export/test-support/web-annotation-schema'
import { buildExportCorpus } from './build-export-corpus'
import { openCorpus } from './open-corpus'
import { steppingClock, type AnnotatedCorpus } from './test-support/annotated-corpus'
import { EMOJI_MARKS, makeEmojiCorpus } from './test-support/emoji-corpus'

let corpus: AnnotatedCorpus
let collection: WebAnnotationCollection
let texts: Map<string, string>

beforeAll(async () => {
  corpus = await makeEmojiCorpus()
  const { session, close } = await openCorpus(corpus.root, corpus.dataDir, steppingClock())
  try {
    collection = JSON.parse(exportFile(buildExportCorpus(session, { exportedAt: '2024-06-01T09:30:00.000Z' }), 'json').content) as WebAnnotationCollection
    texts = new Map(session.scan.articles.map((a) => [`urn:gloss:article:${encodeURIComponent(a.id)}`, session.getArticle(a.id).text]))
  } finally {
    await close()
  }
})
afterAll(async () => {
  await corpus.cleanup()
})

const highlights = (): WebAnnotation[] => collection.first.items.filter((a) => a.motivation === 'highlighting')

function validator() {
  // strictTuples off: "@context lists anno.jsonld first, then anything" is an open tuple;
  // strictRequired off: "not both body and bodyValue" names properties the branch does not define.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTuples: false, strictRequired: false })
  addFormats(ajv)
  return ajv.compile(WEB_ANNOTATION_SCHEMA)
}

describe('W3C Web Annotation JSON, checked by the model’s rules (ajv)', () => {
  it('the whole export meets every MUST and SHOULD of the schema', () => {
    const validate = validator()
    const valid = validate(collection)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('so do exports with orphans, missing articles, tag-only article notes and a chosen creator', () => {
    const validate = validator()
    for (const json of [toWebAnnotations(corpusFixture), toWebAnnotations(corpusFixture, { creator: 'Ana Ortiz' })]) {
      validate(JSON.parse(JSON.stringify(json)))
      expect(validate.errors ?? []).toEqual([])
    }
    expect(toWebAnnotations(corpusFixture, { creator: 'Ana Ortiz' }).first.items[0].creator).toEqual({ type: 'Person', name: 'Ana Ortiz' })
  })

  it('the schema is not a rubber stamp: it rejects what the model forbids', () => {
    const validate = validator()
    const page = collection.first
    const first = page.items[0]
    const broken = (item: object) => ({ ...collection, first: { ...page, items: [item] } })
    const bad: [string, object][] = [
      ['a bare source as the target', broken({ ...first, target: { source: 'urn:gloss:article:x' } })],
      ['a created time with an offset', broken({ ...first, created: '2024-01-01T10:00:00+01:00' })],
      ['no creator', broken({ ...first, creator: undefined })],
      ['a negative position', broken({ ...highlights()[0], target: { source: 'urn:x:y', selector: [{ type: 'TextPositionSelector', start: -1, end: 3 }] } })],
      ['no last page', { ...collection, last: undefined }],
      ['a page without partOf', { ...collection, first: { ...page, partOf: undefined } }]
    ]
    for (const [name, json] of bad) expect(validate(JSON.parse(JSON.stringify(json))), name).toBe(false)
  })

  it('every highlight is exported, each with a UTC "Z" creation time and a creator', () => {
    expect(highlights()).toHaveLength(EMOJI_MARKS.length)
    for (const a of highlights()) {
      expect(a.created).toMatch(/Z$/)
      expect(a.creator).toEqual({ type: 'Person', name: expect.any(String) })
    }
  })
})

describe('Apache Annotator anchors every exported selector on exactly the quote', () => {
  // jsdom's DOM, typed by hand: the core's tsconfig has no DOM library (the core never touches one).
  interface DomRange {
    toString(): string
    compareBoundaryPoints(how: number, other: DomRange): number
  }
  type Scope = Parameters<ReturnType<typeof createTextQuoteSelectorMatcher>>[0]
  const dom = globalThis as unknown as {
    document: { body: { innerHTML: string; append(node: unknown): void }; createElement(tag: string): { textContent: string } }
    Range: { START_TO_START: number; END_TO_END: number }
  }

  /** The article's text in a page, as one text node, like a reader showing it. */
  function scopeFor(text: string): Scope {
    dom.document.body.innerHTML = ''
    const pre = dom.document.createElement('pre')
    pre.textContent = text
    dom.document.body.append(pre)
    return pre as unknown as Scope
  }

  it.each(EMOJI_MARKS.map((mark, i) => [i, mark.quote] as const))('highlight %i: %s', async (i, quote) => {
    // "the sea" is highlighted once, at its second place in the paragraph.
    const annotation = highlights().find((a) => targetSelectors(a)?.[0].exact === quote)
    expect(annotation).toBeDefined()
    const text = texts.get(targetSource(annotation!).id)!
    const scope = scopeFor(text)
    const [quoteSelector, positionSelector] = targetSelectors(annotation!)!
    expect(positionSelector).toBeDefined()
    if (EMOJI_MARKS[i].last) expect(text.indexOf(quote)).not.toBe(text.lastIndexOf(quote))

    const byPosition = await createTextPositionSelectorMatcher(positionSelector!)(scope).next()
    expect(byPosition.done).toBe(false)
    const positionRange = byPosition.value as unknown as DomRange
    expect(positionRange.toString()).toBe(quote)

    const matches: DomRange[] = []
    for await (const range of createTextQuoteSelectorMatcher(quoteSelector)(scope)) matches.push(range as unknown as DomRange)
    // The quote and its context pick one place, and it is the place the position names.
    expect(matches.map(String)).toEqual([quote])
    expect(matches[0].compareBoundaryPoints(dom.Range.START_TO_START, positionRange)).toBe(0)
    expect(matches[0].compareBoundaryPoints(dom.Range.END_TO_END, positionRange)).toBe(0)
  })
})
