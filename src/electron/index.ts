// The desktop app's lifecycle: one instance per data folder, the Gloss core started
// with native dialogs and the folder watched, the contract bound to IPC, the core's
// change events sent to the page (and followed by the Edit menu's undo labels and
// Open Recent), gloss:// links handed to the page once it says it is ready
// (app.ready), and a flush on quit.
import { app, BrowserWindow, dialog, Menu, nativeTheme, screen, session, type IpcMainInvokeEvent } from 'electron'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CHANGE_CHANNEL, MENU_CHANNEL, SCAN_PROGRESS_CHANNEL } from '../shared/channels'
import type { GlossEvent, MenuCommand } from '../shared/events'
import type { Prefs } from '../shared/model'
import { appMenuTemplate, historyLabelsDiffer, type MenuHistoryLabels } from './app-menu'
import { startGloss, type Gloss } from '../core/app/gloss'
import { DataFolderBusyError } from '../core/store/data-folder-lock'
import { bindContract } from './ipc'
import { folderFromArgv, linkFromArgv, protocolRegistration, secondLaunchData, secondLaunchRequest, type SecondLaunchRequest } from './launch-args'
import { nativeThemeSource, windowBackground } from './native-theme'
import { dataDirFrom, optionValue } from '../core/store/data-folder'
import { guardAllWebContents, hardenSession } from './security'
import { appLocation, isTrustedSender } from './sender-trust'
import { devServerUrl } from './dev-server'
import type { Dialogs } from '../core/ports'
import { createMainWindow, rememberWindowState } from './window'
import { WINDOW_SIZE } from './window-options'
import { fitWindowToDisplays } from '../core/store/window-state'
import { cliArgsFromArgv, runBundledCli } from './cli-mode'
import { appResources } from './app-resources'

const here = path.dirname(fileURLToPath(import.meta.url))
const preloadPath = path.join(here, '..', 'preload', 'index.cjs')
const indexFile = path.join(here, '..', 'renderer', 'index.html')
const devUrl = devServerUrl(app.isPackaged, process.env)
const location = appLocation(devUrl, pathToFileURL(indexFile).href)
// `Gloss --cli scan <folder>`: decided first, so that a CLI run takes no lock and opens no window.
const cliArgs = cliArgsFromArgv(process.argv, { defaultApp: process.defaultApp === true })

// One data folder, one writer: the lock lives in userData, so pointing userData at
// --data-dir keeps a test or portable instance apart from the everyday one.
const dataDir = dataDirFrom(process.argv, process.env)
app.setPath('userData', dataDir)

let mainWindow: BrowserWindow | null = null
let gloss: Gloss | null = null
let closing: Promise<void> | null = null
let closed = false
/** Saves the main window's bounds now (the quit saves them before the settings close). */
let saveWindowNow: (() => void) | null = null
// gloss:// links and folders from a second launch wait here until the page listens: it
// calls app.ready once it has subscribed to menu commands.
const pendingCommands: MenuCommand[] = []
let pageReady = false
/** The reading theme, for the window's colour before its page paints. */
let theme: Prefs['theme'] = 'system'
/** The undo/redo labels of the menu last built or being built (from the last change event). */
let menuHistory: MenuHistoryLabels = { undoLabel: null, redoLabel: null }
const launchCwd = process.env.INIT_CWD ?? process.cwd()

// A CLI run answers in the terminal and exits with the command's code. Otherwise a
// second launch hands its own argv to this one (see secondLaunchRequest) and quits.
if (cliArgs) {
  app.dock?.hide()
  void runBundledCli(here, cliArgs, (code) => {
    app.exit(code)
    // app.exit ends the process at once; the type says so for the CLI's drain-then-exit.
    return undefined as never
  })
} else if (!app.requestSingleInstanceLock(secondLaunchData(process.argv, launchCwd, process.defaultApp === true))) {
  app.quit()
} else {
  guardAllWebContents()
  // macOS hands links over with open-url, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    receiveLink(url)
  })
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    openFromSecondInstance(secondLaunchRequest({ argv, workingDirectory, additionalData }, { defaultApp: process.defaultApp === true }))
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (gloss && BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow()
  })
  app.on('before-quit', (event) => {
    // Hold the quit until pending writes are on disk, then quit for real.
    if (closed || !gloss) return
    event.preventDefault()
    // The window closes after the settings do: its last bounds are saved now.
    saveWindowNow?.()
    closing ??= gloss
      .close()
      .catch((error) => console.error('gloss: could not save on quit', error))
      .finally(() => {
        closed = true
        app.quit()
      })
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit())

  app
    .whenReady()
    .then(start)
    .catch((error) => {
      console.error('gloss: could not start', error)
      dialog.showErrorBox('Gloss could not start', error instanceof Error ? error.message : String(error))
      app.exit(1)
    })
}

