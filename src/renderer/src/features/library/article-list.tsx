// The article list as a virtual listbox: only the rows in view (and a few around them)
// are in the page, so 100,000 articles scroll as smoothly as ten. Rows not fetched yet
// show as placeholders and are asked for as they come into view. Arrow keys, Page
// Up/Down, Home and End move through every row, fetched or not; Enter opens.
import { measureElement, observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { ArticleSummary } from '../../../../shared/model'
import { formatSourceDay } from '../../components/format-date'
import type { LibraryRows } from './use-library'
import { TagList } from '../tags/tag-list'
import { RowProgress, RowReadingTime } from '../comfort/row-progress'

const ROW_ESTIMATE_PX = 58
/** The list's own padding (see .article-list in styles.css). */
const LIST_PADDING_PX = 6

const ArticleRow = memo(function ArticleRow({ article }: { article: ArticleSummary }) {
  const date = formatSourceDay(article.published)
  return (
    <>
      <span className="row-title">{article.title}</span>
      <span className="row-meta">
        {article.source && <span className="row-source">{article.source}</span>}
        {date &&
          (date.iso ? (
            <time className="row-date" dateTime={date.iso}>
              {date.text}
            </time>
          ) : (
            <span className="row-date">{date.text}</span>
          ))}
        <RowReadingTime words={article.words} />
        <RowProgress fraction={article.progress} />
        <TagList tags={article.tags} inline />
      </span>
      {article.highlightCount > 0 && (
        <span className="badge" title={`${article.highlightCount} highlight${article.highlightCount === 1 ? '' : 's'}`}>
          {article.highlightCount}
          <span className="sr-only"> highlight{article.highlightCount === 1 ? '' : 's'}</span>
        </span>
      )}
    </>
  )
})

// A list not laid out yet (or a DOM without layout) measures 0: show a window's worth.
function observeRectWithFallback(instance: Virtualizer<HTMLElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight || 800 }))
}

// A row measured at 0 (not laid out) keeps its estimate; otherwise every row would
// fit in the view at once and all of them would be rendered.
function measureRow(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, Element>): number {
  const size = measureElement(element, entry, instance)
  return size > 0 ? size : ROW_ESTIMATE_PX
}

export interface ArticleListProps {
  list: LibraryRows
  scrollElement: HTMLElement | null
  currentId: string | null
  onOpen: (articleId: string) => void
  /** Rows start..end (inclusive) are in view. */
  onRange: (start: number, end: number) => void
}

export function ArticleList({ list, scrollElement, currentId, onOpen, onRange }: ArticleListProps) {
  const { total, rows } = list
  const listRef = useRef<HTMLUListElement>(null)
  const [activeIndex, setActiveIndex] = useState(0)
  const pendingFocus = useRef<number | null>(null)

  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count: total,
    getScrollElement: () => scrollElement,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 8,
    paddingStart: LIST_PADDING_PX,
    paddingEnd: LIST_PADDING_PX,
    observeElementRect: observeRectWithFallback,
    measureElement: measureRow,
    getItemKey: (index) => rows[index]?.id ?? `row-${index}`
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1

  useEffect(() => {
    if (last >= 0) onRange(first, last)
  }, [first, last, onRange])

  const currentIndex = currentId === null ? -1 : rows.findIndex((a) => a?.id === currentId)
  useEffect(() => {
    if (currentIndex >= 0) setActiveIndex(currentIndex)
    else setActiveIndex((i) => Math.min(i, Math.max(0, total - 1)))
  }, [currentIndex, total])

  // The open article's row stays in view when another is opened without the list
  // (j/k, a search result, a link); focus in the list follows it.
  useEffect(() => {
    if (currentIndex < 0) return
    virtualizer.scrollToIndex(currentIndex, { align: 'auto' })
    if (listRef.current?.contains(document.activeElement)) pendingFocus.current = currentIndex
  }, [currentIndex])

  // Focus follows the keyboard once the row is in the page, as long as the keyboard is
  // still in the list: a request left pending while the user went on (to select text in
  // the article, say) must not pull focus back when the list is next drawn.
  useLayoutEffect(() => {
    const index = pendingFocus.current
    if (index === null) return
    const list = listRef.current
    if (!list || (document.activeElement !== document.body && !list.contains(document.activeElement))) {
      pendingFocus.current = null
      return
    }
    const row = list.querySelector<HTMLElement>(`[data-index="${index}"]`)
    if (row) {
      pendingFocus.current = null
      row.focus({ preventScroll: true })
    }
  })

  const focusOption = (index: number) => {
    const clamped = Math.max(0, Math.min(total - 1, index))
    setActiveIndex(clamped)
    pendingFocus.current = clamped
    virtualizer.scrollToIndex(clamped, { align: 'auto' })
  }

  const open = (index: number) => {
    const article = rows[index]
    if (article) onOpen(article.id)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusOption(activeIndex + 1),
      ArrowUp: () => focusOption(activeIndex - 1),
      Home: () => focusOption(0),
      End: () => focusOption(total - 1),
      PageDown: () => focusOption(activeIndex + 10),
      PageUp: () => focusOption(activeIndex - 10),
      Enter: () => open(activeIndex),
      ' ': () => open(activeIndex)
    }
    const action = keys[event.key]
    if (!action || total === 0) return
    event.preventDefault()
    action()
  }

  return (
    <ul
      ref={listRef}
      className="article-list virtual"
      role="listbox"
      aria-label="Articles"
      onKeyDown={onKeyDown}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {items.map((item) => {
        const article = rows[item.index]
        const style = { position: 'absolute' as const, top: 0, left: LIST_PADDING_PX, right: LIST_PADDING_PX, transform: `translateY(${item.start}px)` }
        const common = {
          'data-index': item.index,
          ref: virtualizer.measureElement,
          role: 'option',
          'aria-setsize': total,
          'aria-posinset': item.index + 1,
          tabIndex: item.index === activeIndex ? 0 : -1,
          style
        }
        if (!article) {
          return (
            <li key={item.key} {...common} aria-selected={false} aria-busy="true" className="article-row placeholder">
              <span className="row-title">Loading…</span>
            </li>
          )
        }
        return (
          <li
            key={item.key}
            {...common}
            aria-selected={article.id === currentId}
            className={`article-row${article.id === currentId ? ' current' : ''}`}
            data-article-id={article.id}
            onClick={() => {
              setActiveIndex(item.index)
              onOpen(article.id)
            }}
          >
            <ArticleRow article={article} />
          </li>
        )
      })}
    </ul>
  )
}
