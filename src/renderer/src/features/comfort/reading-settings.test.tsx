// @vitest-environment jsdom
// The Reading settings dialog and the page it paints: <html data-theme>, the --reader-*
// variables, saving through prefs.set (sliders once they settle), Reset, Escape.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_PREFS, type Prefs, type PrefsPatch } from '../../../../shared/model'
import { ReadingSettingsDialog, roundToStep, SLIDER_SAVE_DELAY_MS } from './reading-settings'
import { paintCachedTheme, usePrefsOnPage } from './use-prefs'
import { THEME_CACHE_KEY } from './prefs-style'

function fakeApi(stored: Partial<Prefs> = {}) {
  let prefs: Prefs = { ...DEFAULT_PREFS, ...stored }
  const saves: PrefsPatch[] = []
  return {
    saves,
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

/** OS colour scheme for matchMedia('(prefers-color-scheme: dark)'), changeable mid-test. */
function stubColorScheme(dark: boolean) {
  const listeners = new Set<() => void>()
  const query = {
    get matches() {
      return dark
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener)
  }
  vi.stubGlobal('matchMedia', () => query)
  return (next: boolean) => {
    dark = next
    for (const listener of listeners) listener()
  }
}

/** The page with its "Aa" button; the dialog opens once the stored preferences are in, as in the app. */
function Page({ api, onClose }: { api: ReturnType<typeof fakeApi>['api']; onClose: () => void }) {
  usePrefsOnPage(api)
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Aa
      </button>
      {open && (
        <ReadingSettingsDialog
          api={api}
          onClose={() => {
            setOpen(false)
            onClose()
          }}
        />
      )}
    </>
  )
}

async function openPage(api: ReturnType<typeof fakeApi>['api'], onClose: () => void = () => undefined) {
  render(<Page api={api} onClose={onClose} />)
  await settle()
  // A real click focuses the button first; jsdom's does not.
  const opener = screen.getByRole('button', { name: 'Aa' })
  opener.focus()
  fireEvent.click(opener)
}

const html = () => document.documentElement
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)))

beforeEach(() => {
  html().removeAttribute('data-theme')
  html().removeAttribute('style')
  localStorage.clear()
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('ReadingSettingsDialog', () => {
  it('shows the stored choices, starts on the theme in use, and paints them on the page', async () => {
    stubColorScheme(false)
    const { api } = fakeApi({ theme: 'sepia', fontFamily: 'sans', fontSize: 20, lineHeight: 1.8, columnWidth: 72 })
    await openPage(api)
    const dialog = screen.getByRole('dialog', { name: 'Reading settings' })
    const sepia = within(dialog).getByRole('radio', { name: 'Sepia' })
    expect((sepia as HTMLInputElement).checked).toBe(true)
    expect(document.activeElement).toBe(sepia)
    expect((within(dialog).getByRole('radio', { name: 'Sans' }) as HTMLInputElement).checked).toBe(true)
    expect((within(dialog).getByRole('slider', { name: 'Font size' }) as HTMLInputElement).value).toBe('20')
    expect(within(dialog).getByTestId('value-lineHeight').textContent).toBe('1.8')
    expect(within(dialog).getByTestId('value-columnWidth').textContent).toBe('72 ch')
    expect(html().dataset.theme).toBe('sepia')
    expect(html().style.getPropertyValue('--reader-font-size')).toBe('20px')
    expect(html().style.getPropertyValue('--reader-column')).toBe('72ch')
    expect(html().style.getPropertyValue('--reader-font-family')).toContain('system-ui')
    expect(localStorage.getItem(THEME_CACHE_KEY)).toBe('sepia')
  })

  it('a theme or font choice applies and is saved at once', async () => {
    stubColorScheme(false)
    const fake = fakeApi()
    await openPage(fake.api)
    expect(html().dataset.theme).toBe('light')
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }))
    expect(html().dataset.theme).toBe('dark')
    fireEvent.click(screen.getByRole('radio', { name: 'Mono' }))
    expect(html().style.getPropertyValue('--reader-font-family')).toContain('ui-monospace')
    await settle()
    expect(fake.saves).toEqual([{ theme: 'dark' }, { fontFamily: 'mono' }])
  })

  it('slider steps apply at once and are saved once, with the last value, after they settle', async () => {
    stubColorScheme(false)
    const fake = fakeApi()
    await openPage(fake.api)
    vi.useFakeTimers()
    const size = screen.getByRole('slider', { name: 'Font size' })
    for (const value of ['19', '20', '21', '22']) fireEvent.change(size, { target: { value } })
    expect(screen.getByTestId('value-fontSize').textContent).toBe('22 px')
    expect(size.getAttribute('aria-valuetext')).toBe('22 pixels')
    expect(html().style.getPropertyValue('--reader-font-size')).toBe('22px')
    fireEvent.change(screen.getByRole('slider', { name: 'Line height' }), { target: { value: '1.7000000000000002' } })
    expect(html().style.getPropertyValue('--reader-line-height')).toBe('1.7')
    expect(fake.saves).toEqual([])
    await act(() => vi.advanceTimersByTimeAsync(SLIDER_SAVE_DELAY_MS))
    expect(fake.saves).toEqual([{ fontSize: 22, lineHeight: 1.7 }])
  })

  it('Reset goes back to the defaults; Escape closes', async () => {
    stubColorScheme(false)
    const fake = fakeApi({ theme: 'dark', fontSize: 28, columnWidth: 44 })
    const onClose = vi.fn()
    await openPage(fake.api, onClose)
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }))
    await settle()
    expect((screen.getByRole('radio', { name: 'System' }) as HTMLInputElement).checked).toBe(true)
    expect(screen.getByTestId('value-fontSize').textContent).toBe(`${DEFAULT_PREFS.fontSize} px`)
    expect(fake.saves.at(-1)).toMatchObject({ theme: 'system', fontSize: DEFAULT_PREFS.fontSize, columnWidth: DEFAULT_PREFS.columnWidth })
    // Side-bar preferences are not reading settings: Reset leaves them alone.
    expect(fake.saves.at(-1)).not.toHaveProperty('libraryWidth')
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).toBeNull()
    // Focus goes back to the button that opened it.
    await settle()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Aa' }))
  })

  it("'System' follows the OS, also when it changes", async () => {
    const setDark = stubColorScheme(true)
    await openPage(fakeApi().api)
    expect(html().dataset.theme).toBe('dark')
    act(() => setDark(false))
    expect(html().dataset.theme).toBe('light')
  })
})

describe('paintCachedTheme', () => {
  it('paints the theme remembered from last time, else the OS scheme', () => {
    stubColorScheme(true)
    paintCachedTheme()
    expect(html().dataset.theme).toBe('dark')
    localStorage.setItem(THEME_CACHE_KEY, 'sepia')
    paintCachedTheme()
    expect(html().dataset.theme).toBe('sepia')
    localStorage.setItem(THEME_CACHE_KEY, 'neon')
    paintCachedTheme()
    expect(html().dataset.theme).toBe('dark')
  })
})

describe('roundToStep', () => {
  it.each([
    [1.7000000000000002, 0.1, 1.7],
    [22, 1, 22],
    [44.0000001, 4, 44]
  ])('%s at step %s → %s', (value, step, rounded) => {
    expect(roundToStep(value, step)).toBe(rounded)
  })
})
