// Right column: the article note, the highlights in reading order, and the ones whose
// text could not be found any more (orphans), which are listed, never hidden: each can
// be re-attached to a passage the user selects in the article, or deleted.
import { EditedSince } from '../../components/edited-since'
import { NoteMarkdown } from '../../components/note-markdown'
import { memo, useMemo, type ReactNode } from 'react'
import type { Article, Highlight } from '../../../../shared/model'
import { TagInput } from '../tags/tag-input'
import { TagList } from '../tags/tag-list'
import { ArticleNote } from './article-note'
import { colorName, truncate } from './colors'

export interface HighlightsPanelProps {
  /** Shown at the panel's inner (left) edge, first in tab order: the splitter that resizes it, inside the Highlights landmark. */
  edge?: ReactNode
  article: Article | null
  onSaveNote: (articleId: string, note: string) => Promise<void>
  onJump: (highlightId: string) => void
  onOpenOrphan: (highlightId: string, element: HTMLElement) => void
  onReattachOrphan?: (highlightId: string) => void
  onDeleteOrphan?: (highlight: Highlight) => void
  /** Saves the article's whole new tag list; without it the panel shows no article tags editor. */
  onSaveArticleTags?: (articleId: string, tags: string[]) => Promise<unknown>
  /** The folder's tags for autocomplete. */
  loadTagSuggestions?: () => Promise<string[]>
}

function HighlightSummary({ h }: { h: Highlight }) {
  return (
    <>
      <span className={`dot dot-${h.color}`} aria-hidden="true" />
      <span className="sr-only">{colorName(h.color)}: </span>
      <span className="hl-item-body">
        {/* The words the mark covers now; the first ones stay on hover when they changed. */}
        <q className="hl-item-quote" dir="auto">{truncate(h.currentQuote ?? h.quote.exact)}</q>
        {h.currentQuote !== undefined && <EditedSince original={h.quote.exact} />}
        {h.note.trim() && <NoteMarkdown className="hl-item-note" text={truncate(h.note, 240)} inline />}
        <TagList tags={h.tags} inline />
      </span>
    </>
  )
}

// One row per highlight, memoised: with a stable onJump, adding a highlight renders
// the new row only, not the article's other thousand.
const PlacedRow = memo(function PlacedRow({ h, onJump }: { h: Highlight; onJump: (highlightId: string) => void }) {
  return (
    <li>
      <button type="button" className="hl-item" data-list-highlight-id={h.id} onClick={() => onJump(h.id)}>
        <HighlightSummary h={h} />
      </button>
    </li>
  )
})

const byPosition = (a: Highlight, b: Highlight): number => a.anchor!.start - b.anchor!.start || a.anchor!.end - b.anchor!.end

// Buttons beside the article must not take the selection the user just made in it.
const keepSelection = (event: { preventDefault(): void }) => event.preventDefault()

export function HighlightsPanel({
  article,
  onSaveNote,
  onJump,
  onOpenOrphan,
  onReattachOrphan,
  onDeleteOrphan,
  onSaveArticleTags,
  loadTagSuggestions = async () => [],
  edge
}: HighlightsPanelProps) {
  const highlights = article?.highlights
  const placed = useMemo(() => (highlights ?? []).filter((h) => h.anchor !== null).sort(byPosition), [highlights])
  const orphans = useMemo(() => (highlights ?? []).filter((h) => h.anchor === null), [highlights])
  if (!article) {
    return (
      <section className="side" aria-label="Highlights">
        {edge}
        <p className="empty">Open an article to see its highlights and notes.</p>
      </section>
    )
  }
  return (
    <section className="side" aria-label="Highlights">
      {edge}
      <ArticleNote key={article.id} articleId={article.id} note={article.note} onSave={onSaveNote} />
      {onSaveArticleTags && (
        <div className="article-tags">
          <TagInput
            key={article.id}
            label="Article tags"
            tags={article.tags}
            onChange={(tags) => onSaveArticleTags(article.id, tags)}
            loadSuggestions={loadTagSuggestions}
            testId="article-tags"
          />
        </div>
      )}
      <h2 className="panel-title">
        Highlights <span className="count">{placed.length}</span>
      </h2>
      {placed.length === 0 ? (
        <p className="empty">Select text in the article to highlight it.</p>
      ) : (
        <ol className="hl-list">
          {placed.map((h) => (
            <PlacedRow key={h.id} h={h} onJump={onJump} />
          ))}
        </ol>
      )}
      {orphans.length > 0 && (
        <div className="orphans" data-testid="orphans" tabIndex={-1}>
          <h3 className="panel-subtitle">Could not be placed ({orphans.length})</h3>
          <p className="muted small">
            The text these were made on has changed. They are kept here with their quotes: select the passage in the article and
            re-attach one, or delete it.
          </p>
          <ul className="hl-list">
            {orphans.map((h) => (
              <li key={h.id} className="orphan-entry">
                <button type="button" className="hl-item orphan" data-orphan-id={h.id} onClick={(e) => onOpenOrphan(h.id, e.currentTarget)}>
                  <HighlightSummary h={h} />
                </button>
                <div className="orphan-actions" role="group" aria-label={`Orphaned highlight: ${truncate(h.quote.exact, 60)}`}>
                  {onReattachOrphan && (
                    <button type="button" className="button" onMouseDown={keepSelection} onClick={() => onReattachOrphan(h.id)}>
                      Re-attach to selection
                    </button>
                  )}
                  {onDeleteOrphan && (
                    <button type="button" className="button danger" onMouseDown={keepSelection} onClick={() => onDeleteOrphan(h)}>
                      Delete
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
