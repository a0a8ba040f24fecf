// A second launch of the desktop app (src/electron/index.ts) against a stand-in for
// Electron whose single-instance lock is already held: it hands its argv to the
// running Gloss (through the lock's additionalData) and quits without starting a core,
// a window or a menu. The running side is covered in electron-main.test.ts.
import path from 'node:path'
import { afterAll, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const state = { lockData: [] as unknown[], quits: 0, userData: '', readyAsked: 0, listeners: [] as string[] }
  const app = {
    isPackaged: true,
    setPath: (name: string, value: string) => {
      if (name === 'userData') state.userData = value
    },
    requestSingleInstanceLock: (data: unknown) => {
      state.lockData.push(data)
      return false
    },
    quit: () => void state.quits++,
    on: (name: string) => void state.listeners.push(name),
    whenReady: () => {
      state.readyAsked++
      return Promise.resolve()
    }
  }
  const unexpected = () => {
    throw new Error('a second instance must not touch this')
  }
  return {
    state,
    module: {
      app,
      BrowserWindow: unexpected,
      dialog: { showErrorBox: unexpected },
      Menu: { setApplicationMenu: unexpected },
      nativeTheme: { shouldUseDarkColors: false },
      screen: { getAllDisplays: unexpected },
      session: {},
      ipcMain: { handle: unexpected },
      shell: {}
    }
  }
})

vi.mock('electron', () => ({ ...electron.module, default: electron.module }))

const savedArgv = process.argv
afterAll(() => {
  process.argv = savedArgv
})

it('a second launch hands its folder to the running instance of the same data folder and quits', async () => {
  const dataDir = path.resolve('/tmp/portable-gloss')
  process.argv = ['/opt/Gloss/gloss', 'Clippings', '--data-dir', dataDir]
  await import('../../src/electron/index')
  // The lock lives in userData: the data folder is set before the lock is asked for.
  expect(electron.state.userData).toBe(dataDir)
  expect(electron.state.lockData).toEqual([{ argv: process.argv, cwd: process.env.INIT_CWD ?? process.cwd(), defaultApp: false }])
  expect(electron.state.quits).toBe(1)
  expect(electron.state.readyAsked).toBe(0)
  expect(electron.state.listeners).toEqual([])
})
