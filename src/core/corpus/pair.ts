// Seed-style pairs: a metadata-only document and a body-only document that share
// nothing but their title become one article, metadata from the first and text from
// the second. Pairing is conservative: two complete articles are never merged, and a
// title shared by several candidates pairs only within a folder where it is
// unambiguous; otherwise every document stays its own article.
import { articleIdFor, fingerprintOf } from './article-id'
import { isBodyOnly, isMetadataOnly, type DocumentSummary, type ParsedDocument } from './parse-file'
import type { CorpusArticle } from './corpus-article'
import { normaliseTitle } from './title'
import { compareStrings } from '../../shared/text/order'

export function pairMetadataWithBody(documents: ParsedDocument[]): CorpusArticle[] {
  return pairDocuments(documents)
    .map(({ text, metadata }) => articleFromDocuments(text, metadata, text.body))
    .sort((a, b) => compareStrings(a.files[0], b.files[0]))
}

/** One entry per article: the document carrying its text, and its metadata partner if any. */
export interface DocumentPair<D extends DocumentSummary = DocumentSummary> {
  text: D
  metadata?: D
}

/** The pairing alone, so that a rescan can reuse the articles of pairs that did not change. */
export function pairDocuments<D extends DocumentSummary>(documents: D[]): Array<DocumentPair<D>> {
  const metaByTitle = groupByTitle(documents.filter(isMetadataOnly))
  const bodyByTitle = groupByTitle(documents.filter(isBodyOnly))
  const partnerOf = new Map<D, D>()

  for (const [key, metas] of metaByTitle) {
    const bodies = bodyByTitle.get(key)
    if (!bodies) continue
    if (metas.length === 1 && bodies.length === 1) {
      partnerOf.set(bodies[0], metas[0])
      continue
    }
    for (const [folder, folderMetas] of groupBy(metas, folderOf)) {
      const folderBodies = bodies.filter((body) => folderOf(body) === folder)
      if (folderMetas.length === 1 && folderBodies.length === 1) partnerOf.set(folderBodies[0], folderMetas[0])
    }
  }

  const paired = new Set<D>(partnerOf.values())
  return documents.filter((document) => !paired.has(document)).map((document) => ({ text: document, metadata: partnerOf.get(document) }))
}

/**
 * `body` is the text or, for a scan that keeps bodies out of memory, a function that
 * reads it again: `article.body` then reads the file each time it is asked for.
 */
export function articleFromDocuments(
  textDocument: DocumentSummary,
  metadataDocument: DocumentSummary | undefined,
  body: string | (() => string)
): CorpusArticle {
  const metadata = (metadataDocument ?? textDocument).metadata
  const title = metadataDocument?.metadata.title ?? textDocument.title
  const article: Omit<CorpusArticle, 'body'> = {
    id: articleIdFor(textDocument.path),
    title,
    published: metadata.published,
    source: metadata.source,
    sourceUrl: metadata.sourceUrl,
    topics: metadata.topics,
    excerpt: metadata.excerpt,
    author: metadata.author,
    files: metadataDocument ? [textDocument.path, metadataDocument.path] : [textDocument.path],
    words: textDocument.words,
    encodingNote: textDocument.encodingNote ?? metadataDocument?.encodingNote ?? null,
    format: textDocument.format,
    fingerprint: fingerprintOf(textDocument.bodyFingerprint, title),
    bodyHash: textDocument.bodyHash
  }
  if (typeof body === 'string') return { ...article, body }
  // Enumerable, so that comparing or copying an article still sees its text.
  return Object.defineProperty(article, 'body', { get: body, enumerable: true }) as CorpusArticle
}

function groupByTitle<D extends DocumentSummary>(documents: D[]): Map<string, D[]> {
  const groups = groupBy(documents, (document) => normaliseTitle(document.title))
  groups.delete('')
  return groups
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  return groups
}

const folderOf = (document: DocumentSummary): string => document.path.slice(0, Math.max(0, document.path.lastIndexOf('/')))

