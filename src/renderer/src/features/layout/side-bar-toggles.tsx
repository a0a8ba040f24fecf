// Header buttons that hide and show the library and the notes panel (also View ›
// Toggle Library / Toggle Notes Panel and their keys).
import type { SideBar } from './use-side-bars'
import './layout.css'

export interface SideBarTogglesProps {
  libraryHidden: boolean
  panelHidden: boolean
  onToggle: (bar: SideBar) => void
  /** Shown in the tooltips: "Ctrl" or "⌘". */
  modifier: string
}

export function SideBarToggles({ libraryHidden, panelHidden, onToggle, modifier }: SideBarTogglesProps) {
  return (
    <div className="side-bar-toggles" role="group" aria-label="Side bars">
      <button
        type="button"
        className="button"
        data-side-bar="library"
        aria-label="Library panel"
        aria-expanded={!libraryHidden}
        title={`${libraryHidden ? 'Show' : 'Hide'} the library (${modifier}+\\)`}
        onClick={() => onToggle('library')}
      >
        Library
      </button>
      <button
        type="button"
        className="button"
        data-side-bar="panel"
        aria-label="Notes panel"
        aria-expanded={!panelHidden}
        title={`${panelHidden ? 'Show' : 'Hide'} the notes panel (${modifier}+Shift+\\)`}
        onClick={() => onToggle('panel')}
      >
        Notes
      </button>
    </div>
  )
}
