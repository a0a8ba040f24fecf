// Reader | All highlights: two toggle buttons, the pressed one being the view shown,
// in a "Views" navigation landmark (it sits in the search bar, next to the search
// landmark, and every control must be in a landmark).
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
