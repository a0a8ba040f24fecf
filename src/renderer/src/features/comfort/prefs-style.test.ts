import { describe, expect, it } from 'vitest'
import { DEFAULT_PREFS, PREF_LIMITS } from '../../../../shared/model'
import { FONT_STACKS, prefsToCssVars, resolveTheme } from './prefs-style'

describe('resolveTheme', () => {
  it.each([
    ['system', false, 'light'],
    ['system', true, 'dark'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
    ['sepia', true, 'sepia']
  ] as const)('%s with OS dark=%s paints %s', (choice, systemDark, painted) => {
    expect(resolveTheme(choice, systemDark)).toBe(painted)
  })
})

describe('prefsToCssVars', () => {
  it('maps the defaults to the reader custom properties', () => {
    expect(prefsToCssVars(DEFAULT_PREFS)).toEqual({
      '--reader-font-family': FONT_STACKS.serif,
      '--reader-font-size': '18px',
      '--reader-line-height': '1.6',
      '--reader-column': '68ch'
    })
  })

  it.each([
    ['sans', 'system-ui'],
    ['mono', 'ui-monospace'],
    ['serif', 'Georgia']
  ] as const)('%s uses a system stack containing %s and ending in a generic family', (family, contains) => {
    const stack = prefsToCssVars({ ...DEFAULT_PREFS, fontFamily: family })['--reader-font-family']
    expect(stack).toContain(contains)
    expect(stack).toMatch(/(serif|sans-serif|monospace)$/)
  })

  it('clamps out-of-range numbers and rounds the line height to the slider step', () => {
    const vars = prefsToCssVars({ ...DEFAULT_PREFS, fontSize: 99, lineHeight: 1.7000000000000002, columnWidth: 3 })
    expect(vars['--reader-font-size']).toBe(`${PREF_LIMITS.fontSize.max}px`)
    expect(vars['--reader-line-height']).toBe('1.7')
    expect(vars['--reader-column']).toBe(`${PREF_LIMITS.columnWidth.min}ch`)
  })

  it('no font stack asks for a web font', () => {
    for (const stack of Object.values(FONT_STACKS)) expect(stack).not.toMatch(/url\(|@import|https?:/)
  })
})
