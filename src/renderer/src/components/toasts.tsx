// Short messages at the bottom of the window. Errors stay longer and are announced
// assertively; everything else politely. A toast may carry one action ("Undo",
// "Open"): it stays up longer, and never goes away while the pointer is over it or
// focus is in it, so nobody loses the button they were about to press.
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
  const nextId = useRef(1)
  const timers = useRef(new Map<number, Timer>())

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((t) => t.id !== id))
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
      setToasts((all) => [...all.slice(-3), toast])
      startTimer(id, toast.action ? Math.max(ACTION_LIFETIME_MS, LIFETIME[kind]) : LIFETIME[kind])
      return id
    },
    [startTimer]
  )

  /** Holds a toast while it is hovered or focused. */
  const pause = useCallback((id: number) => {
    const timer = timers.current.get(id)
    if (!timer?.handle) return
    clearTimeout(timer.handle)
    timers.current.set(id, { handle: null, due: 0, left: Math.max(0, timer.due - Date.now()) })
  }, [])

  /** Lets it go on; it gets at least a couple of seconds more to be read again. */
  const resume = useCallback(
    (id: number) => {
      const timer = timers.current.get(id)
      if (!timer || timer.handle) return
      startTimer(id, Math.max(2000, timer.left))
    },
    [startTimer]
  )

  useEffect(() => {
    const all = timers.current
    return () =>
      all.forEach((timer) => {
        if (timer.handle) clearTimeout(timer.handle)
      })
  }, [])

  return { toasts, show, dismiss, pause, resume }
}

export interface ToastsProps {
  toasts: Toast[]
  onDismiss: (id: number) => void
  onPause?: (id: number) => void
  onResume?: (id: number) => void
}

export function Toasts({ toasts, onDismiss, onPause, onResume }: ToastsProps) {
  const infos = toasts.filter((t) => t.kind === 'info')
  const errors = toasts.filter((t) => t.kind === 'error')
  return (
    <div className="toasts">
      {/* Live regions exist from the start so screen readers pick up what is added. */}
      <div role="alert" className="toast-stack">
        {errors.map((t) => (
          <ToastItem key={t.id} toast={t} onDismiss={onDismiss} onPause={onPause} onResume={onResume} />
        ))}
      </div>
      <div role="status" className="toast-stack">
        {infos.map((t) => (
          <ToastItem key={t.id} toast={t} onDismiss={onDismiss} onPause={onPause} onResume={onResume} />
        ))}
      </div>
    </div>
  )
}

function ToastItem({ toast, onDismiss, onPause, onResume }: { toast: Toast } & Omit<ToastsProps, 'toasts'>) {
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
