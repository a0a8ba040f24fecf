// Annotations whose article's file is no longer in the folder. They stay listed here
// (and come back to their article by themselves if the file returns) until the user
// removes them; removing asks once more, since it cannot be undone.
import { useState } from 'react'
import type { MissingArticle } from '../../../../shared/model'
import { colorName, truncate } from '../highlights/colors'

export interface MissingArticlesProps {
  missing: readonly MissingArticle[]
  onRemove: (articleId: string) => Promise<void>
}

function describe(article: MissingArticle): string {
  const parts: string[] = []
  const n = article.highlights.length
  if (n > 0) parts.push(`${n} highlight${n === 1 ? '' : 's'}`)
  if (article.note.trim()) parts.push('a note')
  return parts.join(' and ')
}

function MissingItem({ article, onRemove }: { article: MissingArticle; onRemove: (articleId: string) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const title = article.title ?? 'Untitled article'
  const remove = async () => {
    setBusy(true)
    try {
      await onRemove(article.articleId)
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }
  return (
    <li className="missing-item" data-missing-article-id={article.articleId} aria-label={title}>
      <span className="missing-title">{title}</span>
      {article.path && <code className="missing-path">{article.path}</code>}
      <span className="missing-count">{describe(article)}</span>
      {article.highlights.length > 0 && (
        <ul className="missing-quotes">
          {article.highlights.map((h) => (
            <li key={h.id}>
              <span className={`dot dot-${h.color}`} aria-hidden="true" />
              <span className="sr-only">{colorName(h.color)}: </span>
              <span className="hl-item-body">
                <q className="hl-item-quote">{truncate(h.quote)}</q>
                {h.note.trim() && <span className="hl-item-note">{truncate(h.note, 240)}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {article.note.trim() && <p className="missing-note">{truncate(article.note, 240)}</p>}
      {confirming ? (
        <div className="missing-confirm" role="group" aria-label={`Remove the annotations of ${title}`}>
          <span>Remove {describe(article)} for good?</span>
          <button type="button" className="button danger" disabled={busy} onClick={() => void remove()}>
            Remove for good
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <button type="button" className="button missing-remove" onClick={() => setConfirming(true)}>
          Remove
        </button>
      )}
    </li>
  )
}

export function MissingArticles({ missing, onRemove }: MissingArticlesProps) {
  if (missing.length === 0) return null
  return (
    <details className="missing" data-testid="missing-articles">
      <summary>Missing articles ({missing.length})</summary>
      <p className="missing-intro">
        These files are no longer in the folder. Their highlights and notes are kept here and return to the article if the file comes back.
      </p>
      <ul className="missing-list">
        {missing.map((article) => (
          <MissingItem key={article.articleId} article={article} onRemove={onRemove} />
        ))}
      </ul>
    </details>
  )
}
