// BrowserWindow options as plain data, so the security-relevant settings are tested
// without the Electron binary. window.ts passes this object to new BrowserWindow(),
// where TypeScript checks it against Electron's own option type.
// The renderer's light chrome colour (--chrome in styles.css), so the first frame
// matches; index.ts passes the colour of the user's theme (native-theme.ts).
export const WINDOW_BACKGROUND = '#f4f1eb'

/** The first window's size and the least the layout (library, reader, notes) works in. */
export const WINDOW_SIZE = { width: 1280, height: 820, minWidth: 720, minHeight: 480 } as const

/** Where and how big to open (window-state.ts fits the saved bounds to the displays). */
export interface WindowPlacement {
  x?: number
  y?: number
  width: number
  height: number
  fullScreen?: boolean
}

export function windowOptions(preloadPath: string, placement: WindowPlacement = WINDOW_SIZE, backgroundColor: string = WINDOW_BACKGROUND) {
  return {
    title: 'Gloss',
    // No x/y: the system centres the window.
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {}),
    width: Math.max(placement.width, WINDOW_SIZE.minWidth),
    height: Math.max(placement.height, WINDOW_SIZE.minHeight),
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    fullscreen: placement.fullScreen === true,
    // Shown on ready-to-show so the user never sees an unstyled flash.
    show: false,
    backgroundColor,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // webSecurity is left at its default (true) on purpose.
      webviewTag: false,
      // No middle-click "auxclick" events: a page cannot turn a middle click on a link
      // into its own navigation (new windows are denied in security.ts either way).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false
    }
  }
}
