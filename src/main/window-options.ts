// BrowserWindow options as plain data, so the security-relevant settings are tested
// without the Electron binary. window.ts passes this object to new BrowserWindow(),
// where TypeScript checks it against Electron's own option type.
// The renderer's chrome colour (--chrome in styles.css), so the first frame matches.
export const WINDOW_BACKGROUND = '#f4f1eb'

export function windowOptions(preloadPath: string) {
  return {
    title: 'Gloss',
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    // Shown on ready-to-show so the user never sees an unstyled flash.
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
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
