// The article being read: which one is open, its copy in the query cache, and the
// highlight and note edits on it. An edit writes the core's answer into the cached
// article at once (ids, anchors and timestamps are the core's), and the change the
// core pushes afterwards makes it stale like any other read. A refetch (the file
// changed on disk, an undo) swaps the copy in place, without the loading state, so the
// reader stays where it is; opening another article keeps the old one on screen until
// the new one arrives.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { DataChange } from '../../../../shared/events'
import type { Article, Highlight, HighlightColor } from '../../../../shared/model'
import { contractKey, useContractQuery } from '../../data/use-contract-query'

export interface OpenOptions {
  /** The start-up article may have gone since: then simply start without one. */
  quiet?: boolean
  /** The same article under another id (a renamed file): nothing on the way to it is new. */
  inPlace?: boolean
}

export function useOpenArticle(api: Api, onError: (error: unknown) => void) {
  const client = useQueryClient()
  const [open, setOpen] = useState<{ id: string; quiet: boolean } | null>(null)
  /** The open article's file was deleted: its title, for the message in its place. */
  const [goneTitle, setGoneTitle] = useState<string | null>(null)
  /** False after close(): the next article must not show the last one while it loads. */
  const keepShown = useRef(false)
  const query = useContractQuery(
    api,
    'article.get',
    { articleId: open?.id ?? '' },
    { enabled: open !== null, placeholderData: (previous) => (keepShown.current ? previous : undefined) }
  )
  const article = open && query.data ? query.data : null
  const loading = open !== null && (query.isPending || query.isPlaceholderData)
  const shownId = !loading && article ? article.id : null

  // What the page shows now; the folder reopens on it next time.
  useEffect(() => {
    if (shownId) api['article.opened']({ articleId: shownId }).catch(() => undefined)
  }, [api, shownId])

  // An article that cannot be read: say why (unless it was the start-up one) and show none.
  const lastShown = useRef<string | null>(null)
  if (shownId) lastShown.current = shownId
  useEffect(() => {
    if (!open || !query.error) return
    if (!open.quiet) onError(query.error)
    // A refetch that failed: the copy on screen stays.
    if (query.data && !query.isPlaceholderData) return
    setOpen(lastShown.current && lastShown.current !== open.id ? { id: lastShown.current, quiet: true } : null)
    // onError is a fresh closure each render; the failure is what matters.
  }, [open, query.error])

  const openArticle = useCallback((articleId: string, options: OpenOptions = {}) => {
    // A copy made stale while it was not on screen (its reading place moved on, say) is
    // not shown again: the reader opens on the core's answer, at the saved place.
    const key = contractKey('article.get', { articleId })
    if (client.getQueryState(key)?.isInvalidated) client.removeQueries({ queryKey: key, exact: true })
    keepShown.current = true
    setGoneTitle(null)
    setOpen({ id: articleId, quiet: options.quiet ?? false })
  }, [client])

  const close = useCallback(() => {
    keepShown.current = false
    lastShown.current = null
    setOpen(null)
    setGoneTitle(null)
  }, [])

  /** Follows the open article through a change on disk: renamed, it moves along; deleted, it says so. */
  const followChange = useCallback(
    (change: DataChange): 'moved' | 'gone' | null => {
      const id = open?.id
      if (!id) return null
      const moved = change.articles.moved.find((m) => m.from === id)
      if (moved) {
        openArticle(moved.to)
        return 'moved'
      }
      if (change.articles.removed.includes(id)) {
        const title = article?.title ?? ''
        close()
        setGoneTitle(title)
        return 'gone'
      }
      return null
    },
    [open?.id, article?.title, openArticle, close]
  )

  /** Writes an edit's answer into the cached article (the change event then makes it stale). */
  const patch = useCallback(
    (articleId: string, update: (a: Article) => Article) =>
      client.setQueryData<Article>(contractKey('article.get', { articleId }), (a) => (a ? update(a) : a)),
    [client]
  )
  const putHighlight = (h: Highlight) =>
    patch(h.articleId, (a) => ({ ...a, highlights: a.highlights.some((x) => x.id === h.id) ? a.highlights.map((x) => (x.id === h.id ? h : x)) : [...a.highlights, h] }))

  const createHighlight = useCallback(
    async (articleId: string, start: number, end: number, color: HighlightColor): Promise<Highlight> => {
      const h = await api['highlight.create']({ articleId, start, end, color })
      putHighlight(h)
      return h
    },
    [api, patch]
  )

  const updateHighlight = useCallback(
    async (highlightId: string, change: { color?: HighlightColor; note?: string; tags?: string[] }): Promise<Highlight> => {
      const h = await api['highlight.update']({ highlightId, ...change })
      putHighlight(h)
      return h
    },
    [api, patch]
  )

  const reattachHighlight = useCallback(
    async (highlightId: string, start: number, end: number): Promise<Highlight> => {
      const h = await api['highlight.reattach']({ highlightId, start, end })
      putHighlight(h)
      return h
    },
    [api, patch]
  )

  const deleteHighlight = useCallback(
    async (highlight: Highlight): Promise<void> => {
      await api['highlight.delete']({ highlightId: highlight.id })
      patch(highlight.articleId, (a) => ({ ...a, highlights: a.highlights.filter((x) => x.id !== highlight.id) }))
    },
    [api, patch]
  )

  const saveNote = useCallback(
    async (articleId: string, note: string): Promise<void> => {
      const saved = await api['article.setNote']({ articleId, note })
      patch(articleId, (a) => ({ ...a, note: saved.note }))
    },
    [api, patch]
  )

  const saveArticleTags = useCallback(
    async (articleId: string, tags: string[]): Promise<string[]> => {
      const saved = await api['article.setTags']({ articleId, tags })
      patch(articleId, (a) => ({ ...a, tags: saved.tags }))
      return saved.tags
    },
    [api, patch]
  )

  return {
    article,
    loading,
    /** When the open article's copy was fetched, and whether a newer one is on its way. */
    updatedAt: query.dataUpdatedAt,
    fetching: query.isFetching,
    goneTitle,
    open: openArticle,
    close,
    followChange,
    createHighlight,
    updateHighlight,
    reattachHighlight,
    deleteHighlight,
    saveNote,
    saveArticleTags
  }
}
