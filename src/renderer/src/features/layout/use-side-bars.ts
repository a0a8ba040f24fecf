// The side bars' widths and hidden flags: reading preferences (libraryWidth,
// panelWidth, libraryHidden, panelHidden in settings.json) through the shared prefs
// store, so they survive a restart. A drag saves once it rests; keys and toggles at once.
import { useCallback, useRef, type CSSProperties } from 'react'
import type { Api } from '../../../../shared/api'
import { DEFAULT_PREFS, PREF_LIMITS, type Prefs } from '../../../../shared/model'
import { usePrefs } from '../comfort/use-prefs'

export type SideBar = 'library' | 'panel'

const WIDTH_KEY = { library: 'libraryWidth', panel: 'panelWidth' } as const satisfies Record<SideBar, keyof Prefs>
const HIDDEN_KEY = { library: 'libraryHidden', panel: 'panelHidden' } as const satisfies Record<SideBar, keyof Prefs>
/** A drag sends a width per pixel: one save once it pauses. */
const DRAG_SAVE_MS = 250

export const SIDE_BAR_LIMITS = { library: PREF_LIMITS.libraryWidth, panel: PREF_LIMITS.panelWidth } as const

export interface SideBars {
  /** False until the stored widths are known (defaults until then). */
  loaded: boolean
  width(bar: SideBar): number
  hidden(bar: SideBar): boolean
  resize(bar: SideBar, width: number, final: boolean): void
  resetWidth(bar: SideBar): void
  toggle(bar: SideBar): void
}

export function useSideBars(api: Pick<Api, 'prefs.get' | 'prefs.set'>): SideBars {
  const { prefs, loaded, update } = usePrefs(api)
  // A toggle pressed twice before React re-renders must see its own first change.
  const latest = useRef(prefs)
  latest.current = prefs

  const resize = useCallback(
    (bar: SideBar, width: number, final: boolean) => update({ [WIDTH_KEY[bar]]: width }, { debounceMs: final ? 0 : DRAG_SAVE_MS }),
    [update]
  )
  const resetWidth = useCallback((bar: SideBar) => update({ [WIDTH_KEY[bar]]: DEFAULT_PREFS[WIDTH_KEY[bar]] }), [update])
  const toggle = useCallback(
    (bar: SideBar) => {
      const hidden = !latest.current[HIDDEN_KEY[bar]]
      // Focus inside a side bar that disappears would fall to the page: give it to the reader.
      const active = document.activeElement
      if (hidden && active?.closest(bar === 'library' ? '.workspace > .library' : '.workspace > .side')) {
        const reader = document.querySelector<HTMLElement>('.workspace > .reader[tabindex]')
        const toggle = document.querySelector<HTMLElement>(`.side-bar-toggles [data-side-bar="${bar}"]`)
        ;(reader ?? toggle)?.focus({ preventScroll: true })
      }
      latest.current = { ...latest.current, [HIDDEN_KEY[bar]]: hidden }
      update({ [HIDDEN_KEY[bar]]: hidden })
    },
    [update]
  )
  return {
    loaded,
    width: (bar) => prefs[WIDTH_KEY[bar]],
    hidden: (bar) => prefs[HIDDEN_KEY[bar]],
    resize,
    resetWidth,
    toggle
  }
}

/** The .workspace element's class and the widths as CSS variables (layout.css lays them out; `compact`: side bars as overlays). */
export function workspaceLayout(bars: Pick<SideBars, 'width' | 'hidden'> & { compact?: boolean }): { className: string; style: CSSProperties } {
  const className = ['workspace', 'side-bars', bars.compact && 'compact', bars.hidden('library') && 'library-hidden', bars.hidden('panel') && 'panel-hidden']
    .filter(Boolean)
    .join(' ')
  const style = { '--library-width': `${bars.width('library')}px`, '--panel-width': `${bars.width('panel')}px` } as CSSProperties
  return { className, style }
}
