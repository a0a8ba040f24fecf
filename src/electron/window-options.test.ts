import { describe, expect, it } from 'vitest'
import { windowOptions } from './window-options'

describe('windowOptions', () => {
  const options = windowOptions('/app/out/preload/index.cjs')

  it('isolates the page from Node and Electron', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick'
    })
    // Absent means Electron's default: web security on.
    expect(options.webPreferences).not.toHaveProperty('webSecurity')
    expect(options.webPreferences).not.toHaveProperty('allowRunningInsecureContent')
  })

  it('waits for ready-to-show and opens at a readable size', () => {
    expect(options.show).toBe(false)
    expect(options.title).toBe('Gloss')
    expect(options.width).toBeGreaterThanOrEqual(1024)
    expect(options.height).toBeGreaterThanOrEqual(700)
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i)
  })
})

describe('windowOptions with saved bounds', () => {
  it.each([
    ['first launch: default size, placed by the system', undefined, { width: 1280, height: 820, fullscreen: false }, ['x', 'y']],
    ['saved bounds on a second monitor', { x: 1600, y: -120, width: 1500, height: 980 }, { x: 1600, y: -120, width: 1500, height: 980, fullscreen: false }, []],
    ['full screen', { x: 10, y: 20, width: 900, height: 600, fullScreen: true }, { x: 10, y: 20, width: 900, height: 600, fullscreen: true }, []],
    ['size only: centred by the system', { width: 1000, height: 700 }, { width: 1000, height: 700 }, ['x', 'y']],
    ['below the minimum: held at the minimum', { x: 0, y: 0, width: 300, height: 200 }, { width: 720, height: 480 }, []]
  ])('%s', (_name, placement, expected, absent) => {
    const options = windowOptions('/p.cjs', placement)
    expect(options).toMatchObject(expected)
    for (const key of absent) expect(options).not.toHaveProperty(key)
    expect(options).toMatchObject({ minWidth: 720, minHeight: 480, show: false })
  })
})
