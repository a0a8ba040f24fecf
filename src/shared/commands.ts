// Every command that has a menu item or a modifier-key accelerator, as one table (in
// the manner of Excalidraw's actions). The native menu (src/electron/app-menu.ts) is
// built from it, the "?" sheet lists it, and the page answers the same accelerators
// itself when there is no native menu (the browser harness), sending the same
// MenuCommand the menu would: so no key is spelled in two places. The reader's single
// keys (j, k, h, 1–4…) are the page's own and stay in its shortcut table.
// Pure data and string work: no Electron, no DOM.

/** The Electron roles a command of this table may stand for (the menu runs them itself). */
export type CommandRole = 'quit' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'

/**
 * Where a command sits in the native menu: a menu and a group of it (groups are
 * separated; within a group, table order). `except`: the platform whose menu has it
 * elsewhere (macOS keeps Quit in the application menu).
 */
export type MenuPlace =
  | { menu: 'File'; group: 'open' | 'export' | 'import' | 'quit'; except?: 'darwin' }
  | { menu: 'Edit'; group: 'history' | 'find'; except?: 'darwin' }
  | { menu: 'View'; group: 'workspace' | 'side-bars' | 'zoom' | 'full-screen'; except?: 'darwin' }
  | { menu: 'Help'; group: 'help'; except?: 'darwin' }

/** An Electron accelerator ("CmdOrCtrl+Shift+E"), or one for macOS and one for the rest. */
export type Accelerator = string | { darwin: string; other: string }

/**
 * Whether the page answers the command's keys when there is no native menu: 'always';
 * 'outside-text-fields' (a text field keeps the key for itself, as Ctrl+Z is its own
 * text undo); 'never' (the browser does it: zoom, full screen).
 */
export type PageKeys = 'always' | 'outside-text-fields' | 'never'

export interface CommandSpec {
  /** A MenuCommand type, unless the command is an Electron role. */
  readonly id: string
  /** The menu item's label. */
  readonly label: string
  readonly accelerator?: Accelerator
  /**
   * Further keys for the same command on one side (Ctrl+Y for Redo off macOS): hidden
   * menu items that still answer their key, listed as alternatives in the sheet.
   */
  readonly alsoKeys?: ReadonlyArray<{ accelerator: string; platforms: 'darwin' | 'other' }>
  readonly menu: MenuPlace | null
  /** The menu runs the role itself (the page is not told). */
  readonly role?: CommandRole
  /** What the "?" sheet says the keys do; every command with an accelerator has one. */
  readonly sheet?: string
  readonly page: PageKeys
}

