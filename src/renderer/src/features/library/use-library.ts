// The open folder, its article list and the annotations of articles that have gone
// from it. The main process sorts and filters; the page fetches the rows it shows, a
// page at a time, as the list scrolls (a folder may hold 100,000 articles). The list
// is re-queried whenever the folder or the view (sort and filters) changes, and on
// demand after highlights change (counts) or the folder changes on disk. Late answers
// to superseded queries are dropped.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { ArticleSummary, ListQuery, LibrarySummary, MissingArticle } from '../../../../shared/model'

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

export function useLibrary(api: Api, onError: (error: unknown) => void) {
  const [summary, setSummary] = useState<LibrarySummary | null>(null)
  const [view, setView] = useState<LibraryView>(DEFAULT_VIEW)
  const [list, setList] = useState<LibraryRows | null>(null)
  const [missing, setMissing] = useState<MissingArticle[]>([])
  const request = useRef(0)
  /** Pages the list shows now: a refresh fetches these again, the rest are dropped. */
  const shownPages = useRef<number[]>([0])
  const loading = useRef(new Set<number>())
  const listRef = useRef(list)
  listRef.current = list
  const missingRequest = useRef(0)
  const onErrorRef = useRef(onError)
  onErrorRef.current = onError

  const root = summary?.root ?? null
  const refresh = useCallback(async () => {
    if (root === null) return
    const id = ++request.current
    loading.current.clear()
    const pages = shownPages.current.length ? shownPages.current : [0]
    try {
      const results = await Promise.all(pages.map((page) => api['library.list'](listQuery(view, page))))
      if (id !== request.current) return
      const total = results[0].total
      const rows = new Array<ArticleSummary | undefined>(total)
      results.forEach((result, i) => result.articles.forEach((article, j) => (rows[pages[i] * PAGE_SIZE + j] = article)))
      setList({ total, rows })
    } catch (error) {
      if (id === request.current) onErrorRef.current(error)
    }
  }, [api, root, view])

  useEffect(() => {
    shownPages.current = [0]
    void refresh()
  }, [refresh])

  /** The list shows rows start..end (inclusive): fetch the pages it lacks. */
  const showRange = useCallback(
    (start: number, end: number) => {
      const first = Math.floor(Math.max(0, start) / PAGE_SIZE)
      const last = Math.floor(Math.max(0, end) / PAGE_SIZE)
      const pages: number[] = []
      for (let page = first; page <= last; page++) pages.push(page)
      shownPages.current = pages
      const id = request.current
      for (const page of pages) {
        const current = listRef.current
        if (!current || page * PAGE_SIZE >= current.total || current.rows[page * PAGE_SIZE] || loading.current.has(page)) continue
        loading.current.add(page)
        api['library.list'](listQuery(view, page)).then(
          (result) => {
            loading.current.delete(page)
            if (id !== request.current) return
            setList((now) => {
              if (!now) return now
              const rows = now.rows.slice()
              rows.length = result.total
              result.articles.forEach((article, j) => (rows[page * PAGE_SIZE + j] = article))
              return { total: result.total, rows }
            })
          },
          (error: unknown) => {
            loading.current.delete(page)
            if (id === request.current) onErrorRef.current(error)
          }
        )
      }
    },
    [api, view]
  )

  const refreshMissing = useCallback(async () => {
    if (root === null) return
    const id = ++missingRequest.current
    try {
      const result = await api['library.missing']({})
      if (id === missingRequest.current) setMissing(result)
    } catch (error) {
      if (id === missingRequest.current) onErrorRef.current(error)
    }
  }, [api, root])

  useEffect(() => {
    setMissing([])
    void refreshMissing()
  }, [refreshMissing])

  /** The folder changed on disk: new counts, topics and problems, same view. */
  const reloadSummary = useCallback(async () => {
    try {
      const next = await api['library.current']({})
      if (next && next.root === root) setSummary(next)
    } catch (error) {
      onErrorRef.current(error)
    }
  }, [api, root])

  const removeMissing = useCallback(
    async (articleId: string): Promise<number> => {
      const { removed } = await api['annotations.removeMissing']({ articleId })
      setMissing((current) => current.filter((m) => m.articleId !== articleId))
      return removed
    },
    [api]
  )

  /** Switch to another folder: the topic filter and title filter belong to the old one. */
  const showLibrary = useCallback((next: LibrarySummary) => {
    setSummary(next)
    setList(null)
    setView((v) => ({ ...DEFAULT_VIEW, sort: v.sort }))
  }, [])

  return { summary, showLibrary, view, setView, list, showRange, refresh, missing, refreshMissing, reloadSummary, removeMissing }
}
