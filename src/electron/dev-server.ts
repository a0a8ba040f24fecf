// The renderer's dev server (electron-vite dev, hot reload) instead of the built page.
// Honoured only when both say "development": the app is not packaged AND electron-vite's
// dev command started it (it sets NODE_ENV_ELECTRON_VITE=development for its child).
// ELECTRON_RENDERER_URL alone is not enough: an unpackaged build run from a checkout (or
// a packaging mistake) with that variable set in the environment would load any page it
// names with the preload's bridge to the user's files. And only a loopback http URL.
export function devServerUrl(isPackaged: boolean, env: Record<string, string | undefined>): string | undefined {
  if (isPackaged || env.NODE_ENV_ELECTRON_VITE !== 'development') return undefined
  const raw = env.ELECTRON_RENDERER_URL
  if (!raw) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return undefined
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]'
  return url.protocol === 'http:' && loopback ? raw : undefined
}
