// One shared copy of the reading preferences per Api: every usePrefs(api) caller (the
// reader, the settings dialog, the side bars) sees the same values, changes apply to
// the page at once, and saving to settings.json goes through prefs.set — debounced
// when a slider sends a change per pixel.
import type { Api } from '../../../../shared/api'
import { DEFAULT_PREFS, type Prefs, type PrefsPatch } from '../../../../shared/model'

export interface PrefsStore {
  get(): Prefs
  /** True once prefs.get has answered (or failed, leaving the defaults). */
  loaded(): boolean
  subscribe(listener: () => void): () => void
  /** Applies at once; saves after `debounceMs` (0 = now), merging patches made meanwhile. */
  update(patch: PrefsPatch, options?: { debounceMs?: number }): void
  /** Saves a pending debounced patch now (e.g. when the dialog closes). */
  flush(): Promise<void>
  onError(listener: (error: unknown) => void): () => void
}

export function createPrefsStore(api: Pick<Api, 'prefs.get' | 'prefs.set'>): PrefsStore {
  let prefs: Prefs = { ...DEFAULT_PREFS }
  let isLoaded = false
  /** Changes made here that prefs.set has not confirmed yet: they win over older answers. */
  let unsaved: PrefsPatch = {}
  let pending: PrefsPatch = {}
  let timer: ReturnType<typeof setTimeout> | null = null
  let saving: Promise<void> = Promise.resolve()
  const listeners = new Set<() => void>()
  const errorListeners = new Set<(error: unknown) => void>()

  const emit = () => {
    for (const listener of listeners) listener()
  }
  const fail = (error: unknown) => {
    for (const listener of errorListeners) listener(error)
  }

  const save = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = null
    const patch = pending
    pending = {}
    if (Object.keys(patch).length === 0) return saving
    saving = saving.then(async () => {
      try {
        const answer = await api['prefs.set'](patch)
        for (const key of Object.keys(patch) as Array<keyof Prefs>) {
          if (unsaved[key] === patch[key]) delete unsaved[key]
        }
        prefs = { ...answer, ...unsaved } as Prefs
        emit()
      } catch (error) {
        fail(error)
      }
    })
    return saving
  }

  void api['prefs.get']({})
    .then((stored) => {
      prefs = { ...stored, ...unsaved } as Prefs
    })
    // Unreadable preferences leave the defaults in place: nothing the reader can act on,
    // and the page says so anyway when it cannot reach the app at all.
    .catch(() => undefined)
    .finally(() => {
      isLoaded = true
      emit()
    })

  return {
    get: () => prefs,
    loaded: () => isLoaded,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    update(patch, options = {}) {
      prefs = { ...prefs, ...patch } as Prefs
      unsaved = { ...unsaved, ...patch }
      pending = { ...pending, ...patch }
      emit()
      const wait = options.debounceMs ?? 0
      if (wait <= 0) void save()
      else {
        if (timer) clearTimeout(timer)
        timer = setTimeout(() => void save(), wait)
      }
    },
    flush: save,
    onError(listener) {
      errorListeners.add(listener)
      return () => errorListeners.delete(listener)
    }
  }
}

const stores = new WeakMap<object, PrefsStore>()

/** The one store for this Api (created on first use). */
export function prefsStoreFor(api: Pick<Api, 'prefs.get' | 'prefs.set'>): PrefsStore {
  let store = stores.get(api)
  if (!store) {
    store = createPrefsStore(api)
    stores.set(api, store)
  }
  return store
}
