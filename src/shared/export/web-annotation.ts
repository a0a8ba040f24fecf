// Notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): the format
// other annotation tools read, and the one Gloss imports back (import-annotations.ts).
//
//   AnnotationCollection  (label, generator, generated = the export time, total,
//                          first and last = its one page)
//     first: AnnotationPage (partOf the collection, startIndex 0) with every annotation as `items`
//
// A highlight is an Annotation with motivation "highlighting":
//   target: { source: { id: "urn:gloss:article:<article id>", type: "Text",
//                        gloss:file, gloss:url, gloss:title, gloss:fingerprint },
//             selector: [TextQuoteSelector {exact, prefix, suffix},
//                        TextPositionSelector {start, end}] }
//   body:   [ TextualBody purpose "commenting", format "text/markdown" (the note, if any),
//             TextualBody purpose "tagging" (one per tag),
//             TextualBody purpose "highlighting", value = the colour name ]
// An article note is an Annotation with motivation "commenting" whose target is the
// article itself (the source object above, as an External Web Resource: the model's
// test suite rejects a bare `{source}` without a selector); the user's own article tags
// (not the file's topics) are TextualBody purpose "tagging" on it, and an article with
// tags but no note gets the same annotation with motivation "tagging" and only the tag
// bodies.
//
// What the model requires and Gloss used to get wrong (issue 12):
// - TextPositionSelector counts Unicode code points, not UTF-16 units: the export model
//   already holds code points (build-export-corpus.ts converts), and an orphan has no
//   position selector (its old position says nothing about today's text).
// - `created` and `modified` are UTC with "Z" (an imported "+01:00" is converted).
// - Every annotation has a `creator` (a Person with the name the user chose, default
//   DEFAULT_CREATOR_NAME); an annotation imported from another tool keeps its own.
//
// The text is Gloss's text of the article (the rendered blocks joined by blank lines),
// not bytes of the file. Everything Gloss-specific sits in `gloss:` fields (a JSON-LD
// prefix, urn:gloss:vocab:), so other readers can ignore it. No absolute paths: the
// file is relative to the corpus folder, which makes the file portable to a copy of
// the folder on another machine.
import type { HighlightColor, TextPositionSelector, TextQuoteSelector } from '../model'
import type { ExportArticle, ExportCorpus, ExportHighlight } from './export-model'

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
export const GLOSS_VOCAB = 'urn:gloss:vocab:'
/**
 * Raised when the shape of Gloss's own fields changes. 2: positions in code points (1
 * counted UTF-16 units; web-annotation-read.ts reads both), the article note's target
 * is the article itself.
 */
export const GLOSS_ANNOTATION_FORMAT = 2
/** Who the annotations are by when the user has not named themselves. */
export const DEFAULT_CREATOR_NAME = 'Gloss user'

export interface TextualBody {
  type: 'TextualBody'
  purpose: 'commenting' | 'tagging' | 'highlighting'
  value: string
  /** text/markdown for Gloss's notes; another tool's note keeps its own (or none). */
  format?: string
}

export interface AnnotationSource {
  id: string
  type: 'Text'
  'gloss:title': string
  'gloss:file'?: string
  'gloss:url'?: string
  'gloss:fingerprint'?: string
  /** Present (true) when the article is not in the folder any more. */
  'gloss:missing'?: true
}

/** An Agent (https://www.w3.org/TR/annotation-model/#agents) or its IRI. */
export type AnnotationCreator = string | { id?: string; type: 'Person' | 'Organization' | 'Software'; name: string }

/** A highlight's target: the article and where in it. */
export interface HighlightTarget {
  source: AnnotationSource
  selector: [TextQuoteSelector] | [TextQuoteSelector, TextPositionSelector]
}

export interface WebAnnotation {
  id: string
  type: 'Annotation'
  /** Gloss's own: highlighting, commenting or tagging; another tool's highlight keeps its own. */
  motivation: string | string[]
  created?: string
  modified?: string
  creator: AnnotationCreator
  body: TextualBody[]
  /** A highlight's place, or the article itself (an article note). */
  target: HighlightTarget | AnnotationSource
  /** The highlight's own id in Gloss. */
  'gloss:id'?: string
  /** Present (true) when the highlight could not be placed in the current text. */
  'gloss:orphan'?: true
}

export interface WebAnnotationCollection {
  '@context': [typeof ANNOTATION_CONTEXT, { gloss: typeof GLOSS_VOCAB }]
  id: string
  type: 'AnnotationCollection'
  label: string
  generator: { id: string; type: 'Software'; name: string }
  generated: string
  total: number
  'gloss:format': typeof GLOSS_ANNOTATION_FORMAT
  first: { id: string; type: 'AnnotationPage'; partOf: string; startIndex: 0; items: WebAnnotation[] }
  /** The one page is also the last (SHOULD, §5.1). */
  last: string
}

export interface WebAnnotationOptions {
  /** The user's name as the annotations' creator; default DEFAULT_CREATOR_NAME. */
  creator?: string
}

export const articleUrn = (articleId: string): string => `urn:gloss:article:${encodeURIComponent(articleId)}`
export const articleNoteUrn = (articleId: string): string => `urn:gloss:article-note:${encodeURIComponent(articleId)}`
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const highlightUrn = (highlightId: string): string =>
  UUID.test(highlightId) ? `urn:uuid:${highlightId.toLowerCase()}` : `urn:gloss:highlight:${encodeURIComponent(highlightId)}`

