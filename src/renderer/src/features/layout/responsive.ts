// When the window is too narrow for the library, the reader and the notes panel side by
// side. The reader must keep a comfortable measure (about 45 characters of its own font)
// before any side bar is shown beside it; when that does not fit, the side bars become
// overlays over the reader (use-responsive-bars.ts). Pure, so it is tested by table.
import type { FontFamily } from '../../../../shared/model'

/** Characters the reader keeps on a line before the side bars give way. */
export const MIN_READER_CHARS = 45
/** The reading column's side padding (styles.css .reading, both sides together). */
const READER_PADDING_PX = 64
/** Average width of a lowercase letter in each family, in em (system fonts, rounded up). */
const CHAR_EM: Record<FontFamily, number> = { serif: 0.52, sans: 0.53, mono: 0.61 }
/** Same as the 40vw in layout.css and MAX_SHARE_OF_WINDOW: a side bar never takes more. */
const MAX_SHARE = 0.4
/** Below this width the header's export and import buttons fold into a menu. */
export const HEADER_FOLD_PX = 1100

export interface ColumnsInput {
  windowWidth: number
  libraryWidth: number
  panelWidth: number
  libraryHidden: boolean
  panelHidden: boolean
  fontSize: number
  fontFamily: FontFamily
}

/** The narrowest the reader column may get while a side bar sits beside it, in px. */
export function readerMinWidth(fontSize: number, fontFamily: FontFamily): number {
  return Math.ceil(MIN_READER_CHARS * CHAR_EM[fontFamily] * fontSize + READER_PADDING_PX)
}

/** True when the shown side bars and a comfortable reader do not fit side by side. */
export function needsOverlays(input: ColumnsInput): boolean {
  const bar = (width: number, hidden: boolean) => (hidden ? 0 : Math.min(width, input.windowWidth * MAX_SHARE))
  const bars = bar(input.libraryWidth, input.libraryHidden) + bar(input.panelWidth, input.panelHidden)
  if (bars === 0) return false
  return input.windowWidth < bars + readerMinWidth(input.fontSize, input.fontFamily)
}
