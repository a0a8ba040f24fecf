import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultSettings, openSettingsStore, rememberFolder, type Settings } from './settings-store'
import { DEFAULT_PREFS } from '../../shared/model'

describe('rememberFolder', () => {
  const settings = (recentFolders: string[]): Settings => ({ ...defaultSettings(), recentFolders })
  const many = Array.from({ length: 10 }, (_, i) => `/f${i}`)

  it.each([
    { case: 'first folder', before: [], root: '/a', max: undefined, after: ['/a'] },
    { case: 'new folder goes in front', before: ['/a', '/b'], root: '/c', max: undefined, after: ['/c', '/a', '/b'] },
    { case: 'reopened folder moves to the front, once', before: ['/a', '/b', '/c'], root: '/b', max: undefined, after: ['/b', '/a', '/c'] },
    { case: 'at most 10 by default', before: many, root: '/new', max: undefined, after: ['/new', ...many.slice(0, 9)] },
    { case: 'a custom maximum', before: ['/a', '/b', '/c'], root: '/d', max: 2, after: ['/d', '/a'] }
  ])('$case', ({ before, root, max, after }) => {
    const s = settings(before)
    rememberFolder(s, root, max)
    expect(s.recentFolders).toEqual(after)
    expect(s.lastFolder).toBe(root)
  })
})

describe('openSettingsStore', () => {
  let dataDir: string
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gloss-settings-'))
  })
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('keeps recent folders in <dataDir>/settings.json across reopen', async () => {
    const store = await openSettingsStore(path.join(dataDir, 'fresh'))
    expect(store.data).toEqual({ schemaVersion: 1, recentFolders: [], lastFolder: null, prefs: DEFAULT_PREFS })
    store.update((s) => rememberFolder(s, '/home/reader/Clippings'))
    store.update((s) => rememberFolder(s, '/home/reader/Papers'))
    await store.close()

    expect(store.path).toBe(path.join(dataDir, 'fresh', 'settings.json'))
    expect(JSON.parse(await readFile(store.path, 'utf8')).lastFolder).toBe('/home/reader/Papers')
    const again = await openSettingsStore(path.join(dataDir, 'fresh'))
    expect(again.data.recentFolders).toEqual(['/home/reader/Papers', '/home/reader/Clippings'])
    await again.close()
  })

  it.each([
    ['a file from before preferences existed', undefined, DEFAULT_PREFS],
    ['valid values', { theme: 'sepia', fontSize: 22 }, { ...DEFAULT_PREFS, theme: 'sepia', fontSize: 22 }],
    ['out-of-range and unknown values fall back one by one', { theme: 'neon', fontSize: 400, lineHeight: 1.8 }, { ...DEFAULT_PREFS, lineHeight: 1.8 }],
    ['not an object', 'dark', DEFAULT_PREFS]
  ])('reads preferences leniently: %s', async (_name, prefs, expected) => {
    const folder = path.join(dataDir, 'prefs')
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'settings.json'), JSON.stringify({ schemaVersion: 1, recentFolders: ['/r'], lastFolder: '/r', prefs }))
    const store = await openSettingsStore(folder)
    // The rest of the file is kept: a bad preference never makes the settings look damaged.
    expect(store.data).toEqual({ schemaVersion: 1, recentFolders: ['/r'], lastFolder: '/r', prefs: expected })
    await store.close()
  })

  it.each([
    ['a saved window', { x: -1200, y: 40, width: 1100, height: 760, maximized: true, fullScreen: false }, true],
    ['a damaged window entry', { x: 'left', width: -5 }, false]
  ])('reads the window state leniently: %s', async (_name, window, kept) => {
    const folder = path.join(dataDir, 'window')
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'settings.json'), JSON.stringify({ schemaVersion: 1, recentFolders: ['/r'], lastFolder: '/r', window }))
    const store = await openSettingsStore(folder)
    expect(store.data.window).toEqual(kept ? window : undefined)
    // The rest of the file is kept either way, and the file is not set aside as damaged.
    expect(store.data.recentFolders).toEqual(['/r'])
    expect(store.notice).toBeNull()
    await store.close()
  })
})