export const COMMANDS = [
  { id: 'open-folder', label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', menu: { menu: 'File', group: 'open' }, sheet: 'Open a folder', page: 'always' },
  // Both open the export dialog (format, template, live preview), for the open article or all notes.
  { id: 'export-article', label: 'Export…', accelerator: 'CmdOrCtrl+E', menu: { menu: 'File', group: 'export' }, sheet: 'Export notes (this article)', page: 'always' },
  { id: 'export-corpus', label: 'Export All…', accelerator: 'CmdOrCtrl+Shift+E', menu: { menu: 'File', group: 'export' }, sheet: 'Export all notes', page: 'always' },
  {
    id: 'copy-article-notes',
    label: 'Copy Article Notes',
    accelerator: 'CmdOrCtrl+Shift+C',
    menu: { menu: 'File', group: 'export' },
    sheet: "Copy the article's notes as Markdown",
    page: 'always'
  },
  { id: 'import-annotations', label: 'Import Annotations…', menu: { menu: 'File', group: 'import' }, page: 'never' },
  { id: 'quit', label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q', menu: { menu: 'File', group: 'quit', except: 'darwin' }, sheet: 'Quit Gloss', page: 'never' },
  // Not Electron's undo/redo roles: those only reach text fields. These let the page
  // choose between a field's text undo and undoing the last highlight or note edit.
  {
    id: 'undo',
    label: 'Undo',
    accelerator: 'CmdOrCtrl+Z',
    menu: { menu: 'Edit', group: 'history' },
    sheet: 'Undo the last change to highlights, notes or tags (in a text field: undo typing)',
    page: 'outside-text-fields'
  },
  {
    id: 'redo',
    label: 'Redo',
    accelerator: 'Shift+CmdOrCtrl+Z',
    // Windows and Linux users also expect Ctrl+Y.
    alsoKeys: [{ accelerator: 'Ctrl+Y', platforms: 'other' }],
    menu: { menu: 'Edit', group: 'history' },
    sheet: 'Redo what was undone',
    page: 'outside-text-fields'
  },
  { id: 'find', label: 'Find…', accelerator: 'CmdOrCtrl+F', menu: { menu: 'Edit', group: 'find' }, sheet: 'Find: search all text', page: 'always' },
  // A toggle: the same keys bring the reader back.
  {
    id: 'show-all-highlights',
    label: 'All Highlights',
    accelerator: 'CmdOrCtrl+Shift+H',
    menu: { menu: 'View', group: 'workspace' },
    sheet: 'Switch between the article and All highlights',
    page: 'always'
  },
  { id: 'toggle-library', label: 'Toggle Library', accelerator: 'CmdOrCtrl+\\', menu: { menu: 'View', group: 'side-bars' }, sheet: 'Hide or show the library', page: 'always' },
  {
    id: 'toggle-panel',
    label: 'Toggle Notes Panel',
    accelerator: 'CmdOrCtrl+Shift+\\',
    menu: { menu: 'View', group: 'side-bars' },
    sheet: 'Hide or show the notes panel',
    page: 'always'
  },
  // Roles with explicit accelerators, so the keys the sheet shows are the menu's own.
  { id: 'reset-zoom', label: 'Actual Size', role: 'resetZoom', accelerator: 'CmdOrCtrl+0', menu: { menu: 'View', group: 'zoom' }, sheet: 'Actual size', page: 'never' },
  { id: 'zoom-in', label: 'Zoom In', role: 'zoomIn', accelerator: 'CmdOrCtrl+=', menu: { menu: 'View', group: 'zoom' }, sheet: 'Zoom in', page: 'never' },
  { id: 'zoom-out', label: 'Zoom Out', role: 'zoomOut', accelerator: 'CmdOrCtrl+-', menu: { menu: 'View', group: 'zoom' }, sheet: 'Zoom out', page: 'never' },
  {
    id: 'toggle-full-screen',
    label: 'Toggle Full Screen',
    role: 'togglefullscreen',
    accelerator: { darwin: 'Ctrl+Command+F', other: 'F11' },
    menu: { menu: 'View', group: 'full-screen' },
    sheet: 'Full screen',
    page: 'never'
  },
  {
    id: 'show-shortcuts',
    label: 'Keyboard Shortcuts',
    accelerator: 'CmdOrCtrl+/',
    menu: { menu: 'Help', group: 'help' },
    sheet: 'Show these keyboard shortcuts (Help menu)',
    page: 'always'
  }
] as const satisfies readonly CommandSpec[]

export type Command = (typeof COMMANDS)[number]
export type CommandId = Command['id']
/** The commands the menu sends to the page: every one that is not an Electron role. */
export type SentCommandId = Exclude<Command, { role: CommandRole }>['id']

/** The table, seen through the wider CommandSpec type (optional fields readable). */
export const COMMAND_SPECS: readonly CommandSpec[] = COMMANDS

/** macOS or not: the only platform difference accelerators make. */
const side = (platform: string): 'darwin' | 'other' => (platform === 'darwin' ? 'darwin' : 'other')

/** The accelerator a menu item shows on `platform`. */
export function acceleratorOn(accelerator: Accelerator, platform: string): string {
  return typeof accelerator === 'string' ? accelerator : accelerator[side(platform)]
}

/** Every accelerator of the command on `platform`: the one shown first, then the hidden ones. */
export function acceleratorsOn(command: CommandSpec, platform: string): string[] {
  if (!command.accelerator) return []
  const also = (command.alsoKeys ?? []).filter((k) => k.platforms === side(platform)).map((k) => k.accelerator)
  return [acceleratorOn(command.accelerator, platform), ...also]
}

/** Whether the command has a menu item on `platform`. */
export function inMenuOn(command: CommandSpec, platform: string): boolean {
  return command.menu !== null && command.menu.except !== platform
}

/** An accelerator as the keys to press on `platform`. */
export interface KeyChord {
  ctrl: boolean
  meta: boolean
  alt: boolean
  shift: boolean
  /** The key itself as written in the accelerator ('O', '\\', 'F11'). */
  key: string
}

const MODIFIERS: Record<string, (chord: KeyChord, isMac: boolean) => void> = {
  cmdorctrl: (c, mac) => void (mac ? (c.meta = true) : (c.ctrl = true)),
  commandorcontrol: (c, mac) => void (mac ? (c.meta = true) : (c.ctrl = true)),
  command: (c) => void (c.meta = true),
  cmd: (c) => void (c.meta = true),
  super: (c) => void (c.meta = true),
  ctrl: (c) => void (c.ctrl = true),
  control: (c) => void (c.ctrl = true),
  alt: (c) => void (c.alt = true),
  option: (c) => void (c.alt = true),
  shift: (c) => void (c.shift = true)
}

/** "Shift+CmdOrCtrl+Z" on linux → Ctrl and Shift held, key Z. (No accelerator here uses the Plus key.) */
export function parseAccelerator(accelerator: string, platform: string): KeyChord {
  const parts = accelerator.split('+')
  const chord: KeyChord = { ctrl: false, meta: false, alt: false, shift: false, key: parts[parts.length - 1] }
  for (const part of parts.slice(0, -1)) {
    const apply = MODIFIERS[part.toLowerCase()]
    if (!apply) throw new Error(`Unknown modifier ${part} in accelerator ${accelerator}`)
    apply(chord, side(platform) === 'darwin')
  }
  return chord
}

/** How the sheet writes a modifier, in the order it writes them. */
const KEY_CAPS: Array<[RegExp, string]> = [
  [/^(ctrl|control)$/i, 'Ctrl'],
  [/^(command|cmd|super)$/i, '⌘'],
  [/^(cmdorctrl|commandorcontrol)$/i, 'Ctrl/⌘'],
  [/^(alt|option)$/i, 'Alt'],
  [/^shift$/i, 'Shift']
]

/** An accelerator as key caps for any platform: "Shift+CmdOrCtrl+Z" → ['Ctrl/⌘', 'Shift', 'Z']. */
export function acceleratorKeyCaps(accelerator: string): string[] {
  const parts = accelerator.split('+')
  const key = parts[parts.length - 1]
  const modifiers = parts.slice(0, -1)
  const caps = KEY_CAPS.filter(([pattern]) => modifiers.some((m) => pattern.test(m))).map(([, cap]) => cap)
  return [...caps, key.length === 1 ? key.toUpperCase() : key]
}

/** A sheet row for a menu command: its keys (as on Windows and Linux) and those on macOS only. */
export interface CommandSheetRow {
  command: CommandSpec
  keys: string[]
  alternatives: string[][]
  description: string
}

const PLATFORM_NAMES = { darwin: 'on macOS', other: 'on Windows and Linux' } as const

/**
 * The sheet's rows for the table's commands that have keys. Keys that only one side
 * has are listed as alternatives, and the description says where they work.
 */
export function commandSheetRows(): CommandSheetRow[] {
  return COMMAND_SPECS.flatMap((command) => {
    if (!command.accelerator || !command.sheet) return []
    const other = acceleratorOn(command.accelerator, 'linux')
    const mac = acceleratorOn(command.accelerator, 'darwin')
    const sideOnly = [...(mac === other ? [] : [{ accelerator: mac, platforms: 'darwin' as const }]), ...(command.alsoKeys ?? [])]
    const where = sideOnly.map((k) => `${acceleratorKeyCaps(k.accelerator).join('+')} ${PLATFORM_NAMES[k.platforms]}`)
    return [
      {
        command,
        keys: acceleratorKeyCaps(other),
        alternatives: sideOnly.map((k) => acceleratorKeyCaps(k.accelerator)),
        description: where.length ? `${command.sheet} (${where.join('; ')})` : command.sheet
      }
    ]
  })
}
