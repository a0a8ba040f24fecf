// The desktop app's main process (src/electron/index.ts) against a recording stand-in for
// Electron's API, since Electron's binary cannot run here. The real Gloss core runs
// underneath on temp folders: what is checked is the wiring — the window's settings,
// the IPC binding and its sender check, the menu, dialogs, security hooks, second
// instance and the flush on quit. tests/e2e/electron.spec.ts covers the real binary.
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { channelFor, CHANGE_CHANNEL, MENU_CHANNEL, METHOD_NAMES } from '../../src/shared/channels'
import { writeCorpus } from '../fixtures/corpus-builder'

type Listener = (...args: any[]) => any

const electron = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>()
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn])
      return this
    }
    once(name: string, fn: Listener) {
      return this.on(name, fn)
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args)
    }
  }
  const state = {
    userData: '',
    documents: '',
    appRoot: '',
    quitRequests: 0,
    quits: 0,
    /** Called at the next real quit (a quit no before-quit handler held). */
    onQuit: [] as (() => void)[],
    errorBoxes: [] as string[],
    opened: [] as string[],
    openDialogResult: null as string | null,
    saveDialogResult: null as string | null,
    saveDialogOptions: [] as any[],
    openDialogOptions: [] as any[],
    menus: [] as any[],
    protocolClients: [] as unknown[][],
    lockData: [] as unknown[],
    // A laptop with a monitor to its right; the primary display is the laptop.
    displays: [
      { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 875 } },
      { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } }
    ],
    windows: [] as any[],
    handlers: new Map<string, Listener>(),
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    beforeRequest: null as Listener | null,
    headersReceived: null as Listener | null
  }
  class WebContents extends Emitter {
    mainFrame = { processId: 7, routingId: 1, url: 'about:blank' }
    sent: Array<[string, unknown]> = []
    windowOpenHandler: Listener | null = null
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload])
    }
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler
    }
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    setPath: (name: string, value: string) => {
      if (name === 'userData') state.userData = value
    },
    getPath: (name: string) => (name === 'documents' ? state.documents : state.userData),
    getAppPath: () => state.appRoot,
    requestSingleInstanceLock: (additionalData: unknown) => {
      state.lockData.push(additionalData)
      return true
    },
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    setAsDefaultProtocolClient: (...args: unknown[]) => {
      state.protocolClients.push(args)
      return true
    },
    quit: () => {
      state.quitRequests++
      let prevented = false
      app.emit('before-quit', { preventDefault: () => (prevented = true) })
      if (prevented) return
      state.quits++
      for (const resolve of state.onQuit.splice(0)) resolve()
    },
    exit: (code: number) => {
      throw new Error(`app.exit(${code})`)
    }
  })
  class BrowserWindow extends Emitter {
    webContents = new WebContents()
    shown = false
    focused = 0
    loaded: string | null = null
    constructor(readonly options: any) {
      super()
      state.windows.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    async loadFile(file: string) {
      this.loaded = file
      this.webContents.mainFrame.url = pathToFileURL(file).href
    }
    async loadURL(url: string) {
      this.loaded = url
      this.webContents.mainFrame.url = url
    }
    show() {
      this.shown = true
    }
    focus() {
      this.focused++
    }
    isDestroyed() {
      return false
    }
    isMinimized() {
      return false
    }
    restore() {}
    background: string | null = null
    setBackgroundColor(colour: string) {
      this.background = colour
    }
    /** Where a test moved the window; until then, where it was created. */
    bounds: { x: number; y: number; width: number; height: number } | null = null
    maximized = false
    getNormalBounds() {
      const { x, y, width, height } = this.options
      return { ...(this.bounds ?? { x, y, width, height }) }
    }
    isMaximized() {
      return this.maximized
    }
    isFullScreen() {
      return false
    }
    maximize() {
      this.maximized = true
    }
    static getFocusedWindow() {
      return null
    }
    static getAllWindows() {
      return state.windows
    }
  }
  return {
    state,
    module: {
      app,
      BrowserWindow,
      Menu: { buildFromTemplate: (template: any[]) => template, setApplicationMenu: (menu: any) => state.menus.push(menu) },
      dialog: {
        showOpenDialog: async (_window: unknown, options: any) => {
          state.openDialogOptions.push(options)
          return state.openDialogResult ? { canceled: false, filePaths: [state.openDialogResult] } : { canceled: true, filePaths: [] }
        },
        showSaveDialog: async (_window: unknown, options: any) => {
          state.saveDialogOptions.push(options)
          return state.saveDialogResult ? { canceled: false, filePath: state.saveDialogResult } : { canceled: true, filePath: '' }
        },
        showErrorBox: (title: string, content: string) => state.errorBoxes.push(`${title}: ${content}`)
      },
      ipcMain: {
        handle: (channel: string, fn: Listener) => state.handlers.set(channel, fn),
        removeHandler: (channel: string) => state.handlers.delete(channel)
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (fn: Listener) => (state.permissionRequest = fn),
          setPermissionCheckHandler: (fn: Listener) => (state.permissionCheck = fn),
          webRequest: {
            onBeforeRequest: (fn: Listener) => (state.beforeRequest = fn),
            onHeadersReceived: (fn: Listener) => (state.headersReceived = fn)
          }
        }
      },
      shell: { openExternal: async (url: string) => void state.opened.push(url) },
      nativeTheme: { themeSource: 'unset' as string, shouldUseDarkColors: false },
      screen: {
        getAllDisplays: () => state.displays,
        getPrimaryDisplay: () => state.displays[0]
      }
    }
  }
})

