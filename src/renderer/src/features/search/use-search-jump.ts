// Opening a search result: the article, then the match. A highlight result scrolls to
// that highlight (and flashes it); a text match is selected and scrolled into view,
// found through the reader's text-offset mapping (offsets are in Article.text).
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { Article, SearchResult } from '../../../../shared/model'
import { domPointAt } from '../reader/text-offsets'

const WORD_AT = /[\p{L}\p{N}\p{M}_'’-]+/uy
/** Frames to wait for the article's body to be painted before giving up on the match. */
const MAX_TRIES = 30

export interface SearchJumpOptions {
  article: Article | null
  bodyRef: RefObject<HTMLElement | null>
  openArticle: (articleId: string) => void
  /** Scrolls to a highlight and flashes it (the app's jumpTo). */
  jumpToHighlight: (highlightId: string) => void
}

export function useSearchJump({ article, bodyRef, openArticle, jumpToHighlight }: SearchJumpOptions): (result: SearchResult) => void {
  const [pending, setPending] = useState<SearchResult | null>(null)
  const articleRef = useRef(article)
  articleRef.current = article

  const open = useCallback(
    (result: SearchResult) => {
      // A fresh object each time: choosing the same result again jumps again.
      setPending({ ...result })
      if (articleRef.current?.id !== result.articleId) openArticle(result.articleId)
    },
    [openArticle]
  )

  useEffect(() => {
    if (!pending || !article || article.id !== pending.articleId) return
    let frame = 0
    let tries = 0
    const attempt = () => {
      if (place(pending, article, bodyRef.current, jumpToHighlight) || ++tries >= MAX_TRIES) setPending(null)
      else frame = requestAnimationFrame(attempt)
    }
    attempt()
    return () => cancelAnimationFrame(frame)
  }, [article, pending, bodyRef, jumpToHighlight])

  return open
}

/** True when done (placed, or nothing to place); false to try again next frame. */
function place(result: SearchResult, article: Article, body: HTMLElement | null, jumpToHighlight: (id: string) => void): boolean {
  if (!body) return false
  if (result.highlightId) {
    const highlight = article.highlights.find((h) => h.id === result.highlightId)
    if (highlight?.anchor) {
      const marks = body.querySelectorAll<HTMLElement>('mark[data-highlight-id]')
      if (![...marks].some((mark) => mark.dataset.highlightId === highlight.id)) return false
      jumpToHighlight(highlight.id)
      return true
    }
  }
  if (result.offset === null || result.offset > article.text.length) return true
  WORD_AT.lastIndex = result.offset
  const length = WORD_AT.exec(article.text)?.[0].length ?? 0
  const start = domPointAt(body, result.offset)
  const end = domPointAt(body, result.offset + length)
  if (!start || !end) return false
  const range = body.ownerDocument.createRange()
  range.setStart(start.node, start.offset)
  range.setEnd(end.node, end.offset)
  const selection = body.ownerDocument.getSelection()
  selection?.removeAllRanges()
  selection?.addRange(range)
  const element = start.node instanceof Element ? start.node : start.node.parentElement
  element?.scrollIntoView?.({ block: 'center' })
  return true
}
