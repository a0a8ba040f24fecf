// Where the reader's column is scrolled when the article changes: a newly opened
// article starts where the user stopped reading it (the block saved by
// useReadingProgress) or at its top; the same article swapped in place (its file
// changed, an undo) or followed to its new name keeps the place it had.
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react'
import type { Article } from '../../../../shared/model'
import { holdOffsetAtTop } from '../comfort/reading-position'

export function useScrollPlace(article: Article | null, readerRef: RefObject<HTMLElement | null>, bodyRef: RefObject<HTMLElement | null>) {
  const keep = useRef<{ id: string; top: number } | null>(null)
  const shownId = useRef<string | null>(null)
  const stopHolding = useRef<() => void>(() => undefined)
  useLayoutEffect(() => {
    const view = readerRef.current
    const id = article?.id ?? null
    const kept = keep.current
    if (view && kept && kept.id === id) {
      view.scrollTop = kept.top
      keep.current = null
    } else if (view && id !== shownId.current) {
      // Another article before the last one's saved place settled: stop putting that back.
      stopHolding.current()
      view.scrollTop = 0
      const offset = article?.progressOffset ?? null
      if (offset !== null && bodyRef.current) stopHolding.current = holdOffsetAtTop(view, bodyRef.current, offset)
    }
    shownId.current = id
  }, [article])

  /** The article about to be shown as `id` is the one on screen: keep its place. */
  const keepPlaceFor = useCallback((id: string) => {
    keep.current = { id, top: readerRef.current?.scrollTop ?? 0 }
  }, [])

  /** Going to a highlight wins over going back to the saved reading place. */
  const stopRestoring = useCallback(() => stopHolding.current(), [])

  return { keepPlaceFor, stopRestoring }
}
