// Pages of the folder's highlights for the "All highlights" view. The first page comes
// with the facet counts; later pages are asked for as the list scrolls near its end.
// An answer to an older filter is dropped, so typing fast never shows stale rows.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { GlossEvents } from '../../../../shared/events'
import type { AnnotationEntry, AnnotationList } from '../../../../shared/model'
import { toQuery, type WorkspaceFilters } from './workspace-filters'

export const PAGE_SIZE = 200
/** Typing in the search box waits this long before asking. */
const SEARCH_DELAY_MS = 150

export interface AnnotationsState {
  entries: AnnotationEntry[]
  /** The order the entries came in (the filters may already ask for another). */
  sort: WorkspaceFilters['sort']
  total: number
  totalHighlights: number
  facets: AnnotationList['facets'] | null
  /** The folder is still being read (entries of articles not read yet look missing). */
  scanning: boolean
  /** The first page for the current filters has not come yet. */
  loading: boolean
  error: string | null
}

const EMPTY: AnnotationsState = { entries: [], sort: 'newest', total: 0, totalHighlights: 0, facets: null, scanning: false, loading: true, error: null }

/**
 * `revision`: a new number asks again with the same filters (the highlights changed).
 * `events`: a change on disk in `root`, or the end of its scan, asks again too.
 */
export function useAnnotations(api: Api, filters: WorkspaceFilters, root: string | null, revision = 0, events: GlossEvents | null = null) {
  const [state, setState] = useState<AnnotationsState>(EMPTY)
  const [changes, setChanges] = useState(0)
  useEffect(() => {
    if (!events) return
    const offChanged = events.onChange((change) => {
      if (change.root === root && change.cause === 'disk') setChanges((n) => n + 1)
    })
    // Mid-scan reports come every quarter second: only the last one is worth a new query.
    const offProgress = events.onScanProgress((progress) => {
      if (progress.root === root && progress.done) setChanges((n) => n + 1)
    })
    return () => {
      offChanged()
      offProgress()
    }
  }, [events, root])
  const generation = useRef(0)
  const loadingMore = useRef(false)
  const stateRef = useRef(state)
  stateRef.current = state

  // The search text waits for a pause in typing; every other filter applies at once.
  const [query, setQuery] = useState(filters.query)
  useEffect(() => {
    if (filters.query === query) return
    const timer = setTimeout(() => setQuery(filters.query), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [filters.query, query])
  const effective = { ...filters, query }
  const key = JSON.stringify(effective)

  useEffect(() => {
    const mine = ++generation.current
    loadingMore.current = false
    setState((s) => ({ ...s, loading: true, error: null }))
    const asked = JSON.parse(key) as WorkspaceFilters
    api['annotations.list'](toQuery(asked, 0, PAGE_SIZE))
      .then((list) => {
        if (generation.current !== mine) return
        setState({
          entries: list.entries,
          sort: asked.sort,
          total: list.total,
          totalHighlights: list.totalHighlights,
          facets: list.facets,
          scanning: list.scanning,
          loading: false,
          error: null
        })
      })
      .catch((error: unknown) => {
        if (generation.current !== mine) return
        setState((s) => ({ ...s, loading: false, error: error instanceof Error ? error.message : String(error) }))
      })
  }, [api, key, root, revision, changes])

  const loadMore = useCallback(() => {
    const current = stateRef.current
    if (loadingMore.current || current.loading || current.entries.length >= current.total) return
    loadingMore.current = true
    const mine = generation.current
    api['annotations.list'](toQuery(JSON.parse(key) as WorkspaceFilters, current.entries.length, PAGE_SIZE))
      .then((list) => {
        if (generation.current !== mine) return
        setState((s) => ({ ...s, entries: [...s.entries, ...list.entries], total: list.total, facets: list.facets }))
      })
      .catch(() => undefined)
      .finally(() => {
        if (generation.current === mine) loadingMore.current = false
      })
  }, [api, key])

  return { ...state, loadMore, searching: filters.query !== query }
}
