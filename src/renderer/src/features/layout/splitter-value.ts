// What a key does to a side bar's width, as the WAI-ARIA window splitter pattern says:
// the arrows move the splitter by a step, Home and End to the smallest and largest
// size. The library is left of its splitter (ArrowRight widens it); the notes panel is
// right of its own (ArrowLeft widens it).

export interface SplitterLimits {
  min: number
  max: number
  step: number
}

/** Which side of its splitter the sized pane is on. */
export type PaneSide = 'left' | 'right'

export const clampWidth = (value: number, { min, max }: SplitterLimits): number => Math.min(max, Math.max(min, Math.round(value)))

/** The width after a key press, or null when the key is not the splitter's. */
export function widthAfterKey(key: string, width: number, limits: SplitterLimits, pane: PaneSide, big = false): number | null {
  const step = big ? limits.step * 4 : limits.step
  const grow = pane === 'left' ? 'ArrowRight' : 'ArrowLeft'
  const shrink = pane === 'left' ? 'ArrowLeft' : 'ArrowRight'
  switch (key) {
    case grow:
      return clampWidth(width + step, limits)
    case shrink:
      return clampWidth(width - step, limits)
    case 'Home':
      return limits.min
    case 'End':
      return limits.max
    default:
      return null
  }
}

/** The width while dragging: the start width plus how far the pointer moved, towards the reader. */
export function widthAfterDrag(startWidth: number, startX: number, x: number, limits: SplitterLimits, pane: PaneSide): number {
  const moved = pane === 'left' ? x - startX : startX - x
  return clampWidth(startWidth + moved, limits)
}
