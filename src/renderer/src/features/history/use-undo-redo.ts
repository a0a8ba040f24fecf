// Undo and redo of annotation edits: the Edit menu's Undo / Redo (Ctrl/Cmd+Z,
// Shift+Ctrl/Cmd+Z, Ctrl+Y: their keys are in the commands table, answered by the
// native menu or by use-command-keys.ts). In a text field they stay the field's own
// text undo; elsewhere they undo the folder's last edit of a highlight, note or tag
// (history.undo / history.redo in the main process), and the page is told what changed
// so it can refresh and point at it.
import { useCallback, useRef } from 'react'
import type { Api } from '../../../../shared/api'
import type { HistoryOutcome } from '../../../../shared/history'

export type HistoryDirection = 'undo' | 'redo'

/** Where typing goes: such an element keeps Ctrl+Z for its own text. */
export function isTextField(element: Element | null): boolean {
  if (!element) return false
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled
  if (element instanceof HTMLInputElement) {
    const textual = ['text', 'search', 'url', 'email', 'tel', 'password', 'number', ''].includes(element.type)
    return textual && !element.readOnly && !element.disabled
  }
  return element instanceof HTMLElement && element.isContentEditable === true
}

/** A toast's Undo: only this step (its label, and a highlight it changed). */
export interface UndoExpectation {
  label: string
  highlightId?: string
}

export interface UndoRedoOptions {
  api: Api
  /** False while a dialog is open: its keys are its own. */
  enabled: boolean
  /**
   * What a step did, for the page to refresh. `done` is null when there was nothing to
   * do, or (with `expected`) when the expected step was no longer the next one.
   */
  onOutcome: (outcome: HistoryOutcome, direction: HistoryDirection, expected: UndoExpectation | null) => void | Promise<void>
  onError: (error: unknown) => void
}

export function useUndoRedo({ api, enabled, onOutcome, onError }: UndoRedoOptions) {
  const latest = useRef({ onOutcome, onError, enabled })
  latest.current = { onOutcome, onError, enabled }
  // One step at a time, in the order asked: a held-down Ctrl+Z walks back step by step.
  const queue = useRef<Promise<unknown>>(Promise.resolve())

  const step = useCallback(
    (direction: HistoryDirection, expect?: UndoExpectation): Promise<HistoryOutcome | null> => {
      const run = async (): Promise<HistoryOutcome | null> => {
        try {
          const outcome = direction === 'undo' ? await api['history.undo'](expect ? { expect } : {}) : await api['history.redo']({})
          await latest.current.onOutcome(outcome, direction, expect ?? null)
          return outcome
        } catch (error) {
          latest.current.onError(error)
          return null
        }
      }
      const next = queue.current.then(run)
      queue.current = next
      return next
    },
    [api]
  )

  /**
   * Edit › Undo / Redo: text undo in a field, history elsewhere. `keyTarget` is where
   * the key went: the focused element for the native menu's items (the main process
   * cannot tell), the key's own target when the page answered the key itself (in the
   * browser harness, which leaves keys typed into a field to the field).
   */
  const fromMenu = useCallback(
    (direction: HistoryDirection, keyTarget: Element | null = document.activeElement) => {
      if (isTextField(keyTarget)) {
        document.execCommand(direction)
        return
      }
      if (latest.current.enabled) void step(direction)
    },
    [step]
  )

  return { undo: (expect?: UndoExpectation) => step('undo', expect), redo: () => step('redo'), fromMenu }
}
