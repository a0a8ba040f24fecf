// Short messages at the bottom of the window. Errors stay longer and are announced
// assertively; everything else politely. A toast may carry one action ("Undo",
// "Open"): it stays up longer, and never goes away while the pointer is over it or
// focus is in it, so nobody loses the button they were about to press.
// One message is on screen at a time (a stack of four covered the end of the article):
// the newest error, else the newest message, unless the one shown is held (hovered or
// focused). The others wait, counted, with their clocks stopped, so none times out
// unseen. The reading column keeps room at its end for the one shown (--toast-room).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import './toasts.css'
import { useReturnFocusOnUnmount } from './focus-return'

export type ToastKind = 'info' | 'error'

export interface ToastAction {
  label: string
  run: () => void
}

export interface Toast {
  id: number
  kind: ToastKind
  message: string
  action: ToastAction | null
  /** Move focus to the action when the toast appears (focus would otherwise be lost). */
  focusAction: boolean
}

export interface ToastOptions {
  action?: ToastAction
  focusAction?: boolean
}

const LIFETIME: Record<ToastKind, number> = { info: 4000, error: 8000 }
/** Long enough to read the message and reach the button. */
export const ACTION_LIFETIME_MS = 8000

interface Timer {
  handle: ReturnType<typeof setTimeout> | null
  /** When the running timer fires (ms since epoch), or how long is left while paused. */
  due: number
  left: number
}

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([])
  /** The toast hovered or focused: it stays on screen whatever arrives. */
  const [held, setHeld] = useState<number | null>(null)
  const nextId = useRef(1)
  const timers = useRef(new Map<number, Timer>())

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((t) => t.id !== id))
    setHeld((held) => (held === id ? null : held))
    const timer = timers.current.get(id)
    if (timer?.handle) clearTimeout(timer.handle)
    timers.current.delete(id)
  }, [])

  const startTimer = useCallback(
    (id: number, ms: number) => {
      timers.current.set(id, { handle: setTimeout(() => dismiss(id), ms), due: Date.now() + ms, left: ms })
    },
    [dismiss]
  )

  const show = useCallback(
    (message: string, kind: ToastKind = 'info', options: ToastOptions = {}): number => {
      const id = nextId.current++
      const toast: Toast = { id, kind, message, action: options.action ?? null, focusAction: options.focusAction ?? false }
      // Keep the stack short: the newest few matter.
      setToasts((all) => [...all.slice(-(MAX_KEPT - 1)), toast])
      // Its clock starts when it is shown (the effect below).
      const lifetime = toast.action ? Math.max(ACTION_LIFETIME_MS, LIFETIME[kind]) : LIFETIME[kind]
      timers.current.set(id, { handle: null, due: 0, left: lifetime })
      return id
    },
    []
  )

  const stopClock = useCallback((id: number) => {
    const timer = timers.current.get(id)
    if (!timer?.handle) return
    clearTimeout(timer.handle)
    timers.current.set(id, { handle: null, due: 0, left: Math.max(0, timer.due - Date.now()) })
  }, [])

  /** Holds a toast while it is hovered or focused. */
  const pause = useCallback(
    (id: number) => {
      stopClock(id)
      setHeld(id)
    },
    [stopClock]
  )

  /** Lets it go on; it gets at least a couple of seconds more to be read again. */
  const resume = useCallback(
    (id: number) => {
      setHeld((held) => (held === id ? null : held))
      const timer = timers.current.get(id)
      if (!timer || timer.handle) return
      startTimer(id, Math.max(2000, timer.left))
    },
    [startTimer]
  )

  const shown = shownToast(toasts, held)
  const shownId = shown?.id ?? null
  // Only the toast on screen runs its clock; one that goes back into the queue stops it.
  useEffect(() => {
    for (const [id, timer] of timers.current) if (id !== shownId && timer.handle) stopClock(id)
    if (shownId === null || shownId === held) return
    const timer = timers.current.get(shownId)
    if (timer && !timer.handle) startTimer(shownId, timer.left)
  }, [shownId, held, startTimer, stopClock])

  useEffect(() => {
    const all = timers.current
    return () =>
      all.forEach((timer) => {
        if (timer.handle) clearTimeout(timer.handle)
      })
  }, [])

  return { toasts, shown, show, dismiss, pause, resume }
}

/** At most this many messages are kept (the oldest go first). */
const MAX_KEPT = 5

/** The toast on screen: the held one, else the newest error, else the newest. */
export function shownToast(toasts: readonly Toast[], held: number | null): Toast | null {
  return toasts.find((t) => t.id === held) ?? toasts.findLast((t) => t.kind === 'error') ?? toasts.at(-1) ?? null
}

export interface ToastsProps {
  toasts: Toast[]
  /** The toast on screen (useToasts().shown); by default the newest error, else the newest. */
  shown?: Toast | null
  onDismiss: (id: number) => void
  onPause?: (id: number) => void
  onResume?: (id: number) => void
}

export function Toasts({ toasts, shown = shownToast(toasts, null), onDismiss, onPause, onResume }: ToastsProps) {
  const waiting = shown ? toasts.length - 1 : 0
  const roomRef = useToastRoom()
  const item = shown && <ToastItem key={shown.id} toast={shown} onDismiss={onDismiss} onPause={onPause} onResume={onResume} />
  return (
    <div className="toasts" ref={roomRef}>
      {/* Live regions exist from the start so screen readers pick up what is added. */}
      <div role="alert" className="toast-stack">
        {shown?.kind === 'error' && item}
      </div>
      <div role="status" className="toast-stack">
        {shown?.kind === 'info' && item}
      </div>
      {waiting > 0 && <p className="toast-count">{waiting === 1 ? '1 more message' : `${waiting} more messages`}</p>}
    </div>
  )
}

/**
 * Tells the page how tall the shown toast is (--toast-room on <html>), so the reading
 * column leaves that much room below its last line and the toast never covers it.
 */
function useToastRoom() {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const root = document.documentElement
    const observer = new ResizeObserver(() => root.style.setProperty('--toast-room', `${Math.ceil(element.getBoundingClientRect().height)}px`))
    observer.observe(element)
    return () => {
      observer.disconnect()
      root.style.removeProperty('--toast-room')
    }
  }, [])
  return ref
}

function ToastItem({ toast, onDismiss, onPause, onResume }: { toast: Toast } & Omit<ToastsProps, 'toasts' | 'shown'>) {
  const actionRef = useRef<HTMLButtonElement>(null)
  const wantsFocus = toast.focusAction
  // A toast that took focus gives it back when it goes (dismissed, or its action run).
  useReturnFocusOnUnmount(wantsFocus)
  useLayoutEffect(() => {
    if (wantsFocus) actionRef.current?.focus()
  }, [wantsFocus])
  const hold = () => onPause?.(toast.id)
  const release = () => onResume?.(toast.id)
  return (
    <div
      className={`toast toast-${toast.kind}`}
      data-toast-id={toast.id}
      onMouseEnter={hold}
      onMouseLeave={release}
      onFocus={hold}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) release()
      }}
    >
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          ref={actionRef}
          type="button"
          className="toast-action"
          onClick={() => {
            onDismiss(toast.id)
            toast.action!.run()
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label="Dismiss message" onClick={() => onDismiss(toast.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  )
}
