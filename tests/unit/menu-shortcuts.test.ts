// The "?" sheet (renderer) and the native menu (electron) name the same accelerators.
// Here, outside src, because neither side may import the other.
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../src/shared/events'
import { appMenuTemplate, type MenuItemSpec } from '../../src/electron/app-menu'
import { SHORTCUTS } from '../../src/renderer/src/features/keyboard/shortcuts'

describe('menu and shortcut sheet', () => {
  it('lists menu accelerators exactly as the application menu has them', () => {
    const sent: MenuCommand[] = []
    for (const platform of ['linux', 'win32'] as const) {
      const flat = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])])
      const items = flat(appMenuTemplate({ platform, isDev: false, recentFolders: [], send: (c) => sent.push(c) }))
      const menuRows = SHORTCUTS.filter((s) => s.menu)
      expect(menuRows.length).toBeGreaterThanOrEqual(9)
      for (const row of menuRows) {
        const item = items.find((i) => i.label === row.menu!.label)
        expect(item, `menu item ${row.menu!.label}`).toBeDefined()
        expect(item!.accelerator).toBe(row.menu!.accelerator)
      }
    }
  })
})
