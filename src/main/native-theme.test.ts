import { describe, expect, it } from 'vitest'
import { THEME_CHOICES } from '../shared/model'
import { nativeThemeSource } from './native-theme'

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
