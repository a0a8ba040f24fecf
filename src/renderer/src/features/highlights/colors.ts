import { HIGHLIGHT_COLORS } from '../../../../shared/colors'
import type { HighlightColor } from '../../../../shared/model'

export const COLORS = HIGHLIGHT_COLORS

const NAMES: Record<HighlightColor, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' }

export const colorName = (color: HighlightColor): string => NAMES[color]

export function highlightLabel(color: HighlightColor, note: string): string {
  return note.trim() ? `${NAMES[color]} highlight with note` : `${NAMES[color]} highlight`
}

/** Shortens a quote for lists, on a word boundary where possible. */
export function truncate(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}
