// Picks the transport once: Electron IPC through the preload bridge when it exists,
// otherwise fetch against the loopback browser harness. Nothing else in the renderer
// knows (or needs to know) which one is in use.
import { createApi, type Api, type Transport } from '../../shared/api'
import type { GlossBridge } from '../../shared/channels'
import type { GlossEvents } from '../../shared/menu'
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
