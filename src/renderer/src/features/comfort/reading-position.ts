// Where the reader is in an article, as a fraction for the library and as a text offset
// to come back to. The offset is the `data-start` of the first block in view, so it
// survives edits above it and a different font size, where a pixel offset would not.
// Pure DOM arithmetic: no React, testable with stand-in elements.

import { READ_THRESHOLD } from '../../../../shared/reading-stats'

/** At or past this, the library says "Read" instead of a percentage (shared with the exports' read state). */
export { READ_THRESHOLD }

/**
 * How much of the text has been on screen, 0–1: where the block at the bottom edge of
 * the view starts, over the text's length (1 once the last block is wholly in view).
 * Counted in text, not pixels: paragraphs out of view have estimated heights
 * (content-visibility), so a pixel fraction would drift as they are laid out.
 */
export function readFraction(scroller: HTMLElement, body: ParentNode): number | null {
  const blocks = offsetBlocks(body)
  if (blocks.length === 0) return null
  const last = blocks[blocks.length - 1]
  const length = startOf(last) + (last.textContent ?? '').length
  if (!(length > 0)) return null
  // A couple of pixels of slack: a last line that just touches the edge counts as shown.
  const bottom = scroller.getBoundingClientRect().bottom + 2
  const index = firstBelow(blocks.length, (i) => blocks[i].getBoundingClientRect().bottom, bottom)
  if (index === -1) return 1
  return Math.min(1, Math.max(0, startOf(blocks[index]) / length))
}

/** What a library row says about a fraction: null when there is nothing to say yet. */
export function progressText(fraction: number | null): string | null {
  if (fraction === null || !Number.isFinite(fraction) || fraction < 0.01) return null
  if (fraction >= READ_THRESHOLD) return 'Read'
  return `${Math.round(Math.min(1, fraction) * 100)}%`
}

/**
 * Index of the first item whose bottom edge is below `top` (the first block at least
 * partly in view), by binary search: blocks are in document order, so their bottoms
 * only grow. -1 when every block is above.
 */
export function firstBelow(count: number, bottomOf: (index: number) => number, top: number): number {
  let lo = 0
  let hi = count - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (bottomOf(mid) > top) {
      found = mid
      hi = mid - 1
    } else lo = mid + 1
  }
  return found
}

/** The body's block elements that carry text offsets, in document order. */
export function offsetBlocks(body: ParentNode): HTMLElement[] {
  return [...body.querySelectorAll<HTMLElement>('[data-start]')]
}

const startOf = (el: HTMLElement): number => Number(el.dataset.start)

/** The restore point: the text offset of the first block in view, or null without blocks. */
export function firstVisibleOffset(scroller: HTMLElement, body: ParentNode): number | null {
  const blocks = offsetBlocks(body)
  if (blocks.length === 0) return null
  // A couple of pixels of slack: a block whose last line just left the top does not count.
  const top = scroller.getBoundingClientRect().top + 2
  const index = firstBelow(blocks.length, (i) => blocks[i].getBoundingClientRect().bottom, top)
  const block = blocks[index === -1 ? blocks.length - 1 : index]
  const start = startOf(block)
  return Number.isFinite(start) ? start : null
}

/** The block holding `offset`: the last one starting at or before it (blocks are in text order). */
export function blockAtOffset(body: ParentNode, offset: number, blocks: HTMLElement[] = offsetBlocks(body)): HTMLElement | null {
  const after = firstBelow(blocks.length, (i) => startOf(blocks[i]), offset)
  const index = after === -1 ? blocks.length - 1 : after - 1
  return blocks[Math.max(0, index)] ?? null
}

/**
 * Scrolls so that the block holding `offset` sits at the top of the scroller. Returns how
 * far it had to move (0 = already there), or null without blocks.
 */
export function scrollToOffset(scroller: HTMLElement, body: ParentNode, offset: number, margin = 16): number | null {
  const blocks = offsetBlocks(body)
  const block = blockAtOffset(body, offset, blocks)
  if (!block) return null
  // The first block: back to the very top, title and all.
  if (block === blocks[0]) {
    const before = scroller.scrollTop
    scroller.scrollTop = 0
    return 0 - before
  }
  const delta = block.getBoundingClientRect().top - scroller.getBoundingClientRect().top - margin
  const before = scroller.scrollTop
  scroller.scrollTop = Math.max(0, before + delta)
  return scroller.scrollTop - before
}

const USER_SCROLL_EVENTS = ['wheel', 'pointerdown', 'touchstart', 'keydown'] as const

/**
 * Puts the block holding `offset` at the top and keeps it there for a few frames:
 * paragraphs out of view are laid out lazily (content-visibility), so the ones around
 * the target only get their real height after the first scroll, and push it away.
 * Stops once it stays put, after `frames`, as soon as the user scrolls, or when
 * something else moves the scroller (a jump to a highlight or a search match). Returns a
 * function that stops it.
 */
export function holdOffsetAtTop(scroller: HTMLElement, body: ParentNode, offset: number, frames = 30): () => void {
  const view = scroller.ownerDocument.defaultView
  let left = frames
  let still = 0
  let frame = 0
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    if (frame) view?.cancelAnimationFrame(frame)
    for (const type of USER_SCROLL_EVENTS) view?.removeEventListener(type, stop, true)
  }
  for (const type of USER_SCROLL_EVENTS) view?.addEventListener(type, stop, { capture: true, passive: true })
  let placedAt: number | null = null
  const step = () => {
    frame = 0
    if (stopped) return
    // Lazily laid-out paragraphs move the text, not scrollTop: a changed scrollTop is someone else's scroll.
    if (placedAt !== null && Math.abs(scroller.scrollTop - placedAt) > 1) return stop()
    const moved = scrollToOffset(scroller, body, offset)
    placedAt = scroller.scrollTop
    still = moved === null || Math.abs(moved) < 1 ? still + 1 : 0
    if (moved === null || --left <= 0 || still >= 3 || !view) return stop()
    frame = view.requestAnimationFrame(step)
  }
  step()
  return stop
}
