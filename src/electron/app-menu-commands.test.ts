// The native menu is built from the commands table: every command with a menu place is
// an item on every platform (Quit: in the macOS application menu), with the table's
// label and keys, and sends its command (or runs its role).
import { describe, expect, it } from 'vitest'
import { acceleratorsOn, COMMAND_SPECS, inMenuOn } from '../shared/commands'
import type { MenuCommand } from '../shared/events'
import { appMenuTemplate, type MenuItemSpec } from './app-menu'

const PLATFORMS = ['linux', 'win32', 'darwin'] as const
const allItems = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((item) => [item, ...allItems(item.submenu ?? [])])

describe.each(PLATFORMS)('the menu on %s', (platform) => {
  const sent: MenuCommand[] = []
  const template = appMenuTemplate({ platform, isDev: true, recentFolders: ['/data/clips'], send: (c) => sent.push(c) })

  it.each(COMMAND_SPECS.filter((c) => c.menu !== null).map((c) => [c.id, c] as const))('has %s in its place, with its keys', (_id, spec) => {
    if (!inMenuOn(spec, platform)) {
      // macOS: the application menu role brings Quit and Cmd+Q.
      expect(spec.role).toBe('quit')
      expect(template[0].role).toBe('appMenu')
      return
    }
    const submenu = template.find((menu) => menu.label === spec.menu!.menu)?.submenu ?? []
    const items = submenu.filter((item) => (spec.role ? item.role === spec.role : item.label === spec.label))
    expect(items.map((item) => item.accelerator)).toEqual(acceleratorsOn(spec, platform).length ? acceleratorsOn(spec, platform) : [undefined])
    expect(items.slice(1).every((item) => item.visible === false && item.acceleratorWorksWhenHidden)).toBe(true)
    sent.length = 0
    for (const item of items) item.click?.()
    expect(sent).toEqual(spec.role ? [] : items.map(() => ({ type: spec.id })))
  })

  it('has no key on two items', () => {
    const accelerators = allItems(template).flatMap((item) => (item.accelerator ? [item.accelerator.toLowerCase()] : []))
    expect(accelerators.filter((key, i) => accelerators.indexOf(key) !== i)).toEqual([])
  })
})