/** The whole corpus (articles in the folder, then missing ones) as one collection. */
export function toWebAnnotations(corpus: ExportCorpus, options: WebAnnotationOptions = {}): WebAnnotationCollection {
  const creator: AnnotationCreator = { type: 'Person', name: options.creator?.trim() || DEFAULT_CREATOR_NAME }
  const items = [...corpus.articles, ...corpus.missing].flatMap((article) => articleAnnotations(article, creator))
  const id = `urn:gloss:export:${encodeURIComponent(corpus.exportedAt)}`
  const pageId = `${id}#page1`
  return {
    '@context': [ANNOTATION_CONTEXT, { gloss: GLOSS_VOCAB }],
    id,
    type: 'AnnotationCollection',
    label: `Gloss annotations: ${corpus.name}`,
    generator: { id: 'urn:gloss:app', type: 'Software', name: 'Gloss' },
    generated: utcTimestamp(corpus.exportedAt) ?? corpus.exportedAt,
    total: items.length,
    'gloss:format': GLOSS_ANNOTATION_FORMAT,
    first: { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
    last: pageId
  }
}

/** The collection as a file: two-space indented JSON with a final newline. */
export function webAnnotationsJson(corpus: ExportCorpus, options: WebAnnotationOptions = {}): string {
  return `${JSON.stringify(toWebAnnotations(corpus, options), null, 2)}\n`
}

/**
 * An ISO timestamp in UTC with "Z", as the model requires of `created` and `modified`
 * (§3.3.1); null when the text is not a date at all.
 */
export function utcTimestamp(value: string | null | undefined): string | null {
  if (!value) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

function articleAnnotations(article: ExportArticle, creator: AnnotationCreator): WebAnnotation[] {
  const source = sourceOf(article)
  const annotations: WebAnnotation[] = []
  const hasNote = article.note.trim() !== ''
  if (hasNote || article.userTags.length > 0) {
    const body: TextualBody[] = hasNote ? [{ type: 'TextualBody', purpose: 'commenting', value: article.note, format: 'text/markdown' }] : []
    for (const tag of article.userTags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
    // Gloss keeps one time per article entry; for a note it is the note's creation as far
    // as anyone can tell, and tags alone get it as their creation time only.
    const modified = hasNote ? utcTimestamp(article.noteUpdated) : null
    const created = modified ?? utcTimestamp(article.annotatedAt)
    annotations.push({
      id: articleNoteUrn(article.id),
      type: 'Annotation',
      motivation: hasNote ? 'commenting' : 'tagging',
      ...(created ? { created } : {}),
      ...(modified ? { modified } : {}),
      creator,
      body,
      target: source
    })
  }
  for (const highlight of article.highlights) annotations.push(highlightAnnotation(highlight, source, creator))
  return annotations
}

function highlightAnnotation(highlight: ExportHighlight, source: AnnotationSource, creator: AnnotationCreator): WebAnnotation {
  const { origin } = highlight
  const body: TextualBody[] = []
  if (highlight.note.trim() !== '') {
    const format = origin ? origin.bodyFormat : 'text/markdown'
    body.push({ type: 'TextualBody', purpose: 'commenting', value: highlight.note, ...(format ? { format } : {}) })
  }
  for (const tag of highlight.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
  body.push(colorBody(highlight.color))
  return {
    // Another tool's annotation goes back as it came: its IRI, motivation and creator.
    id: origin?.id ?? highlightUrn(highlight.id),
    type: 'Annotation',
    motivation: origin?.motivation ?? 'highlighting',
    ...timestamps(highlight.created, highlight.updated),
    creator: (origin?.creator as AnnotationCreator | undefined) ?? creator,
    body,
    target: {
      source,
      selector: highlight.selectors.position ? [{ ...highlight.selectors.quote }, { ...highlight.selectors.position }] : [{ ...highlight.selectors.quote }]
    },
    'gloss:id': highlight.id,
    ...(highlight.position ? {} : { 'gloss:orphan': true as const })
  }
}

function timestamps(created: string, updated: string): { created?: string; modified?: string } {
  const c = utcTimestamp(created)
  const m = utcTimestamp(updated)
  return { ...(c ? { created: c } : {}), ...(m ? { modified: m } : {}) }
}

function colorBody(color: HighlightColor): TextualBody {
  return { type: 'TextualBody', purpose: 'highlighting', value: color }
}

function sourceOf(article: ExportArticle): AnnotationSource {
  return {
    id: articleUrn(article.id),
    type: 'Text',
    'gloss:title': article.title,
    ...(article.file ? { 'gloss:file': article.file } : {}),
    ...(article.url ? { 'gloss:url': article.url } : {}),
    ...(article.fingerprint ? { 'gloss:fingerprint': article.fingerprint } : {}),
    ...(article.missing ? { 'gloss:missing': true as const } : {})
  }
}

/** The article an annotation of Gloss's export is about. */
export function targetSource(annotation: WebAnnotation): AnnotationSource {
  return 'source' in annotation.target ? annotation.target.source : annotation.target
}

/** A highlight's selectors (quote first); undefined for an article note. */
export function targetSelectors(annotation: WebAnnotation): HighlightTarget['selector'] | undefined {
  return 'selector' in annotation.target ? annotation.target.selector : undefined
}
