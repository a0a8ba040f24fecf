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
