// Every keyboard shortcut Gloss has, as one list: the reader's own keys (handled by
// use-reader-shortcuts.ts through shortcutFor) and, drawn from the commands table
// (src/shared/commands.ts), the menu accelerators (handled by the native menu, or by
// use-command-keys.ts in the browser harness). The "?" sheet is drawn from the same
// list, so what it lists is what the keys do. Kept free of DOM types: the caller says
// whether the key was typed into a text field.
import { commandSheetRows } from '../../../../shared/commands'
import type { HighlightColor } from '../../../../shared/model'

export type ShortcutAction =
  | { type: 'next-article' }
  | { type: 'previous-article' }
  | { type: 'select-sentence'; direction: 'next' | 'previous' }
  | { type: 'extend-sentence' }
  | { type: 'select-paragraph' }
  | { type: 'adjust-selection'; direction: 'forward' | 'backward'; unit: 'character' | 'word' }
  | { type: 'highlight' }
  | { type: 'note' }
  | { type: 'color'; color: HighlightColor }
  | { type: 'highlight-step'; direction: 'next' | 'previous' }
  | { type: 'focus-search' }
  | { type: 'show-shortcuts' }

export type ShortcutGroup = 'Library' | 'Selecting text' | 'Highlights and notes' | 'Search and help' | 'Menu commands'

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['Library', 'Selecting text', 'Highlights and notes', 'Search and help', 'Menu commands']

/** A key as the handler sees it: KeyboardEvent's fields plus where it was typed. */
export interface KeyInput {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
  /** An IME is composing text: the key belongs to the composition. */
  isComposing: boolean
  /** Typed into a text field, select or contenteditable. */
  editable: boolean
}

/** What a key press must look like; `key` is KeyboardEvent.key ('?' already includes its Shift). */
interface KeyPattern {
  key: string
  shift?: boolean
  /** Ctrl, or Alt on macOS (word-wise moves). */
  word?: boolean
}

export interface Shortcut {
  /** How the keys are written in the sheet, e.g. ['j'] or ['Ctrl/⌘', 'F']: each string one key cap; alternatives in `alternatives`. */
  keys: readonly string[]
  /** Other key combinations doing the same, as written in the sheet. */
  alternatives?: ReadonlyArray<readonly string[]>
  description: string
  group: ShortcutGroup
  /** Reader shortcuts: what the key does and the presses that trigger it. */
  action?: ShortcutAction
  patterns?: readonly KeyPattern[]
  /** Menu commands: the id of the commands-table entry the row is drawn from. */
  command?: string
}

