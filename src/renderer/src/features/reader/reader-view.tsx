// Centre column: the article's header and its body (or its excerpt when the folder
// holds only the metadata), with a banner when some highlights could not be placed.
import { useMemo, type Ref } from 'react'
import type { Article } from '../../../../shared/model'
import { formatSourceDay } from '../../components/format-date'
import { webUrl } from '../../components/safe-url'
import { ArticleBody } from './article-body'
import { hidesTitleBlock } from './display-blocks'
import { formatReadingTime } from '../comfort/reading-time'
import '../comfort/comfort.css'

export interface ReaderViewProps {
  article: Article
  bodyRef: Ref<HTMLDivElement>
  flashId: string | null
  onActivateHighlight: (highlightId: string, element: HTMLElement) => void
  /** Shows the orphans in the side panel. */
  onShowOrphans?: () => void
}

export function ReaderView({ article, bodyRef, flashId, onActivateHighlight, onShowOrphans }: ReaderViewProps) {
  const date = formatSourceDay(article.published)
  const original = webUrl(article.sourceUrl)
  // The block list must keep its identity when only the highlights change, or the body
  // would lay out and re-render every block again for each new highlight.
  const hideTitle = hidesTitleBlock(article.blocks, article.title, article.highlights)
  const blocks = useMemo(() => (hideTitle ? article.blocks.slice(1) : article.blocks), [article.blocks, hideTitle])
  const hasBody = blocks.length > 0 && article.text.trim() !== ''
  const orphans = article.highlights.filter((h) => h.anchor === null).length
  return (
    <article className="reading" aria-labelledby="article-title">
      {orphans > 0 && (
        <div className="orphan-banner" role="status" data-testid="orphan-banner">
          <p>
            <strong>
              {orphans} highlight{orphans === 1 ? '' : 's'} could not be placed
            </strong>{' '}
            — the text {orphans === 1 ? 'it was' : 'they were'} made on has changed. {orphans === 1 ? 'It is' : 'They are'} kept in
            the side panel, where you can re-attach or delete {orphans === 1 ? 'it' : 'them'}.
          </p>
          {onShowOrphans && (
            <button type="button" className="button" onClick={onShowOrphans}>
              Show
            </button>
          )}
        </div>
      )}
      <header className="article-header">
        <h1 id="article-title" className="article-title" dir="auto">
          {article.title}
        </h1>
        <p className="article-meta">
          {article.source && <span className="meta-source">{article.source}</span>}
          {date &&
            (date.iso ? (
              <time className="meta-date" dateTime={date.iso}>
                {date.text}
              </time>
            ) : (
              <span className="meta-date">{date.text}</span>
            ))}
          {article.author && <span className="meta-author">by {article.author}</span>}
          {article.words > 0 && (
            <span className="meta-reading-time" data-testid="reading-time">
              {formatReadingTime(article.words)}
            </span>
          )}
          {original && (
            <a className="meta-link" href={original} target="_blank" rel="noopener noreferrer">
              Open original
            </a>
          )}
        </p>
        {article.topics.length > 0 && (
          <ul className="topics" aria-label="Topics">
            {article.topics.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        )}
        {article.encodingNote && (
          <p className="encoding-note" role="note">
            {article.encodingNote}
          </p>
        )}
        {/* The core shows a file too complex to lay out as plain text, and says why. */}
        {article.textNotice && (
          <p className="encoding-note text-notice" role="note">
            {article.textNotice}
          </p>
        )}
      </header>
      {hasBody ? (
        <ArticleBody
          blocks={blocks}
          highlights={article.highlights}
          flashId={flashId}
          onActivateHighlight={onActivateHighlight}
          bodyRef={bodyRef}
        />
      ) : (
        <div className="metadata-only">
          {article.excerpt && (
            <p className="excerpt" dir="auto">
              {article.excerpt}
            </p>
          )}
          <p className="muted">
            {article.excerpt
              ? 'Only this summary is in the folder; the full text is not.'
              : article.textNotice
                ? 'The text of this article cannot be shown.'
                : 'This article has no text in the folder.'}
          </p>
        </div>
      )}
      {article.files.length > 0 && (
        <footer className="article-files">
          <span>{article.files.length > 1 ? 'Files' : 'File'}: </span>
          {article.files.map((f, i) => (
            <span key={f}>
              {i > 0 && ', '}
              <code>{f}</code>
            </span>
          ))}
        </footer>
      )}
    </article>
  )
}
