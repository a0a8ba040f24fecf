// The workspace's list as a virtual list: only the entries in view (and a few around
// them) are in the page, so 20,000 highlights scroll like twenty. Sorted by article,
// each article's entries follow a heading row. One entry at a time is in the Tab order
// (its "Open in article" button); arrow keys, Page Up/Down, Home and End move between
// entries and Enter opens the one in focus.
import { EditedSince } from '../../components/edited-since'
import { NoteMarkdown } from '../../components/note-markdown'
import { measureElement, observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { AnnotationEntry } from '../../../../shared/model'
import { formatPublished } from '../../components/format-date'
import { colorName } from '../highlights/colors'

const ENTRY_ESTIMATE_PX = 132
const GROUP_ESTIMATE_PX = 44

type Row = { kind: 'group'; key: string; article: AnnotationEntry['article'] } | { kind: 'entry'; key: string; entry: AnnotationEntry }

export function buildRows(entries: readonly AnnotationEntry[], grouped: boolean): Row[] {
  const rows: Row[] = []
  let lastArticle: string | null = null
  for (const entry of entries) {
    if (grouped && entry.article.id !== lastArticle) {
      // Keyed by its first entry: an article may head two groups while an older page is shown.
      rows.push({ kind: 'group', key: `group-${entry.highlight.id}`, article: entry.article })
      lastArticle = entry.article.id
    }
    rows.push({ kind: 'entry', key: entry.highlight.id, entry })
  }
  return rows
}

const Entry = memo(function Entry({
  entry,
  focusable,
  grouped,
  scanning,
  onOpen
}: {
  entry: AnnotationEntry
  focusable: boolean
  grouped: boolean
  scanning: boolean
  onOpen: (entry: AnnotationEntry) => void
}) {
  const { highlight, article } = entry
  const created = formatPublished(highlight.createdAt)
  const quoteId = `ah-quote-${highlight.id}`
  return (
    <div className="ah-card">
      <div className="ah-entry-meta">
        <span className="ah-color">
          <span className="ah-swatch" aria-hidden="true" />
          {colorName(highlight.color)}
        </span>
        {created && (
          <span className="ah-date">
            Highlighted <time dateTime={highlight.createdAt}>{created.text}</time>
          </span>
        )}
      </div>
      <blockquote className="ah-quote" id={quoteId}>
        {/* Paragraph breaks inside a quote show as line breaks: the list stays compact. */}
        <span className="ah-quote-text" dir="auto">{highlight.quote.replace(/\n{2,}/g, '\n')}</span>
      </blockquote>
      {highlight.originalQuote !== undefined && <EditedSince original={highlight.originalQuote} />}
      {highlight.note.trim() && <NoteMarkdown className="ah-note" text={highlight.note} />}
      {highlight.tags.length > 0 && (
        <ul className="ah-tags" aria-label="Tags">
          {highlight.tags.map((tag) => (
            <li key={tag} className="ah-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div className="ah-entry-foot">
        {!grouped && (
          <span className="ah-article">
            {article.title}
            {article.source && <span className="ah-source"> · {article.source}</span>}
          </span>
        )}
        {article.missing ? (
          <span className="ah-missing">
            {scanning ? 'Not read yet: the folder is still being read' : 'The article’s file is no longer in the folder'}
          </span>
        ) : (
          <button
            type="button"
            className="button ah-open"
            data-open-highlight={highlight.id}
            tabIndex={focusable ? 0 : -1}
            aria-describedby={quoteId}
            onClick={(event) => {
              event.stopPropagation()
              onOpen(entry)
            }}
          >
            Open in article
          </button>
        )}
      </div>
    </div>
  )
})

function observeRectWithFallback(instance: Virtualizer<HTMLElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight || 800 }))
}

export interface HighlightEntriesProps {
  entries: readonly AnnotationEntry[]
  total: number
  grouped: boolean
  /** The folder is still being read: an absent article may not be read yet. */
  scanning?: boolean
  scrollElement: HTMLElement | null
  onOpen: (entry: AnnotationEntry) => void
  /** The list scrolled near the last entry loaded. */
  onNearEnd: () => void
}

export function HighlightEntries({ entries, total, grouped, scanning = false, scrollElement, onOpen, onNearEnd }: HighlightEntriesProps) {
  const rows = useMemo(() => buildRows(entries, grouped), [entries, grouped])
  const entryRows = useMemo(() => rows.flatMap((row, index) => (row.kind === 'entry' ? [index] : [])), [rows])
  /** Row index → position among the entries (group rows: -1). */
  const positionOf = useMemo(() => {
    const positions = new Array<number>(rows.length).fill(-1)
    entryRows.forEach((rowIndex, position) => (positions[rowIndex] = position))
    return positions
  }, [rows, entryRows])
  const listRef = useRef<HTMLUListElement>(null)
  const [active, setActive] = useState(0)
  const pendingFocus = useRef<number | null>(null)

  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: (index) => (rows[index]?.kind === 'group' ? GROUP_ESTIMATE_PX : ENTRY_ESTIMATE_PX),
    overscan: 6,
    observeElementRect: observeRectWithFallback,
    measureElement: (element, entry, instance) => {
      const size = measureElement(element, entry, instance)
      return size > 0 ? size : ENTRY_ESTIMATE_PX
    },
    getItemKey: (index) => rows[index]?.key ?? index
  })
  const items = virtualizer.getVirtualItems()
  const last = items[items.length - 1]?.index ?? -1

  useEffect(() => {
    if (last >= rows.length - 10 && entries.length < total) onNearEnd()
  }, [last, rows.length, entries.length, total, onNearEnd])

  // New filters: start again at the first entry.
  useEffect(() => setActive((i) => Math.min(i, Math.max(0, entryRows.length - 1))), [entryRows.length])
  useEffect(() => setActive(0), [grouped])

  useLayoutEffect(() => {
    const position = pendingFocus.current
    if (position === null) return
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${entryRows[position]}"]`)
    // An entry of a missing article has no button: the row itself takes focus.
    const button = row?.querySelector<HTMLElement>('.ah-open') ?? row
    if (button) {
      pendingFocus.current = null
      button.focus({ preventScroll: true })
    }
  })

  const focusEntry = (position: number) => {
    const clamped = Math.max(0, Math.min(entryRows.length - 1, position))
    setActive(clamped)
    pendingFocus.current = clamped
    virtualizer.scrollToIndex(entryRows[clamped], { align: 'auto' })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusEntry(active + 1),
      ArrowUp: () => focusEntry(active - 1),
      Home: () => focusEntry(0),
      End: () => focusEntry(entryRows.length - 1),
      PageDown: () => focusEntry(active + 5),
      PageUp: () => focusEntry(active - 5)
    }
    const action = keys[event.key]
    if (!action || entryRows.length === 0) return
    event.preventDefault()
    action()
  }

  return (
    <ul
      ref={listRef}
      className="ah-list"
      aria-label="Highlights"
      data-loaded={entries.length}
      onKeyDown={onKeyDown}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {items.map((item) => {
        const row = rows[item.index]
        if (!row) return null
        const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }
        if (row.kind === 'group') {
          return (
            <li key={row.key} data-index={item.index} ref={virtualizer.measureElement} className="ah-group" style={style}>
              <h3 className="ah-group-title">
                {row.article.title}
                {row.article.source && <span className="ah-source"> · {row.article.source}</span>}
              </h3>
            </li>
          )
        }
        const position = positionOf[item.index]
        const { highlight, article } = row.entry
        return (
          <li
            key={row.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className={`ah-entry hl-${highlight.color}`}
            data-highlight-entry={highlight.id}
            data-article-id={article.id}
            aria-setsize={total}
            aria-posinset={position + 1}
            tabIndex={article.missing ? (position === active ? 0 : -1) : undefined}
            style={style}
            onClick={() => {
              if (!article.missing) onOpen(row.entry)
            }}
            onFocus={() => setActive(position)}
          >
            <Entry entry={row.entry} focusable={position === active} grouped={grouped} scanning={scanning} onOpen={onOpen} />
          </li>
        )
      })}
    </ul>
  )
}
