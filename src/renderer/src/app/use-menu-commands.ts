// Native menu commands (desktop app) and, without a native menu (browser harness), the
// same accelerators handled by the page: both run the same handler as the buttons.
// With a native menu the page leaves the keys to it (handling them here too would open
// two dialogs); while a dialog is open its keys are its own.
import { useEffect, useRef } from 'react'
import type { GlossEvents, MenuCommand } from '../../../shared/events'
import { useCommandKeys } from '../features/keyboard/use-command-keys'

/** What each command does: the same handlers as the page's buttons. */
export interface CommandHandlers {
  openFolder: () => void
  /** A recent folder, or one named by a second launch or dropped on the window. */
  openRecent: (root: string) => void
  toggleSideBar: (bar: 'library' | 'panel') => void
  exportArticle: () => void
  exportCorpus: () => void
  copyNotes: () => void
  importAnnotations: () => void
  find: () => void
  showShortcuts: () => void
  toggleAllHighlights: () => void
  /**
   * Edit › Undo / Redo: text undo in a field, the annotation history elsewhere. `keyTarget`:
   * where the key went, when the page answered the key itself (else the focus decides).
   */
  history: (direction: 'undo' | 'redo', keyTarget?: Element | null) => void
  openLink: (url: string) => void
}

function runCommand(command: MenuCommand, on: CommandHandlers, keyTarget?: Element | null): void {
  switch (command.type) {
    case 'open-folder':
      return on.openFolder()
    case 'open-recent':
    case 'open-path':
      return on.openRecent(command.root)
    case 'toggle-library':
      return on.toggleSideBar('library')
    case 'toggle-panel':
      return on.toggleSideBar('panel')
    case 'export-article':
      return on.exportArticle()
    case 'export-corpus':
      return on.exportCorpus()
    case 'copy-article-notes':
      return on.copyNotes()
    case 'import-annotations':
      return on.importAnnotations()
    case 'find':
      return on.find()
    case 'show-shortcuts':
      return on.showShortcuts()
    case 'show-all-highlights':
      return on.toggleAllHighlights()
    case 'undo':
    case 'redo':
      return on.history(command.type, keyTarget)
    case 'open-link':
      return on.openLink(command.url)
    default: {
      // A command added to the table without a handler here fails the typecheck.
      const unhandled: never = command
      return unhandled
    }
  }
}

export function useMenuCommands(events: GlossEvents | null, nativeMenu: boolean, modalOpen: boolean, handlers: CommandHandlers) {
  // The handler closes over this render's state; the menu listener, registered once, calls the latest.
  const latest = useRef(handlers)
  latest.current = handlers

  useEffect(() => {
    if (!events) return
    return events.onMenuCommand((command) => runCommand(command, latest.current))
  }, [events])

  // The commands table's accelerators, answered by the page when there is no native menu.
  useCommandKeys({ enabled: !nativeMenu && !modalOpen, run: (command, keyTarget) => runCommand(command, latest.current, keyTarget) })
}
