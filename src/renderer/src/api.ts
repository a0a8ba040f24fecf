// Picks the transport once: Electron IPC through the preload bridge when it exists,
// otherwise fetch against the loopback browser harness. Events likewise: the preload's
// window.glossEvents, or Server-Sent Events from the harness. Nothing else in the
// renderer knows (or needs to know) which one is in use.
import { createApi, type Api, type Transport } from '../../shared/api'
import type { GlossBridge } from '../../shared/channels'
import type { GlossEvents, LibraryChange, ScanProgress } from '../../shared/menu'
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
  return fetchTransport(token)
}

export function createRendererApi(win: Window = window): Api {
  return createApi(selectTransport(win))
}

/** The harness's event stream (GET /events?token=…) behind the GlossEvents interface. */
export function eventSourceEvents(token: string, createSource: (url: string) => EventSource = (url) => new EventSource(url)): GlossEvents {
  const listeners = new Set<(change: LibraryChange) => void>()
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
    source.addEventListener('library-changed', onChange as EventListener)
    source.addEventListener('scan-progress', onProgress as EventListener)
  }
  const closeSourceIfUnused = () => {
    if (listeners.size === 0 && progressListeners.size === 0 && source) {
      source.close()
      source = null
    }
  }
  const onChange = (event: MessageEvent) => {
    let change: LibraryChange
    try {
      change = JSON.parse(String(event.data)) as LibraryChange
    } catch {
      return
    }
    for (const listener of [...listeners]) listener(change)
  }
  return {
    // A browser tab has no native menu; the page handles its shortcuts itself.
    onMenuCommand: () => () => undefined,
    onLibraryChanged(listener) {
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
  const token = new URLSearchParams(win.location.search).get('token') ?? ''
  return eventSourceEvents(token, (url) => new Source(url))
}
