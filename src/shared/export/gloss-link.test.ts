import { describe, expect, it } from 'vitest'
import { glossLink, parseGlossLink } from './gloss-link'

describe('glossLink', () => {
  it('writes the corpus, article and highlight as encoded query parameters', () => {
    expect(glossLink({ corpus: '/home/ana/Clippings', article: 'a1b2', highlight: 'c0ffee01-9f1e' })).toBe(
      'gloss://open?corpus=%2Fhome%2Fana%2FClippings&article=a1b2&highlight=c0ffee01-9f1e'
    )
    expect(glossLink({ corpus: '/x', article: 'a1' })).toBe('gloss://open?corpus=%2Fx&article=a1')
  })

  it('encodes what Markdown link destinations and shells trip over', () => {
    const link = glossLink({ corpus: "/Users/ana/My (old) notes & 'clips'!*", article: 'a b', highlight: 'h#1' })
    expect(link).not.toMatch(/[\s()<>'!*#"]/)
    expect(link).toContain('%28old%29')
  })

  it.each([
    ['POSIX path with spaces and parentheses', { corpus: '/home/ana/Clippings (2023)/news', article: '7d1f00aa', highlight: 'h-1' }],
    ['Windows path', { corpus: 'C:\\Users\\Ana\\Documents\\Clippings', article: 'abc', highlight: null }],
    ['UNC path', { corpus: '\\\\server\\share\\Reading', article: 'abc', highlight: 'x' }],
    ['non-ASCII and plus/ampersand/equals', { corpus: '/data/Über + Brücke/a&b=c', article: 'ü', highlight: '+=&?' }],
    ['emoji', { corpus: '/🌊/notes', article: 'id', highlight: null }]
  ])('round-trips a %s', (_case, target) => {
    expect(parseGlossLink(glossLink(target))).toEqual({ ...target, highlight: target.highlight ?? null })
  })
})

describe('parseGlossLink', () => {
  it('accepts parameters in any order, a trailing slash and an upper-case scheme', () => {
    expect(parseGlossLink('gloss://open?article=a&highlight=h&corpus=%2Fc')).toEqual({ corpus: '/c', article: 'a', highlight: 'h' })
    expect(parseGlossLink('gloss://open/?corpus=%2Fc&article=a')).toEqual({ corpus: '/c', article: 'a', highlight: null })
    expect(parseGlossLink('GLOSS://OPEN?corpus=%2Fc&article=a')).toEqual({ corpus: '/c', article: 'a', highlight: null })
  })

  it.each([
    ['another scheme', 'https://open?corpus=%2Fc&article=a'],
    ['javascript', 'javascript:alert(1)//gloss://open?corpus=%2Fc&article=a'],
    ['no slashes', 'gloss:open?corpus=%2Fc&article=a'],
    ['another host', 'gloss://delete?corpus=%2Fc&article=a'],
    ['a path', 'gloss://open/x?corpus=%2Fc&article=a'],
    ['credentials', 'gloss://me@open?corpus=%2Fc&article=a'],
    ['a port', 'gloss://open:80?corpus=%2Fc&article=a'],
    ['a fragment', 'gloss://open?corpus=%2Fc&article=a#x'],
    ['no query', 'gloss://open'],
    ['missing article', 'gloss://open?corpus=%2Fc'],
    ['missing corpus', 'gloss://open?article=a'],
    ['unknown parameter', 'gloss://open?corpus=%2Fc&article=a&run=1'],
    ['repeated parameter', 'gloss://open?corpus=%2Fc&article=a&article=b'],
    ['empty value', 'gloss://open?corpus=%2Fc&article='],
    ['empty highlight', 'gloss://open?corpus=%2Fc&article=a&highlight='],
    ['parameter without value', 'gloss://open?corpus=%2Fc&article'],
    ['empty pair', 'gloss://open?corpus=%2Fc&&article=a'],
    ['bad percent-encoding', 'gloss://open?corpus=%E0%A4%A&article=a'],
    ['relative corpus', 'gloss://open?corpus=..%2Fc&article=a'],
    ['control character', 'gloss://open?corpus=%2Fc%00&article=a'],
    ['newline', 'gloss://open?corpus=%2Fc&article=a%0Ab'],
    ['overlong id', `gloss://open?corpus=%2Fc&article=${'a'.repeat(201)}`],
    ['overlong link', `gloss://open?corpus=%2F${'c'.repeat(9000)}&article=a`],
    ['leading space', ' gloss://open?corpus=%2Fc&article=a']
  ])('refuses %s', (_case, url) => {
    expect(parseGlossLink(url)).toBeNull()
  })

  it.each([[undefined], [null], [42], [{ corpus: '/c', article: 'a' }]])('refuses a non-string (%j)', (value) => {
    expect(parseGlossLink(value)).toBeNull()
  })
})
