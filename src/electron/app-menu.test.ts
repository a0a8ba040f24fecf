import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../shared/events'
import { appMenuTemplate, historyLabelsDiffer, type AppMenuOptions, type MenuItemSpec } from './app-menu'

function build(overrides: Partial<AppMenuOptions> = {}) {
  const sent: MenuCommand[] = []
  const template = appMenuTemplate({ platform: 'linux', isDev: false, recentFolders: [], send: (c) => sent.push(c), ...overrides })
  return { template, sent }
}

const menu = (template: MenuItemSpec[], label: string) => template.find((m) => m.label === label)?.submenu ?? []
const item = (items: MenuItemSpec[], label: string) => {
  const found = items.find((i) => i.label === label)
  if (!found) throw new Error(`no menu item ${label}`)
  return found
}
const roles = (items: MenuItemSpec[]) => items.map((i) => i.role).filter(Boolean)

describe('appMenuTemplate', () => {
  it.each<[string, string | undefined, MenuCommand]>([
    ['Open Folder…', 'CmdOrCtrl+O', { type: 'open-folder' }],
    ['Export…', 'CmdOrCtrl+E', { type: 'export-article' }],
    ['Export All…', 'CmdOrCtrl+Shift+E', { type: 'export-corpus' }],
    ['Copy Article Notes', 'CmdOrCtrl+Shift+C', { type: 'copy-article-notes' }],
    ['Import Annotations…', undefined, { type: 'import-annotations' }]
  ])('File › %s (%s) sends %o to the renderer', (label, accelerator, expected) => {
    const { template, sent } = build()
    const entry = item(menu(template, 'File'), label)
    expect(entry.accelerator).toBe(accelerator)
    entry.click?.()
    expect(sent).toEqual([expected])
  })

  it('groups File: open, export, import, then Quit', () => {
    const labels = menu(build().template, 'File').map((i) => i.label ?? i.type)
    expect(labels).toEqual([
      'Open Folder…',
      'Open Recent',
      'separator',
      'Export…',
      'Export All…',
      'Copy Article Notes',
      'separator',
      'Import Annotations…',
      'separator',
      'Quit'
    ])
    // Accelerators are unique within the menu.
    const accelerators = menu(build().template, 'File').flatMap((i) => (i.accelerator ? [i.accelerator] : []))
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('lists recent folders, each reopening its folder', () => {
    const { template, sent } = build({ recentFolders: ['/data/clips', '/data/papers'] })
    const recent = item(menu(template, 'File'), 'Open Recent').submenu ?? []
    expect(recent.map((r) => r.label)).toEqual(['/data/clips', '/data/papers'])
    recent[1].click?.()
    expect(sent).toEqual([{ type: 'open-recent', root: '/data/papers' }])
  })

  it('shows a disabled placeholder when there are no recent folders', () => {
    const recent = item(menu(build().template, 'File'), 'Open Recent').submenu ?? []
    expect(recent).toEqual([{ label: 'No Recent Folders', enabled: false }])
  })

  it('offers reload and developer tools only while developing', () => {
    expect(roles(menu(build({ isDev: false }).template, 'View'))).not.toEqual(expect.arrayContaining(['reload']))
    expect(roles(menu(build({ isDev: false }).template, 'View'))).not.toContain('toggleDevTools')
    expect(roles(menu(build({ isDev: true }).template, 'View'))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
    expect(roles(menu(build().template, 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
  })

  it('View › All Highlights (CmdOrCtrl+Shift+H) switches to the notes workspace', () => {
    const { template, sent } = build()
    const entry = item(menu(template, 'View'), 'All Highlights')
    expect(entry.accelerator).toBe('CmdOrCtrl+Shift+H')
    entry.click?.()
    expect(sent).toEqual([{ type: 'show-all-highlights' }])
  })

  it('has the standard edit roles, but Undo and Redo are Gloss commands (the roles reach text fields only)', () => {
    expect(roles(menu(build().template, 'Edit'))).toEqual(['cut', 'copy', 'paste', 'delete', 'selectAll'])
  })

  it.each<[NodeJS.Platform, string[]]>([
    ['linux', ['CmdOrCtrl+Z', 'Shift+CmdOrCtrl+Z', 'Ctrl+Y']],
    ['win32', ['CmdOrCtrl+Z', 'Shift+CmdOrCtrl+Z', 'Ctrl+Y']],
    ['darwin', ['CmdOrCtrl+Z', 'Shift+CmdOrCtrl+Z']]
  ])('on %s Edit › Undo / Redo send undo and redo with %o', (platform, accelerators) => {
    const { template, sent } = build({ platform })
    const items = menu(template, 'Edit').filter((i) => i.label === 'Undo' || i.label === 'Redo')
    expect(items.map((i) => i.accelerator)).toEqual(accelerators)
    // Ctrl+Y is a second, hidden Redo that still answers its key.
    expect(items.filter((i) => i.visible === false).every((i) => i.acceleratorWorksWhenHidden)).toBe(true)
    for (const entry of items) entry.click?.()
    expect(sent).toEqual([{ type: 'undo' }, ...accelerators.slice(1).map(() => ({ type: 'redo' }))])
  })

  it.each<[NodeJS.Platform, string | null, string | null, string, string]>([
    ['linux', null, null, 'Undo', 'Redo'],
    ['linux', 'Delete highlight', null, 'Undo Delete Highlight', 'Redo'],
    ['darwin', 'Create highlight', 'Edit note', 'Undo Create Highlight', 'Redo Edit Note'],
    ['win32', null, 'Re-attach highlight', 'Undo', 'Redo Re-attach Highlight'],
    ['darwin', 'Edit article tags', 'Remove missing notes', 'Undo Edit Article Tags', 'Redo Remove Missing Notes']
  ])('on %s with undo %o and redo %o, Edit reads %s / %s, always enabled', (platform, undoLabel, redoLabel, undoItem, redoItem) => {
    const { template, sent } = build({ platform, history: { undoLabel, redoLabel } })
    const edit = menu(template, 'Edit')
    const [undo, redo, ...hiddenRedo] = edit.filter((i) => i.accelerator?.endsWith('Z') || i.accelerator === 'Ctrl+Y')
    expect([undo.label, redo.label]).toEqual([undoItem, redoItem])
    expect(hiddenRedo.map((i) => i.label)).toEqual(platform === 'darwin' ? [] : [redoItem])
    // Never greyed out: in a text field the same keys undo the field's typing.
    expect([undo, redo, ...hiddenRedo].every((i) => i.enabled !== false)).toBe(true)
    undo.click?.()
    redo.click?.()
    expect(sent).toEqual([{ type: 'undo' }, { type: 'redo' }])
  })

  it.each<[string, string | null, string | null, boolean]>([
    ['same labels', 'Edit note', 'Edit note', false],
    ['both empty', null, null, false],
    ['a new step', 'Edit note', 'Delete highlight', true],
    ['history emptied', 'Delete highlight', null, true]
  ])('history labels differ (%s): %s', (_case, before, after, differ) => {
    expect(historyLabelsDiffer({ undoLabel: before, redoLabel: null }, { undoLabel: after, redoLabel: null })).toBe(differ)
    expect(historyLabelsDiffer({ undoLabel: null, redoLabel: before }, { undoLabel: null, redoLabel: after })).toBe(differ)
  })

  it.each([
    ['linux', true],
    ['win32', true],
    ['darwin', false]
  ] as const)('on %s File has Quit: %s (macOS keeps it in the app menu)', (platform, inFile) => {
    const { template } = build({ platform })
    expect(roles(menu(template, 'File')).includes('quit')).toBe(inFile)
    expect(template[0].role === 'appMenu').toBe(!inFile)
  })
})

describe('appMenuTemplate keyboard accelerators', () => {
  const all = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...all(i.submenu ?? [])])

  it.each<[string, string, string, MenuCommand]>([
    ['Edit', 'Find…', 'CmdOrCtrl+F', { type: 'find' }],
    ['Help', 'Keyboard Shortcuts', 'CmdOrCtrl+/', { type: 'show-shortcuts' }]
  ])('%s › %s (%s) sends %o', (menuLabel, label, accelerator, expected) => {
    const { template, sent } = build()
    const entry = item(menu(template, menuLabel), label)
    expect(entry.accelerator).toBe(accelerator)
    entry.click?.()
    expect(sent).toEqual([expected])
  })

  it.each([
    ['linux', 'F11'],
    ['win32', 'F11'],
    ['darwin', 'Ctrl+Command+F']
  ] as const)('on %s zoom is Ctrl/Cmd+= - 0 and full screen is %s', (platform, fullScreen) => {
    const view = menu(build({ platform }).template, 'View')
    const byRole = (role: string) => view.find((i) => i.role === role)?.accelerator
    expect([byRole('zoomIn'), byRole('zoomOut'), byRole('resetZoom'), byRole('togglefullscreen')]).toEqual([
      'CmdOrCtrl+=',
      'CmdOrCtrl+-',
      'CmdOrCtrl+0',
      fullScreen
    ])
  })

  it.each(['linux', 'darwin'] as const)('on %s no two items share an accelerator', (platform) => {
    const accelerators = all(build({ platform, recentFolders: ['/a'] }).template).flatMap((i) => (i.accelerator ? [i.accelerator] : []))
    expect(accelerators.length).toBeGreaterThan(8)
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })
})
