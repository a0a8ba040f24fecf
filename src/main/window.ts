// The main window: options from window-options.ts (tested without Electron), shown
// once painted, loading the built page or the dev server.
import { BrowserWindow } from 'electron'
import { windowOptions } from './window-options'

export interface MainWindowOptions {
  preloadPath: string
  /** The built renderer's index.html. */
  indexFile: string
  /** electron-vite's dev server while developing. */
  devServerUrl?: string
}

export function createMainWindow({ preloadPath, indexFile, devServerUrl }: MainWindowOptions): BrowserWindow {
  const { webPreferences, ...options } = windowOptions(preloadPath)
  const window = new BrowserWindow({
    ...options,
    // Restated where the window is made so that static analysis (Electronegativity, run
    // by .ci/run) sees the values Electron gets; window-options.test.ts checks the same.
    webPreferences: {
      ...webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick'
    }
  })
  window.once('ready-to-show', () => window.show())
  const loading = devServerUrl ? window.loadURL(devServerUrl) : window.loadFile(indexFile)
  loading.catch((error) => console.error('gloss: could not load the window', error))
  return window
}
