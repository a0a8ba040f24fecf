// Reading W3C Web Annotations back (Gloss's own JSON export, or another tool's): the
// container is checked strictly, so a file that is not annotations at all gets a clear
// BAD_INPUT error; each annotation is then read leniently — what Gloss cannot use
// (no quote, no target) is reported, never silently dropped.
import { z } from 'zod'
import { HIGHLIGHT_COLORS, type HighlightColor, type TextPositionSelector, type TextQuoteSelector } from '../model'
import { badInput } from '../result'
import { codePointIndex } from '../text/code-points'
import type { HighlightOrigin } from './export-model'
import { utcTimestamp } from './web-annotation'

/** One annotation, reduced to what Gloss stores. */
export interface ReadAnnotation {
  /** Index in the file (0-based), for messages. */
  index: number
  kind: 'highlight' | 'articleNote'
  /** The annotation's IRI, when it has one. */
  iri: string | null
  /** Gloss's highlight id (gloss:id, or recovered from urn:uuid: / urn:gloss:highlight:). */
  highlightId: string | null
  /** Another tool's annotation: what it says of itself, kept so that exports give it back. */
  origin: HighlightOrigin | null
  article: ReadArticleRef
  quote: TextQuoteSelector | null
  /** As the file says it, in `positionUnit`s: utf16Position() gives Gloss's offsets. */
  position: TextPositionSelector | null
  /**
   * What the file's TextPositionSelector counts: Unicode code points, as the W3C model
   * says — except in Gloss's own exports of format 1, which counted UTF-16 units.
   */
  positionUnit: 'codePoints' | 'utf16'
  note: string
  tags: string[]
  color: HighlightColor | null
  /** In UTC with "Z"; null when absent or not a time. */
  created: string | null
  modified: string | null
}

/**
 * The annotation's position in Gloss's offsets (UTF-16 units) in the article's text;
 * null without one, or when it lies beyond the text (it cannot be this text's).
 */
export function utf16Position(text: string, annotation: Pick<ReadAnnotation, 'position' | 'positionUnit'>): TextPositionSelector | null {
  const { position, positionUnit } = annotation
  if (!position) return null
  if (positionUnit === 'utf16') return position.end <= text.length ? position : null
  const index = codePointIndex(text)
  const start = index.toUtf16(position.start)
  const end = index.toUtf16(position.end)
  return start === null || end === null ? null : { type: 'TextPositionSelector', start, end }
}

export interface ReadArticleRef {
  /** Gloss's article id, from urn:gloss:article:<id>. */
  id: string | null
  file: string | null
  fingerprint: string | null
  url: string | null
  title: string | null
}

export interface UnusableAnnotation {
  index: number
  quote: string
  note: string
  reason: string
}

export interface ReadResult {
  annotations: ReadAnnotation[]
  unusable: UnusableAnnotation[]
}

/** More than this many annotations in one file is not a notes export. */
export const MAX_IMPORT_ANNOTATIONS = 500_000

const Text = z.string()
const TypeField = z.union([z.string(), z.array(z.string())])
const Body = z.union([
  z.string(),
  z
    .object({
      type: TypeField.optional(),
      purpose: z.union([z.string(), z.array(z.string())]).optional(),
      value: Text.optional(),
      format: z.string().optional()
    })
    .loose()
])
const Selector = z.object({ type: z.string() }).loose()
const Source = z.union([
  z.string(),
  z
    .object({
      id: z.string().optional(),
      'gloss:file': Text.optional(),
      'gloss:url': Text.optional(),
      'gloss:title': Text.optional(),
      'gloss:fingerprint': Text.optional()
    })
    .loose()
])
const Target = z.union([
  z.string(),
  z.object({ source: Source.optional(), selector: z.union([Selector, z.array(Selector)]).optional() }).loose()
])
const Annotation = z
  .object({
    type: TypeField,
    id: z.string().optional(),
    motivation: z.union([z.string(), z.array(z.string())]).optional(),
    created: z.string().optional(),
    modified: z.string().optional(),
    creator: z.unknown().optional(),
    body: z.union([Body, z.array(Body)]).optional(),
    bodyValue: Text.optional(),
    target: z.union([Target, z.array(Target)]),
    'gloss:id': z.string().optional()
  })
  .loose()
type Annotation = z.infer<typeof Annotation>

