// "Show this highlight once its article is on screen": for a gloss:// link, an entry of
// "All highlights" and an undo that restored a highlight. The jump waits for the
// article's copy to be at least as new as the request (an undo's highlight arrives with
// the refetch its change event asks for); an orphan opens in the side panel instead.
import { useCallback, useEffect, useState } from 'react'
import type { Article } from '../../../../shared/model'

interface Pending {
  articleId: string
  highlightId: string
  since: number
}

export interface PendingJumpOptions {
  article: Article | null
  /** When the open article's copy was fetched (ms since the epoch). */
  updatedAt: number
  fetching: boolean
  jumpTo: (highlightId: string) => void
  openOrphan: (highlightId: string) => void
}

export function usePendingJump({ article, updatedAt, fetching, jumpTo, openOrphan }: PendingJumpOptions) {
  const [pending, setPending] = useState<Pending | null>(null)
  useEffect(() => {
    if (!pending || article?.id !== pending.articleId) return
    const highlight = article.highlights.find((h) => h.id === pending.highlightId)
    if (!highlight && (fetching || updatedAt < pending.since)) return
    setPending(null)
    if (!highlight) return
    if (highlight.anchor) jumpTo(highlight.id)
    else openOrphan(highlight.id)
  }, [article, pending, updatedAt, fetching])

  const jumpWhenShown = useCallback((articleId: string, highlightId: string | null) => {
    setPending(highlightId ? { articleId, highlightId, since: Date.now() } : null)
  }, [])
  return jumpWhenShown
}