/**
 * The core, once the data folder is free: a CLI command (an import, a few seconds) may
 * hold its lock when the app starts, so the app waits for it rather than failing; a
 * second app or harness on the folder fails at once with who holds it.
 */
async function startWhenFree(options: Parameters<typeof startGloss>[0], waitMs = 15_000): Promise<Gloss> {
  const until = Date.now() + waitMs
  for (;;) {
    try {
      return await startGloss(options)
    } catch (error) {
      if (!(error instanceof DataFolderBusyError) || error.holder.owner !== 'cli' || Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, location)
  registerLinkHandler()
  const launchLink = linkFromArgv(process.argv)
  if (launchLink) pendingCommands.push({ type: 'open-link', url: launchLink })
  const folder = await existingFolder(folderFromArgv(process.argv, { defaultApp: process.defaultApp === true, cwd: launchCwd }))
  const options = { dataDir, sampleRoot: ownResources().sampleRoot, dialogs: nativeDialogs(), watch: true }
  try {
    gloss = await startWhenFree({ ...options, initialFolder: folder })
  } catch (error) {
    if (!folder || error instanceof DataFolderBusyError) throw error
    // A folder from the command line that cannot be opened should not stop the app.
    dialog.showErrorBox('Gloss could not open the folder', `${folder}\n\n${error instanceof Error ? error.message : String(error)}`)
    gloss = await startGloss(options)
  }
  const core = gloss
  core.onEvent(forwardEvent)
  core.onEvent(followHistory)
  bindContract(core, {
    isTrusted,
    afterCall: (method, result) => {
      if (result.ok && method === 'prefs.set') applyNativeTheme(result.value as Prefs)
      if (result.ok && method === 'app.ready') {
        pageReady = true
        flushCommands()
      }
    }
  })
  const prefs = await core.dispatch('prefs.get', {})
  if (prefs.ok) applyNativeTheme(prefs.value as Prefs)
  await refreshMenu()
  mainWindow = openWindow()
}

/** Scrollbars, menus and dialogs follow the reading theme (before the window opens, so it starts right). */
function applyNativeTheme(prefs: Prefs): void {
  theme = prefs.theme
  nativeTheme.themeSource = nativeThemeSource(prefs.theme)
  mainWindow?.setBackgroundColor(windowBackground(prefs.theme, nativeTheme.shouldUseDarkColors))
}

function openWindow(): BrowserWindow {
  pageReady = false
  // Where the user left it, moved onto a display that is still there.
  const primaryId = screen.getPrimaryDisplay().id
  const displays = screen.getAllDisplays().map((display) => ({ workArea: display.workArea, primary: display.id === primaryId }))
  const placement = fitWindowToDisplays(gloss?.windowState(), displays, WINDOW_SIZE)
  const backgroundColor = windowBackground(theme, nativeTheme.shouldUseDarkColors)
  const window = createMainWindow({ preloadPath, indexFile, devServerUrl: devUrl, placement, backgroundColor, icon: ownResources().windowIcon })
  const saveNow = rememberWindowState(window, (state) => gloss?.saveWindowState(state))
  saveWindowNow = saveNow
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
    if (saveWindowNow === saveNow) saveWindowNow = null
  })
  return window
}

/** The sample corpus and the window icon, in the repository or beside app.asar. */
function ownResources() {
  return appResources({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath, platform: process.platform })
}

function isTrusted(event: IpcMainInvokeEvent): boolean {
  const main = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null
  return isTrustedSender(event.senderFrame, main, location)
}

function forwardEvent(event: GlossEvent): void {
  const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null
  if (event.type === 'changed') window?.webContents.send(CHANGE_CHANNEL, event.change)
  else if (event.type === 'scan-progress') window?.webContents.send(SCAN_PROGRESS_CHANNEL, event.progress)
}

