// Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (Ctrl+Y) for annotation edits. In a text field the
// keys stay the field's own text undo; elsewhere they undo the folder's last edit of a
// highlight, note or tag (history.undo / history.redo in the main process), and the
// page is told what changed so it can refresh and point at it.
import { useCallback, useEffect, useRef } from 'react'
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

/** Which history step a key press asks for, or null. Ctrl+Y is redo off macOS only. */
export function historyKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, isMac: boolean): HistoryDirection | null {
  const command = isMac ? event.metaKey : event.ctrlKey
  if (!command || event.altKey) return null
  const key = event.key.toLowerCase()
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo'
  if (key === 'y' && !isMac && !event.shiftKey) return 'redo'
  return null
}

/** A toast's Undo: only this step (its label, and a highlight it changed). */
export interface UndoExpectation {
  label: string
  highlightId?: string
}

export interface UndoRedoOptions {
  api: Api
  /** The desktop app's menu owns the keys (its Undo/Redo items send menu commands). */
  nativeMenu: boolean
  /** False while a dialog is open: its keys are its own. */
  enabled: boolean
  /**
   * What a step did, for the page to refresh. `done` is null when there was nothing to
   * do, or (with `expected`) when the expected step was no longer the next one.
   */
  onOutcome: (outcome: HistoryOutcome, direction: HistoryDirection, expected: UndoExpectation | null) => void | Promise<void>
  onError: (error: unknown) => void
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

export function useUndoRedo({ api, nativeMenu, enabled, onOutcome, onError }: UndoRedoOptions) {
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

  /** Edit › Undo / Redo from the native menu: text undo in a field, history elsewhere. */
  const fromMenu = useCallback(
    (direction: HistoryDirection) => {
      if (isTextField(document.activeElement)) {
        document.execCommand(direction)
        return
      }
      if (latest.current.enabled) void step(direction)
    },
    [step]
  )

  useEffect(() => {
    if (nativeMenu) return
    const onKey = (event: KeyboardEvent) => {
      const direction = historyKey(event, IS_MAC)
      if (!direction || !latest.current.enabled) return
      // The field's own text undo: leave the key to the browser.
      if (isTextField(event.target instanceof Element ? event.target : document.activeElement)) return
      event.preventDefault()
      void step(direction)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [nativeMenu, step])

  return { undo: (expect?: UndoExpectation) => step('undo', expect), redo: () => step('redo'), fromMenu }
}
