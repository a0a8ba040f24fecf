// View › Toggle Library / Toggle Notes Panel, and that no two menu items share a key.
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../shared/events'
import { appMenuTemplate, type MenuItemSpec } from './app-menu'

function build(platform: NodeJS.Platform = 'linux', isDev = false) {
  const sent: MenuCommand[] = []
  const template = appMenuTemplate({ platform, isDev, recentFolders: ['/data/clips'], send: (c) => sent.push(c) })
  return { template, sent }
}

const allItems = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((item) => [item, ...allItems(item.submenu ?? [])])

describe('side bar toggles in the View menu', () => {
  it.each<[string, string, MenuCommand]>([
    ['Toggle Library', 'CmdOrCtrl+\\', { type: 'toggle-library' }],
    ['Toggle Notes Panel', 'CmdOrCtrl+Shift+\\', { type: 'toggle-panel' }]
  ])('View › %s (%s) sends %o to the page', (label, accelerator, expected) => {
    const { template, sent } = build()
    const view = template.find((menu) => menu.label === 'View')?.submenu ?? []
    const entry = view.find((item) => item.label === label)
    expect(entry?.accelerator).toBe(accelerator)
    entry?.click?.()
    expect(sent).toEqual([expected])
  })

  it.each([
    ['linux', false],
    ['darwin', false],
    ['win32', true]
  ] as const)('no two items share an accelerator (%s, dev %s)', (platform, isDev) => {
    const accelerators = allItems(build(platform, isDev).template).flatMap((item) => (item.accelerator ? [item.accelerator.toLowerCase()] : []))
    expect(accelerators.length).toBeGreaterThan(5)
    expect(accelerators.filter((key, i) => accelerators.indexOf(key) !== i)).toEqual([])
  })
})