vi.mock('electron', () => ({ ...electron.module, default: electron.module }))

const { state } = electron
const temp: string[] = []
let corpus: string
let otherCorpus: string
let dataDir: string
const savedArgv = process.argv
const LAUNCH_LINK = 'gloss://open?corpus=%2Fsomewhere&article=launch'
const SAVED_WINDOW = { x: 1600, y: 60, width: 1500, height: 1000 }

const window = () => state.windows[0]
const mainFrame = () => window().webContents.mainFrame
const call = (method: string, input: unknown, senderFrame: unknown = mainFrame()) => {
  const handler = state.handlers.get(channelFor(method as (typeof METHOD_NAMES)[number]))
  if (!handler) throw new Error(`no handler for ${method}`)
  return handler({ senderFrame }, input)
}
const menuItem = (label: string) => {
  const file = state.menus.at(-1).find((m: any) => m.label === 'File')
  return file.submenu.find((item: any) => item.label === label)
}

beforeAll(async () => {
  const make = async (name: string) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), `gloss-electron-main-${name}-`))
    temp.push(dir)
    return dir
  }
  corpus = await make('corpus')
  otherCorpus = await make('other')
  dataDir = await make('data')
  state.documents = await make('documents')
  state.appRoot = path.resolve('.')
  await writeCorpus(corpus, {
    'tide.md': '---\ntitle: Tide Tables\ndate: 2024-01-02\n---\n\nThe tide turns twice a day, and the tables say when.\n'
  })
  await writeCorpus(otherCorpus, { 'moss.md': '# Moss\n\nMoss grows where the sun does not reach.\n' })
  // Left maximized on the second monitor last time.
  await writeFile(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({ schemaVersion: 1, recentFolders: [], lastFolder: null, window: { ...SAVED_WINDOW, maximized: true, fullScreen: false } })
  )
  // As if launched as `gloss <folder> --data-dir <dir> <link>` (packaged: argv[0] is the app).
  process.argv = ['/opt/Gloss/gloss', corpus, '--data-dir', dataDir, LAUNCH_LINK]
  await import('../../src/electron/index')
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 10_000 })
})

afterAll(async () => {
  process.argv = savedArgv
  for (const dir of temp) await rm(dir, { recursive: true, force: true })
})

