// `Gloss --cli …` (src/electron/index.ts) against a stand-in for Electron: the CLI runs
// and the app exits with its code, without asking for the single-instance lock (a CLI
// run must not hand its arguments to an open Gloss), waiting for ready, or opening a
// window. The built CLI is replaced by a recorder; cli-mode.test.ts runs a real file.
import { afterAll, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const state = { exits: [] as number[], lockAsked: 0, readyAsked: 0, dockHidden: 0, cliArgs: [] as string[][] }
  const unexpected = () => {
    throw new Error('a CLI run must not touch this')
  }
  const app = {
    isPackaged: true,
    setPath: () => {},
    getAppPath: () => '/opt/Gloss/resources/app.asar',
    requestSingleInstanceLock: () => {
      state.lockAsked++
      return true
    },
    quit: unexpected,
    exit: (code: number) => void state.exits.push(code),
    on: () => {},
    dock: { hide: () => void state.dockHidden++ },
    whenReady: () => {
      state.readyAsked++
      return new Promise(() => {})
    }
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
vi.mock('../../src/electron/cli-mode', async (original) => ({
  ...(await original<typeof import('../../src/electron/cli-mode')>()),
  runBundledCli: async (_mainDir: string, args: string[], exit: (code: number) => never) => {
    electron.state.cliArgs.push(args)
    exit(3)
  }
}))

const savedArgv = process.argv
afterAll(() => {
  process.argv = savedArgv
})

it('runs the CLI with the arguments after --cli and exits with its code, before the lock and without a window', async () => {
  process.argv = ['/opt/Gloss/gloss', '--no-sandbox', '--cli', 'scan', '/data/clips', '--json']
  await import('../../src/electron/index')
  await vi.waitFor(() => expect(electron.state.exits).toEqual([3]))
  expect(electron.state.cliArgs).toEqual([['scan', '/data/clips', '--json']])
  expect(electron.state.lockAsked).toBe(0)
  expect(electron.state.readyAsked).toBe(0)
})
