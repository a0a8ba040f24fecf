// The three palettes, read from the CSS the app ships: every text colour on every
// background it is used on passes WCAG AA (4.5:1), highlight marks included (blended
// over the page, as they are painted), so axe-core's color-contrast finds nothing.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { blend, contrastRatio, parseColor } from './contrast'

const here = path.dirname(new URL(import.meta.url).pathname)
const stylesCss = readFileSync(path.join(here, '..', '..', 'styles.css'), 'utf8')
const themesCss = readFileSync(path.join(here, 'themes.css'), 'utf8')

function variables(block: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const match of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) found[match[1]] = match[2].trim()
  return found
}

function blockOf(css: string, selector: string): string {
  const start = css.indexOf(`${selector} {`)
  if (start < 0) throw new Error(`no ${selector} block`)
  return css.slice(start, css.indexOf('\n}', start))
}

const light = variables(blockOf(stylesCss, ':root'))
const palettes = {
  light,
  sepia: { ...light, ...variables(blockOf(themesCss, ":root[data-theme='sepia']")) },
  dark: { ...light, ...variables(blockOf(themesCss, ":root[data-theme='dark']")) }
}

/** Text colours and the backgrounds they appear on in styles.css / search.css. */
const PAIRS: Array<[text: string, backgrounds: string[]]> = [
  ['--ink', ['--paper', '--panel', '--chrome', '--surface', '--surface-hover', '--row-hover', '--accent-soft', '--code-bg', '--code-inline-bg', '--missing-bg', '--problem-bg', '--error-bg']],
  ['--ink-soft', ['--paper', '--panel', '--chrome', '--surface']],
  ['--muted', ['--paper', '--panel', '--chrome', '--surface', '--accent-soft', '--row-hover', '--missing-bg']],
  ['--accent', ['--paper', '--panel', '--chrome', '--surface', '--accent-soft']],
  ['--danger', ['--paper', '--panel', '--surface', '--error-bg', '--problem-bg']],
  ['--on-accent', ['--accent', '--accent-strong']],
  ['--notice-ink', ['--notice-bg', '--notice-soft']],
  ['--badge-ink', ['--badge-bg']],
  ['--toast-ink', ['--toast-bg']]
]

describe.each(Object.entries(palettes))('%s theme', (name, palette) => {
  const color = (variable: string) => {
    const value = palette[variable as keyof typeof palette]
    if (!value) throw new Error(`${name}: ${variable} is not set`)
    return parseColor(value)
  }

  it.each(PAIRS)('%s is AA-readable on its backgrounds', (text, backgrounds) => {
    for (const background of backgrounds) {
      const ratio = contrastRatio(color(text), color(background))
      expect(ratio, `${name}: ${text} on ${background} = ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('text in every highlight colour stays AA-readable', () => {
    for (const hl of ['--hl-yellow', '--hl-green', '--hl-blue', '--hl-pink']) {
      const painted = blend(color(hl), color('--paper'))
      const ratio = contrastRatio(color('--ink'), painted)
      expect(ratio, `${name}: ink on ${hl} = ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('the focus ring stands out from every surface (WCAG 1.4.11: 3:1)', () => {
    for (const background of ['--paper', '--panel', '--chrome', '--surface']) {
      const ratio = contrastRatio(color('--focus'), color(background))
      expect(ratio, `${name}: --focus on ${background} = ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(3)
    }
  })

  it('the toast error text is readable', () => {
    expect(contrastRatio(color('--toast-ink'), color('--toast-error-bg'))).toBeGreaterThanOrEqual(4.5)
  })
})

describe('contrast arithmetic', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#777777', '#ffffff', 4.48],
    ['#fff', '#fff', 1]
  ])('%s on %s ≈ %s', (a, b, ratio) => {
    expect(contrastRatio(parseColor(a), parseColor(b))).toBeCloseTo(ratio, 1)
  })

  it('blends a translucent colour over its backdrop', () => {
    expect(blend(parseColor('rgba(255, 0, 0, 0.5)'), parseColor('#0000ff'))).toEqual({ r: 127.5, g: 0, b: 127.5, a: 1 })
  })

  it('themes.css repaints every colour variable the light palette defines', () => {
    const colourVars = Object.keys(light).filter((v) => !/^--(sans|serif|mono)$/.test(v))
    for (const theme of ['sepia', 'dark']) {
      const own = variables(blockOf(themesCss, `:root[data-theme='${theme}']`))
      const missing = colourVars.filter((v) => !(v in own) && !/^--hl-\w+-edge$/.test(v))
      expect(missing, theme).toEqual([])
    }
  })
})
