import { describe, expect, it } from 'vitest'
import { placeFloating } from './floating'

const viewport = { width: 1000, height: 800 }
const size = { width: 200, height: 40 }

describe('placeFloating', () => {
  it.each([
    { name: 'above when there is room', anchor: { top: 300, left: 400, width: 100, height: 20 }, prefer: 'above' as const, expected: { top: 252, left: 350 } },
    { name: 'below when there is no room above', anchor: { top: 20, left: 400, width: 100, height: 20 }, prefer: 'above' as const, expected: { top: 48, left: 350 } },
    { name: 'below by preference', anchor: { top: 300, left: 400, width: 100, height: 20 }, prefer: 'below' as const, expected: { top: 328, left: 350 } },
    { name: 'above when the bottom is too close', anchor: { top: 770, left: 400, width: 100, height: 20 }, prefer: 'below' as const, expected: { top: 722, left: 350 } },
    { name: 'kept inside the left edge', anchor: { top: 300, left: 0, width: 20, height: 20 }, prefer: 'above' as const, expected: { top: 252, left: 8 } },
    { name: 'kept inside the right edge', anchor: { top: 300, left: 990, width: 10, height: 20 }, prefer: 'above' as const, expected: { top: 252, left: 792 } }
  ])('$name', ({ anchor, prefer, expected }) => {
    expect(placeFloating(anchor, size, viewport, prefer)).toEqual(expected)
  })

  // The reader column under a 90 px header and beside a 300 px library.
  const reader = { top: 90, left: 300, width: 700, height: 710 }
  it.each([
    { name: 'a selection near the reader top: below it, not over the header', anchor: { top: 110, left: 500, width: 100, height: 20 }, prefer: 'above' as const, expected: { top: 138, left: 450 } },
    { name: 'room above inside the reader: above', anchor: { top: 200, left: 500, width: 100, height: 20 }, prefer: 'above' as const, expected: { top: 152, left: 450 } },
    { name: 'a popover at the bottom of the reader: above its highlight', anchor: { top: 770, left: 500, width: 100, height: 20 }, prefer: 'below' as const, expected: { top: 722, left: 450 } },
    { name: 'a selection at the reader left edge: not over the library', anchor: { top: 300, left: 305, width: 20, height: 20 }, prefer: 'above' as const, expected: { top: 252, left: 308 } },
    { name: 'a selection scrolled partly above the reader: kept inside it', anchor: { top: 60, left: 500, width: 100, height: 20 }, prefer: 'above' as const, expected: { top: 98, left: 450 } }
  ])('inside the reader: $name', ({ anchor, prefer, expected }) => {
    expect(placeFloating(anchor, size, reader, prefer)).toEqual(expected)
  })
})
