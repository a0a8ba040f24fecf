// The commands table's accelerators (src/shared/commands.ts) answered by the page when
// there is no native menu (the browser harness): a key press becomes the same
// MenuCommand the desktop app's menu would send, and runs through the same handler.
// With a native menu the menu answers them; answering here too would run them twice.
import { useEffect, useRef } from 'react'
import { acceleratorsOn, COMMANDS, parseAccelerator, type Command, type CommandRole, type KeyChord } from '../../../../shared/commands'
import type { MenuCommand } from '../../../../shared/events'
import { isTextField } from '../history/use-undo-redo'

/** A key press as the matcher needs it (KeyboardEvent's fields; `code` when known). */
export interface CommandKeyInput {
  key: string
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
  /** Typed into a text field: commands that leave their keys to fields do so. */
  textField?: boolean
}

/** The physical key of each non-letter key an accelerator uses (KeyboardEvent.code). */
const CODES: Record<string, string> = { '\\': 'Backslash', '/': 'Slash', '=': 'Equal', '-': 'Minus' }
const codeOf = (key: string): string | undefined => CODES[key] ?? (/^[0-9]$/.test(key) ? `Digit${key}` : undefined)

type PageCommand = Exclude<Command, { role: CommandRole }>

/** The commands the page answers, each with its chords on the platform. */
function pageChords(platform: string): Array<{ command: PageCommand; chord: KeyChord }> {
  return COMMANDS.flatMap((command) =>
    'role' in command || command.page === 'never' ? [] : acceleratorsOn(command, platform).map((accelerator) => ({ command, chord: parseAccelerator(accelerator, platform) }))
  )
}

/**
 * How a press matches a chord: 'exact', 'typed' (the character is right but Shift was
 * needed to type it on this layout), or not at all. A letter is matched by the
 * character typed (Ctrl+O on any layout); another key also by its position, as
 * Shift+\ types '|' on many layouts and must still mean Ctrl+Shift+\.
 */
function match(chord: KeyChord, input: CommandKeyInput): 'exact' | 'typed' | null {
  if (chord.ctrl !== input.ctrlKey || chord.meta !== input.metaKey || chord.alt !== input.altKey) return null
  const shift = chord.shift === input.shiftKey
  if (/^[a-z]$/i.test(chord.key)) return shift && input.key.toLowerCase() === chord.key.toLowerCase() ? 'exact' : null
  const code = codeOf(chord.key)
  if (shift && (input.key === chord.key || (code !== undefined && input.code === code))) return 'exact'
  return input.key === chord.key && chord.key.length === 1 ? 'typed' : null
}

/**
 * The menu command a key press asks for on `platform` ('darwin': Cmd stands for
 * CmdOrCtrl, elsewhere Ctrl), or null. An exact chord wins over a character that
 * needed Shift to be typed.
 */
export function commandForKey(input: CommandKeyInput, platform: string): MenuCommand | null {
  const candidates = pageChords(platform).filter(({ command }) => !(input.textField && command.page === 'outside-text-fields'))
  const matched = candidates.find(({ chord }) => match(chord, input) === 'exact') ?? candidates.find(({ chord }) => match(chord, input) === 'typed')
  return matched ? { type: matched.command.id } : null
}

/** The platform as the table names it; a browser tab only says whether it is a Mac. */
export function pagePlatform(nav: Pick<Navigator, 'platform' | 'userAgent'> | undefined = globalThis.navigator): 'darwin' | 'win32' | 'linux' {
  const name = nav ? nav.platform || nav.userAgent : ''
  if (/Mac|iPhone|iPad/.test(name)) return 'darwin'
  return /Win/.test(name) ? 'win32' : 'linux'
}

export interface CommandKeysOptions {
  /** False with a native menu (it answers the keys) and while a dialog is open (its keys are its own). */
  enabled: boolean
  /** Runs the command; `keyTarget` is where the key went (a text field keeps Ctrl+Z for itself). */
  run: (command: MenuCommand, keyTarget: Element | null) => void
}

/** Answers the table's accelerators on the whole window while `enabled`. */
export function useCommandKeys({ enabled, run }: CommandKeysOptions): void {
  const latest = useRef({ enabled, run })
  latest.current = { enabled, run }
  useEffect(() => {
    const platform = pagePlatform()
    const onKey = (event: KeyboardEvent) => {
      if (!latest.current.enabled || event.isComposing) return
      const target = event.target instanceof Element ? event.target : document.activeElement
      const command = commandForKey(
        { key: event.key, code: event.code, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, shiftKey: event.shiftKey, textField: isTextField(target) },
        platform
      )
      if (!command) return
      event.preventDefault()
      latest.current.run(command, target)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
