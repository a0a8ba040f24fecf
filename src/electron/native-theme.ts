// The theme preference → Electron's nativeTheme.themeSource, so that the OS-drawn parts
// (scrollbars, menus, dialogs, the window frame) match the page. Sepia is a light page.
import type { ThemeChoice } from '../shared/model'

export type NativeThemeSource = 'system' | 'light' | 'dark'

export function nativeThemeSource(theme: ThemeChoice): NativeThemeSource {
  switch (theme) {
    case 'dark':
      return 'dark'
    case 'light':
    case 'sepia':
      return 'light'
    default:
      return 'system'
  }
}

/**
 * The window's colour before the page paints (the page's --chrome in styles.css and
 * themes.css; a test keeps them equal), so a dark or sepia reader never opens on a
 * white flash. `systemDark`: the OS is in dark mode (nativeTheme.shouldUseDarkColors).
 */
export const WINDOW_CHROME = { light: '#f4f1eb', sepia: '#ede3cc', dark: '#1b1c1f' } as const

export function windowBackground(theme: ThemeChoice, systemDark: boolean): string {
  if (theme === 'system') return systemDark ? WINDOW_CHROME.dark : WINDOW_CHROME.light
  return WINDOW_CHROME[theme]
}
