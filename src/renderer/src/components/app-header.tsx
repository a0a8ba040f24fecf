import type { ReactNode } from 'react'
import type { LibrarySummary } from '../../../shared/model'
import { ActionsMenu } from './actions-menu'
import { RecentMenu } from './recent-menu'

export interface AppHeaderProps {
  summary: LibrarySummary | null
  hasArticle: boolean
  onOpenFolder: () => void
  onOpenRecent: (root: string) => void
  loadRecent: () => Promise<string[]>
  onExportArticle: () => void
  onExportCorpus: () => void
  onCopyNotes: () => void
  onImport: () => void
  /** Opens the Reading settings dialog (theme, font, size, column). */
  onReadingSettings?: () => void
  /** Opens the keyboard shortcuts sheet (also the ? key and Help › Keyboard Shortcuts). */
  onShowShortcuts?: () => void
  /** A dialog is open: the header is out of reach until it closes. */
  inert?: boolean
  /** Buttons that hide and show the library and the notes panel (features/layout). */
  sideBarToggles?: ReactNode
  /** The window is too narrow for every button on one row: Open Folder, export and import go into "More actions". */
  folded?: boolean
}

export function AppHeader(props: AppHeaderProps) {
  const { summary, hasArticle } = props
  return (
    <header className="app-header" inert={props.inert}>
      <div className="brand" aria-hidden="true">
        Gloss
      </div>
      <div className="folder" title={summary?.root}>
        <span className="sr-only">Folder: </span>
        <span className="folder-name" data-testid="folder-name">
          {summary?.name ?? 'No folder open'}
        </span>
      </div>
      <div className="header-actions">
        {!props.folded && (
          <button type="button" className="button" onClick={props.onOpenFolder}>
            Open Folder…
          </button>
        )}
        <RecentMenu loadRecent={props.loadRecent} onOpen={props.onOpenRecent} currentRoot={summary?.root ?? null} />
      </div>
      <div className="header-spacer" />
      {props.sideBarToggles}
      {props.folded ? (
        <ActionsMenu
          label="More actions"
          actions={[
            { label: 'Open Folder…', run: props.onOpenFolder },
            { label: 'Export article…', run: props.onExportArticle, disabled: !hasArticle },
            { label: 'Export all notes…', run: props.onExportCorpus, disabled: !summary },
            { label: 'Copy notes', run: props.onCopyNotes, disabled: !hasArticle },
            { label: 'Import annotations…', run: props.onImport, disabled: !summary }
          ]}
        />
      ) : (
        <div className="header-actions" role="group" aria-label="Export and import">
          <button type="button" className="button" onClick={props.onExportArticle} disabled={!hasArticle}>
            Export article…
          </button>
          <button type="button" className="button" onClick={props.onExportCorpus} disabled={!summary}>
            Export all notes…
          </button>
          <button type="button" className="button" onClick={props.onCopyNotes} disabled={!hasArticle}>
            Copy notes
          </button>
          <button type="button" className="button" onClick={props.onImport} disabled={!summary}>
            Import annotations…
          </button>
        </div>
      )}
      {props.onReadingSettings && <DialogButton label="Reading settings" glyph="Aa" onClick={props.onReadingSettings} />}
      {props.onShowShortcuts && <DialogButton label="Keyboard shortcuts" title="Keyboard shortcuts (?)" glyph="?" onClick={props.onShowShortcuts} />}
    </header>
  )
}

/** A small header button that opens a dialog; its glyph is decoration, its label the name. */
function DialogButton({ label, title = label, glyph, onClick }: { label: string; title?: string; glyph: string; onClick: () => void }) {
  return (
    <button type="button" className="button reading-settings-button" aria-label={label} title={title} aria-haspopup="dialog" onClick={onClick}>
      <span aria-hidden="true">{glyph}</span>
    </button>
  )
}
