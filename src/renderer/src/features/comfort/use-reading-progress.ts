// Reports how far the user has read the open article: while scrolling at most once per
// REPORT_INTERVAL_MS, and once more on leaving it (another article, closing the page).
// The position is worked out while scrolling (every MEASURE_DELAY_MS), so the report on leaving does
// not depend on the old article still being on screen.
// "Read" is earned: the end must stay on screen for END_DWELL_MS (an article flicked
// past with j is not read); until then the share reported stops just short of it. The
// core keeps the furthest point reached, so scrolling back up leaves a read article read.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react'
import type { Api } from '../../../../shared/api'
import { firstVisibleOffset, holdOffsetAtTop, READ_THRESHOLD, readFraction } from './reading-position'

export const REPORT_INTERVAL_MS = 1000
/**
 * How often the position is read while scrolling: finding the block in view walks the
 * body's blocks (thousands in a long article), too much to do every frame of a scroll.
 */
export const MEASURE_DELAY_MS = 150
/** How long the end of an article must stay in view before it counts as read. */
export const END_DWELL_MS = 1500
/** The share reported while the end has not been seen long enough: just under "Read". */
const NOT_YET_READ = Math.floor(READ_THRESHOLD * 1000 - 1) / 1000

interface Position {
  articleId: string
  fraction: number
  offset: number
}

export interface ReadingProgressOptions {
  api: Pick<Api, 'article.setProgress'>
  articleId: string | null
  scrollerRef: RefObject<HTMLElement | null>
  bodyRef: RefObject<HTMLElement | null>
  /** After a report was stored (e.g. to refresh the library rows). */
  onSaved?: (articleId: string, fraction: number) => void
  onError?: (error: unknown) => void
  /**
   * Changes whenever the column's layout does (font, size, line height, width): the
   * block at the top stays at the top instead of the text sliding under the reader.
   */
  layoutKey?: string
  /** The clock (ms), injectable for tests. */
  now?: () => number
}

export function useReadingProgress({ api, articleId, scrollerRef, bodyRef, onSaved, onError, layoutKey = '', now = Date.now }: ReadingProgressOptions): void {
  const clock = useRef(now)
  clock.current = now
  /** The article on screen, as of the latest render: a scroll event from a new article's DOM is never booked to the old one. */
  const shown = useRef(articleId)
  shown.current = articleId
  const latest = useRef<Position | null>(null)
  /** The block at the top now, for keeping the place when the layout changes. */
  const anchor = useRef<{ articleId: string; offset: number } | null>(null)
  const sent = useRef<Position | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const lastSentAt = useRef(0)
  const callbacks = useRef({ onSaved, onError, api })
  callbacks.current = { onSaved, onError, api }

  /** `leaving`: the reader moves on; onSaved hears of the article's last position even if it went out earlier. */
  const send = (leaving = false) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const position = latest.current
    const before = sent.current
    if (!position) return
    if (before && before.articleId === position.articleId && before.fraction === position.fraction && before.offset === position.offset) {
      if (leaving) callbacks.current.onSaved?.(before.articleId, before.fraction)
      return
    }
    sent.current = position
    lastSentAt.current = Date.now()
    const { api, onSaved, onError } = callbacks.current
    api['article.setProgress'](position)
      .then(() => onSaved?.(position.articleId, position.fraction))
      .catch((error) => onError?.(error))
  }
  const sendRef = useRef(send)
  sendRef.current = send

  useEffect(() => {
    const scroller = scrollerRef.current
    if (!articleId || !scroller) return
    let pending: ReturnType<typeof setTimeout> | null = null
    /** Since when the end has been in view (null: it is not). */
    let endSince: number | null = null
    let dwell: ReturnType<typeof setTimeout> | null = null
    /** Reads the position on screen; false when this article is no longer the one shown. */
    const read = (): boolean => {
      const body = bodyRef.current
      if (!body || shown.current !== articleId) return false
      const offset = firstVisibleOffset(scroller, body)
      if (offset === null) return false
      anchor.current = { articleId, offset }
      // Rounded to a thousandth: a few characters are not progress.
      let fraction = Math.round((readFraction(scroller, body) ?? 0) * 1000) / 1000
      if (fraction >= READ_THRESHOLD) {
        endSince ??= clock.current()
        const waited = clock.current() - endSince
        if (waited < END_DWELL_MS) {
          fraction = Math.min(fraction, NOT_YET_READ)
          // Look again once the moment is up, scrolled or not.
          dwell ??= setTimeout(() => ((dwell = null), measure()), END_DWELL_MS - waited)
        }
      } else {
        endSince = null
        if (dwell) clearTimeout(dwell)
        dwell = null
      }
      latest.current = { articleId, fraction, offset }
      return true
    }
    const measure = () => {
      pending = null
      if (!read()) return
      const wait = REPORT_INTERVAL_MS - (Date.now() - lastSentAt.current)
      if (wait <= 0) sendRef.current()
      else if (!timer.current) {
        // Read again when sending: paragraphs laid out since may have shifted the text.
        timer.current = setTimeout(() => {
          read()
          sendRef.current()
        }, wait)
      }
    }
    const onScroll = () => {
      pending ??= setTimeout(measure, MEASURE_DELAY_MS)
    }
    scroller.addEventListener('scroll', onScroll, { passive: true })
    // Where the article was opened (its saved place or the top), until the user scrolls.
    const body = bodyRef.current
    const opened = body ? firstVisibleOffset(scroller, body) : null
    anchor.current = opened === null ? null : { articleId, offset: opened }
    return () => {
      scroller.removeEventListener('scroll', onScroll)
      if (pending) clearTimeout(pending)
      if (dwell) clearTimeout(dwell)
      // Leaving this article: its last position goes out now.
      sendRef.current(true)
      latest.current = null
    }
  }, [articleId, scrollerRef, bodyRef])

  // New type or column: the block at the top now stays at the top. It is read here,
  // while rendering, because the page still has the old sizes until the commit (the
  // last scroll's measure can be stale: lazily laid-out paragraphs shift the text
  // without a scroll event).
  const renderedKey = useRef(layoutKey)
  const relayoutFrom = useRef<number | null>(null)
  if (renderedKey.current !== layoutKey) {
    renderedKey.current = layoutKey
    const scroller = scrollerRef.current
    const body = bodyRef.current
    relayoutFrom.current = scroller && body && articleId ? firstVisibleOffset(scroller, body) : null
  }
  const firstLayout = useRef(true)
  useLayoutEffect(() => {
    if (firstLayout.current) {
      firstLayout.current = false
      return
    }
    const scroller = scrollerRef.current
    const body = bodyRef.current
    const place = relayoutFrom.current ?? (anchor.current?.articleId === shown.current ? anchor.current.offset : null)
    relayoutFrom.current = null
    if (scroller && body && place !== null) return holdOffsetAtTop(scroller, body, place)
  }, [layoutKey, scrollerRef, bodyRef])

  // Closing or hiding the page (quit, reload, another app in front): report now.
  useEffect(() => {
    const flush = () => sendRef.current()
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [])
}