function sendMenuCommand(command: MenuCommand): void {
  const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null
  window?.webContents.send(MENU_CHANNEL, command)
}

/**
 * The Edit menu follows the core's change events: rebuilt when Undo / Redo would now do
 * something else (not on every note keystroke), and when another folder opened (Open
 * Recent changed too).
 */
function followHistory(event: GlossEvent): void {
  if (event.type !== 'changed') return
  const { undoLabel, redoLabel } = event.change.history
  const historyChanged = historyLabelsDiffer({ undoLabel, redoLabel }, menuHistory)
  menuHistory = { undoLabel, redoLabel }
  if (historyChanged || event.change.folder) void refreshMenu()
}

async function refreshMenu(): Promise<void> {
  let recentFolders: string[] = []
  const result = await gloss?.dispatch('library.recent', {})
  if (result?.ok) recentFolders = (result.value as { folders: string[] }).folders
  // menuHistory is read after the await, so the menu built last has the latest labels.
  const template = appMenuTemplate({
    platform: process.platform,
    isDev: Boolean(devUrl),
    recentFolders,
    history: menuHistory,
    send: sendMenuCommand
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

function openFromSecondInstance(request: SecondLaunchRequest): void {
  // Windows and Linux start a second instance for a clicked link, with the link in argv.
  if (request.kind === 'link') return receiveLink(request.url)
  // The page opens the folder as it opens any other, and says so if it is not one.
  if (request.kind === 'folder') pendingCommands.push({ type: 'open-path', root: request.path })
  bringWindowForward()
  flushCommands()
}

function bringWindowForward(): void {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  } else if (gloss && app.isReady()) {
    // macOS: the app runs without a window; a link or a second launch brings one back.
    mainWindow = openWindow()
  }
}

/** Claims gloss:// links for this app (not for a test or portable instance; see protocolRegistration). */
function registerLinkHandler(): void {
  const registration = protocolRegistration({
    argv: process.argv,
    defaultApp: process.defaultApp === true,
    execPath: process.execPath,
    dataDirOverridden: optionValue(process.argv, '--data-dir') !== undefined || Boolean(process.env.GLOSS_DATA_DIR)
  })
  if (!registration) return
  // Packaged, executable and args are undefined: Electron then registers the app itself.
  const registered = app.setAsDefaultProtocolClient(registration.scheme, registration.executable, registration.args)
  if (!registered) console.error('gloss: could not register as the handler of gloss:// links')
}

/** A link from the system: to the page now if it listens, else once it does. The core checks its shape. */
function receiveLink(url: string): void {
  pendingCommands.push({ type: 'open-link', url })
  bringWindowForward()
  flushCommands()
}

function flushCommands(): void {
  if (!pageReady || !mainWindow || mainWindow.isDestroyed()) return
  for (const command of pendingCommands.splice(0)) sendMenuCommand(command)
}

async function existingFolder(folder: string | null): Promise<string | null> {
  if (!folder) return null
  const info = await stat(folder).catch(() => null)
  if (info?.isDirectory()) return folder
  console.error(`gloss: ignoring ${folder}: not a folder`)
  return null
}

function nativeDialogs(): Dialogs {
  let lastExportFolder: string | null = null
  const parent = () => BrowserWindow.getFocusedWindow() ?? mainWindow ?? undefined
  return {
    async chooseFolder() {
      const options = { title: 'Open Folder', properties: ['openDirectory' as const] }
      const window = parent()
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseSavePath(suggestedName, filters = [{ name: 'Markdown', extensions: ['md'] }]) {
      const options = {
        title: 'Export Notes',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const]
      }
      const window = parent()
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseExportFolder(suggestedName) {
      const options = {
        title: 'Export to Folder',
        buttonLabel: 'Export Here',
        // The folder chosen last time: re-exporting into the same vault is the usual case.
        defaultPath: lastExportFolder ?? path.join(app.getPath('documents'), suggestedName),
        properties: ['openDirectory' as const, 'createDirectory' as const, 'promptToCreate' as const]
      }
      const window = parent()
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      const folder = result.canceled ? null : (result.filePaths[0] ?? null)
      if (folder) lastExportFolder = folder
      return folder
    },
    async chooseOpenFile(filters) {
      const options = { title: 'Import Annotations', filters, properties: ['openFile' as const] }
      const window = parent()
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    }
  }
}
