// Notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): the format
// other annotation tools read, and the one Gloss imports back (import-annotations.ts).
//
//   AnnotationCollection  (label, generator, generated = the export time, total)
//     first: AnnotationPage with every annotation as `items`
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
// article itself (no selector); the user's own article tags (not the file's topics) are
// TextualBody purpose "tagging" on it, and an article with tags but no note gets the
// same annotation with motivation "tagging" and only the tag bodies.
//
// Selectors count UTF-16 code units in Gloss's text of the article (the rendered
// blocks joined by blank lines), not bytes of the file. Everything Gloss-specific sits
// in `gloss:` fields (a JSON-LD prefix, urn:gloss:vocab:), so other readers can ignore
// it. No absolute paths: the file is relative to the corpus folder, which makes the
// file portable to a copy of the folder on another machine.
import type { HighlightColor, TextPositionSelector, TextQuoteSelector } from '../model'
import type { ExportArticle, ExportCorpus, ExportHighlight } from './export-model'

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
export const GLOSS_VOCAB = 'urn:gloss:vocab:'
/** Raised when the shape of Gloss's own fields changes. */
export const GLOSS_ANNOTATION_FORMAT = 1

export interface TextualBody {
  type: 'TextualBody'
  purpose: 'commenting' | 'tagging' | 'highlighting'
  value: string
  format?: 'text/markdown'
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

export interface WebAnnotation {
  id: string
  type: 'Annotation'
  motivation: 'highlighting' | 'commenting' | 'tagging'
  created?: string
  modified?: string
  body: TextualBody[]
  target: { source: AnnotationSource; selector?: [TextQuoteSelector, TextPositionSelector] }
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
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] }
}

export const articleUrn = (articleId: string): string => `urn:gloss:article:${encodeURIComponent(articleId)}`
export const articleNoteUrn = (articleId: string): string => `urn:gloss:article-note:${encodeURIComponent(articleId)}`
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const highlightUrn = (highlightId: string): string =>
  UUID.test(highlightId) ? `urn:uuid:${highlightId.toLowerCase()}` : `urn:gloss:highlight:${encodeURIComponent(highlightId)}`

/** The whole corpus (articles in the folder, then missing ones) as one collection. */
export function toWebAnnotations(corpus: ExportCorpus): WebAnnotationCollection {
  const items = [...corpus.articles, ...corpus.missing].flatMap(articleAnnotations)
  const id = `urn:gloss:export:${encodeURIComponent(corpus.exportedAt)}`
  return {
    '@context': [ANNOTATION_CONTEXT, { gloss: GLOSS_VOCAB }],
    id,
    type: 'AnnotationCollection',
    label: `Gloss annotations: ${corpus.name}`,
    generator: { id: 'urn:gloss:app', type: 'Software', name: 'Gloss' },
    generated: corpus.exportedAt,
    total: items.length,
    'gloss:format': GLOSS_ANNOTATION_FORMAT,
    first: { id: `${id}#page1`, type: 'AnnotationPage', startIndex: 0, items }
  }
}

/** The collection as a file: two-space indented JSON with a final newline. */
export function webAnnotationsJson(corpus: ExportCorpus): string {
  return `${JSON.stringify(toWebAnnotations(corpus), null, 2)}\n`
}

function articleAnnotations(article: ExportArticle): WebAnnotation[] {
  const source = sourceOf(article)
  const annotations: WebAnnotation[] = []
  const hasNote = article.note.trim() !== ''
  if (hasNote || article.userTags.length > 0) {
    const body: TextualBody[] = hasNote ? [{ type: 'TextualBody', purpose: 'commenting', value: article.note, format: 'text/markdown' }] : []
    for (const tag of article.userTags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
    annotations.push({
      id: articleNoteUrn(article.id),
      type: 'Annotation',
      motivation: hasNote ? 'commenting' : 'tagging',
      ...(hasNote && article.noteUpdated ? { modified: article.noteUpdated } : {}),
      body,
      target: { source }
    })
  }
  for (const highlight of article.highlights) annotations.push(highlightAnnotation(highlight, source))
  return annotations
}

function highlightAnnotation(highlight: ExportHighlight, source: AnnotationSource): WebAnnotation {
  const body: TextualBody[] = []
  if (highlight.note.trim() !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: highlight.note, format: 'text/markdown' })
  for (const tag of highlight.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
  body.push(colorBody(highlight.color))
  return {
    id: highlightUrn(highlight.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: highlight.created,
    modified: highlight.updated,
    body,
    target: { source, selector: [{ ...highlight.selectors.quote }, { ...highlight.selectors.position }] },
    'gloss:id': highlight.id,
    ...(highlight.position ? {} : { 'gloss:orphan': true as const })
  }
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
