// Which page may call the contract over IPC: the app's own window, its main frame,
// showing the app's own page. Pure, so the rule is tested without Electron.

/** Where the app's page comes from: the built file, or the dev server while developing. */
export type AppLocation = { kind: 'file'; indexUrl: string } | { kind: 'dev'; origin: string }

/** The parts of Electron's WebFrameMain the check needs. */
export interface FrameRef {
  processId: number
  routingId: number
  url: string
}

export function appLocation(devServerUrl: string | undefined, indexFileUrl: string): AppLocation {
  return devServerUrl ? { kind: 'dev', origin: new URL(devServerUrl).origin } : { kind: 'file', indexUrl: indexFileUrl }
}

/** True when url is the app's own page (any query or fragment). */
export function isAppUrl(url: string, app: AppLocation): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (app.kind === 'dev') return parsed.origin === app.origin
  const index = new URL(app.indexUrl)
  return parsed.protocol === 'file:' && parsed.host === index.host && parsed.pathname === index.pathname
}

export function isTrustedSender(
  sender: FrameRef | null | undefined,
  mainFrame: FrameRef | null | undefined,
  app: AppLocation
): boolean {
  if (!sender || !mainFrame) return false
  // Frames are compared by identity, not by URL alone: an iframe or another window
  // showing the same file must not gain the main window's rights.
  const sameFrame = sender.processId === mainFrame.processId && sender.routingId === mainFrame.routingId
  return sameFrame && isAppUrl(sender.url, app)
}
