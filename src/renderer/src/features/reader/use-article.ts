// The article being read and the highlight mutations on it. Mutations update the
// local copy with what the main process returns (it is the source of truth for ids,
// anchors and timestamps) and then tell the caller, which refreshes list counts.
// reload() swaps in a fresh copy (the file changed on disk) without the loading state,
// so the reader stays where it is.
import { useCallback, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { Article, Highlight, HighlightColor } from '../../../../shared/model'

export function useArticle(api: Api, onHighlightsChanged: () => void) {
  const [article, setArticle] = useState<Article | null>(null)
  const [loading, setLoading] = useState(false)
  const request = useRef(0)
  const changed = useRef(onHighlightsChanged)
  changed.current = onHighlightsChanged

  /** Resolves to the article, or null if another open() superseded this one. */
  const open = useCallback(
    async (articleId: string): Promise<Article | null> => {
      const id = ++request.current
      setLoading(true)
      try {
        const next = await api['article.get']({ articleId })
        if (id !== request.current) return null
        setArticle(next)
        // Reading is pure: the folder reopens on this article because the page says it is shown.
        void api['article.opened']({ articleId }).catch(() => undefined)
        return next
      } finally {
        if (id === request.current) setLoading(false)
      }
    },
    [api]
  )

  /** Like open(), but the current article stays on screen until the new copy arrives. */
  const reload = useCallback(
    async (articleId: string): Promise<Article | null> => {
      const id = ++request.current
      const next = await api['article.get']({ articleId })
      if (id !== request.current) return null
      setArticle(next)
      setLoading(false)
      void api['article.opened']({ articleId }).catch(() => undefined)
      return next
    },
    [api]
  )

  const close = useCallback(() => {
    request.current++
    setArticle(null)
    setLoading(false)
  }, [])

  const replaceHighlight = (h: Highlight, remove = false) =>
    setArticle((a) => {
      if (!a || a.id !== h.articleId) return a
      const rest = a.highlights.filter((x) => x.id !== h.id)
      return { ...a, highlights: remove ? rest : [...rest, h] }
    })

  const createHighlight = useCallback(
    async (articleId: string, start: number, end: number, color: HighlightColor): Promise<Highlight> => {
      const h = await api['highlight.create']({ articleId, start, end, color })
      replaceHighlight(h)
      changed.current()
      return h
    },
    [api]
  )

  const updateHighlight = useCallback(
    async (highlightId: string, patch: { color?: HighlightColor; note?: string; tags?: string[] }): Promise<Highlight> => {
      const h = await api['highlight.update']({ highlightId, ...patch })
      // Keep the list order stable: replace in place rather than append.
      setArticle((a) => (a && a.id === h.articleId ? { ...a, highlights: a.highlights.map((x) => (x.id === h.id ? h : x)) } : a))
      return h
    },
    [api]
  )

  const reattachHighlight = useCallback(
    async (highlightId: string, start: number, end: number): Promise<Highlight> => {
      const h = await api['highlight.reattach']({ highlightId, start, end })
      setArticle((a) => (a && a.id === h.articleId ? { ...a, highlights: a.highlights.map((x) => (x.id === h.id ? h : x)) } : a))
      return h
    },
    [api]
  )

  const deleteHighlight = useCallback(
    async (highlight: Highlight): Promise<void> => {
      await api['highlight.delete']({ highlightId: highlight.id })
      replaceHighlight(highlight, true)
      changed.current()
    },
    [api]
  )

  const saveNote = useCallback(
    async (articleId: string, note: string): Promise<void> => {
      const saved = await api['article.setNote']({ articleId, note })
      setArticle((a) => (a && a.id === articleId ? { ...a, note: saved.note } : a))
    },
    [api]
  )

  const saveArticleTags = useCallback(
    async (articleId: string, tags: string[]): Promise<string[]> => {
      const saved = await api['article.setTags']({ articleId, tags })
      setArticle((a) => (a && a.id === articleId ? { ...a, tags: saved.tags } : a))
      return saved.tags
    },
    [api]
  )

  return { article, loading, open, reload, close, createHighlight, updateHighlight, reattachHighlight, deleteHighlight, saveNote, saveArticleTags }
}
