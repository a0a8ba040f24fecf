// Messages between the main process and the search worker. Messages are handled in
// the order sent, so a query always sees the updates posted before it.
//
// The index is kept between runs in Gloss's data folder (never the corpus), one file per
// library root (store/data-folder searchIndexFile), written durably. Persisting pays
// (scripts/search-bench/index-bench.ts, 10,000 articles): loading the saved index
// answered after 1.2 s against 9.2 s to rebuild it, bodies being read later, only for
// the articles a query returns.
import type { SearchResponse } from '../../shared/model'
import type { IndexedAnnotation, IndexedArticle, IndexStats, SearchIndex } from './search-index'
import { isInside } from '../corpus/paths'
import { writeDurablySync } from '../fs/durable-write'
import { readIfPresentSync } from '../fs/read-if-present'

export type SearchCommand =
  /**
   * Another library: load its saved index (file null: none kept), keeping only `keep`
   * (null: all of it, until a `keep` command says which articles are still there).
   */
  | { type: 'open'; id: number; root: string; file: string | null; keep: string[] | null }
  /** Only these articles are in the folder: drops the rest (after an open with keep null). */
  | { type: 'keep'; ids: string[] }
  | { type: 'upsert'; root: string; articles: IndexedArticle[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'annotations'; annotations: IndexedAnnotation[] }
  | { type: 'query'; id: number; query: string; limit: number }
  /** Writes the index to `file` if it changed since it was loaded or saved. */
  | { type: 'save'; id: number; root: string; file: string }
  | { type: 'stats'; id: number }

/** How an open went: 'invalid' (with why) when a saved index was there but unusable. */
export type OpenOutcome = { status: 'loaded' | 'missing' | 'none' } | { status: 'invalid'; reason: string }

export type SearchReply =
  | { id: number; response: SearchResponse }
  | { id: number; opened: OpenOutcome }
  | { id: number; saved: boolean }
  | { id: number; stats: IndexStats }
  | { id: number; error: string }

/** Applies one command; returns the reply for a query, open, save or stats. */
export function applyCommand(index: SearchIndex, command: SearchCommand): SearchReply | null {
  switch (command.type) {
    case 'open':
      return { id: command.id, opened: openIndex(index, command.root, command.file, command.keep) }
    case 'keep':
      index.keepOnly(command.ids)
      return null
    case 'upsert':
      index.upsertArticles(command.articles, command.root)
      return null
    case 'remove':
      index.removeArticles(command.ids)
      return null
    case 'annotations':
      index.setAnnotations(command.annotations)
      return null
    case 'stats':
      return { id: command.id, stats: index.stats() }
    case 'save':
      try {
        if (!index.dirty || isInside(command.root, command.file)) return { id: command.id, saved: false }
        writeDurablySync(command.file, JSON.stringify(index.toPersisted()), { makeFolder: true })
        index.dirty = false
        return { id: command.id, saved: true }
      } catch (error) {
        return { id: command.id, error: error instanceof Error ? error.message : String(error) }
      }
    case 'query':
      try {
        return { id: command.id, response: index.search(command.query, command.limit) }
      } catch (error) {
        return { id: command.id, error: error instanceof Error ? error.message : String(error) }
      }
  }
}

function openIndex(index: SearchIndex, root: string, file: string | null, keep: string[] | null): OpenOutcome {
  index.clear()
  if (!file || isInside(root, file)) return { status: 'none' }
  let reason: string | null
  try {
    const text = readIfPresentSync(file)
    if (text === null) return { status: 'missing' }
    reason = index.load(JSON.parse(text), root)
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error)
  }
  if (reason !== null) {
    index.clear()
    return { status: 'invalid', reason }
  }
  // Articles deleted while Gloss was closed; changed ones are replaced by the upserts that follow.
  if (keep) index.keepOnly(keep)
  return { status: 'loaded' }
}
