// Floating toolbar over a text selection in the body: four highlight colours and
// "Add note". Buttons keep the selection alive by not taking it on mousedown.
import { forwardRef, useLayoutEffect, useRef, useState, type ForwardedRef } from 'react'
import type { HighlightColor } from '../../../../shared/model'
import { placeFloating, visibleBoundsOf, type Box } from '../../components/floating'
import { useReturnFocusOnUnmount } from '../../components/focus-return'
import { focusableIn } from '../../components/modal'
import { colorName, COLORS } from '../highlights/colors'

export interface SelectionToolbarProps {
  box: Box
  busy: boolean
  onHighlight: (color: HighlightColor) => void
  onAddNote: () => void
}

function setRefs<T>(value: T | null, ...refs: Array<ForwardedRef<T> | { current: T | null } | undefined>) {
  for (const ref of refs) {
    if (typeof ref === 'function') ref(value)
    else if (ref) ref.current = value
  }
}

export const SelectionToolbar = forwardRef<HTMLDivElement, SelectionToolbarProps>(function SelectionToolbar(
  { box, busy, onHighlight, onAddNote },
  ref
) {
  const own = useRef<HTMLDivElement | null>(null)
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null)
  // When the toolbar goes (Escape, a colour chosen) while it held focus, focus goes back.
  useReturnFocusOnUnmount(true)

  useLayoutEffect(() => {
    const el = own.current
    if (!el) return
    const size = { width: el.offsetWidth || 260, height: el.offsetHeight || 40 }
    // Inside the reader column, never over the header or a side bar: below the selection when there is no room above.
    setPosition(placeFloating(box, size, visibleBoundsOf(el.closest('main.reader')), 'above'))
  }, [box])

  return (
    <div
      ref={(el) => setRefs(el, own, ref)}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Highlight selection"
      data-testid="selection-toolbar"
      style={position ? { top: position.top, left: position.left } : { opacity: 0, top: 0, left: 0 }}
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={(event) => {
        // Tab and Shift+Tab cycle through the toolbar's buttons while focus is in it.
        if (event.key !== 'Tab' || !own.current) return
        const items = focusableIn(own.current)
        const at = items.indexOf(document.activeElement as HTMLElement)
        if (at < 0 || items.length === 0) return
        event.preventDefault()
        items[(at + (event.shiftKey ? -1 : 1) + items.length) % items.length].focus()
      }}
    >
      {COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}`}
          aria-label={`Highlight ${color}`}
          title={`Highlight ${colorName(color).toLowerCase()}`}
          disabled={busy}
          onClick={() => onHighlight(color)}
        />
      ))}
      <span className="toolbar-sep" aria-hidden="true" />
      <button type="button" className="toolbar-note" disabled={busy} onClick={onAddNote}>
        Add note
      </button>
    </div>
  )
})
