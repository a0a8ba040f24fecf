import { describe, expect, it } from 'vitest'
import { needsOverlays, readerMinWidth, type ColumnsInput } from './responsive'

const base: ColumnsInput = { windowWidth: 1280, libraryWidth: 300, panelWidth: 320, libraryHidden: false, panelHidden: false, fontSize: 18, fontFamily: 'serif' }

describe('needsOverlays', () => {
  it.each<[string, Partial<ColumnsInput>, boolean]>([
    ['1280 wide, both bars at their defaults: three columns', {}, false],
    ['900 wide, both bars: the reader would get 280 px', { windowWidth: 900 }, true],
    ['900 wide, notes hidden: library and reader fit', { windowWidth: 900, panelHidden: true }, false],
    ['900 wide, both hidden: nothing to lay over', { windowWidth: 900, libraryHidden: true, panelHidden: true }, false],
    ['640 wide (200 % zoom), library only', { windowWidth: 640, panelHidden: true }, true],
    ['1280 wide at a 28 px font', { fontSize: 28 }, true],
    ['1280 wide, bars dragged wide', { libraryWidth: 480, panelWidth: 480 }, true],
    ['1280 wide, narrow bars and a small font', { libraryWidth: 220, panelWidth: 240, fontSize: 14 }, false]
  ])('%s', (_name, change, expected) => {
    expect(needsOverlays({ ...base, ...change })).toBe(expected)
  })

  it('keeps about 45 characters: a bigger font or a monospace one needs more room', () => {
    expect(readerMinWidth(18, 'serif')).toBeGreaterThan(45 * 0.5 * 18)
    expect(readerMinWidth(24, 'serif')).toBeGreaterThan(readerMinWidth(18, 'serif'))
    expect(readerMinWidth(18, 'mono')).toBeGreaterThan(readerMinWidth(18, 'serif'))
  })
})
