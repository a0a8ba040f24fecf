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
