// What the search index is given for one open library: its articles (as scanned) and
// its annotations. Only articles in the folder count; annotations of a
// missing article stay out of search until the article comes back.
import type { IndexedAnnotation } from '../search/search-index'
import type { SearchSnapshot } from '../search/search-service'
import type { LibrarySession } from './library-session'

/** The library as search sees it now. */
export function librarySnapshot(session: LibrarySession): SearchSnapshot {
  return { root: session.root, articles: session.scan.articles, annotations: libraryAnnotations(session) }
}

export function libraryAnnotations(session: LibrarySession): IndexedAnnotation[] {
  const present = new Set(session.scan.articles.map((a) => a.id))
  const annotations: IndexedAnnotation[] = []
  for (const h of session.store.data.highlights) {
    if (!present.has(h.articleId)) continue
    annotations.push({ articleId: h.articleId, kind: 'highlight', highlightId: h.id, quote: session.currentQuoteOf(h.id) ?? h.quote.exact, note: withTags(h.note, h.tags), offset: h.position.start })
  }
  for (const [articleId, entry] of Object.entries(session.store.data.articleNotes)) {
    if (!present.has(articleId) || (!entry.note.trim() && !entry.tags.length)) continue
    annotations.push({ articleId, kind: 'note', highlightId: null, quote: '', note: withTags(entry.note, entry.tags), offset: null })
  }
  return annotations
}

/**
 * Tags are searched with the note they belong to: a line "Tags: a, b" after it, so a
 * search for a tag finds the highlight (or article) and its snippet shows why.
 */
export function withTags(note: string, tags: readonly string[]): string {
  if (!tags.length) return note
  const line = `Tags: ${tags.join(', ')}`
  return note.trim() ? `${note}\n\n${line}` : line
}
