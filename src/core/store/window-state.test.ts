import { describe, expect, it, vi } from 'vitest'
import { debouncedSave, fitWindowToDisplays, readWindowState, type DisplayArea, type FittedWindow, type WindowState } from './window-state'

const limits = { width: 1280, height: 820, minWidth: 720, minHeight: 480 }
const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1440, height: 875 }, primary: true }
// A second monitor to the right of the laptop.
const monitor: DisplayArea = { workArea: { x: 1440, y: -200, width: 2560, height: 1400 }, primary: false }
const small: DisplayArea = { workArea: { x: 0, y: 25, width: 1024, height: 700 }, primary: true }
const tiny: DisplayArea = { workArea: { x: 0, y: 0, width: 640, height: 400 }, primary: true }

const state = (x: number, y: number, width: number, height: number, flags: Partial<WindowState> = {}): WindowState => ({
  x,
  y,
  width,
  height,
  maximized: false,
  fullScreen: false,
  ...flags
})
const at = (x: number, y: number, width: number, height: number, flags: Partial<FittedWindow> = {}): FittedWindow => ({
  x,
  y,
  width,
  height,
  maximized: false,
  fullScreen: false,
  ...flags
})

describe('fitWindowToDisplays', () => {
  it.each<[string, WindowState | undefined, DisplayArea[], FittedWindow]>([
    ['first launch: default size, placed by the system', undefined, [laptop], { width: 1280, height: 820, maximized: false, fullScreen: false }],
    ['first launch on a small screen: default size shrunk to it', undefined, [small], { width: 1024, height: 700, maximized: false, fullScreen: false }],
    ['no display known: default size', undefined, [], { width: 1280, height: 820, maximized: false, fullScreen: false }],
    ['saved inside the laptop: exactly as saved', state(40, 30, 1000, 700), [laptop], at(40, 30, 1000, 700)],
    ['saved on the second monitor, still there: as saved', state(1600, -100, 1800, 1200), [laptop, monitor], at(1600, -100, 1800, 1200)],
    ['second monitor unplugged: centred on the primary display, shrunk', state(1600, -100, 1800, 1200), [laptop], at(0, 0, 1440, 875)],
    ['monitor gone, window fitted already: centred on the primary', state(2000, 100, 1000, 700), [laptop], at(220, 88, 1000, 700)],
    ['mostly off the left edge: moved onto the primary', state(-900, 100, 1000, 600), [laptop], at(220, 138, 1000, 600)],
    ['a little off the right edge: pulled back in', state(600, 100, 1000, 600), [laptop], at(440, 100, 1000, 600)],
    ['title bar above the screen: pulled down', state(100, -80, 1000, 600), [laptop], at(100, 0, 1000, 600)],
    ['spanning two monitors, mostly on the second: pulled onto it', state(1000, 0, 1600, 900), [laptop, monitor], at(1440, 0, 1600, 900)],
    ['larger than the screen now: shrunk to the work area', state(0, 25, 1600, 1000), [small], at(0, 25, 1024, 700)],
    ['screen smaller than the minimum size: the minimum wins', state(0, 0, 1000, 700), [tiny], at(0, 0, 720, 480)],
    ['maximized is kept, with its normal bounds', state(40, 30, 1000, 700, { maximized: true }), [laptop], at(40, 30, 1000, 700, { maximized: true })],
    ['full screen is kept, even when moved', state(1600, 0, 1000, 700, { fullScreen: true }), [laptop], at(220, 88, 1000, 700, { fullScreen: true })],
    ['no display marked primary: the first one is used', state(5000, 5000, 800, 600), [{ ...laptop, primary: false }], at(320, 138, 800, 600)]
  ])('%s', (_name, saved, displays, expected) => {
    expect(fitWindowToDisplays(saved, displays, limits)).toEqual(expected)
  })
})

describe('readWindowState', () => {
  const good = { x: -1200, y: 40, width: 1100, height: 760, maximized: true, fullScreen: false }
  it.each<[string, unknown, WindowState | undefined]>([
    ['a saved state', good, good],
    ['missing (older settings file)', undefined, undefined],
    ['not an object', 'big', undefined],
    ['a flag missing', { ...good, fullScreen: undefined }, undefined],
    ['zero width', { ...good, width: 0 }, undefined],
    ['fractional coordinates', { ...good, x: 10.5 }, undefined],
    ['absurd coordinates', { ...good, y: 1e9 }, undefined],
    ['not a number', { ...good, height: '760' }, undefined]
  ])('%s', (_name, raw, expected) => {
    expect(readWindowState(raw)).toEqual(expected)
  })
})

describe('debouncedSave', () => {
  it('saves once the window rests, once per burst of moves, and at once when closing', () => {
    vi.useFakeTimers()
    try {
      const save = vi.fn()
      const saver = debouncedSave(save, 500)
      for (let i = 0; i < 20; i++) {
        saver.schedule()
        vi.advanceTimersByTime(100)
      }
      expect(save).not.toHaveBeenCalled()
      vi.advanceTimersByTime(400)
      expect(save).toHaveBeenCalledTimes(1)
      saver.schedule()
      saver.flush()
      expect(save).toHaveBeenCalledTimes(2)
      vi.advanceTimersByTime(1000)
      expect(save).toHaveBeenCalledTimes(2)
      saver.schedule()
      saver.cancel()
      vi.advanceTimersByTime(1000)
      expect(save).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })
})
