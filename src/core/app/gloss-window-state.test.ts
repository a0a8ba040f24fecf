// The desktop window's bounds kept by the core in settings.json, next to the folders
// and preferences, across a restart; the page cannot reach them through the contract.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../shared/channels'
import { callThrough, startTestGloss, tempDirs } from '../test-support/gloss-client'

const tempDir = tempDirs('window')

const start = (dataDir: string) => startTestGloss(tempDir, { dataDir })

const moved = { x: 1600, y: -120, width: 1500, height: 980, maximized: true, fullScreen: false }

describe('window state in the core', () => {
  it('is absent at first, then remembered across a restart without touching the preferences', async () => {
    const dataDir = await tempDir('data')
    const first = await start(dataDir)
    expect(first.windowState()).toBeUndefined()
    await callThrough(first)('prefs.set', { libraryWidth: 400 })
    first.saveWindowState({ ...moved, width: 1000 })
    first.saveWindowState(moved)
    await first.close()
    // Saving after the quit has closed the store is a no-op, not a crash.
    expect(() => first.saveWindowState({ ...moved, x: 0 })).not.toThrow()

    const stored = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))
    expect(stored.window).toEqual(moved)
    const again = await start(dataDir)
    expect(again.windowState()).toEqual(moved)
    expect((await callThrough(again)('prefs.get', {})).libraryWidth).toBe(400)
    await again.close()
  })

  it('is not a contract method: the page cannot move its own window', () => {
    expect(METHOD_NAMES.some((name) => /window/i.test(name))).toBe(false)
  })
})
