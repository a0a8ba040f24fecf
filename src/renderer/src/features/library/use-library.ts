// The open folder, its article list and the annotations of articles that have gone
// from it. The list is re-queried whenever the folder or the view (sort, topic, title
// filter) changes, and on demand after highlights change (counts) or the folder
// changes on disk. Late answers to superseded queries are dropped.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { ArticleList, LibrarySummary, MissingArticle } from '../../../../shared/model'

export type SortKey = 'date' | 'title'

export interface LibraryView {
  sort: SortKey
  /** '' = all topics */
  topic: string
  /** Title filter; '' = none */
  text: string
}

export const DEFAULT_VIEW: LibraryView = { sort: 'date', topic: '', text: '' }

export function useLibrary(api: Api, onError: (error: unknown) => void) {
  const [summary, setSummary] = useState<LibrarySummary | null>(null)
  const [view, setView] = useState<LibraryView>(DEFAULT_VIEW)
  const [list, setList] = useState<ArticleList | null>(null)
  const [missing, setMissing] = useState<MissingArticle[]>([])
  const request = useRef(0)
  const missingRequest = useRef(0)
  const onErrorRef = useRef(onError)
  onErrorRef.current = onError

  const root = summary?.root ?? null
  const refresh = useCallback(async () => {
    if (root === null) return
    const id = ++request.current
    try {
      const result = await api['library.list']({
        sort: view.sort,
        topic: view.topic || undefined,
        query: view.text.trim() || undefined
      })
      if (id === request.current) setList(result)
    } catch (error) {
      if (id === request.current) onErrorRef.current(error)
    }
  }, [api, root, view])

  useEffect(() => {
    void refresh()
  }, [refresh])

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

  return { summary, showLibrary, view, setView, list, refresh, missing, refreshMissing, reloadSummary, removeMissing }
}
