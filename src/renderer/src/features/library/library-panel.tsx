// Left column: filters and the article list. The list is a listbox: arrow keys move,
// Enter opens, and the open article is the selected option.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import type { ScanProgress } from '../../../../shared/events'
import type { LibrarySummary, MissingArticle } from '../../../../shared/model'
import { ArticleList } from './article-list'
import { LibraryStatus, type LastImport } from './library-status'
import { MissingArticles } from './missing-articles'
import { ProblemsPanel } from './problems-panel'
import { isFiltered, type LibraryRows, type LibraryView, type SortKey } from './use-library'

export interface LibraryPanelProps {
  summary: LibrarySummary
  /** Shown at the panel's inner (right) edge: the splitter that resizes it, inside the Library landmark. */
  edge?: ReactNode
  list: LibraryRows | null
  /** The list shows rows start..end: fetch what it lacks. */
  onRange?: (start: number, end: number) => void
  view: LibraryView
  onViewChange: (view: LibraryView) => void
  currentId: string | null
  onOpen: (articleId: string) => void
  onOpenFolder: () => void
  missing?: readonly MissingArticle[]
  onRemoveMissing?: (articleId: string) => Promise<void>
  /** The folder is still being read: how far (null when it is done). */
  scan?: ScanProgress | null
  /** The folder's tags (most used first) for the Tag filter; asked again when the filter gets focus. */
  tags?: readonly string[]
  onTagsFocus?: () => void
  /** Opens the Manage tags dialog. */
  onManageTags?: () => void
  /** The last import's report, shown in the status line. */
  lastImport?: LastImport | null
}

const TEXT_FILTER_DELAY_MS = 200

function ScanProgressBar({ scan }: { scan: ScanProgress }) {
  const where = scan.currentFolder ? ` — ${scan.currentFolder}` : ''
  return (
    <div className="scan-progress" role="status">
      <progress className="scan-progress-bar" max={Math.max(1, scan.total)} value={scan.scanned} aria-label="Reading the folder" />
      <span className="scan-progress-text">
        Reading files: {scan.scanned.toLocaleString()} of {scan.total.toLocaleString()}
        <span className="scan-progress-folder">{where}</span>
      </span>
    </div>
  )
}

