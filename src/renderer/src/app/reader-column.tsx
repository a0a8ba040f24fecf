// The centre column: the open article, or why there is none (opening, the file went,
// no folder could be opened, an empty folder), with the selection toolbar and the
// highlight popover over it.
import type { RefObject } from 'react'
import type { LibrarySummary } from '../../../shared/model'
import { HighlightPopover } from '../features/highlights/highlight-popover'
import type { useHighlightActions } from '../features/highlights/use-highlight-actions'
import { ReaderView } from '../features/reader/reader-view'
import { SelectionToolbar } from '../features/reader/selection-toolbar'
import type { BodySelection } from '../features/reader/use-body-selection'
import type { useOpenArticle } from '../features/reader/use-open-article'

export interface ReaderColumnProps {
  reader: ReturnType<typeof useOpenArticle>
  highlights: ReturnType<typeof useHighlightActions>
  summary: LibrarySummary | null
  starting: boolean
  startError: string | null
  selection: BodySelection | null
  readerRef: RefObject<HTMLElement | null>
  bodyRef: RefObject<HTMLDivElement | null>
  toolbarRef: RefObject<HTMLDivElement | null>
  onOpenFolder: () => void
  onHighlightSelection: (color: 'yellow' | 'green' | 'blue' | 'pink', withNote: boolean) => void
  onSetTags: (highlightId: string, tags: string[]) => Promise<unknown>
  loadTagSuggestions: () => Promise<string[]>
  reportError: (error: unknown) => void
}

export function ReaderColumn(props: ReaderColumnProps) {
  const { reader, highlights: hl, summary, starting, startError, selection, readerRef, bodyRef, toolbarRef, reportError } = props
  const { article } = reader
  const popover = hl.popoverHighlight
  const rethrow = (error: unknown) => {
    reportError(error)
    throw error
  }
  return (
    <main className="reader" id="reader" tabIndex={-1} ref={readerRef}>
      <section className="reader-inner" aria-label="Article" aria-busy={reader.loading}>
        {article ? (
          <ReaderView article={article} bodyRef={bodyRef} flashId={hl.flashId} onActivateHighlight={hl.open} onShowOrphans={hl.showOrphans} />
        ) : reader.goneTitle !== null && !reader.loading ? (
          <div className="placeholder" role="status" data-testid="article-gone">
            <p>“{reader.goneTitle}” is no longer in the folder: its file was deleted or moved away.</p>
            <p className="placeholder-hint">
              Its highlights and notes are kept under Missing articles in the library, and return if the file comes back.
            </p>
          </div>
        ) : startError ? (
          <div className="placeholder">
            <p>Gloss could not open a library: {startError}</p>
            <button type="button" className="button" onClick={props.onOpenFolder}>
              Open Folder…
            </button>
          </div>
        ) : (
          <div className="placeholder">
            <p>
              {starting || reader.loading
                ? 'Opening…'
                : summary && summary.articleCount === 0
                  ? 'This folder has no articles Gloss can read.'
                  : 'Choose an article from the library.'}
            </p>
            {!starting && summary && summary.articleCount > 0 && (
              <p className="placeholder-hint">Select text to highlight it; click a highlight to change its colour or add a note.</p>
            )}
          </div>
        )}
        {article && selection && !hl.popover && (
          <SelectionToolbar
            ref={toolbarRef}
            box={selection.box}
            busy={hl.busy}
            onHighlight={(color) => props.onHighlightSelection(color, false)}
            onAddNote={() => props.onHighlightSelection('yellow', true)}
          />
        )}
        {popover && (
          <HighlightPopover
            key={popover.id}
            highlight={popover}
            anchor={hl.popoverAnchor}
            focusNote={hl.popover?.focusNote ?? false}
            onColor={(color) => reader.updateHighlight(popover.id, { color }).catch(reportError)}
            onSaveNote={(note) => reader.updateHighlight(popover.id, { note }).catch(rethrow)}
            onDelete={() => hl.remove(popover)}
            onClose={hl.closePopover}
            onSetTags={(tags) => props.onSetTags(popover.id, tags)}
            loadTagSuggestions={props.loadTagSuggestions}
          />
        )}
      </section>
    </main>
  )
}
