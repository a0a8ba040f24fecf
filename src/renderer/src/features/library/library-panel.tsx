// Left column: filters and the article list. The list is a listbox: arrow keys move,
// Enter opens, and the open article is the selected option.
import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { ScanProgress } from '../../../../shared/menu'
import type { ArticleList, ArticleSummary, LibrarySummary, MissingArticle } from '../../../../shared/model'
import { formatPublished } from '../../components/format-date'
import { MissingArticles } from './missing-articles'
import { ProblemsPanel } from './problems-panel'
import type { LibraryView, SortKey } from './use-library'

export interface LibraryPanelProps {
  summary: LibrarySummary
  list: ArticleList | null
  view: LibraryView
  onViewChange: (view: LibraryView) => void
  currentId: string | null
  onOpen: (articleId: string) => void
  onOpenFolder: () => void
  missing?: readonly MissingArticle[]
  onRemoveMissing?: (articleId: string) => Promise<void>
  /** The folder is still being read: how far (null when it is done). */
  scan?: ScanProgress | null
}

const TEXT_FILTER_DELAY_MS = 200

const ArticleRow = memo(function ArticleRow({ article }: { article: ArticleSummary }) {
  const date = formatPublished(article.published)
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
  scan = null
}: LibraryPanelProps) {
  const ids = { sort: useId(), topic: useId(), text: useId() }
  const [text, setText] = useState(view.text)
  const [activeIndex, setActiveIndex] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)
  const viewRef = useRef(view)
  viewRef.current = view

  // The folder changed (view reset from outside): show the reset filter text.
  useEffect(() => setText(view.text), [view.text])

  useEffect(() => {
    if (text === viewRef.current.text) return
    const timer = setTimeout(() => onViewChange({ ...viewRef.current, text }), TEXT_FILTER_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, onViewChange])

  const articles = list?.articles ?? []
  const currentIndex = articles.findIndex((a) => a.id === currentId)
  useEffect(() => {
    if (currentIndex >= 0) setActiveIndex(currentIndex)
    else setActiveIndex((i) => Math.min(i, Math.max(0, articles.length - 1)))
  }, [currentIndex, articles.length])

  const focusOption = (index: number) => {
    const clamped = Math.max(0, Math.min(articles.length - 1, index))
    setActiveIndex(clamped)
    listRef.current?.querySelectorAll<HTMLElement>('[role="option"]')[clamped]?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusOption(activeIndex + 1),
      ArrowUp: () => focusOption(activeIndex - 1),
      Home: () => focusOption(0),
      End: () => focusOption(articles.length - 1),
      PageDown: () => focusOption(activeIndex + 10),
      PageUp: () => focusOption(activeIndex - 10),
      Enter: () => articles[activeIndex] && onOpen(articles[activeIndex].id),
      ' ': () => articles[activeIndex] && onOpen(articles[activeIndex].id)
    }
    const action = keys[event.key]
    if (!action || articles.length === 0) return
    event.preventDefault()
    action()
  }

  const filtered = view.topic !== '' || view.text.trim() !== ''
  return (
    <section className="library" aria-label="Library">
      <div className="library-head">
        <h2 className="panel-title">
          Library <span className="count">{list ? (filtered ? `${list.total} of ${summary.articleCount}` : summary.articleCount) : ''}</span>
        </h2>
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
              <label htmlFor={ids.topic}>Topic</label>
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
        </div>
      </div>
      <div className="library-scroll">
        {list && articles.length === 0 && (
          <p className="empty">{summary.articleCount === 0 ? 'No articles in this folder.' : 'No articles match.'}</p>
        )}
        {articles.length > 0 && (
          <ul ref={listRef} className="article-list" role="listbox" aria-label="Articles" onKeyDown={onKeyDown}>
            {articles.map((article, index) => (
              <li
                key={article.id}
                role="option"
                aria-selected={article.id === currentId}
                tabIndex={index === activeIndex ? 0 : -1}
                className={`article-row${article.id === currentId ? ' current' : ''}`}
                data-article-id={article.id}
                onClick={() => {
                  setActiveIndex(index)
                  onOpen(article.id)
                }}
              >
                <ArticleRow article={article} />
              </li>
            ))}
          </ul>
        )}
        <ProblemsPanel problems={summary.problems} />
        <MissingArticles missing={missing} onRemove={onRemoveMissing} />
      </div>
    </section>
  )
}