const colorKeys: Array<[string, HighlightColor, string]> = [
  ['1', 'yellow', 'Yellow'],
  ['2', 'green', 'Green'],
  ['3', 'blue', 'Blue'],
  ['4', 'pink', 'Pink']
]

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j'], description: 'Open the next article in the library', group: 'Library', action: { type: 'next-article' }, patterns: [{ key: 'j' }] },
  { keys: ['k'], description: 'Open the previous article in the library', group: 'Library', action: { type: 'previous-article' }, patterns: [{ key: 'k' }] },
  {
    keys: ['s'],
    description: 'Select the next sentence of the article (the first one in view, or the one after the selection or focused highlight)',
    group: 'Selecting text',
    action: { type: 'select-sentence', direction: 'next' },
    patterns: [{ key: 's' }]
  },
  {
    keys: ['Shift', 'S'],
    description: 'Select the previous sentence',
    group: 'Selecting text',
    action: { type: 'select-sentence', direction: 'previous' },
    patterns: [{ key: 'S', shift: true }]
  },
  {
    keys: ['e'],
    description: 'Extend the selection by the next sentence',
    group: 'Selecting text',
    action: { type: 'extend-sentence' },
    patterns: [{ key: 'e' }]
  },
  {
    keys: ['p'],
    description: 'Select the whole paragraph (or heading, list item) at the selection or in view',
    group: 'Selecting text',
    action: { type: 'select-paragraph' },
    patterns: [{ key: 'p' }]
  },
  {
    keys: ['Shift', '→'],
    description: 'Move the end of the selection one character right (grow or shrink it)',
    group: 'Selecting text',
    action: { type: 'adjust-selection', direction: 'forward', unit: 'character' },
    patterns: [{ key: 'ArrowRight', shift: true }]
  },
  {
    keys: ['Shift', '←'],
    description: 'Move the end of the selection one character left',
    group: 'Selecting text',
    action: { type: 'adjust-selection', direction: 'backward', unit: 'character' },
    patterns: [{ key: 'ArrowLeft', shift: true }]
  },
  {
    keys: ['Ctrl/⌥', 'Shift', '→'],
    description: 'Move the end of the selection one word right',
    group: 'Selecting text',
    action: { type: 'adjust-selection', direction: 'forward', unit: 'word' },
    patterns: [{ key: 'ArrowRight', shift: true, word: true }]
  },
  {
    keys: ['Ctrl/⌥', 'Shift', '←'],
    description: 'Move the end of the selection one word left',
    group: 'Selecting text',
    action: { type: 'adjust-selection', direction: 'backward', unit: 'word' },
    patterns: [{ key: 'ArrowLeft', shift: true, word: true }]
  },
  {
    keys: ['h'],
    description: 'Highlight the selection (in the colour used last)',
    group: 'Highlights and notes',
    action: { type: 'highlight' },
    patterns: [{ key: 'h' }]
  },
  {
    keys: ['n'],
    description: 'Highlight the selection and write a note on it; with nothing selected, write the article note',
    group: 'Highlights and notes',
    action: { type: 'note' },
    patterns: [{ key: 'n' }]
  },
  ...colorKeys.map(
    ([key, color, name]): Shortcut => ({
      keys: [key],
      description: `${name}: highlight the selection, or recolour the open or focused highlight`,
      group: 'Highlights and notes',
      action: { type: 'color', color },
      patterns: [{ key }]
    })
  ),
  {
    keys: [']'],
    description: 'Go to the next highlight in the article',
    group: 'Highlights and notes',
    action: { type: 'highlight-step', direction: 'next' },
    patterns: [{ key: ']' }]
  },
  {
    keys: ['['],
    description: 'Go to the previous highlight in the article',
    group: 'Highlights and notes',
    action: { type: 'highlight-step', direction: 'previous' },
    patterns: [{ key: '[' }]
  },
  { keys: ['Enter'], description: 'Open the focused highlight (colour, note, delete)', group: 'Highlights and notes' },
  { keys: ['Esc'], description: 'Close the highlight, the selection toolbar, a dialog or the search results; focus goes back', group: 'Highlights and notes' },
  { keys: ['/'], description: 'Search all text', group: 'Search and help', action: { type: 'focus-search' }, patterns: [{ key: '/' }] },
  { keys: ['?'], description: 'Show these keyboard shortcuts', group: 'Search and help', action: { type: 'show-shortcuts' }, patterns: [{ key: '?' }] },
  { keys: ['Tab'], description: 'Move between the library, the article text, its highlights and the side panel', group: 'Search and help' },
  // The menu's accelerators, as the commands table has them.
  ...commandSheetRows().map(
    ({ command, keys, alternatives, description }): Shortcut => ({
      keys,
      ...(alternatives.length ? { alternatives } : {}),
      description,
      group: 'Menu commands',
      command: command.id
    })
  )
]

const matches = (pattern: KeyPattern, input: KeyInput): boolean => {
  if (input.key !== pattern.key) return false
  // '?' is typed with Shift on most layouts and without it on some: either is '?'.
  if (pattern.key.length === 1 && !/[a-z]/i.test(pattern.key)) return true
  if (Boolean(pattern.shift) !== input.shiftKey) return false
  return Boolean(pattern.word) === (input.ctrlKey || input.altKey)
}

/**
 * The reader action a key press asks for, or null when it is not a reader shortcut:
 * keys typed into text fields, keys that are part of an IME composition, and presses
 * with Cmd (or with Ctrl/Alt, except the word-wise selection keys) are left alone.
 */
export function shortcutFor(input: KeyInput): ShortcutAction | null {
  if (input.isComposing || input.key === 'Process' || input.editable || input.metaKey) return null
  const arrow = input.key === 'ArrowLeft' || input.key === 'ArrowRight'
  if (!arrow && (input.ctrlKey || input.altKey)) return null
  for (const shortcut of SHORTCUTS) {
    if (shortcut.action && shortcut.patterns?.some((p) => matches(p, input))) return shortcut.action
  }
  return null
}

/** The sheet's rows, group by group, in table order. */
export function shortcutsByGroup(): Array<{ group: ShortcutGroup; shortcuts: Shortcut[] }> {
  return SHORTCUT_GROUPS.map((group) => ({ group, shortcuts: SHORTCUTS.filter((s) => s.group === group) }))
}