const QuoteSelector = z.object({ type: z.literal('TextQuoteSelector'), exact: Text.min(1), prefix: Text.optional(), suffix: Text.optional() })
const PositionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end > s.start)

/** Parses the file's text; BAD_INPUT when it is not JSON or not Web Annotations. */
export function readWebAnnotationsText(text: string): ReadResult {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw badInput(`This file is not JSON (${error instanceof Error ? error.message : String(error)}). Choose a JSON file exported from Gloss, Hypothesis or another W3C Web Annotation tool, or a Readwise CSV file.`)
  }
  return readWebAnnotations(json)
}

export function readWebAnnotations(json: unknown): ReadResult {
  const items = containerItems(json)
  // Gloss's exports before format 2 counted positions in UTF-16 units.
  const glossFormat = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>)['gloss:format'] : undefined
  const positionUnit = glossFormat === 1 ? 'utf16' : 'codePoints'
  if (items.length > MAX_IMPORT_ANNOTATIONS) throw badInput(`This file holds ${items.length} annotations; Gloss imports at most ${MAX_IMPORT_ANNOTATIONS} at a time.`)
  const result: ReadResult = { annotations: [], unusable: [] }
  items.forEach((item, index) => {
    const parsed = Annotation.safeParse(item)
    if (!parsed.success || !hasType(parsed.data.type, 'Annotation')) {
      const where = parsed.success ? 'type is not "Annotation"' : describeIssue(parsed.error)
      result.unusable.push({ index, quote: '', note: '', reason: `Not a Web Annotation (${where})` })
      return
    }
    const read = readAnnotation(parsed.data, index, positionUnit)
    if ('reason' in read) result.unusable.push(read)
    else result.annotations.push(read)
  })
  return result
}

function containerItems(json: unknown): unknown[] {
  const notAnnotations = (detail: string) =>
    badInput(`This file is not a W3C Web Annotation export: ${detail}. Gloss reads an AnnotationCollection, an AnnotationPage or a list of Annotations.`)
  if (Array.isArray(json)) return json
  if (json === null || typeof json !== 'object') throw notAnnotations(`it holds ${json === null ? 'null' : typeof json}, not an object`)
  const record = json as Record<string, unknown>
  const type = record.type
  if (hasType(type, 'AnnotationCollection')) {
    const first = record.first
    if (first === undefined && (record.total === 0 || record.total === undefined)) return []
    if (typeof first === 'string') throw notAnnotations('its first page is a link to another document; export the annotations into one file')
    if (first === null || typeof first !== 'object') throw notAnnotations('the collection has no first page ("first")')
    return pageItems(first as Record<string, unknown>, notAnnotations)
  }
  if (hasType(type, 'AnnotationPage')) return pageItems(record, notAnnotations)
  if (hasType(type, 'Annotation')) return [json]
  throw notAnnotations(type === undefined ? 'it has no "type"' : `its type is ${JSON.stringify(type).slice(0, 80)}`)
}

function pageItems(page: Record<string, unknown>, fail: (detail: string) => Error): unknown[] {
  if (!Array.isArray(page.items)) throw fail('the annotation page has no list of "items"')
  if (page.next !== undefined && page.next !== null) throw fail('the annotations continue on further pages ("next"); export them into one file')
  return page.items
}

