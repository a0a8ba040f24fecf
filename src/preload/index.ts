// The only bridge between the sandboxed page and the main process. It exposes one
// function per contract method, the event subscriptions (menu commands, the core's
// data changes, scan progress) and the path of a dropped file, never ipcRenderer itself,
// so the page can reach nothing but the contract's channels. It must build to one
// CommonJS file that requires only `electron` (checked on the built output).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { channelFor, CHANGE_CHANNEL, MENU_CHANNEL, METHOD_NAMES, SCAN_PROGRESS_CHANNEL, type GlossBridge } from '../shared/channels'
import type { DataChange, GlossEvents, GlossFiles, MenuCommand, ScanProgress } from '../shared/events'

const gloss = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(channelFor(method), input)])
) as GlossBridge

const glossEvents: GlossEvents = {
  onMenuCommand(listener) {
    // The IPC event (which carries the sender) stays here; the page gets the command only.
    const handler = (_event: IpcRendererEvent, command: MenuCommand) => listener(command)
    ipcRenderer.on(MENU_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, handler)
    }
  },
  onChange(listener) {
    const handler = (_event: IpcRendererEvent, change: DataChange) => listener(change)
    ipcRenderer.on(CHANGE_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(CHANGE_CHANNEL, handler)
    }
  },
  onScanProgress(listener) {
    const handler = (_event: IpcRendererEvent, progress: ScanProgress) => listener(progress)
    ipcRenderer.on(SCAN_PROGRESS_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(SCAN_PROGRESS_CHANNEL, handler)
    }
  }
}

// A path for a File the user dropped (the only way a sandboxed page learns one); the
// page passes it to library.open, which checks it like any folder the user names.
const glossFiles: GlossFiles = {
  pathForFile: (file) => webUtils.getPathForFile(file)
}

contextBridge.exposeInMainWorld('gloss', gloss)
contextBridge.exposeInMainWorld('glossEvents', glossEvents)
contextBridge.exposeInMainWorld('glossFiles', glossFiles)
