// Picks the transport once: Electron IPC through the preload bridge when it exists,
// otherwise fetch against the loopback browser harness. Events likewise: the preload's
// window.glossEvents, or Server-Sent Events from the harness. Nothing else in the
// renderer knows (or needs to know) which one is in use.
import { createApi, type Api, type Transport } from '../../shared/api'
import type { GlossBridge } from '../../shared/channels'
import type { DataChange, GlossEvents, MenuCommand, ScanProgress } from '../../shared/events'
import type { Result } from '../../shared/result'

export type { GlossBridge }

declare global {
  interface Window {
    /** Exposed by the preload script in the desktop app; absent in the browser harness. */
    gloss?: GlossBridge
    glossEvents?: GlossEvents
  }
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  const ok = (value as { ok: unknown }).ok
  return ok === true || (ok === false && typeof (value as { error?: unknown }).error === 'object')
}

export function ipcTransport(bridge: GlossBridge): Transport {
  return (method, input) => bridge[method](input)
}

/** POST /rpc/<method> with the token the harness put in the page URL. */
export function fetchTransport(token: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): Transport {
  return async (method, input) => {
    let response: Response
    try {
      response = await fetchImpl(`/rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gloss-token': token },
        body: JSON.stringify(input ?? {})
      })
    } catch (error) {
      return { ok: false, error: { code: 'UNAVAILABLE', message: `Cannot reach Gloss (${(error as Error).message})` } }
    }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      body = null
    }
    if (isResult(body)) return body
    const message = response.status === 403 ? 'Gloss refused the request: this page lacks its access token' : `Gloss answered ${response.status}`
    return { ok: false, error: { code: 'UNAVAILABLE', message } }
  }
}

export function selectTransport(win: Window): Transport {
  if (win.gloss) return ipcTransport(win.gloss)
  const token = new URLSearchParams(win.location.search).get('token') ?? ''
  return announcingReady(fetchTransport(token), readyLatch(win).resolve)
}

/**
 * The transport, telling `onReady` once the page has said app.ready. The desktop app
 * hears app.ready in the main process; a browser tab's start commands wait in this
 * page (eventSourceEvents), so the harness's transport tells them here.
 */
export function announcingReady(transport: Transport, onReady: () => void): Transport {
  return async (method, input) => {
    const result = await transport(method, input)
    if (method === 'app.ready' && result.ok) onReady()
    return result
  }
}

/** One "the page said app.ready" latch per window, shared by its transport and its events. */
const readyLatches = new WeakMap<Window, { ready: Promise<void>; resolve: () => void }>()
function readyLatch(win: Window): { ready: Promise<void>; resolve: () => void } {
  let latch = readyLatches.get(win)
  if (!latch) {
    let resolve: () => void = () => undefined
    const ready = new Promise<void>((done) => (resolve = done))
    readyLatches.set(win, (latch = { ready, resolve }))
  }
  return latch
}

export function createRendererApi(win: Window = window): Api {
  return createApi(selectTransport(win))
}

/**
 * The harness's event stream (GET /events?token=…) behind the GlossEvents interface.
 * There is no native menu in a browser tab; `startCommands` (a gloss:// link given in
 * the page URL) are handed to the menu-command listeners once `ready` (the page has
 * called app.ready), as the desktop app hands over the link it was started with.
 */
export function eventSourceEvents(
  token: string,
  createSource: (url: string) => EventSource = (url) => new EventSource(url),
  startCommands: readonly MenuCommand[] = [],
  ready: Promise<void> = Promise.resolve()
): GlossEvents {
  const listeners = new Set<(change: DataChange) => void>()
  const commandListeners = new Set<(command: MenuCommand) => void>()
  const pending = [...startCommands]
  let flushing = false
  // Later, not during the subscription: React may subscribe, unsubscribe and subscribe again at once.
  const flushSoon = () => {
    if (flushing || pending.length === 0) return
    flushing = true
    void ready.then(() =>
      setTimeout(() => {
        flushing = false
        if (commandListeners.size === 0) return
        for (const command of pending.splice(0)) for (const listener of [...commandListeners]) listener(command)
      }, 0)
    )
  }
  let source: EventSource | null = null
  const progressListeners = new Set<(progress: ScanProgress) => void>()
  const onProgress = (event: MessageEvent) => {
    let progress: ScanProgress
    try {
      progress = JSON.parse(String(event.data)) as ScanProgress
    } catch {
      return
    }
    for (const listener of [...progressListeners]) listener(progress)
  }
  // One stream for both kinds of event, open while anyone listens.
  const openSource = () => {
    if (source) return
    source = createSource(`/events?token=${encodeURIComponent(token)}`)
    source.addEventListener('changed', onChange as EventListener)
    source.addEventListener('scan-progress', onProgress as EventListener)
  }
  const closeSourceIfUnused = () => {
    if (listeners.size === 0 && progressListeners.size === 0 && source) {
      source.close()
      source = null
    }
  }
  const onChange = (event: MessageEvent) => {
    let change: DataChange
    try {
      change = JSON.parse(String(event.data)) as DataChange
    } catch {
      return
    }
    for (const listener of [...listeners]) listener(change)
  }
  return {
    // A browser tab has no native menu (the page handles its shortcuts itself): only start commands.
    onMenuCommand(listener) {
      commandListeners.add(listener)
      flushSoon()
      return () => {
        commandListeners.delete(listener)
      }
    },
    onChange(listener) {
      listeners.add(listener)
      openSource()
      return () => {
        listeners.delete(listener)
        closeSourceIfUnused()
      }
    },
    onScanProgress(listener) {
      progressListeners.add(listener)
      openSource()
      return () => {
        progressListeners.delete(listener)
        closeSourceIfUnused()
      }
    }
  }
}

export function selectEvents(win: Window): GlossEvents | null {
  if (win.glossEvents) return win.glossEvents
  const Source = (win as Window & { EventSource?: typeof EventSource }).EventSource
  if (typeof Source !== 'function') return null
  const params = new URLSearchParams(win.location.search)
  const token = params.get('token') ?? ''
  const link = params.get('link')
  if (link !== null) forgetLinkParam(win, params)
  return eventSourceEvents(token, (url) => new Source(url), link ? [{ type: 'open-link', url: link }] : [], readyLatch(win).ready)
}

/** A reload must not follow the link again: drop ?link= from the address, keep the rest. */
function forgetLinkParam(win: Window, params: URLSearchParams): void {
  params.delete('link')
  const search = params.toString()
  try {
    win.history?.replaceState(win.history.state, '', `${win.location.pathname}${search ? `?${search}` : ''}${win.location.hash}`)
  } catch {
    // Without history (tests, odd embeddings) the link simply stays in the address.
  }
}
