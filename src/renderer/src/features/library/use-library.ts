// The open folder, its article list and the annotations of articles that have gone
// from it. The main process sorts and filters; the page fetches the rows it shows, a
// page at a time, as the list scrolls (a folder may hold 100,000 articles). Every read
// sits in the query cache: a new view asks again, and a change pushed by the core
// (data/invalidations.ts) makes the shown pages, the summary and the missing list stale.
// Only the pages in view are watched (and so asked again after a change); rows read
// before stay in the list as the cache holds them, so scrolling never turns rows
// already read back into placeholders.
import { keepPreviousData, useQueries, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { ArticleList, ArticleSummary, ListQuery } from '../../../../shared/model'
import { contractKey, contractQuery, useContractQuery } from '../../data/use-contract-query'

export type SortKey = 'date' | 'title'

export interface LibraryView {
  sort: SortKey
  /** '' = all topics */
  topic: string
  /** Title filter; '' = none */
  text: string
  /** '' = all sources */
  source: string
  /** Published from / to this day (YYYY-MM-DD); '' = open-ended */
  from: string
  to: string
  /** Only articles with highlights */
  highlighted: boolean
  /** Articles carrying this tag, themselves or on a highlight; '' = any */
  tag: string
}

export const DEFAULT_VIEW: LibraryView = { sort: 'date', topic: '', text: '', source: '', from: '', to: '', highlighted: false, tag: '' }

/** Rows fetched per request. */
export const PAGE_SIZE = 200

/** The filtered library: how many rows in all, and those fetched so far (a sparse array). */
export interface LibraryRows {
  total: number
  rows: ReadonlyArray<ArticleSummary | undefined>
}

export const isFiltered = (view: LibraryView): boolean =>
  view.topic !== '' || view.text.trim() !== '' || view.source !== '' || view.from !== '' || view.to !== '' || view.highlighted || view.tag !== ''

export function listQuery(view: LibraryView, page: number): ListQuery {
  return {
    sort: view.sort,
    topic: view.topic || undefined,
    query: view.text.trim() || undefined,
    source: view.source || undefined,
    from: view.from || undefined,
    to: view.to || undefined,
    hasHighlights: view.highlighted || undefined,
    tag: view.tag || undefined,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE
  }
}

// Module-level, so that TanStack Query hands back the same object while no page changed.
const pagesAndError = (results: Array<{ data?: ArticleList; error: Error | null }>) => ({
  pages: results.map((r) => r.data),
  error: results.find((r) => r.error)?.error ?? null
})

/** Reports a failed read once per failure. */
function useReportError(error: Error | null, onError: (error: unknown) => void): void {
  useEffect(() => {
    if (error) onError(error)
    // onError is a fresh closure each render; the failure is what matters.
  }, [error])
}

export function useLibrary(api: Api, onError: (error: unknown) => void) {
  const client = useQueryClient()
  const current = useContractQuery(api, 'library.current', {})
  const summary = current.data ?? null
  const root = summary?.root ?? null
  // The view belongs to its folder: another folder starts unfiltered (keeping the sort).
  const [shown, setShown] = useState<{ root: string | null; view: LibraryView }>({ root, view: DEFAULT_VIEW })
  const view = shown.root === root ? shown.view : { ...DEFAULT_VIEW, sort: shown.view.sort }
  const setView = useCallback((next: LibraryView) => setShown({ root, view: next }), [root])
  /** Pages the list shows now (page 0 always: it carries the total). */
  const [pages, setPages] = useState<number[]>([])

  // Page 0 keeps the last answer on screen while a new view is asked for.
  const first = useContractQuery(api, 'library.list', listQuery(view, 0), { enabled: root !== null, placeholderData: keepPreviousData })
  const later = pages.filter((page) => page > 0)
  const rest = useQueries({
    queries: later.map((page) => ({ ...contractQuery(api, 'library.list', listQuery(view, page)), enabled: root !== null })),
    combine: pagesAndError
  })
  useReportError(first.error ?? rest.error, onError)

  // The view is a new object on renders after a folder change; its filters are what count.
  const viewKey = JSON.stringify(view)
  const list = useMemo((): LibraryRows | null => {
    if (root === null || !first.data) return null
    const total = first.data.total
    const rows = new Array<ArticleSummary | undefined>(total)
    const fill = (page: number, answer: ArticleList | undefined) =>
      answer?.articles.forEach((article, j) => page * PAGE_SIZE + j < total && (rows[page * PAGE_SIZE + j] = article))
    fill(0, first.data)
    // Every page read for this view, in view or not, as the cache holds it. Which pages
    // are in view must not change which rows the list has: rows above the view turning
    // into placeholders (or back) would move the rows in view, change the pages in view
    // and so on without end. A page out of view shows its last answer; coming into view
    // it is asked again if a change made it stale. (Page 0 kept from the previous view
    // while the new one loads has no later pages of its own.)
    if (!first.isPlaceholderData) {
      const shown = new Map(later.map((page, i) => [page, rest.pages[i]]))
      for (let page = 1; page * PAGE_SIZE < total; page++) {
        fill(page, shown.get(page) ?? client.getQueryData<ArticleList>(contractKey('library.list', listQuery(view, page))))
      }
    }
    return { total, rows }
    // `later` follows `pages`; pages out of view change only while in view (`rest`).
  }, [root, first.data, first.isPlaceholderData, pages, rest, client, viewKey])

  /** The list shows rows start..end (inclusive): fetch the pages it lacks. */
  const showRange = useCallback((start: number, end: number) => {
    const from = Math.floor(Math.max(0, start) / PAGE_SIZE)
    const to = Math.floor(Math.max(0, end) / PAGE_SIZE)
    const next: number[] = []
    for (let page = from; page <= to; page++) next.push(page)
    setPages((now) => (now.join() === next.join() ? now : next))
  }, [])

  const missingQuery = useContractQuery(api, 'library.missing', {}, { enabled: root !== null })
  useReportError(missingQuery.error, onError)
  const missing = root !== null ? (missingQuery.data ?? []) : []

  const removeMissing = useCallback(async (articleId: string): Promise<number> => (await api['annotations.removeMissing']({ articleId })).removed, [api])

  return { summary, current, view, setView, list, showRange, missing, removeMissing }
}
