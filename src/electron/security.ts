// Electron hardening: the decisions live in security-policy.ts; this
// file only attaches them to Electron's session and to every webContents created.
import { app, shell, type Session, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy'
import { externalUrl, isPermissionAllowed, isRequestAllowed } from './security-policy'
import type { AppLocation } from './sender-trust'

function openInBrowser(raw: string): void {
  const url = externalUrl(raw)
  if (url) shell.openExternal(url).catch((error) => console.error('gloss: could not open link', error))
}

export function hardenSession(session: Session, location: AppLocation): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)))
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission))
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, location) })
  })
  // The dev server's page needs an inline preamble and HMR, so the header is for the
  // built app only; index.html carries the same policy as a meta tag either way.
  if (location.kind === 'file') {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
      })
    })
  }
}

function hardenWebContents(contents: WebContents): void {
  // Links never replace the app: http(s) goes to the system browser, anything else nowhere.
  contents.on('will-navigate', (event) => {
    if (event.isSameDocument) return
    event.preventDefault()
    openInBrowser(event.url)
  })
  contents.on('will-redirect', (event) => {
    if (!event.isSameDocument) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Applies the navigation rules to every webContents, the main window's included. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
}
