import { describe, expect, it } from 'vitest'
import { acceleratorsOn, COMMAND_SPECS, parseAccelerator } from '../../../../shared/commands'
import type { MenuCommand } from '../../../../shared/events'
import { commandForKey, pagePlatform, type CommandKeyInput } from './use-command-keys'

const PLATFORMS = ['linux', 'win32', 'darwin'] as const

/** A press as a US-layout keyboard reports it. */
const press = (key: string, mods: Partial<CommandKeyInput> = {}): CommandKeyInput => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods })

/** The press that types an accelerator on a US layout (Shift+\ reports '|', its key position Backslash). */
function pressFor(accelerator: string, platform: string): CommandKeyInput {
  const chord = parseAccelerator(accelerator, platform)
  const letter = /^[a-z]$/i.test(chord.key)
  const shifted: Record<string, string> = { '\\': '|', '/': '?', '=': '+', '-': '_' }
  const codes: Record<string, string> = { '\\': 'Backslash', '/': 'Slash', '=': 'Equal', '-': 'Minus' }
  return {
    key: letter ? (chord.shift ? chord.key.toUpperCase() : chord.key.toLowerCase()) : chord.shift ? (shifted[chord.key] ?? chord.key) : chord.key,
    code: letter ? `Key${chord.key.toUpperCase()}` : codes[chord.key],
    ctrlKey: chord.ctrl,
    metaKey: chord.meta,
    altKey: chord.alt,
    shiftKey: chord.shift
  }
}

describe('commandForKey: every accelerator the page answers', () => {
  const rows = PLATFORMS.flatMap((platform) =>
    COMMAND_SPECS.filter((c) => c.page !== 'never').flatMap((c) => acceleratorsOn(c, platform).map((accelerator) => [platform, accelerator, c.id] as const))
  )

  it('covers the table (Open Folder, Export, Undo, Redo and Ctrl+Y, Find, the side bars…)', () => {
    expect(new Set(rows.map(([, , id]) => id))).toEqual(
      new Set(['open-folder', 'export-article', 'export-corpus', 'copy-article-notes', 'undo', 'redo', 'find', 'show-all-highlights', 'toggle-library', 'toggle-panel', 'show-shortcuts'])
    )
    expect(rows).toContainEqual(['linux', 'Ctrl+Y', 'redo'])
  })

  it.each(rows)('on %s %s sends %s', (platform, accelerator, id) => {
    expect(commandForKey(pressFor(accelerator, platform), platform)).toEqual({ type: id })
  })

  it.each(PLATFORMS)('on %s leaves the keys the browser answers itself (zoom, full screen, quit) and import has none', (platform) => {
    for (const c of COMMAND_SPECS.filter((spec) => spec.page === 'never')) {
      for (const accelerator of acceleratorsOn(c, platform)) expect(commandForKey(pressFor(accelerator, platform), platform)).toBeNull()
    }
  })
})

describe('commandForKey: presses', () => {
  it.each<[string, CommandKeyInput, string, MenuCommand | null]>([
    ['Ctrl+O', press('o', { ctrlKey: true }), 'linux', { type: 'open-folder' }],
    ['Ctrl+O with Caps Lock', press('O', { ctrlKey: true }), 'win32', { type: 'open-folder' }],
    ['Cmd+O on macOS', press('o', { metaKey: true }), 'darwin', { type: 'open-folder' }],
    // CmdOrCtrl is one modifier per platform, as in the native menu.
    ['Ctrl+O on macOS', press('o', { ctrlKey: true }), 'darwin', null],
    ['Meta+O on Linux', press('o', { metaKey: true }), 'linux', null],
    ['Ctrl+Alt+O', press('o', { ctrlKey: true, altKey: true }), 'linux', null],
    ['plain o', press('o'), 'linux', null],
    ['Ctrl+Shift+F (not Find)', press('F', { ctrlKey: true, shiftKey: true }), 'linux', null],
    ['Ctrl+E', press('e', { ctrlKey: true }), 'linux', { type: 'export-article' }],
    ['Ctrl+Shift+E', press('E', { ctrlKey: true, shiftKey: true }), 'linux', { type: 'export-corpus' }],
    ['Ctrl+H (not All highlights)', press('h', { ctrlKey: true }), 'linux', null],
    // The side bars by key position: Shift+\ types '|' on most layouts.
    ['Ctrl+\\', press('\\', { ctrlKey: true, code: 'Backslash' }), 'linux', { type: 'toggle-library' }],
    ['Ctrl+Shift+\\ typing |', press('|', { ctrlKey: true, shiftKey: true, code: 'Backslash' }), 'linux', { type: 'toggle-panel' }],
    ['Cmd+Shift+\\ on macOS', press('|', { metaKey: true, shiftKey: true, code: 'Backslash' }), 'darwin', { type: 'toggle-panel' }],
    // A layout where / needs Shift (German: Shift+7) still opens the sheet.
    ['Ctrl+Shift+7 typing /', press('/', { ctrlKey: true, shiftKey: true, code: 'Digit7' }), 'linux', { type: 'show-shortcuts' }],
    ['Ctrl+Y off macOS', press('y', { ctrlKey: true }), 'win32', { type: 'redo' }],
    ['Cmd+Y on macOS', press('y', { metaKey: true }), 'darwin', null],
    // In a text field Ctrl+Z is the field's own text undo; the menu's other keys still work there.
    ['Ctrl+Z in a text field', press('z', { ctrlKey: true, textField: true }), 'linux', null],
    ['Ctrl+Y in a text field', press('y', { ctrlKey: true, textField: true }), 'linux', null],
    ['Ctrl+Z outside', press('z', { ctrlKey: true, textField: false }), 'linux', { type: 'undo' }],
    ['Ctrl+F in a text field', press('f', { ctrlKey: true, textField: true }), 'linux', { type: 'find' }],
    ['Ctrl+= (zoom is the browser’s)', press('=', { ctrlKey: true, code: 'Equal' }), 'linux', null]
  ])('%s → %o', (_name, input, platform, expected) => {
    expect(commandForKey(input, platform)).toEqual(expected)
  })
})

describe('pagePlatform', () => {
  it.each([
    ['MacIntel', '', 'darwin'],
    ['Win32', '', 'win32'],
    ['Linux x86_64', '', 'linux'],
    ['', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', 'darwin'],
    ['', '', 'linux']
  ])('%o / %o → %s', (platform, userAgent, expected) => {
    expect(pagePlatform({ platform, userAgent })).toBe(expected)
  })
})
