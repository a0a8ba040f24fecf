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
  const window = new BrowserWindow(windowOptions(preloadPath))
  window.once('ready-to-show', () => window.show())
  const loading = devServerUrl ? window.loadURL(devServerUrl) : window.loadFile(indexFile)
  loading.catch((error) => console.error('gloss: could not load the window', error))
  return window
}
