import { describe, expect, it } from 'vitest'
import { COMMAND_SPECS } from '../../../../shared/commands'
import { SHORTCUT_GROUPS, SHORTCUTS, shortcutFor, shortcutsByGroup, type KeyInput, type ShortcutAction } from './shortcuts'

const press = (key: string, extra: Partial<KeyInput> = {}): ShortcutAction | null =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false, editable: false, ...extra })

describe('shortcutFor', () => {
  it.each<[string, Partial<KeyInput>, ShortcutAction]>([
    ['j', {}, { type: 'next-article' }],
    ['k', {}, { type: 'previous-article' }],
    ['h', {}, { type: 'highlight' }],
    ['n', {}, { type: 'note' }],
    ['1', {}, { type: 'color', color: 'yellow' }],
    ['2', {}, { type: 'color', color: 'green' }],
    ['3', {}, { type: 'color', color: 'blue' }],
    ['4', {}, { type: 'color', color: 'pink' }],
    ['[', {}, { type: 'highlight-step', direction: 'previous' }],
    [']', {}, { type: 'highlight-step', direction: 'next' }],
    ['/', {}, { type: 'focus-search' }],
    ['?', { shiftKey: true }, { type: 'show-shortcuts' }],
    // Layouts where ? needs no Shift.
    ['?', {}, { type: 'show-shortcuts' }],
    ['s', {}, { type: 'select-sentence', direction: 'next' }],
    ['S', { shiftKey: true }, { type: 'select-sentence', direction: 'previous' }],
    ['e', {}, { type: 'extend-sentence' }],
    ['p', {}, { type: 'select-paragraph' }],
    ['ArrowRight', { shiftKey: true }, { type: 'adjust-selection', direction: 'forward', unit: 'character' }],
    ['ArrowLeft', { shiftKey: true }, { type: 'adjust-selection', direction: 'backward', unit: 'character' }],
    ['ArrowRight', { shiftKey: true, ctrlKey: true }, { type: 'adjust-selection', direction: 'forward', unit: 'word' }],
    ['ArrowLeft', { shiftKey: true, altKey: true }, { type: 'adjust-selection', direction: 'backward', unit: 'word' }]
  ])('%s %o → %o', (key, extra, action) => {
    expect(press(key, extra)).toEqual(action)
  })

  it.each<[string, Partial<KeyInput>]>([
    ['j', { ctrlKey: true }],
    ['j', { metaKey: true }],
    ['j', { altKey: true }],
    ['h', { shiftKey: true }],
    ['1', { ctrlKey: true }],
    // Ctrl/Cmd+F and Ctrl+/ are menu accelerators, not reader keys.
    ['f', { ctrlKey: true }],
    ['/', { ctrlKey: true }],
    ['ArrowRight', {}],
    ['ArrowDown', { shiftKey: true }],
    ['ArrowRight', { shiftKey: true, metaKey: true }],
    ['x', {}],
    ['Enter', {}],
    ['Escape', {}]
  ])('%s with %o is not a reader shortcut', (key, extra) => {
    expect(press(key, extra)).toBeNull()
  })

  it.each(['j', 'k', 'h', 'n', '1', '/', '?', '[', 's', 'ArrowRight'])('ignores %s typed into a text field', (key) => {
    expect(press(key, { editable: true, shiftKey: key === 'ArrowRight' })).toBeNull()
  })

  it.each(['j', 'h', '2', 'Process'])('ignores %s while an IME composes text', (key) => {
    expect(press(key, { isComposing: true })).toBeNull()
    expect(press('Process')).toBeNull()
  })
})

describe('the shortcut table', () => {
  it('gives every key combination one meaning', () => {
    const seen = new Map<string, string>()
    for (const s of SHORTCUTS) {
      const combo = [...s.keys].join('+')
      expect(seen.get(combo), `${combo} is listed twice`).toBeUndefined()
      seen.set(combo, s.description)
    }
  })

  it('lists every group, each with at least one shortcut, and every shortcut in a group', () => {
    const groups = shortcutsByGroup()
    expect(groups.map((g) => g.group)).toEqual(SHORTCUT_GROUPS)
    for (const g of groups) expect(g.shortcuts.length).toBeGreaterThan(0)
    expect(groups.flatMap((g) => g.shortcuts)).toHaveLength(SHORTCUTS.length)
  })

  it('describes the keys the brief asks for', () => {
    const keys = SHORTCUTS.map((s) => s.keys.join('+'))
    expect(keys).toEqual(expect.arrayContaining(['j', 'k', 'h', 'n', '1', '2', '3', '4', '/', '?', '[', ']', 'Esc', 'Enter', 's']))
  })

  it('lists every command of the commands table that has keys, under Menu commands', () => {
    const menuRows = SHORTCUTS.filter((s) => s.group === 'Menu commands')
    expect(menuRows.map((s) => s.command)).toEqual(COMMAND_SPECS.filter((c) => c.accelerator).map((c) => c.id))
    expect(menuRows.find((s) => s.command === 'export-corpus')?.keys).toEqual(['Ctrl/⌘', 'Shift', 'E'])
    // Reader keys are single keys: none of them is a menu accelerator.
    for (const s of SHORTCUTS.filter((row) => row.group !== 'Menu commands')) expect(s.command).toBeUndefined()
  })

})
