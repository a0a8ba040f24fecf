// Where to put a small floating panel next to an anchor rectangle, kept inside the
// viewport — or inside the part of it a panel belongs to (the reader column, so the
// selection toolbar and the highlight popover never cover the header). Pure so the
// arithmetic is testable without a layout engine.
export interface Box {
  top: number
  left: number
  width: number
  height: number
}

const GAP = 8
const MARGIN = 8

export function placeFloating(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number; top?: number; left?: number },
  prefer: 'above' | 'below'
): { top: number; left: number } {
  const minTop = (viewport.top ?? 0) + MARGIN
  const maxBottom = (viewport.top ?? 0) + viewport.height - MARGIN
  const minLeft = (viewport.left ?? 0) + MARGIN
  const maxRight = (viewport.left ?? 0) + viewport.width - MARGIN
  const above = anchor.top - size.height - GAP
  const below = anchor.top + anchor.height + GAP
  const fitsAbove = above >= minTop
  const fitsBelow = below + size.height <= maxBottom
  let top = prefer === 'above' ? (fitsAbove || !fitsBelow ? above : below) : fitsBelow || !fitsAbove ? below : above
  top = Math.max(minTop, Math.min(top, maxBottom - size.height))
  const centred = anchor.left + anchor.width / 2 - size.width / 2
  const left = Math.max(minLeft, Math.min(centred, maxRight - size.width))
  return { top, left }
}

/** The visible part of `element` (the reader column), else the whole window, in viewport coordinates. */
export function visibleBoundsOf(element: Element | null): { top: number; left: number; width: number; height: number } {
  const win = { top: 0, left: 0, width: window.innerWidth, height: window.innerHeight }
  const rect = element?.getBoundingClientRect()
  if (!rect || rect.width === 0 || rect.height === 0) return win
  const top = Math.max(0, rect.top)
  const left = Math.max(0, rect.left)
  const bottom = Math.min(win.height, rect.bottom)
  const right = Math.min(win.width, rect.right)
  return bottom > top && right > left ? { top, left, width: right - left, height: bottom - top } : win
}

export function toBox(rect: { top: number; left: number; width: number; height: number }): Box {
  return { top: rect.top, left: rect.left, width: rect.width, height: rect.height }
}
