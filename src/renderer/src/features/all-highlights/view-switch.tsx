// Reader | All highlights: two toggle buttons, the pressed one being the view shown,
// in a "Views" navigation landmark (it sits in the search bar, next to the search
// landmark, and every control must be in a landmark).
import { useEffect, useRef, type RefObject } from 'react'

export type MainView = 'reader' | 'highlights'

export function ViewSwitch({ view, onChange }: { view: MainView; onChange: (view: MainView) => void }) {
  return (
    <nav className="view-switch-nav" aria-label="Views">
      <div className="view-switch" role="group" aria-label="View">
        <button type="button" className="view-switch-button" aria-pressed={view === 'reader'} onClick={() => onChange('reader')}>
          Reader
        </button>
        <button
          type="button"
          className="view-switch-button"
          aria-pressed={view === 'highlights'}
          aria-keyshortcuts="Control+Shift+H"
          title="All highlights (Ctrl+Shift+H)"
          onClick={() => onChange('highlights')}
        >
          All highlights
        </button>
      </div>
    </nav>
  )
}

/** Back from "All highlights" (whose focus went with it): the reader takes focus, so the keyboard carries on there. */
export function useReaderFocusOnReturn(view: MainView, readerRef: RefObject<HTMLElement | null>): void {
  const shown = useRef(view)
  useEffect(() => {
    const was = shown.current
    shown.current = view
    const idle = !document.activeElement || document.activeElement === document.body
    if (was === 'highlights' && view === 'reader' && idle) readerRef.current?.focus({ preventScroll: true })
  }, [view])
}
