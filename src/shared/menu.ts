// What the main process tells the renderer unasked: commands from the native menu
// (Electron only), which the renderer runs through the same code as its own buttons,
// and changes to the open folder on disk.
export type MenuCommand =
  | { type: 'open-folder' }
  | { type: 'open-recent'; root: string }
  | { type: 'export-article' }
  | { type: 'export-corpus' }
  | { type: 'copy-article-notes' }

/**
 * The open folder changed on disk and the library has been brought up to date. Ids are
 * article ids; a moved article (renamed file, found again by its content) is listed
 * under movedArticles and also among the removed and added ids.
 */
export interface LibraryChange {
  /** The folder this is about; a change for another folder is stale. */
  root: string
  changedArticleIds: string[]
  addedArticleIds: string[]
  removedArticleIds: string[]
  movedArticles: Array<{ from: string; to: string }>
}

/** Events the application core sends without being asked. */
export type GlossEvent = { type: 'library-changed'; change: LibraryChange }

/** The second, event-only bridge the preload exposes next to window.gloss. */
export interface GlossEvents {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  onLibraryChanged(listener: (change: LibraryChange) => void): () => void
}