describe('desktop main process (Electron stand-in)', () => {
  it('hands the link it was launched with to the page once the page says app.ready, not before', async () => {
    const links = () => window().webContents.sent.filter(([channel, command]: [string, any]) => channel === MENU_CHANNEL && command.type === 'open-link')
    expect(links()).toEqual([])
    // Asking for the library is not saying it is ready.
    await call('library.current', {})
    expect(links()).toEqual([])
    await call('app.ready', {})
    expect(links()).toEqual([[MENU_CHANNEL, { type: 'open-link', url: LAUNCH_LINK }]])
    await call('app.ready', {})
    expect(links()).toHaveLength(1)
    // A test instance (its own --data-dir) does not claim gloss:// links from the system.
    expect(state.protocolClients).toEqual([])
  })

  it('keeps its data in --data-dir and opens the folder from the command line', async () => {
    expect(state.userData).toBe(dataDir)
    const result = await call('library.current', {})
    expect(result).toMatchObject({ ok: true, value: { root: await realpath(corpus), articleCount: 1 } })
    expect(state.errorBoxes).toEqual([])
  })

  it('sets the native theme from the theme preference at start and whenever it changes', async () => {
    // Stored prefs start at 'system'; set before the window opened.
    expect(electron.module.nativeTheme.themeSource).toBe('system')
    for (const [theme, source] of [
      ['dark', 'dark'],
      ['sepia', 'light'],
      ['light', 'light'],
      ['system', 'system']
    ] as const) {
      expect(await call('prefs.set', { theme })).toMatchObject({ ok: true, value: { theme } })
      expect(electron.module.nativeTheme.themeSource).toBe(source)
    }
    // The window's colour before its page paints follows too (the stand-in OS is light).
    expect(window().options.backgroundColor).toBe('#f4f1eb')
    expect(await call('prefs.set', { theme: 'dark' })).toMatchObject({ ok: true })
    expect(window().background).toBe('#1b1c1f')
    expect(await call('prefs.set', { theme: 'sepia' })).toMatchObject({ ok: true })
    expect(window().background).toBe('#ede3cc')
    // A refused change leaves it alone.
    await call('prefs.set', { theme: 'dark' })
    expect(await call('prefs.set', { theme: 'neon' })).toMatchObject({ ok: false })
    expect(electron.module.nativeTheme.themeSource).toBe('dark')
    await call('prefs.set', { theme: 'system' })
  })

  it('opens one sandboxed window on the built page, shown once ready', () => {
    const options = window().options
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(options.webPreferences.preload).toBe(path.resolve('src', 'preload', 'index.cjs'))
    expect(window().loaded).toBe(path.resolve('src', 'renderer', 'index.html'))
    expect(options.show).toBe(false)
    expect(window().shown).toBe(false)
    window().emit('ready-to-show')
    expect(window().shown).toBe(true)
  })

  it('opens where it was left (on the second monitor, maximized) and remembers where it is moved', async () => {
    expect(window().options).toMatchObject({ ...SAVED_WINDOW, minWidth: 720, minHeight: 480, fullscreen: false })
    window().emit('ready-to-show')
    expect(window().maximized).toBe(true)
    const savedWindow = async () => JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8')).window
    // Dragged onto the laptop and un-maximized: saved once it rests (the normal bounds).
    window().maximized = false
    window().emit('unmaximize')
    window().bounds = { x: 100, y: 50, width: 1100, height: 760 }
    for (let i = 0; i < 5; i++) window().emit('move')
    window().emit('resize')
    await vi.waitFor(async () => expect(await savedWindow()).toEqual({ x: 100, y: 50, width: 1100, height: 760, maximized: false, fullScreen: false }), {
      timeout: 5_000
    })
  })

  it('takes the single-instance lock with its own argv for a second launch to hand over', () => {
    expect(state.lockData).toEqual([{ argv: ['/opt/Gloss/gloss', corpus, '--data-dir', dataDir, LAUNCH_LINK], cwd: expect.any(String), defaultApp: false }])
  })

  it('answers every contract method over IPC, for the app page in the main frame only', async () => {
    expect([...state.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelFor).sort())
    const list = await call('library.list', { sort: 'title' })
    expect(list.value.articles.map((a: { title: string }) => a.title)).toEqual(['Tide Tables'])
    expect(await call('library.list', { sort: 'sideways' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const untrusted = [
      { ...mainFrame(), routingId: 99 },
      { ...mainFrame(), url: 'https://example.org/' },
      null
    ]
    for (const frame of untrusted) {
      expect(await call('library.current', {}, frame)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'untrusted sender' } })
    }
  })

  it('sends menu commands to the page and lists recent folders under Open Recent', async () => {
    for (const [label, command] of [
      ['Open Folder…', { type: 'open-folder' }],
      ['Export…', { type: 'export-article' }],
      ['Export All…', { type: 'export-corpus' }],
      ['Copy Article Notes', { type: 'copy-article-notes' }],
      ['Import Annotations…', { type: 'import-annotations' }]
    ] as const) {
      menuItem(label).click()
      expect(window().webContents.sent.at(-1)).toEqual([MENU_CHANNEL, command])
    }
    expect(await call('library.open', { root: otherCorpus })).toMatchObject({ ok: true })
    await vi.waitFor(() => {
      const recent = menuItem('Open Recent').submenu.map((item: any) => item.label)
      expect(recent).toContain(otherCorpus)
    })
    menuItem('Open Recent').submenu.find((item: any) => item.label === corpus).click()
    expect(window().webContents.sent.at(-1)).toEqual([MENU_CHANNEL, { type: 'open-recent', root: corpus }])
  })

  it('picks folders and save locations with native dialogs', async () => {
    state.openDialogResult = corpus
    const chosen = await call('library.chooseFolder', {})
    expect(chosen).toMatchObject({ ok: true, value: { root: await realpath(corpus) } })
    expect(state.openDialogOptions.at(-1).properties).toEqual(['openDirectory'])
    state.openDialogResult = null
    expect(await call('library.chooseFolder', {})).toEqual({ ok: true, value: null })

    const target = path.join(state.documents, 'tide-notes.md')
    state.saveDialogResult = target
    const saved = await call('export.run', { scope: 'corpus', format: 'md' })
    expect(saved).toEqual({ ok: true, value: { path: target, report: null } })
    const options = state.saveDialogOptions.at(-1)
    expect(path.dirname(options.defaultPath)).toBe(state.documents)
    expect(options.defaultPath).toMatch(/\.md$/)
    expect(options.filters).toEqual([{ name: 'Markdown', extensions: ['md'] }])
    expect(await readFile(target, 'utf8')).toMatch(/^---\n/)
  })

  it('denies permissions except writing to the clipboard, and loads nothing remote', () => {
    const decide = (permission: string) => {
      let granted: boolean | undefined
      state.permissionRequest!({}, permission, (value: boolean) => (granted = value))
      return granted
    }
    expect(decide('clipboard-sanitized-write')).toBe(true)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) expect(decide(permission)).toBe(false)
    expect(state.permissionCheck!({}, 'media')).toBe(false)

    const cancel = (url: string) => {
      let answer: { cancel: boolean } | undefined
      state.beforeRequest!({ url }, (value: { cancel: boolean }) => (answer = value))
      return answer?.cancel
    }
    expect(cancel(mainFrame().url)).toBe(false)
    expect(cancel('https://images.example.org/tracker.png')).toBe(true)
    let headers: any
    state.headersReceived!({ responseHeaders: { a: ['b'] } }, (value: any) => (headers = value.responseHeaders))
    expect(headers['Content-Security-Policy'][0]).toMatch(/^default-src 'none'/)
  })

  it('never navigates away: web links go to the system browser, everything else nowhere', () => {
    const contents = window().webContents
    const navigate = (url: string) => {
      let prevented = false
      contents.emit('will-navigate', { url, isSameDocument: false, preventDefault: () => (prevented = true) })
      return prevented
    }
    state.opened.length = 0
    expect(navigate('https://example.org/story')).toBe(true)
    expect(navigate('javascript:alert(1)')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(contents.windowOpenHandler!({ url: 'http://example.org/a' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: 'smb://server/share' })).toEqual({ action: 'deny' })
    expect(state.opened).toEqual(['https://example.org/story', 'http://example.org/a'])
  })

  it('a second launch with a folder focuses the window and opens that folder', async () => {
    const focused = window().focused
    window().webContents.sent.length = 0
    electron.module.app.emit('second-instance', {}, ['/opt/Gloss/gloss', otherCorpus, '--some-chromium-switch'], os.tmpdir())
    await vi.waitFor(() => expect(window().webContents.sent).toEqual([[MENU_CHANNEL, { type: 'open-path', root: otherCorpus }]]))
    expect(window().focused).toBe(focused + 1)
    // The argv the second launch handed over (additionalData) wins over Chromium's copy.
    const handedOver = { argv: ['/opt/Gloss/gloss', 'moss-notes'], cwd: otherCorpus, defaultApp: false }
    electron.module.app.emit('second-instance', {}, ['/opt/Gloss/gloss', '--mangled'], os.tmpdir(), handedOver)
    expect(window().webContents.sent.at(-1)).toEqual([MENU_CHANNEL, { type: 'open-path', root: path.join(otherCorpus, 'moss-notes') }])
    // A file is passed on too: the page opens it like any folder and says it is not one.
    electron.module.app.emit('second-instance', {}, ['/opt/Gloss/gloss', path.join(otherCorpus, 'moss.md')], os.tmpdir())
    expect(window().webContents.sent.at(-1)).toEqual([MENU_CHANNEL, { type: 'open-path', root: path.join(otherCorpus, 'moss.md') }])
    // Started again with nothing: only the window comes forward.
    electron.module.app.emit('second-instance', {}, ['/opt/Gloss/gloss'], os.tmpdir())
    expect(window().webContents.sent).toHaveLength(3)
    expect(window().focused).toBe(focused + 4)
  })

  it('hands gloss:// links to the page: open-url on macOS, a second instance elsewhere', async () => {
    const link = 'gloss://open?corpus=%2Fdata&article=a&highlight=h'
    window().webContents.sent.length = 0
    let prevented = false
    electron.module.app.emit('open-url', { preventDefault: () => (prevented = true) }, link)
    expect(prevented).toBe(true)
    expect(window().webContents.sent).toEqual([[MENU_CHANNEL, { type: 'open-link', url: link }]])
    const focused = window().focused
    electron.module.app.emit('second-instance', {}, ['/opt/Gloss/gloss', `${link}2`, '--some-chromium-switch'], os.tmpdir())
    await vi.waitFor(() => expect(window().webContents.sent.at(-1)).toEqual([MENU_CHANNEL, { type: 'open-link', url: `${link}2` }]))
    expect(window().focused).toBe(focused + 1)
    // The link is the page's to follow through app.openLink: the core checks it there.
    expect(await call('app.openLink', { url: 'gloss://open?corpus=relative&article=a' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('exports folders and imports files through native dialogs', async () => {
    const vault = path.join(state.documents, 'Vault')
    state.openDialogResult = vault
    const list = await call('library.list', { sort: 'title' })
    const articleId = list.value.articles.find((a: { title: string }) => a.title === 'Tide Tables').id
    const article = await call('article.get', { articleId })
    const start = article.value.text.indexOf('tide turns')
    expect(await call('highlight.create', { articleId, start, end: start + 10, color: 'green' })).toMatchObject({ ok: true })
    const folder = await call('export.run', { scope: 'corpus', format: 'md-folder' })
    expect(folder).toMatchObject({ ok: true, value: { path: vault, report: { create: [{ file: 'Tide Tables.md' }] } } })
    expect(state.openDialogOptions.at(-1)).toMatchObject({ properties: ['openDirectory', 'createDirectory', 'promptToCreate'] })
    expect(await readFile(path.join(vault, 'Tide Tables.md'), 'utf8')).toContain('> tide turns')

    const json = path.join(state.documents, 'tide.json')
    state.saveDialogResult = json
    expect(await call('export.run', { scope: 'corpus', format: 'json' })).toMatchObject({ ok: true, value: { path: json } })
    expect(state.saveDialogOptions.at(-1).filters).toEqual([{ name: 'Web Annotations (JSON)', extensions: ['json'] }])
    state.openDialogResult = json
    const imported = await call('import.annotations', {})
    expect(imported).toMatchObject({ ok: true, value: { file: json, report: { imported: 0, duplicates: 1 } } })
    expect(state.openDialogOptions.at(-1)).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['json', 'jsonld', 'csv'] }] })
    state.openDialogResult = null
    expect(await call('import.annotations', {})).toEqual({ ok: true, value: { file: null, report: null } })
  })

  it('watches the open folder and tells the page what changed', async () => {
    window().webContents.sent.length = 0
    await writeCorpus(corpus, { 'gulls.md': '# Gulls\n\nGulls follow the ferry.\n' })
    const sent = (): Array<[string, unknown]> => window().webContents.sent
    await vi.waitFor(() => expect(sent().map(([channel]) => channel)).toContain(CHANGE_CHANNEL), { timeout: 10_000 })
    const [, change] = sent().find(([channel]) => channel === CHANGE_CHANNEL)!
    expect(change).toMatchObject({ root: await realpath(corpus), cause: 'disk', library: true, articles: { added: [expect.any(String)], removed: [] } })
    const list = await call('library.list', { sort: 'title' })
    expect(list.value.articles.map((a: { title: string }) => a.title)).toEqual(['Gulls', 'Tide Tables'])
  })

  it('names the next undo and redo in the Edit menu, rebuilt only when the names change', async () => {
    const edit = () => state.menus.at(-1).find((m: any) => m.label === 'Edit').submenu
    const labels = () => {
      const byKey = (key: string) => edit().find((item: any) => item.accelerator === key)
      return [byKey('CmdOrCtrl+Z').label, byKey('Shift+CmdOrCtrl+Z').label]
    }
    // Opening the folder again starts its history afresh.
    expect(await call('library.open', { root: corpus })).toMatchObject({ ok: true })
    await vi.waitFor(() => expect(labels()).toEqual(['Undo', 'Redo']))
    const articleId = (await call('library.list', { sort: 'title' })).value.articles.find((a: { title: string }) => a.title === 'Tide Tables').id
    const text = (await call('article.get', { articleId })).value.text as string
    const start = text.indexOf('tables say')
    const created = await call('highlight.create', { articleId, start, end: start + 10, color: 'yellow' })
    expect(created).toMatchObject({ ok: true })
    await vi.waitFor(() => expect(labels()).toEqual(['Undo Create Highlight', 'Redo']))
    const highlightId = created.value.id
    // The page hears the same change the menu followed, on the change channel.
    const changes = window().webContents.sent.filter(([channel]: [string]) => channel === CHANGE_CHANNEL)
    expect(changes.at(-1)[1]).toMatchObject({ cause: 'edit', highlights: [highlightId], annotations: [articleId], history: { undoLabel: 'Create highlight' } })
    // Typing a note: one step, and one rebuild for it, not one per keystroke.
    const menusBefore = state.menus.length
    for (const note of ['w', 'wh', 'when']) expect(await call('highlight.update', { highlightId, note })).toMatchObject({ ok: true })
    await vi.waitFor(() => expect(labels()).toEqual(['Undo Edit Note', 'Redo']))
    await call('library.recent', {})
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(state.menus.length).toBe(menusBefore + 1)
    expect(await call('highlight.delete', { highlightId })).toMatchObject({ ok: true, value: { deleted: true } })
    await vi.waitFor(() => expect(labels()).toEqual(['Undo Delete Highlight', 'Redo']))
    expect(await call('history.undo', {})).toMatchObject({ ok: true, value: { done: { label: 'Delete highlight' } } })
    await vi.waitFor(() => expect(labels()).toEqual(['Undo Edit Note', 'Redo Delete Highlight']))
    await call('history.undo', {})
    expect(await call('history.undo', {})).toMatchObject({ ok: true, value: { canUndo: false } })
    await vi.waitFor(() => expect(labels()).toEqual(['Undo', 'Redo Create Highlight']))
    // On Linux the hidden Ctrl+Y Redo reads the same.
    expect(edit().find((item: any) => item.accelerator === 'Ctrl+Y')?.label).toBe(process.platform === 'darwin' ? undefined : 'Redo Create Highlight')
    // Still enabled with nothing to undo: the page decides (a text field's own undo, or nothing).
    const undo = edit().find((item: any) => item.accelerator === 'CmdOrCtrl+Z')
    expect(undo.enabled).not.toBe(false)
    undo.click()
    expect(window().webContents.sent.at(-1)).toEqual([MENU_CHANNEL, { type: 'undo' }])
  })

  it('holds the quit until the data is flushed, then quits', async () => {
    const title = 'Saved before quitting'
    expect(await call('article.setNote', { articleId: (await call('library.list', {})).value.articles[0].id, note: title })).toMatchObject({ ok: true })
    // Resized a moment ago: the quit saves the bounds before the settings close.
    window().bounds = { x: 200, y: 90, width: 1000, height: 700 }
    window().emit('resize')
    // Waits for the quit itself, however long the flush takes on a busy machine (it
    // overran vi.waitFor's 1 s when the whole suite ran beside other work).
    const quitted = new Promise<void>((resolve) => state.onQuit.push(resolve))
    electron.module.app.quit()
    expect(state.quits).toBe(0)
    await quitted
    expect(state.quits).toBe(1)
    expect(state.quitRequests).toBe(2)
    const settings = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))
    expect(settings.window).toEqual({ x: 200, y: 90, width: 1000, height: 700, maximized: false, fullScreen: false })
    // The note is on disk: a fresh core on the same data folder reads it back.
    const { startGloss } = await import('../../src/core/app/gloss')
    const again = await startGloss({
      dataDir,
      sampleRoot: path.resolve('resources/sample-corpus'),
      initialFolder: corpus,
      dialogs: { chooseFolder: async () => null, chooseSavePath: async () => null, chooseExportFolder: async () => null, chooseOpenFile: async () => null }
    })
    try {
      const list = (await again.dispatch('library.list', {})) as any
      const article = (await again.dispatch('article.get', { articleId: list.value.articles[0].id })) as any
      expect(article.value.note).toBe(title)
    } finally {
      await again.close()
    }
  })
})
