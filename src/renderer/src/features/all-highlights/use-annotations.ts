// Pages of the folder's highlights for the "All highlights" view. The first page comes
// with the facet counts; later pages are asked for as the list scrolls near its end.
// The pages sit in the query cache under the first page's query: an answer to an older
// filter is never shown, and a change pushed by the core (data/invalidations.ts) asks
// again, also while the view is away (then on its return).
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { AnnotationEntry, AnnotationList } from '../../../../shared/model'
import { contractKey } from '../../data/use-contract-query'
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

export function useAnnotations(api: Api, filters: WorkspaceFilters, root: string | null) {
  // The search text waits for a pause in typing; every other filter applies at once.
  const [query, setQuery] = useState(filters.query)
  useEffect(() => {
    if (filters.query === query) return
    const timer = setTimeout(() => setQuery(filters.query), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [filters.query, query])
  const asked = { ...filters, query }
  const first = toQuery(asked, 0, PAGE_SIZE)

  const pages = useInfiniteQuery({
    queryKey: contractKey('annotations.list', first),
    queryFn: async ({ pageParam }) => ({ sort: asked.sort, list: await api['annotations.list']({ ...first, offset: pageParam }) }),
    initialPageParam: 0,
    getNextPageParam: (last, all) => {
      const loaded = all.reduce((n, page) => n + page.list.entries.length, 0)
      return loaded < last.list.total && last.list.entries.length > 0 ? loaded : undefined
    },
    enabled: root !== null,
    placeholderData: keepPreviousData
  })

  const data = pages.data?.pages
  const head = data?.[0]
  const state: AnnotationsState = {
    entries: data ? data.flatMap((page) => page.list.entries) : [],
    sort: head?.sort ?? 'newest',
    total: data?.at(-1)?.list.total ?? 0,
    totalHighlights: head?.list.totalHighlights ?? 0,
    facets: head?.list.facets ?? null,
    scanning: head?.list.scanning ?? false,
    loading: pages.isPending || pages.isPlaceholderData,
    error: pages.error ? pages.error.message : null
  }

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])

  return { ...state, loadMore, searching: filters.query !== query }
}