export function LibraryPanel({
  summary,
  list,
  view,
  onViewChange,
  currentId,
  onOpen,
  onOpenFolder,
  missing = [],
  onRemoveMissing = async () => undefined,
  scan = null,
  onRange = () => undefined,
  tags = [],
  onTagsFocus,
  onManageTags,
  lastImport = null,
  edge
}: LibraryPanelProps) {
  const panelRef = useRef<HTMLElement>(null)
  const ids = { sort: useId(), topic: useId(), text: useId(), source: useId(), from: useId(), to: useId(), highlighted: useId(), tag: useId() }
  const [text, setText] = useState(view.text)
  // State, not a ref: the list needs its scroll element to exist before it can lay out rows.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null)
  const viewRef = useRef(view)
  viewRef.current = view

  // The folder changed (view reset from outside): show the reset filter text.
  useEffect(() => setText(view.text), [view.text])

  useEffect(() => {
    if (text === viewRef.current.text) return
    const timer = setTimeout(() => onViewChange({ ...viewRef.current, text }), TEXT_FILTER_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, onViewChange])

  // Another view starts at the top.
  useEffect(() => {
    if (scrollElement) scrollElement.scrollTop = 0
  }, [scrollElement, view.sort, view.topic, view.text, view.source, view.from, view.to, view.highlighted, view.tag])

  const filtered = isFiltered(view)
  const sources = summary.sources ?? []
  return (
    <section className="library" aria-label="Library" ref={panelRef}>
      <div className="library-head">
        <h2 className="panel-title">
          Library{' '}
          <span className="count">
            {list ? (filtered ? `${list.total.toLocaleString()} of ${summary.articleCount.toLocaleString()}` : summary.articleCount.toLocaleString()) : ''}
          </span>
        </h2>
        <LibraryStatus problems={summary.problems.length} missing={missing.length} lastImport={lastImport} panelRef={panelRef} />
        {scan && <ScanProgressBar scan={scan} />}
        {summary.isSample && (
          <p className="sample-note">
            Sample articles —{' '}
            <button type="button" className="link-button" onClick={onOpenFolder}>
              open your own folder
            </button>
          </p>
        )}
        <div className="filters">
          <label htmlFor={ids.text} className="sr-only">
            Filter by title
          </label>
          <input
            id={ids.text}
            type="search"
            className="filter-text"
            placeholder="Filter by title"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="filter-row">
            <label htmlFor={ids.sort}>Sort</label>
            <select id={ids.sort} value={view.sort} onChange={(e) => onViewChange({ ...view, sort: e.target.value as SortKey })}>
              <option value="date">Newest first</option>
              <option value="title">Title</option>
            </select>
          </div>
          {summary.topics.length > 0 && (
            <div className="filter-row">
              {/* Topics are the files' own tags (front matter); "Your tag" is what the reader added in Gloss. */}
              <label htmlFor={ids.topic}>Topic (from the file)</label>
              <select id={ids.topic} value={view.topic} onChange={(e) => onViewChange({ ...view, topic: e.target.value })}>
                <option value="">All topics</option>
                {summary.topics.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
          )}
          {(tags.length > 0 || view.tag !== '') && (
            <div className="filter-row">
              <label htmlFor={ids.tag}>Your tag</label>
              <select id={ids.tag} value={view.tag} onFocus={onTagsFocus} onChange={(e) => onViewChange({ ...view, tag: e.target.value })}>
                <option value="">All tags</option>
                {/* A tag renamed away while chosen stays listed until another is picked. */}
                {view.tag !== '' && !tags.some((t) => t.toLowerCase() === view.tag.toLowerCase()) && <option value={view.tag}>{view.tag}</option>}
                {tags.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
          )}
          {onManageTags && tags.length > 0 && (
            <div className="filter-row">
              <button type="button" className="link-button" onClick={onManageTags}>
                Manage tags…
              </button>
            </div>
          )}
          {sources.length > 0 && (
            <div className="filter-row">
              <label htmlFor={ids.source}>Source</label>
              <select id={ids.source} value={view.source} onChange={(e) => onViewChange({ ...view, source: e.target.value })}>
                <option value="">All sources</option>
                {sources.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="filter-row filter-dates">
            <label htmlFor={ids.from}>From</label>
            <input id={ids.from} type="date" value={view.from} max={view.to || undefined} onChange={(e) => onViewChange({ ...view, from: e.target.value })} />
            <label htmlFor={ids.to}>to</label>
            <input id={ids.to} type="date" value={view.to} min={view.from || undefined} onChange={(e) => onViewChange({ ...view, to: e.target.value })} />
          </div>
          <div className="filter-row filter-check">
            <input id={ids.highlighted} type="checkbox" checked={view.highlighted} onChange={(e) => onViewChange({ ...view, highlighted: e.target.checked })} />
            <label htmlFor={ids.highlighted}>With highlights only</label>
          </div>
        </div>
      </div>
      <div className="library-scroll" ref={setScrollElement}>
        {list && list.total === 0 && (
          <p className="empty">{summary.articleCount === 0 ? 'No articles in this folder.' : 'No articles match.'}</p>
        )}
        {list && list.total > 0 && <ArticleList list={list} scrollElement={scrollElement} currentId={currentId} onOpen={onOpen} onRange={onRange} />}
        <ProblemsPanel problems={summary.problems} />
        <MissingArticles missing={missing} onRemove={onRemoveMissing} />
      </div>
      {edge}
    </section>
  )
}

/** The library's place before a folder is open. */
export function LibraryPlaceholder({ starting, edge }: { starting: boolean; edge?: ReactNode }) {
  return (
    <section className="library" aria-label="Library">
      <p className="empty">{starting ? 'Opening library…' : 'No folder open.'}</p>
      {edge}
    </section>
  )
}
