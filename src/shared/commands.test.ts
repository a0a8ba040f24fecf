import { describe, expect, it } from 'vitest'
import { acceleratorKeyCaps, acceleratorsOn, COMMAND_SPECS, commandSheetRows, parseAccelerator, type KeyChord } from './commands'

const PLATFORMS = ['linux', 'win32', 'darwin'] as const

describe('the commands table', () => {
  it('gives every command its own id and label', () => {
    expect(new Set(COMMAND_SPECS.map((c) => c.id)).size).toBe(COMMAND_SPECS.length)
    expect(new Set(COMMAND_SPECS.map((c) => c.label)).size).toBe(COMMAND_SPECS.length)
  })

  it.each(PLATFORMS)('on %s uses no key chord twice', (platform) => {
    const chords = COMMAND_SPECS.flatMap((c) => acceleratorsOn(c, platform).map((a) => JSON.stringify(parseAccelerator(a, platform))))
    expect(chords.length).toBeGreaterThan(15)
    expect(chords.filter((chord, i) => chords.indexOf(chord) !== i)).toEqual([])
  })

  it('gives every command with keys a line in the sheet, and every line keys', () => {
    for (const c of COMMAND_SPECS) expect(Boolean(c.sheet), c.id).toBe(Boolean(c.accelerator))
    expect(commandSheetRows().map((row) => row.command.id)).toEqual(COMMAND_SPECS.filter((c) => c.accelerator).map((c) => c.id))
  })

  it('has a menu item for every command the page answers', () => {
    for (const c of COMMAND_SPECS.filter((spec) => spec.page !== 'never')) expect(c.menu, c.id).not.toBeNull()
  })
})

describe('parseAccelerator', () => {
  const chord = (key: string, mods: Partial<KeyChord> = {}): KeyChord => ({ ctrl: false, meta: false, alt: false, shift: false, key, ...mods })
  it.each<[string, string, KeyChord]>([
    ['CmdOrCtrl+O', 'linux', chord('O', { ctrl: true })],
    ['CmdOrCtrl+O', 'win32', chord('O', { ctrl: true })],
    ['CmdOrCtrl+O', 'darwin', chord('O', { meta: true })],
    ['Shift+CmdOrCtrl+Z', 'darwin', chord('Z', { meta: true, shift: true })],
    ['CmdOrCtrl+Shift+\\', 'linux', chord('\\', { ctrl: true, shift: true })],
    ['Ctrl+Command+F', 'darwin', chord('F', { ctrl: true, meta: true })],
    ['Ctrl+Y', 'linux', chord('Y', { ctrl: true })],
    ['F11', 'linux', chord('F11')]
  ])('%s on %s', (accelerator, platform, expected) => {
    expect(parseAccelerator(accelerator, platform)).toEqual(expected)
  })

  it('refuses a modifier it does not know', () => {
    expect(() => parseAccelerator('Hyper+O', 'linux')).toThrow(/Hyper/)
  })
})

describe('the sheet', () => {
  it.each<[string, string[]]>([
    ['CmdOrCtrl+O', ['Ctrl/⌘', 'O']],
    ['Shift+CmdOrCtrl+Z', ['Ctrl/⌘', 'Shift', 'Z']],
    ['CmdOrCtrl+\\', ['Ctrl/⌘', '\\']],
    ['Ctrl+Command+F', ['Ctrl', '⌘', 'F']],
    ['F11', ['F11']]
  ])('writes %s as %o', (accelerator, caps) => {
    expect(acceleratorKeyCaps(accelerator)).toEqual(caps)
  })

  it('lists keys one side only has as alternatives, saying where', () => {
    const rows = new Map(commandSheetRows().map((row) => [row.command.id, row]))
    expect(rows.get('toggle-full-screen')).toMatchObject({ keys: ['F11'], alternatives: [['Ctrl', '⌘', 'F']], description: 'Full screen (Ctrl+⌘+F on macOS)' })
    expect(rows.get('redo')).toMatchObject({ keys: ['Ctrl/⌘', 'Shift', 'Z'], alternatives: [['Ctrl', 'Y']], description: 'Redo what was undone (Ctrl+Y on Windows and Linux)' })
    expect(rows.get('find')).toMatchObject({ keys: ['Ctrl/⌘', 'F'], alternatives: [], description: 'Find: search all text' })
  })
})
