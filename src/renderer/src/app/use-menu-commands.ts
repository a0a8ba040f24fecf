// Native menu commands (desktop app) and, without a native menu (browser harness), the
// same accelerators handled by the page: both run the same handler as the buttons.
// With a native menu the page leaves the keys to it (handling them here too would open
// two dialogs); while a dialog is open its keys are its own.
import { useEffect, useRef } from 'react'
import type { GlossEvents, MenuCommand } from '../../../shared/events'

export function useMenuCommands(events: GlossEvents | null, nativeMenu: boolean, modalOpen: boolean, run: (command: MenuCommand) => void) {
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
