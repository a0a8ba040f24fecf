import { describe, expect, it } from 'vitest'
import { widthAfterDrag, widthAfterKey, type PaneSide } from './splitter-value'

const limits = { min: 180, max: 640, step: 16 }

describe('widthAfterKey', () => {
  it.each<[string, PaneSide, string, number, boolean, number | null]>([
    ['library: ArrowRight widens', 'left', 'ArrowRight', 300, false, 316],
    ['library: ArrowLeft narrows', 'left', 'ArrowLeft', 300, false, 284],
    ['notes panel: ArrowLeft widens (the splitter moves left)', 'right', 'ArrowLeft', 320, false, 336],
    ['notes panel: ArrowRight narrows', 'right', 'ArrowRight', 320, false, 304],
    ['Shift: four steps at once', 'left', 'ArrowRight', 300, true, 364],
    ['never past the largest width', 'left', 'ArrowRight', 630, false, 640],
    ['never below the smallest', 'right', 'ArrowRight', 190, false, 180],
    ['Home: smallest', 'left', 'Home', 300, false, 180],
    ['End: largest', 'right', 'End', 300, false, 640],
    ['other keys are not the splitter’s', 'left', 'ArrowUp', 300, false, null],
    ['Enter is left alone too', 'left', 'Enter', 300, false, null]
  ])('%s', (_name, pane, key, width, big, expected) => {
    expect(widthAfterKey(key, width, limits, pane, big)).toBe(expected)
  })
})

describe('widthAfterDrag', () => {
  it.each<[string, PaneSide, number, number, number]>([
    ['library dragged right', 'left', 500, 560, 360],
    ['library dragged left', 'left', 500, 420, 220],
    ['notes panel dragged left widens it', 'right', 900, 850, 370],
    ['notes panel dragged right narrows it', 'right', 900, 960, 260],
    ['held at the limits', 'left', 500, 2000, 640]
  ])('%s', (_name, pane, startX, x, expected) => {
    const start = pane === 'left' ? 300 : 320
    expect(widthAfterDrag(start, startX, x, limits, pane)).toBe(expected)
  })
})
