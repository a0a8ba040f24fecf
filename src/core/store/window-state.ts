// Where the main window was and how big, kept in settings.json so that Gloss reopens
// as the user left it, and fitted to the displays there are now: a monitor unplugged
// since, or a smaller screen, must never leave the window out of reach. Electron-free
// (index.ts reads the displays and the window; this decides).
import { z } from 'zod'
import { debounce } from 'es-toolkit'

/** Far beyond any real desktop, so a corrupted number is refused rather than obeyed. */
const MAX_COORDINATE = 100_000
const coordinate = z.number().int().min(-MAX_COORDINATE).max(MAX_COORDINATE)
const length = z.number().int().positive().max(MAX_COORDINATE)

export const WindowState = z.object({
  /** The normal (not maximized, not full-screen) bounds, in screen coordinates (DIP). */
  x: coordinate,
  y: coordinate,
  width: length,
  height: length,
  maximized: z.boolean(),
  fullScreen: z.boolean()
})
export type WindowState = z.infer<typeof WindowState>

/**
 * The stored window state, or undefined when it is missing or not valid: a window
 * opening at its default place is better than a settings file set aside as damaged.
 */
export function readWindowState(raw: unknown): WindowState | undefined {
  const parsed = WindowState.safeParse(raw)
  return parsed.success ? parsed.data : undefined
}

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** A display as the window cares about it: its work area (without task bars and docks). */
export interface DisplayArea {
  workArea: Rect
  primary: boolean
}

export interface WindowSizeLimits {
  /** Size of a window opened for the first time. */
  width: number
  height: number
  minWidth: number
  minHeight: number
}

/** What the window is created with; no x/y means "let the system place it" (centred). */
export interface FittedWindow {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
  fullScreen: boolean
}

/** Less than this share of the window on screen counts as "mostly off-screen". */
export const MIN_VISIBLE_SHARE = 0.5

const overlap = (a: Rect, b: Rect): number => {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, max))

/** Shrinks a size to the work area, but never below the window's minimum. */
const fitSize = (width: number, height: number, area: Rect, limits: WindowSizeLimits) => ({
  width: Math.max(limits.minWidth, Math.min(width, area.width)),
  height: Math.max(limits.minHeight, Math.min(height, area.height))
})

// A window larger than the area (held at its minimum size) keeps its title bar in reach.
const centred = (size: { width: number; height: number }, area: Rect) => ({
  x: Math.round(area.x + Math.max(0, (area.width - size.width) / 2)),
  y: Math.round(area.y + Math.max(0, (area.height - size.height) / 2)),
  ...size
})

/**
 * The bounds to open the window with, given the saved state and today's displays:
 * - nothing saved (or no display known): the default size, shrunk to the primary
 *   display if need be, placed by the system;
 * - entirely inside one display's work area: exactly as saved;
 * - at least half on screen: pulled fully onto the display that shows most of it,
 *   shrunk if it is larger than that display;
 * - mostly off-screen (its display was unplugged, say): centred on the primary
 *   display, shrunk to fit.
 * Maximized and full-screen are kept; these bounds are then what "restore" returns to.
 */
export function fitWindowToDisplays(saved: WindowState | undefined, displays: readonly DisplayArea[], limits: WindowSizeLimits): FittedWindow {
  const primary = displays.find((d) => d.primary) ?? displays[0]
  if (!saved || !primary) {
    const size = primary ? fitSize(limits.width, limits.height, primary.workArea, limits) : { width: limits.width, height: limits.height }
    return { ...size, maximized: false, fullScreen: false }
  }
  const flags = { maximized: saved.maximized, fullScreen: saved.fullScreen }
  const bounds: Rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height }
  if (displays.some((d) => contains(d.workArea, bounds))) return { ...bounds, ...flags }

  const shares = displays.map((display) => ({ display, visible: overlap(display.workArea, bounds) }))
  const visible = shares.reduce((sum, s) => sum + s.visible, 0) / (bounds.width * bounds.height)
  if (visible < MIN_VISIBLE_SHARE) {
    return { ...centred(fitSize(bounds.width, bounds.height, primary.workArea, limits), primary.workArea), ...flags }
  }
  const { workArea: area } = shares.reduce((best, s) => (s.visible > best.visible ? s : best)).display
  const size = fitSize(bounds.width, bounds.height, area, limits)
  return {
    x: clamp(bounds.x, area.x, area.x + area.width - size.width),
    y: clamp(bounds.y, area.y, area.y + area.height - size.height),
    ...size,
    ...flags
  }
}

/** How long the window must rest after a move or resize before its bounds are saved. */
export const SAVE_WINDOW_STATE_MS = 500

export interface DebouncedSave {
  /** Saves once things have been quiet for the delay (a drag sends many moves). */
  schedule(): void
  /** Saves now, pending or not (the window is closing: what it shows last is what reopens). */
  flush(): void
  /** Forgets a pending save. */
  cancel(): void
}

export function debouncedSave(save: () => void, delayMs = SAVE_WINDOW_STATE_MS): DebouncedSave {
  const later = debounce(save, delayMs)
  return {
    schedule: () => later(),
    flush() {
      later.cancel()
      save()
    },
    cancel: () => later.cancel()
  }
}
