// Messages between the main process and the search worker. Messages are handled in
// the order sent, so a query always sees the updates posted before it.
import type { SearchResponse } from '../../shared/model'
import type { IndexedAnnotation, IndexedArticle, SearchIndex } from './search-index'

export type SearchCommand =
  | { type: 'upsert'; root: string; articles: IndexedArticle[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'annotations'; annotations: IndexedAnnotation[] }
  | { type: 'query'; id: number; query: string; limit: number }

export type SearchReply = { id: number; response: SearchResponse } | { id: number; error: string }

/** Applies one command; returns the reply for a query. */
export function applyCommand(index: SearchIndex, command: SearchCommand): SearchReply | null {
  switch (command.type) {
    case 'upsert':
      index.upsertArticles(command.articles, command.root)
      return null
    case 'remove':
      index.removeArticles(command.ids)
      return null
    case 'annotations':
      index.setAnnotations(command.annotations)
      return null
    case 'query':
      try {
        return { id: command.id, response: index.search(command.query, command.limit) }
      } catch (error) {
        return { id: command.id, error: error instanceof Error ? error.message : String(error) }
      }
  }
}
