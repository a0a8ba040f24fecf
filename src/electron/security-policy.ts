// Security decisions as pure functions. security.ts wires them into Electron; the
// CSP itself lives in src/shared (the harness serves the same one). Kept Electron-free
// so every rule has a test.
import type { AppLocation } from './sender-trust'


const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:'])
const MAX_URL_LENGTH = 8192
/** One or more addresses, comma-separated: local@domain, no spaces or control characters. */
const MAIL_ADDRESSES = /^[^\s@,<>()\x00-\x1f\x7f]+@[^\s@,<>()\x00-\x1f\x7f]+(?:,[^\s@,<>()\x00-\x1f\x7f]+@[^\s@,<>()\x00-\x1f\x7f]+)*$/

/**
 * The URL to hand to the system browser (or mail program), or null when it must not
 * leave the app. Only http(s) and mailto with an address, parsed with new URL() so that
 * odd spellings cannot smuggle another scheme (javascript:, file:, custom protocol
 * handlers) past a string check. The page shows mailto links as links, so they must
 * work: the mail program opens a draft, nothing is sent without the user.
 */
export function externalUrl(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol === 'mailto:') return MAIL_ADDRESSES.test(decodeURIComponent(url.pathname)) ? url.href : null
  if (!EXTERNAL_PROTOCOLS.has(url.protocol) || !url.hostname) return null
  return url.href
}

export const isExternalUrlAllowed = (raw: string): boolean => externalUrl(raw) !== null

// The renderer copies notes to the clipboard; nothing else (camera, notifications,
// geolocation, reading the clipboard, ...) is ever granted.
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

export const isPermissionAllowed = (permission: string): boolean => ALLOWED_PERMISSIONS.has(permission)

/**
 * Whether the app's session may load a URL at all. Offline means offline: only the
 * app's own files (or the dev server while developing) and inline data load; a
 * remote image in an article or a stray fetch is cancelled before it leaves.
 */
export function isRequestAllowed(raw: string, app: AppLocation): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'devtools:') return true
  if (app.kind === 'dev') {
    const origin = new URL(app.origin)
    const sameHost = url.host === origin.host
    return sameHost && (url.protocol === origin.protocol || url.protocol === 'ws:' || url.protocol === 'wss:')
  }
  if (url.protocol !== 'file:') return false
  const index = new URL(app.indexUrl)
  const folder = index.pathname.slice(0, index.pathname.lastIndexOf('/') + 1)
  return url.host === index.host && url.pathname.startsWith(folder) && !url.pathname.includes('/../')
}
