// The application menu as plain data. Every Gloss item sends a MenuCommand to the
// renderer, which runs the same code as its own buttons; editing, zoom and window
// items are Electron roles. index.ts hands the template to Menu.buildFromTemplate.
import type { MenuCommand } from '../shared/events'

/** The Electron roles this menu uses (a subset of Electron's MenuItem roles). */
export type MenuRole =
  | 'appMenu'
  | 'windowMenu'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'

export interface MenuItemSpec {
  label?: string
  role?: MenuRole
  type?: 'separator' | 'normal'
  accelerator?: string
  enabled?: boolean
  /** A hidden item still answers its accelerator (a second key for the same command). */
  visible?: boolean
  acceleratorWorksWhenHidden?: boolean
  submenu?: MenuItemSpec[]
  click?: () => void
}

export interface AppMenuOptions {
  platform: NodeJS.Platform
  /** Reload and developer tools exist only while developing. */
  isDev: boolean
  recentFolders: readonly string[]
  /** What Undo and Redo would take back or do again (the open folder's history); none: plain Undo / Redo. */
  history?: MenuHistoryLabels
  send: (command: MenuCommand) => void
}

/** The labels of the next undo and redo steps ("Delete highlight"), as history.state gives them. */
export interface MenuHistoryLabels {
  undoLabel: string | null
  redoLabel: string | null
}

/** "Undo" + "Delete highlight" → "Undo Delete Highlight" (menu items are in title case). */
export function historyItemLabel(action: 'Undo' | 'Redo', step: string | null): string {
  const words = (step ?? '').trim().split(/\s+/).filter(Boolean)
  return [action, ...words.map((word) => word[0].toUpperCase() + word.slice(1))].join(' ')
}

/** Whether the Edit menu would read differently: the menu is rebuilt only then, not on every note keystroke. */
export function historyLabelsDiffer(a: MenuHistoryLabels, b: MenuHistoryLabels): boolean {
  return a.undoLabel !== b.undoLabel || a.redoLabel !== b.redoLabel
}

const separator: MenuItemSpec = { type: 'separator' }

export function appMenuTemplate({ platform, isDev, recentFolders, history, send }: AppMenuOptions): MenuItemSpec[] {
  const isMac = platform === 'darwin'
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemSpec => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(cmd)
  })

  const recent: MenuItemSpec[] = recentFolders.length
    ? recentFolders.map((root) => command(root, { type: 'open-recent', root }))
    : [{ label: 'No Recent Folders', enabled: false }]

  const file: MenuItemSpec = {
    label: 'File',
    submenu: [
      command('Open Folder…', { type: 'open-folder' }, 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recent },
      separator,
      // Both open the export dialog (format, template, live preview), for the open article or all notes.
      command('Export…', { type: 'export-article' }, 'CmdOrCtrl+E'),
      command('Export All…', { type: 'export-corpus' }, 'CmdOrCtrl+Shift+E'),
      command('Copy Article Notes', { type: 'copy-article-notes' }, 'CmdOrCtrl+Shift+C'),
      separator,
      command('Import Annotations…', { type: 'import-annotations' }),
      // On macOS Quit lives in the application menu.
      ...(isMac ? [] : [separator, { role: 'quit' as const, label: 'Quit', accelerator: 'CmdOrCtrl+Q' }])
    ]
  }

  const undoLabel = historyItemLabel('Undo', history?.undoLabel ?? null)
  const redoLabel = historyItemLabel('Redo', history?.redoLabel ?? null)
  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: [
      // Not Electron's undo/redo roles: those only reach text fields. These let the page
      // choose between a field's text undo and undoing the last highlight or note edit.
      // Always enabled, even with an empty history: the main process cannot tell whether
      // focus is in a text field, whose own undo must keep working. The label names the
      // annotation step when there is one ("Undo Delete Highlight").
      command(undoLabel, { type: 'undo' }, 'CmdOrCtrl+Z'),
      command(redoLabel, { type: 'redo' }, 'Shift+CmdOrCtrl+Z'),
      // Windows and Linux users also expect Ctrl+Y (hidden: one shortcut shown per item).
      ...(isMac ? [] : [{ ...command(redoLabel, { type: 'redo' }, 'Ctrl+Y'), visible: false, acceleratorWorksWhenHidden: true }]),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
      separator,
      command('Find…', { type: 'find' }, 'CmdOrCtrl+F')
    ]
  }

  const view: MenuItemSpec = {
    label: 'View',
    submenu: [
      ...(isDev ? [{ role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }, separator] : []),
      // Toggles: the same keys bring the reader back.
      command('All Highlights', { type: 'show-all-highlights' }, 'CmdOrCtrl+Shift+H'),
      separator,
      // Hide or show the side bars; the page handles the same keys without a native menu.
      command('Toggle Library', { type: 'toggle-library' }, 'CmdOrCtrl+\\'),
      command('Toggle Notes Panel', { type: 'toggle-panel' }, 'CmdOrCtrl+Shift+\\'),
      separator,
      // Explicit accelerators, so the keys shown in the "?" sheet are the menu's own.
      { role: 'resetZoom', label: 'Actual Size', accelerator: 'CmdOrCtrl+0' },
      { role: 'zoomIn', label: 'Zoom In', accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut', label: 'Zoom Out', accelerator: 'CmdOrCtrl+-' },
      separator,
      { role: 'togglefullscreen', label: 'Toggle Full Screen', accelerator: isMac ? 'Ctrl+Command+F' : 'F11' }
    ]
  }

  const help: MenuItemSpec = {
    label: 'Help',
    submenu: [command('Keyboard Shortcuts', { type: 'show-shortcuts' }, 'CmdOrCtrl+/')]
  }

  return [...(isMac ? [{ role: 'appMenu' as const }] : []), file, edit, view, ...(isMac ? [{ role: 'windowMenu' as const }] : []), help]
}