function readAnnotation(annotation: Annotation, index: number, positionUnit: ReadAnnotation['positionUnit']): ReadAnnotation | UnusableAnnotation {
  const bodies = (Array.isArray(annotation.body) ? annotation.body : annotation.body === undefined ? [] : [annotation.body]).filter(
    (b): b is Exclude<typeof b, string> => typeof b === 'object'
  )
  const notes = bodies.filter((b) => purposes(b.purpose).includes('commenting') || (b.purpose === undefined && hasType(b.type, 'TextualBody')))
  const note = [annotation.bodyValue, ...notes.map((b) => b.value)].filter((v): v is string => typeof v === 'string' && v !== '').join('\n\n')
  const tags = bodies.filter((b) => purposes(b.purpose).includes('tagging') && typeof b.value === 'string').map((b) => b.value as string)
  const colorValue = bodies.find((b) => purposes(b.purpose).includes('highlighting') && isColor(b.value))?.value
  const targets = Array.isArray(annotation.target) ? annotation.target : [annotation.target]
  const target = targets[0]
  const selectors = typeof target === 'object' && target.selector !== undefined ? (Array.isArray(target.selector) ? target.selector : [target.selector]) : []
  const quoteSelector = selectors.map((s) => QuoteSelector.safeParse(s)).find((r) => r.success)?.data
  const positionSelector = selectors.map((s) => PositionSelector.safeParse(s)).find((r) => r.success)?.data
  const quote: TextQuoteSelector | null = quoteSelector
    ? { type: 'TextQuoteSelector', exact: quoteSelector.exact, prefix: quoteSelector.prefix ?? '', suffix: quoteSelector.suffix ?? '' }
    : null
  const position: TextPositionSelector | null = positionSelector ? { type: 'TextPositionSelector', start: positionSelector.start, end: positionSelector.end } : null
  // A target without a source is the resource itself (how Gloss targets a whole article).
  const article = articleRef(typeof target === 'string' ? target : (target.source ?? (target as z.infer<typeof Source>)))
  // An article note, or the article's tags alone (Gloss writes those as motivation "tagging").
  const kind = quote || position ? 'highlight' : selectors.length === 0 && (note !== '' || tags.length > 0) ? 'articleNote' : null
  if (kind === null) {
    const reason = selectors.length > 0 ? 'No text quote or position to place it by' : 'Neither a highlight nor a note'
    return { index, quote: '', note, reason }
  }
  if (!article.id && !article.file && !article.url && !article.title && !article.fingerprint) {
    return { index, quote: quote?.exact ?? '', note, reason: 'It does not say which article it belongs to' }
  }
  const highlightId = annotation['gloss:id'] ?? idFromIri(annotation.id)
  return {
    index,
    kind,
    iri: annotation.id ?? null,
    highlightId,
    origin: kind === 'highlight' ? originOf(annotation, notes[0]?.format) : null,
    article,
    quote,
    position,
    positionUnit,
    note,
    tags,
    color: isColor(colorValue) ? colorValue : null,
    created: utcTimestamp(annotation.created),
    modified: utcTimestamp(annotation.modified)
  }
}

/**
 * Another tool's annotation (its IRI is not one Gloss makes): what Gloss keeps of it to
 * give back. An annotation Gloss exported keeps Gloss's own fields and needs none.
 */
function originOf(annotation: Annotation, noteFormat: string | undefined): HighlightOrigin | null {
  const id = annotation.id
  if (!id || idFromIri(id) !== null || id.startsWith('urn:gloss:')) return null
  return {
    id,
    ...(annotation.motivation !== undefined ? { motivation: annotation.motivation } : {}),
    ...(annotation.creator !== undefined ? { creator: annotation.creator } : {}),
    ...(noteFormat !== undefined ? { bodyFormat: noteFormat } : {})
  }
}

function articleRef(source: z.infer<typeof Source> | undefined): ReadArticleRef {
  const ref: ReadArticleRef = { id: null, file: null, fingerprint: null, url: null, title: null }
  const iri = typeof source === 'string' ? source : source?.id
  if (iri?.startsWith('urn:gloss:article:')) ref.id = decode(iri.slice('urn:gloss:article:'.length))
  else if (iri && /^https?:\/\//i.test(iri)) ref.url = iri
  if (typeof source === 'object') {
    ref.file = source['gloss:file'] ?? null
    ref.url = source['gloss:url'] ?? ref.url
    ref.title = source['gloss:title'] ?? null
    ref.fingerprint = source['gloss:fingerprint'] ?? null
  }
  return ref
}

function idFromIri(iri: string | undefined): string | null {
  if (!iri) return null
  if (/^urn:uuid:/i.test(iri)) return iri.slice('urn:uuid:'.length).toLowerCase()
  if (iri.startsWith('urn:gloss:highlight:')) return decode(iri.slice('urn:gloss:highlight:'.length))
  return null
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value) || null
  } catch {
    return null
  }
}

function hasType(type: unknown, wanted: string): boolean {
  return type === wanted || (Array.isArray(type) && type.includes(wanted))
}

function purposes(purpose: string | string[] | undefined): string[] {
  return purpose === undefined ? [] : Array.isArray(purpose) ? purpose : [purpose]
}

function isColor(value: unknown): value is HighlightColor {
  return typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value)
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue.path.length ? issue.path.join('.') : 'the annotation'
  return `${where}: ${issue.message}`
}
