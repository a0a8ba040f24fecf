// The application menu as plain data, built from the commands table
// (src/shared/commands.ts): each command's label, accelerator and place come from
// there. Every Gloss item sends a MenuCommand to the renderer, which runs the same code
// as its own buttons; editing, zoom and window items are Electron roles. What only the
// menu has is added here: the macOS application and window menus, Open Recent, the
// standard edit roles, reload and developer tools. index.ts hands the template to
// Menu.buildFromTemplate.
import { acceleratorsOn, COMMANDS, inMenuOn, type Command, type MenuPlace } from '../shared/commands'
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

/** Groups with a separator between each two; empty groups (another platform's) vanish. */
const separated = (...groups: MenuItemSpec[][]): MenuItemSpec[] =>
  groups.filter((group) => group.length > 0).flatMap((group, i) => (i === 0 ? group : [separator, ...group]))

export function appMenuTemplate({ platform, isDev, recentFolders, history, send }: AppMenuOptions): MenuItemSpec[] {
  const isMac = platform === 'darwin'
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemSpec => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(cmd)
  })

  // The Edit menu names the annotation step Undo and Redo would take ("Undo Delete Highlight").
  const labels: Record<string, string> = {
    undo: historyItemLabel('Undo', history?.undoLabel ?? null),
    redo: historyItemLabel('Redo', history?.redoLabel ?? null)
  }
  /** A table command's items: the one shown, then one hidden item per further key (one shortcut shown per item). */
  const itemsOf = (spec: Command): MenuItemSpec[] => {
    const label = labels[spec.id] ?? spec.label
    const [shown, ...hidden] = acceleratorsOn(spec, platform)
    const item = (accelerator?: string): MenuItemSpec =>
      'role' in spec ? { role: spec.role, label, ...(accelerator ? { accelerator } : {}) } : command(label, { type: spec.id }, accelerator)
    return [item(shown), ...hidden.map((accelerator) => ({ ...item(accelerator), visible: false, acceleratorWorksWhenHidden: true }))]
  }
  /** The table's commands in one group of a menu, in table order. */
  const group = <M extends MenuPlace['menu']>(menu: M, name: Extract<MenuPlace, { menu: M }>['group']): MenuItemSpec[] =>
    COMMANDS.filter((spec) => inMenuOn(spec, platform) && spec.menu?.menu === menu && spec.menu.group === name).flatMap(itemsOf)

  const recent: MenuItemSpec[] = recentFolders.length
    ? recentFolders.map((root) => command(root, { type: 'open-recent', root }))
    : [{ label: 'No Recent Folders', enabled: false }]

  const file: MenuItemSpec = {
    label: 'File',
    // On macOS Quit lives in the application menu (the table leaves it out there).
    submenu: separated([...group('File', 'open'), { label: 'Open Recent', submenu: recent }], group('File', 'export'), group('File', 'import'), group('File', 'quit'))
  }

  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: separated(
      // Always enabled, even with an empty history: the main process cannot tell whether
      // focus is in a text field, whose own undo must keep working.
      group('Edit', 'history'),
      [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, ...(isMac ? [{ role: 'pasteAndMatchStyle' as const }] : []), { role: 'delete' }],
      [{ role: 'selectAll' }],
      group('Edit', 'find')
    )
  }

  const view: MenuItemSpec = {
    label: 'View',
    submenu: separated(
      isDev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] : [],
      group('View', 'workspace'),
      group('View', 'side-bars'),
      group('View', 'zoom'),
      group('View', 'full-screen')
    )
  }

  const help: MenuItemSpec = { label: 'Help', submenu: group('Help', 'help') }

  return [...(isMac ? [{ role: 'appMenu' as const }] : []), file, edit, view, ...(isMac ? [{ role: 'windowMenu' as const }] : []), help]
}
