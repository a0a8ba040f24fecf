// Native menu commands (desktop app) and, without a native menu (browser harness), the
// same accelerators handled by the page: both run the same handler as the buttons.
// With a native menu the page leaves the keys to it (handling them here too would open
// two dialogs); while a dialog is open its keys are its own.
import { useEffect, useRef } from 'react'
import type { GlossEvents, MenuCommand } from '../../../shared/events'

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
  /** Edit › Undo / Redo: text undo in a field, the annotation history elsewhere. */
  history: (direction: 'undo' | 'redo') => void
  openLink: (url: string) => void
}

function runCommand(command: MenuCommand, on: CommandHandlers): void {
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
      return on.history(command.type)
    case 'open-link':
      return on.openLink(command.url)
  }
}

export function useMenuCommands(events: GlossEvents | null, nativeMenu: boolean, modalOpen: boolean, handlers: CommandHandlers) {
  const run = (command: MenuCommand) => runCommand(command, handlers)
  // The handler closes over this render's state; listeners registered once call the latest.
  const latest = useRef({ run, modalOpen })
  latest.current = { run, modalOpen }

  useEffect(() => {
    if (!events) return
    return events.onMenuCommand((command) => latest.current.run(command))
  }, [events])

  useEffect(() => {
    if (nativeMenu) return
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || latest.current.modalOpen) return
      const command = accelerator(event)
      if (!command) return
      event.preventDefault()
      latest.current.run(command)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [nativeMenu])
}

/** The harness's Ctrl/Cmd accelerators (the desktop app's are the menu's). */
function accelerator(event: KeyboardEvent): MenuCommand | null {
  const key = event.key.toLowerCase()
  if (key === 'o') return { type: 'open-folder' }
  if (key === 'e') return { type: event.shiftKey ? 'export-corpus' : 'export-article' }
  if (key === 'h' && event.shiftKey) return { type: 'show-all-highlights' }
  // By key position: Shift+\ types '|' on many layouts.
  if (event.code === 'Backslash') return { type: event.shiftKey ? 'toggle-panel' : 'toggle-library' }
  if (key === 'f' && !event.shiftKey) return { type: 'find' }
  if (key === '/') return { type: 'show-shortcuts' }
  return null
}
