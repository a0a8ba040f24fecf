import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { THEME_CHOICES } from '../shared/model'
import { nativeThemeSource, WINDOW_CHROME, windowBackground } from './native-theme'

describe('nativeThemeSource', () => {
  it.each([
    ['system', 'system'],
    ['light', 'light'],
    ['dark', 'dark'],
    ['sepia', 'light']
  ] as const)('%s → %s', (theme, source) => {
    expect(nativeThemeSource(theme)).toBe(source)
  })

  it('covers every theme choice', () => {
    expect(THEME_CHOICES.map(nativeThemeSource)).toEqual(['system', 'light', 'dark', 'light'])
  })
})

describe('windowBackground', () => {
  it.each([
    ['light', false, WINDOW_CHROME.light],
    ['sepia', true, WINDOW_CHROME.sepia],
    ['dark', false, WINDOW_CHROME.dark],
    ['system', false, WINDOW_CHROME.light],
    ['system', true, WINDOW_CHROME.dark]
  ] as const)('%s (OS dark: %s) → %s', (theme, systemDark, colour) => {
    expect(windowBackground(theme, systemDark)).toBe(colour)
  })

  it("is the page's own chrome colour in each theme, so the first frame matches", () => {
    const base = readFileSync('src/renderer/src/styles.css', 'utf8')
    const themes = readFileSync('src/renderer/src/features/comfort/themes.css', 'utf8')
    const chromeIn = (css: string, selector: string) => {
      const block = css.slice(css.indexOf(selector), css.indexOf('}', css.indexOf(selector)))
      return /--chrome:\s*(#[0-9a-f]{6})/i.exec(block)?.[1]?.toLowerCase()
    }
    expect(chromeIn(base, ':root {')).toBe(WINDOW_CHROME.light)
    expect(chromeIn(themes, ":root[data-theme='sepia']")).toBe(WINDOW_CHROME.sepia)
    expect(chromeIn(themes, ":root[data-theme='dark']")).toBe(WINDOW_CHROME.dark)
  })
})
