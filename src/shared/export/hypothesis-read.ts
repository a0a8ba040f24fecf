// Reading Hypothesis annotations (its API's JSON: a list of annotations, or the
// `{ rows: [...] }` its search returns, which is what Hypothesis export scripts save)
// into what Gloss imports: each annotation's page by URL then title, its quote and
// context to place it by (src/shared/anchoring, via import-annotations.ts), its note
// (Markdown in Hypothesis too) and tags. A page note becomes the article's note.
//
// Positions in a Hypothesis annotation count UTF-16 units in the live web page's text,
// not in Gloss's text of the saved article, so they only break ties between places the
// quote and its context fit equally (anchorQuote never trusts a position whose text
// does not match). Replies are conversations about an annotation, not notes on the
// article: they are listed as not imported.
import { z } from 'zod'
import { badInput } from '../result'
import type { HighlightOrigin } from './export-model'
import type { ReadAnnotation, ReadResult, UnusableAnnotation } from './web-annotation-read'
import { MAX_IMPORT_ANNOTATIONS } from './web-annotation-read'
import { utcTimestamp } from './web-annotation'

const Selector = z.object({ type: z.string() }).loose()
const HypothesisAnnotation = z
  .object({
    id: z.string().optional(),
    uri: z.string().min(1),
    text: z.string().optional(),
    tags: z.array(z.string()).optional(),
    created: z.string().optional(),
    updated: z.string().optional(),
    user: z.string().optional(),
    references: z.array(z.string()).optional(),
    document: z.object({ title: z.union([z.string(), z.array(z.string())]).optional() }).loose().optional(),
    links: z.object({ html: z.string().optional() }).loose().optional(),
    target: z.array(z.object({ source: z.string().optional(), selector: z.array(Selector).optional() }).loose()).optional()
  })
  .loose()
type HypothesisAnnotation = z.infer<typeof HypothesisAnnotation>

const Quote = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string().optional(), suffix: z.string().optional() })
const Position = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end > s.start)

/** A Hypothesis file: a list of objects with a `uri` and no W3C `type`, or a search result's `rows`. */
export function isHypothesisJson(json: unknown): boolean {
  const looksLikeOne = (item: unknown) =>
    item !== null && typeof item === 'object' && typeof (item as Record<string, unknown>).uri === 'string' && (item as Record<string, unknown>).type === undefined
  if (Array.isArray(json)) return json.length > 0 && json.every(looksLikeOne)
  return json !== null && typeof json === 'object' && Array.isArray((json as Record<string, unknown>).rows)
}

export function readHypothesis(json: unknown): ReadResult {
  const items: unknown[] = Array.isArray(json) ? json : ((json as { rows: unknown[] }).rows ?? [])
  if (items.length > MAX_IMPORT_ANNOTATIONS) throw badInput(`This file holds ${items.length} annotations; Gloss imports at most ${MAX_IMPORT_ANNOTATIONS} at a time.`)
  const result: ReadResult = { annotations: [], unusable: [] }
  items.forEach((item, index) => {
    const parsed = HypothesisAnnotation.safeParse(item)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      result.unusable.push({ index, quote: '', note: '', reason: `Not a Hypothesis annotation (${issue.path.join('.') || 'the annotation'}: ${issue.message})` })
      return
    }
    const read = readOne(parsed.data, index)
    if ('reason' in read) result.unusable.push(read)
    else result.annotations.push(read)
  })
  return result
}

function readOne(a: HypothesisAnnotation, index: number): ReadAnnotation | UnusableAnnotation {
  const note = a.text ?? ''
  const selectors = a.target?.[0]?.selector ?? []
  const quoteSelector = selectors.map((s) => Quote.safeParse(s)).find((r) => r.success)?.data
  const positionSelector = selectors.map((s) => Position.safeParse(s)).find((r) => r.success)?.data
  if (a.references && a.references.length > 0) return { index, quote: quoteSelector?.exact ?? '', note, reason: 'A reply to another annotation' }
  if (!quoteSelector && selectors.length > 0) return { index, quote: '', note, reason: 'No text quote to place it by' }
  const tags = a.tags ?? []
  if (!quoteSelector && note.trim() === '' && tags.length === 0) return { index, quote: '', note, reason: 'Neither a highlight nor a note' }
  const title = Array.isArray(a.document?.title) ? (a.document.title[0] ?? null) : (a.document?.title ?? null)
  return {
    index,
    kind: quoteSelector ? 'highlight' : 'articleNote',
    iri: a.id ? originIri(a) : null,
    highlightId: null,
    origin: quoteSelector && a.id ? origin(a) : null,
    article: { id: null, file: null, fingerprint: null, url: a.uri.trim(), title },
    quote: quoteSelector ? { type: 'TextQuoteSelector', exact: quoteSelector.exact, prefix: quoteSelector.prefix ?? '', suffix: quoteSelector.suffix ?? '' } : null,
    position: positionSelector ? { type: 'TextPositionSelector', start: positionSelector.start, end: positionSelector.end } : null,
    positionUnit: 'utf16',
    note,
    tags,
    color: null,
    created: utcTimestamp(a.created),
    modified: utcTimestamp(a.updated)
  }
}

/** The annotation's address on Hypothesis: its own page, as the API links it. */
function originIri(a: HypothesisAnnotation): string {
  return a.links?.html ?? `https://hypothes.is/a/${encodeURIComponent(a.id ?? '')}`
}

function origin(a: HypothesisAnnotation): HighlightOrigin {
  return {
    id: originIri(a),
    motivation: a.text?.trim() ? 'commenting' : 'highlighting',
    // Hypothesis names users as acct:name@authority, an IRI the W3C model accepts as a creator.
    ...(a.user ? { creator: a.user } : {}),
    bodyFormat: 'text/markdown'
  }
}
