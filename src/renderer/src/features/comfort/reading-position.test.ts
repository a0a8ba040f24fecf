// @vitest-environment jsdom
// The restore point and the fraction from a stand-in layout: jsdom has no layout, so each
// block gets a fixed box and the scroller moves them by its scrollTop.
import { afterEach, describe, expect, it } from 'vitest'
import { blockAtOffset, firstBelow, firstVisibleOffset, holdOffsetAtTop, progressText, READ_THRESHOLD, readFraction, scrollToOffset } from './reading-position'

const BLOCK_HEIGHT = 100
const VIEW_HEIGHT = 300

/** A scroller 300 px tall at the top of the window, holding `count` blocks of 100 px, each 10 characters long. */
function layout(count: number) {
  const scroller = document.createElement('main')
  const body = document.createElement('div')
  scroller.append(body)
  document.body.append(scroller)
  let scrollTop = 0
  Object.defineProperty(scroller, 'scrollTop', {
    get: () => scrollTop,
    set: (value: number) => (scrollTop = Math.max(0, Math.min(value, count * BLOCK_HEIGHT - VIEW_HEIGHT)))
  })
  scroller.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 600, height: VIEW_HEIGHT })
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p')
    p.dataset.start = String(i * 12)
    p.textContent = `block ${String(i).padStart(4, '0')}`
    p.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: i * BLOCK_HEIGHT - scrollTop, width: 600, height: BLOCK_HEIGHT })
    body.append(p)
  }
  return { scroller, body }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('progressText', () => {
  it.each([
    [null, null],
    [0, null],
    [0.004, null],
    [0.01, '1%'],
    [0.454, '45%'],
    [0.979, '98%'],
    [READ_THRESHOLD, 'Read'],
    [1, 'Read']
  ])('%s → %s', (fraction, text) => {
    expect(progressText(fraction)).toBe(text)
  })
})

describe('firstBelow', () => {
  const bottoms = [10, 20, 30, 40]
  it.each([
    [0, 0],
    [10, 1],
    [25, 2],
    [39, 3],
    [40, -1]
  ])('first bottom below %s is index %s', (top, index) => {
    expect(firstBelow(bottoms.length, (i) => bottoms[i], top)).toBe(index)
  })
  it('is -1 for no items', () => {
    expect(firstBelow(0, () => 0, 0)).toBe(-1)
  })
})

describe('positions in a laid-out body', () => {
  it('the restore point is the first block in view, by its text offset', () => {
    const { scroller, body } = layout(20)
    expect(firstVisibleOffset(scroller, body)).toBe(0)
    scroller.scrollTop = 450
    // Block 4 spans 400–500: half in view, so it is the one to come back to.
    expect(firstVisibleOffset(scroller, body)).toBe(48)
  })

  it('the fraction counts the text of the blocks wholly in view and above, and is 1 once the last is in view', () => {
    const { scroller, body } = layout(20)
    // Text length: last start 228 + 10 characters.
    expect(readFraction(scroller, body)).toBeCloseTo(36 / 238)
    scroller.scrollTop = 1000
    expect(readFraction(scroller, body)).toBeCloseTo(156 / 238)
    scroller.scrollTop = 1700
    expect(readFraction(scroller, body)).toBe(1)
  })

  it('finds the block holding an offset, even between blocks or past the end', () => {
    const { body } = layout(5)
    expect(blockAtOffset(body, 0)?.dataset.start).toBe('0')
    expect(blockAtOffset(body, 13)?.dataset.start).toBe('12')
    expect(blockAtOffset(body, 11)?.dataset.start).toBe('0')
    expect(blockAtOffset(body, 9999)?.dataset.start).toBe('48')
  })

  it('scrolls the block to the top (less a small margin), and the first block to the very top', () => {
    const { scroller, body } = layout(20)
    expect(scrollToOffset(scroller, body, 60)).toBe(484)
    expect(scroller.scrollTop).toBe(484)
    expect(scrollToOffset(scroller, body, 60)).toBe(0)
    expect(scrollToOffset(scroller, body, 5)).toBe(-484)
    expect(scroller.scrollTop).toBe(0)
  })

  it('an empty body has no position', () => {
    const { scroller, body } = layout(0)
    expect(firstVisibleOffset(scroller, body)).toBeNull()
    expect(readFraction(scroller, body)).toBeNull()
    expect(scrollToOffset(scroller, body, 10)).toBeNull()
  })

  it('holdOffsetAtTop puts the block back when the text above it grows, until the user scrolls', async () => {
    const { scroller, body } = layout(20)
    const stop = holdOffsetAtTop(scroller, body, 120)
    expect(scroller.scrollTop).toBe(984)
    // A paragraph above is laid out for real and is taller: everything below moves down.
    const first = body.firstElementChild as HTMLElement
    for (const block of [...body.children].slice(1) as HTMLElement[]) {
      const before = block.getBoundingClientRect
      block.getBoundingClientRect = () => {
        const r = before()
        return DOMRect.fromRect({ x: r.x, y: r.y + 50, width: r.width, height: r.height })
      }
    }
    expect(first).toBeTruthy()
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
    expect(scroller.scrollTop).toBe(1034)
    // The user scrolls: it lets go.
    window.dispatchEvent(new WheelEvent('wheel'))
    scroller.scrollTop = 200
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
    expect(scroller.scrollTop).toBe(200)
    stop()
  })

  it('holdOffsetAtTop lets go when something else scrolls (a jump to a highlight)', async () => {
    const { scroller, body } = layout(20)
    holdOffsetAtTop(scroller, body, 120)
    expect(scroller.scrollTop).toBe(984)
    scroller.scrollTop = 300
    for (const block of [...body.children].slice(1) as HTMLElement[]) {
      const before = block.getBoundingClientRect
      block.getBoundingClientRect = () => {
        const r = before()
        return DOMRect.fromRect({ x: r.x, y: r.y + 50, width: r.width, height: r.height })
      }
    }
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
    expect(scroller.scrollTop).toBe(300)
  })
})
