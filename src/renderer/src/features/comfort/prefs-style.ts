// Reading preferences → what the page shows: the theme the CSS paints and the CSS
// custom properties the reading column uses. Pure, so the mapping is testable
// without a browser.
import { PREF_LIMITS, type FontFamily, type Prefs, type ThemeChoice } from '../../../../shared/model'

/** The themes styles.css paints; 'system' resolves to light or dark. */
export type PaintedTheme = 'light' | 'dark' | 'sepia'

/** System fonts only: nothing is fetched, so every stack ends in a generic family. */
export const FONT_STACKS: Record<FontFamily, string> = {
  serif: "'Iowan Old Style', 'Palatino Linotype', Palatino, 'Book Antiqua', Charter, 'Bitstream Charter', Georgia, 'Noto Serif', 'DejaVu Serif', 'Times New Roman', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  mono: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace"
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): PaintedTheme {
  if (choice === 'system') return systemDark ? 'dark' : 'light'
  return choice
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/** The reader's custom properties; out-of-range numbers are clamped to PREF_LIMITS. */
export function prefsToCssVars(prefs: Pick<Prefs, 'fontFamily' | 'fontSize' | 'lineHeight' | 'columnWidth'>): Record<string, string> {
  const { fontSize, lineHeight, columnWidth } = PREF_LIMITS
  return {
    '--reader-font-family': FONT_STACKS[prefs.fontFamily] ?? FONT_STACKS.serif,
    '--reader-font-size': `${clamp(prefs.fontSize, fontSize.min, fontSize.max)}px`,
    // One decimal: the slider's step; avoids 1.7000000000000002 in the style attribute.
    '--reader-line-height': String(Math.round(clamp(prefs.lineHeight, lineHeight.min, lineHeight.max) * 10) / 10),
    '--reader-column': `${clamp(prefs.columnWidth, columnWidth.min, columnWidth.max)}ch`
  }
}

/** Where the last painted theme is remembered so the next start paints it before prefs arrive. */
export const THEME_CACHE_KEY = 'gloss.theme'
