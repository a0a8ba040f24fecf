// A keyboard- and mouse-operable splitter between a side bar and the reader (WAI-ARIA
// window splitter: role=separator with a value): Tab reaches it, the arrows resize by
// a step (Shift: four), Home/End go to the smallest/largest width, a drag resizes, a
// double-click goes back to the default width.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { widthAfterDrag, widthAfterKey, type PaneSide, type SplitterLimits } from './splitter-value'
import './layout.css'

export interface SplitterProps {
  /** Accessible name, e.g. "Resize library". */
  label: string
  /** The side bar this splitter sizes is on this side of it. */
  pane: PaneSide
  width: number
  limits: SplitterLimits
  /** `final` is false while a drag is under way (save later), true otherwise (save now). */
  onResize: (width: number, final: boolean) => void
  onReset: () => void
  className?: string
}

export function Splitter({ label, pane, width, limits, onResize, onReset, className }: SplitterProps) {
  const drag = useRef<{ pointerId: number; startX: number; startWidth: number; last: number } | null>(null)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const next = widthAfterKey(event.key, width, limits, pane, event.shiftKey)
    if (next === null) return
    event.preventDefault()
    if (next !== width) onResize(next, true)
  }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    event.preventDefault()
    event.currentTarget.setPointerCapture?.(event.pointerId)
    event.currentTarget.focus({ preventScroll: true })
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startWidth: width, last: width }
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current
    if (!current || current.pointerId !== event.pointerId) return
    const next = widthAfterDrag(current.startWidth, current.startX, event.clientX, limits, pane)
    if (next === current.last) return
    current.last = next
    onResize(next, false)
  }
  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current
    if (!current || current.pointerId !== event.pointerId) return
    drag.current = null
    event.currentTarget.releasePointerCapture?.(event.pointerId)
    if (current.last !== current.startWidth) onResize(current.last, true)
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={limits.min}
      aria-valuemax={limits.max}
      tabIndex={0}
      className={`splitter ${className ?? ''}`}
      title={`${label}: drag, or focus and use the arrow keys; double-click for the default width`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onDoubleClick={onReset}
    />
  )
}
