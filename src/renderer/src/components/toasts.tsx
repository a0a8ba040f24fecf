// Short messages at the bottom of the window. Errors stay longer and are announced
// assertively; everything else politely.
import { useCallback, useEffect, useRef, useState } from 'react'

export type ToastKind = 'info' | 'error'
export interface Toast {
  id: number
  kind: ToastKind
  message: string
}

const LIFETIME: Record<ToastKind, number> = { info: 4000, error: 8000 }

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>())

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((t) => t.id !== id))
    const timer = timers.current.get(id)
    if (timer) clearTimeout(timer)
    timers.current.delete(id)
  }, [])

  const show = useCallback(
    (message: string, kind: ToastKind = 'info') => {
      const id = nextId.current++
      // Keep the stack short: the newest few matter.
      setToasts((all) => [...all.slice(-3), { id, kind, message }])
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), LIFETIME[kind])
      )
    },
    [dismiss]
  )

  useEffect(() => {
    const all = timers.current
    return () => all.forEach((timer) => clearTimeout(timer))
  }, [])

  return { toasts, show, dismiss }
}

export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  const infos = toasts.filter((t) => t.kind === 'info')
  const errors = toasts.filter((t) => t.kind === 'error')
  const item = (t: Toast) => (
    <div key={t.id} className={`toast toast-${t.kind}`}>
      <span className="toast-message">{t.message}</span>
      <button type="button" className="toast-close" aria-label="Dismiss message" onClick={() => onDismiss(t.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  )
  return (
    <div className="toasts">
      {/* Live regions exist from the start so screen readers pick up what is added. */}
      <div role="alert" className="toast-stack">
        {errors.map(item)}
      </div>
      <div role="status" className="toast-stack">
        {infos.map(item)}
      </div>
    </div>
  )
}
