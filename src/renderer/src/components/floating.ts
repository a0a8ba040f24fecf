// Where to put a small floating panel next to an anchor rectangle, kept inside the
// viewport. Pure so the arithmetic is testable without a layout engine.
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
  viewport: { width: number; height: number },
  prefer: 'above' | 'below'
): { top: number; left: number } {
  const above = anchor.top - size.height - GAP
  const below = anchor.top + anchor.height + GAP
  const fitsAbove = above >= MARGIN
  const fitsBelow = below + size.height <= viewport.height - MARGIN
  let top = prefer === 'above' ? (fitsAbove || !fitsBelow ? above : below) : fitsBelow || !fitsAbove ? below : above
  top = Math.max(MARGIN, Math.min(top, viewport.height - size.height - MARGIN))
  const centred = anchor.left + anchor.width / 2 - size.width / 2
  const left = Math.max(MARGIN, Math.min(centred, viewport.width - size.width - MARGIN))
  return { top, left }
}

export function toBox(rect: { top: number; left: number; width: number; height: number }): Box {
  return { top: rect.top, left: rect.left, width: rect.width, height: rect.height }
}
