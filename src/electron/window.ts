// The main window: options from window-options.ts (tested without Electron), shown
// once painted, loading the built page or the dev server; its bounds restored and
// remembered through window-state.ts.
import { BrowserWindow } from 'electron'
import { windowOptions } from './window-options'
import { debouncedSave, type FittedWindow, type WindowState } from '../core/store/window-state'

export interface MainWindowOptions {
  preloadPath: string
  /** The built renderer's index.html. */
  indexFile: string
  /** electron-vite's dev server while developing. */
  devServerUrl?: string
  /** Where to open (saved bounds fitted to today's displays). */
  placement?: FittedWindow
  /** The colour shown before the page paints (the reading theme's chrome). */
  backgroundColor?: string
  /** The window's icon (Linux; see app-resources.ts). */
  icon?: string
}

export function createMainWindow({ preloadPath, indexFile, devServerUrl, placement, backgroundColor, icon }: MainWindowOptions): BrowserWindow {
  const { webPreferences, ...options } = windowOptions(preloadPath, placement, backgroundColor)
  const window = new BrowserWindow({
    ...options,
    ...(icon ? { icon } : {}),
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
  window.once('ready-to-show', () => {
    // Maximized after creation: the normal bounds above stay what "restore" returns to.
    if (placement?.maximized && !placement.fullScreen) window.maximize()
    window.show()
  })
  const loading = devServerUrl ? window.loadURL(devServerUrl) : window.loadFile(indexFile)
  loading.catch((error) => console.error('gloss: could not load the window', error))
  return window
}

/**
 * Saves the window's state after each move or resize (once it rests) and when it
 * closes. The normal bounds are saved even while maximized or full screen, so that
 * un-maximizing after a relaunch returns to them. Returns "save now" for the quit.
 */
export function rememberWindowState(window: BrowserWindow, save: (state: WindowState) => void): () => void {
  const saveNow = () => {
    if (window.isDestroyed()) return
    const { x, y, width, height } = window.getNormalBounds()
    const [left, top, w, h] = [x, y, width, height].map(Math.round)
    save({ x: left, y: top, width: w, height: h, maximized: window.isMaximized(), fullScreen: window.isFullScreen() })
  }
  const saver = debouncedSave(saveNow)
  window.on('resize', saver.schedule)
  window.on('move', saver.schedule)
  window.on('maximize', saver.schedule)
  window.on('unmaximize', saver.schedule)
  window.on('enter-full-screen', saver.schedule)
  window.on('leave-full-screen', saver.schedule)
  window.on('close', saver.flush)
  window.on('closed', saver.cancel)
  return saver.flush
}
