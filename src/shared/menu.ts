// Commands the native menu (Electron only) sends to the renderer. The renderer runs
// the same code paths for them as for its own buttons and shortcuts.
export type MenuCommand =
  | { type: 'open-folder' }
  | { type: 'open-recent'; root: string }
  | { type: 'export-article' }
  | { type: 'export-corpus' }
  | { type: 'copy-article-notes' }

/** The second, event-only bridge the preload exposes next to window.gloss. */
export interface GlossEvents {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
