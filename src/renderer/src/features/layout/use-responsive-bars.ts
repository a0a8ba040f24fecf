// The side bars at any window size. Wide enough (responsive.ts), they are columns and
// their toggles change the remembered preference. Too narrow, they are overlays over the
// reader, closed until asked for, one at a time; the preference is left as it was, so a
// wider window brings the columns back as the reader left them. An overlay takes focus
// when it opens, closes on Escape or a click beside it, and gives focus back to what
// opened it (the toggle, or the reader for the n key).
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Prefs } from '../../../../shared/model'
import { needsOverlays } from './responsive'
import type { SideBar, SideBars } from './use-side-bars'
import { useWindowWidth } from './use-window-width'

export interface ResponsiveBars extends SideBars {
  /** The side bars are overlays (the window is too narrow for three columns). */
  compact: boolean
  /** The side bar open over the reader, if any. */
  overlay: SideBar | null
  /** Opens a side bar (as an overlay when compact); `focus: false` leaves focus to the caller. */
  show(bar: SideBar, options?: { focus?: boolean }): void
  /** Closes an open overlay; focus goes back to what opened it unless told where. */
  closeOverlay(options?: { focusReader?: boolean }): void
}

const BAR_SELECTOR: Record<SideBar, string> = { library: '.workspace > .library', panel: '.workspace > .side' }
const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"], a[href]'

export function useResponsiveBars(bars: SideBars, font: Pick<Prefs, 'fontSize' | 'fontFamily'>): ResponsiveBars {
  const windowWidth = useWindowWidth()
  const compact = needsOverlays({
    windowWidth,
    libraryWidth: bars.width('library'),
    panelWidth: bars.width('panel'),
    libraryHidden: bars.hidden('library'),
    panelHidden: bars.hidden('panel'),
    fontSize: font.fontSize,
    fontFamily: font.fontFamily
  })
  const [overlay, setOverlay] = useState<SideBar | null>(null)
  const returnTo = useRef<HTMLElement | null>(null)
  const focusInside = useRef(true)

  useEffect(() => {
    if (!compact) setOverlay(null)
  }, [compact])

  const closeOverlay = useCallback((options: { focusReader?: boolean } = {}) => {
    setOverlay(null)
    const back = options.focusReader ? document.querySelector<HTMLElement>('main.reader') : returnTo.current
    returnTo.current = null
    if (back?.isConnected) back.focus({ preventScroll: true })
  }, [])

  const openOverlay = useCallback((bar: SideBar, focus: boolean) => {
    const active = document.activeElement
    // Switching from one overlay to the other keeps the first opener.
    if (!active?.closest('.workspace > .library, .workspace > .side')) returnTo.current = active instanceof HTMLElement ? active : null
    focusInside.current = focus
    setOverlay(bar)
  }, [])

  // Focus moves into the overlay that opened (after it is shown), to its first visible control (not the hidden splitter).
  useEffect(() => {
    if (!overlay || !focusInside.current) return
    const root = document.querySelector<HTMLElement>(BAR_SELECTOR[overlay])
    if (root && !root.contains(document.activeElement)) [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => el.getClientRects().length > 0)?.focus()
  }, [overlay])

  // Escape (not taken by something inside, such as tag suggestions) and a click beside it close it.
  useEffect(() => {
    if (!overlay) return
    const root = () => document.querySelector<HTMLElement>(BAR_SELECTOR[overlay])
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return
      event.preventDefault()
      closeOverlay()
    }
    const onPointer = (event: MouseEvent) => {
      const target = event.target as Element | null
      if (target?.closest('.side-bar-toggles, [role="menu"], [role="dialog"]') || root()?.contains(target)) return
      setOverlay(null)
      returnTo.current = null
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('mousedown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('mousedown', onPointer)
    }
  }, [overlay, closeOverlay])

  const toggle = useCallback(
    (bar: SideBar) => {
      if (!compact) return bars.toggle(bar)
      if (overlay === bar) closeOverlay()
      else openOverlay(bar, true)
    },
    [compact, overlay, bars.toggle, closeOverlay, openOverlay]
  )
  const show = useCallback(
    (bar: SideBar, options: { focus?: boolean } = {}) => {
      if (compact) {
        if (overlay !== bar) openOverlay(bar, options.focus ?? true)
      } else if (bars.hidden(bar)) bars.toggle(bar)
    },
    [compact, overlay, bars, openOverlay]
  )
  return {
    ...bars,
    compact,
    overlay,
    hidden: (bar) => (compact ? overlay !== bar : bars.hidden(bar)),
    toggle,
    show,
    closeOverlay
  }
}
