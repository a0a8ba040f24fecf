// What the main process tells the renderer unasked: commands from the native menu
// (Electron only), which the renderer runs through the same code as its own buttons;
// what changed in the open folder's data (DataChange, pushed by the core after every
// change, whoever made it); and how far a scan has got (ScanProgress). The commands
// without a payload are the commands table's (src/shared/commands.ts: Open Folder,
// Undo, Find, Toggle Library…); in the browser harness the page sends the same ones to
// itself from their keys.
import type { SentCommandId } from './commands'
import type { HistoryState } from './history'

/** One `{ type }` member per table command, so a switch on `type` narrows. */
type TableCommand<Id extends string> = Id extends string ? { type: Id } : never

export type MenuCommand =
  | TableCommand<SentCommandId>
  | { type: 'open-recent'; root: string }
  /** A folder named by a second launch of Gloss or dropped on the window: opened like a recent one. */
  | { type: 'open-path'; root: string }
  /** A gloss:// link the system handed to Gloss (clicked in Obsidian, say). */
  | { type: 'open-link'; url: string }

/**
 * How far the scan of the open folder has got. The library already lists what has been
 * read (it is refreshed with each report); `done` is the last report of a scan.
 */
export interface ScanProgress {
  /** The folder being scanned; a report for another folder is stale. */
  root: string
  scanned: number
  total: number
  /** Folder of the files read last, relative to the root ('' = the root itself). */
  currentFolder: string
  done: boolean
}

/** Why the open folder's data changed. */
export type ChangeCause = 'open' | 'scan' | 'disk' | 'edit' | 'undo' | 'redo' | 'import' | 'save'

/**
 * What changed, pushed by the core after every successful change: a folder opened, a
 * scan report, files changed on disk, an edit, an undo or redo, an import. The page
 * keeps contract reads in a query cache and invalidates from this alone; it never
 * guesses what a call it made has made stale.
 */
export interface DataChange {
  /** The open folder after the change; a change for another folder is stale. */
  root: string
  cause: ChangeCause
  /** Another folder (or the same one again) was opened: nothing held about the old one holds. */
  folder: boolean
  /** Library rows, counts, problems or the summary changed. */
  library: boolean
  /** Files on disk: articles whose text changed, that arrived, went, or moved (a renamed file found again). */
  articles: { changed: string[]; added: string[]; removed: string[]; moved: Array<{ from: string; to: string }> }
  /** Articles whose highlights, note or tags changed. */
  annotations: string[]
  /**
   * Articles whose saved reading progress changed: their library rows show it. Not an
   * annotation: the open article's own place is the page's, and asking for the article
   * again while the reader scrolls or drags a selection would re-lay out its text.
   */
  progress: string[]
  /** Highlights created, changed or removed by the change (an undo scrolls to one). */
  highlights: string[]
  /** The folder's tag list (names or counts) changed. */
  tags: boolean
  /** The list of missing articles (annotations whose file has gone) changed. */
  missing: boolean
  /**
   * Whether Gloss's data could be written changed (app.saveStatus): a save failed (disk
   * full, read-only) or, after failing, worked again. Cause 'save'.
   */
  saving: boolean
  /** Undo and redo after the change: the Edit menu and the page follow this. */
  history: HistoryState
}

/** A change that names nothing: what the core's (and the tests') changes are built from. */
export function noChange(root: string, cause: ChangeCause, history: HistoryState): DataChange {
  return {
    root,
    cause,
    folder: false,
    library: false,
    articles: { changed: [], added: [], removed: [], moved: [] },
    annotations: [],
    progress: [],
    highlights: [],
    tags: false,
    missing: false,
    saving: false,
    history
  }
}

/** Events the application core sends without being asked. */
export type GlossEvent = { type: 'changed'; change: DataChange } | { type: 'scan-progress'; progress: ScanProgress }

/** What an event carries to the page (IPC message or Server-Sent Event data). */
export const eventPayload = (event: GlossEvent): DataChange | ScanProgress => (event.type === 'changed' ? event.change : event.progress)

/** The second, event-only bridge the preload exposes next to window.gloss. */
export interface GlossEvents {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Every change the core pushes (DataChange): the page's query cache is invalidated from these alone. */
  onChange(listener: (change: DataChange) => void): () => void
  onScanProgress(listener: (progress: ScanProgress) => void): () => void
}

/**
 * The third bridge (desktop app only): the path of a file or folder dropped on the
 * window. A sandboxed page never sees paths otherwise; Electron's webUtils gives one
 * for a File from a drop, which the page then opens with library.open like any folder.
 */
export interface GlossFiles {
  pathForFile(file: File): string
}
