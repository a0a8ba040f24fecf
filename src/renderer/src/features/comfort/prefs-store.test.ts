import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_PREFS, type Prefs, type PrefsPatch } from '../../../../shared/model'
import { createPrefsStore, prefsStoreFor } from './prefs-store'

/** A prefs.get / prefs.set pair backed by a plain object, recording each save. */
function fakeApi(stored: Partial<Prefs> = {}) {
  let prefs: Prefs = { ...DEFAULT_PREFS, ...stored }
  const saves: PrefsPatch[] = []
  return {
    saves,
    stored: () => prefs,
    api: {
      'prefs.get': async () => ({ ...prefs }),
      'prefs.set': async (patch: PrefsPatch) => {
        saves.push(patch)
        prefs = { ...prefs, ...patch }
        return { ...prefs }
      }
    }
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(() => {
  vi.useRealTimers()
})

describe('prefs store', () => {
  it('starts with the defaults and then shows the stored preferences', async () => {
    const { api } = fakeApi({ theme: 'sepia', fontSize: 22 })
    const store = createPrefsStore(api)
    expect(store.get()).toEqual(DEFAULT_PREFS)
    expect(store.loaded()).toBe(false)
    await settle()
    expect(store.loaded()).toBe(true)
    expect(store.get()).toMatchObject({ theme: 'sepia', fontSize: 22 })
  })

  it('applies a change at once and saves it', async () => {
    const fake = fakeApi()
    const store = createPrefsStore(fake.api)
    await settle()
    const seen: string[] = []
    store.subscribe(() => seen.push(store.get().theme))
    store.update({ theme: 'dark' })
    expect(store.get().theme).toBe('dark')
    await store.flush()
    expect(fake.saves).toEqual([{ theme: 'dark' }])
    expect(fake.stored().theme).toBe('dark')
    expect(seen[0]).toBe('dark')
  })

  it('debounced slider changes are saved once, with the last value', async () => {
    vi.useFakeTimers()
    const fake = fakeApi()
    const store = createPrefsStore(fake.api)
    await vi.runAllTimersAsync()
    for (const size of [19, 20, 21, 22]) store.update({ fontSize: size }, { debounceMs: 300 })
    expect(store.get().fontSize).toBe(22)
    expect(fake.saves).toEqual([])
    await vi.advanceTimersByTimeAsync(300)
    expect(fake.saves).toEqual([{ fontSize: 22 }])
  })

  it('a change made before the stored values arrive is not overwritten by them', async () => {
    const fake = fakeApi({ theme: 'sepia' })
    const store = createPrefsStore(fake.api)
    store.update({ fontSize: 25 })
    await store.flush()
    await settle()
    expect(store.get()).toMatchObject({ theme: 'sepia', fontSize: 25 })
  })

  it('reports a failed save and keeps the value the user chose on screen', async () => {
    const errors: unknown[] = []
    const store = createPrefsStore({
      'prefs.get': async () => ({ ...DEFAULT_PREFS }),
      'prefs.set': async () => {
        throw new Error('disk full')
      }
    })
    store.onError((error) => errors.push(error))
    store.update({ theme: 'dark' })
    await store.flush()
    expect(errors).toHaveLength(1)
    expect(store.get().theme).toBe('dark')
  })

  it('prefsStoreFor shares one store per api', () => {
    const { api } = fakeApi()
    expect(prefsStoreFor(api)).toBe(prefsStoreFor(api))
    expect(prefsStoreFor(fakeApi().api)).not.toBe(prefsStoreFor(api))
  })
})
