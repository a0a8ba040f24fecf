// usePrefs(api) → { prefs, loaded, update(patch, { debounceMs }), reset(), flush() }
// The reading preferences, shared by every caller with the same api (see prefs-store.ts).
// usePrefsOnPage(api) — called once by App — paints them on <html>: data-theme and the
// reader's CSS custom properties.
import { useCallback, useEffect, useLayoutEffect, useSyncExternalStore } from 'react'
import type { Api } from '../../../../shared/api'
import { DEFAULT_PREFS, type Prefs, type PrefsPatch } from '../../../../shared/model'
import { prefsStoreFor } from './prefs-store'
import { THEME_CACHE_KEY, prefsToCssVars, resolveTheme, type PaintedTheme } from './prefs-style'

type PrefsApi = Pick<Api, 'prefs.get' | 'prefs.set'>

export interface UsePrefs {
  prefs: Prefs
  /** False until the stored preferences have been read (defaults until then). */
  loaded: boolean
  update: (patch: PrefsPatch, options?: { debounceMs?: number }) => void
  /** Back to DEFAULT_PREFS for the given keys (all reading keys when none are given). */
  reset: (keys?: Array<keyof Prefs>) => void
  flush: () => Promise<void>
}

const READING_KEYS: Array<keyof Prefs> = ['theme', 'fontFamily', 'fontSize', 'lineHeight', 'columnWidth']

export function usePrefs(api: PrefsApi): UsePrefs {
  const store = prefsStoreFor(api)
  const prefs = useSyncExternalStore(store.subscribe, store.get, store.get)
  const loaded = useSyncExternalStore(store.subscribe, store.loaded, store.loaded)
  const reset = useCallback(
    (keys: Array<keyof Prefs> = READING_KEYS) => {
      const patch: Record<string, unknown> = {}
      for (const key of keys) patch[key] = DEFAULT_PREFS[key]
      store.update(patch as PrefsPatch)
    },
    [store]
  )
  return { prefs, loaded, update: store.update, reset, flush: store.flush }
}

const darkQuery = (): MediaQueryList | null =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null

/** Paints a theme on <html> and remembers it for the next start. */
export function paintTheme(theme: PaintedTheme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme
  try {
    window.localStorage?.setItem(THEME_CACHE_KEY, theme)
  } catch {
    // Storage may be unavailable (private mode, sandbox): only the start-up paint suffers.
  }
}

/**
 * Before React renders: the theme painted last time (or the OS theme), so the first
 * frame is not the wrong colour while prefs.get is on its way.
 */
export function paintCachedTheme(root: HTMLElement = document.documentElement): void {
  let cached: string | null = null
  try {
    cached = window.localStorage?.getItem(THEME_CACHE_KEY) ?? null
  } catch {
    cached = null
  }
  const theme: PaintedTheme =
    cached === 'light' || cached === 'dark' || cached === 'sepia' ? cached : darkQuery()?.matches ? 'dark' : 'light'
  root.dataset.theme = theme
}

/** Applies the preferences to the document; follows the OS while the theme is 'system'. */
export function usePrefsOnPage(api: PrefsApi, onError?: (error: unknown) => void): UsePrefs {
  const state = usePrefs(api)
  const { prefs, loaded } = state
  const store = prefsStoreFor(api)

  useEffect(() => (onError ? store.onError(onError) : undefined), [store, onError])

  useLayoutEffect(() => {
    const root = document.documentElement
    for (const [name, value] of Object.entries(prefsToCssVars(prefs))) root.style.setProperty(name, value)
    root.dataset.themeChoice = prefs.theme
  }, [prefs.fontFamily, prefs.fontSize, prefs.lineHeight, prefs.columnWidth, prefs.theme])

  useLayoutEffect(() => {
    // Until the stored choice is known, keep what paintCachedTheme put there.
    if (!loaded) return
    const query = darkQuery()
    const paint = () => paintTheme(resolveTheme(prefs.theme, query?.matches ?? false))
    paint()
    if (prefs.theme !== 'system' || !query) return
    query.addEventListener?.('change', paint)
    return () => query.removeEventListener?.('change', paint)
  }, [prefs.theme, loaded])

  // Leaving the page with a slider change still waiting: save it.
  useEffect(() => {
    const onHide = () => void store.flush()
    window.addEventListener('pagehide', onHide)
    return () => window.removeEventListener('pagehide', onHide)
  }, [store])

  return state
}
