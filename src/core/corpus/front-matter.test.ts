import matter from 'gray-matter'
import { afterEach, describe, expect, it } from 'vitest'
import { JS_FRONT_MATTER_REASON, readFrontMatter, startsWithFrontMatter } from './front-matter'

// gray-matter keeps this global cache but its type declarations do not mention it.
const grayMatterCache = (): Record<string, unknown> => (matter as unknown as { cache: Record<string, unknown> }).cache

declare global {
  // Set only if gray-matter's eval engine ran.
  var __glossFrontMatterRan: unknown
}

afterEach(() => {
  delete globalThis.__glossFrontMatterRan
})

describe('readFrontMatter', () => {
  it('keeps dates exactly as written instead of turning them into Date objects', () => {
    const result = readFrontMatter(
      [
        '---',
        'publishedDateTime: 2020-08-26T20:48:00Z',
        'date: 2021-03-04',
        'created: 2021-03-04 10:15:00',
        'quoted: "2019-01-02"',
        '---',
        'body'
      ].join('\n')
    )
    expect(result).toEqual({
      kind: 'fields',
      data: {
        publishedDateTime: '2020-08-26T20:48:00Z',
        date: '2021-03-04',
        created: '2021-03-04 10:15:00',
        quoted: '2019-01-02'
      },
      body: 'body'
    })
  })

  it.each(['js', 'javascript', 'JS', 'Javascript'])('refuses ---%s front matter without running it', (language) => {
    const text = `---${language}\n{ title: (globalThis.__glossFrontMatterRan = 'yes') }\n---\nbody`
    expect(readFrontMatter(text)).toEqual({ kind: 'error', reason: JS_FRONT_MATTER_REASON })
    expect(globalThis.__glossFrontMatterRan).toBeUndefined()
  })

  it.each([
    ['an unclosed flow sequence', '---\ntitle: [unclosed\ndate: 2020-01-01\n---\nbody', /^Front matter is not valid YAML: .+ \(line \d+, column \d+\)$/],
    ['bad indentation on line 3', '---\ntitle: a\n  bad: : x\n---\nbody', /^Front matter is not valid YAML: bad indentation of a mapping entry \(line 3, column 6\)$/],
    ['an unsupported language', '---coffee\ntitle: "x"\n---\nbody', /^Front matter in "coffee" is not supported$/]
  ])('reports %s', (_name, text, reason) => {
    const result = readFrontMatter(text)
    expect(result.kind).toBe('error')
    expect(result.kind === 'error' && result.reason).toMatch(reason)
  })

  it.each([
    ['no front matter', '# Title\n\nText', '# Title\n\nText'],
    ['a rule with no closing line', '---\n\nText after a rule', '---\n\nText after a rule'],
    ['four dashes (a rule)', '----\ntitle: x\n---\n', '----\ntitle: x\n---\n'],
    ['a prose line between two rules', '---\nJust a sentence.\n---\nMore', '---\nJust a sentence.\n---\nMore']
  ])('treats %s as body only', (_name, text, body) => {
    expect(readFrontMatter(text)).toEqual({ kind: 'none', body })
  })

  it('reads JSON front matter and empty front matter', () => {
    expect(readFrontMatter('---json\n{"title": "J"}\n---\nbody')).toEqual({ kind: 'fields', data: { title: 'J' }, body: 'body' })
    expect(readFrontMatter('---\n---\nbody')).toEqual({ kind: 'fields', data: {}, body: 'body' })
  })

  it('lets a repeated key win instead of failing the file', () => {
    expect(readFrontMatter('---\ntitle: one\ntitle: two\n---\n')).toMatchObject({ kind: 'fields', data: { title: 'two' } })
  })

  it('never fills gray-matter’s shared cache and never returns shared objects', () => {
    const text = '---\ntitle: Shared?\n---\nbody'
    const first = readFrontMatter(text)
    const second = readFrontMatter(text)
    expect(first.kind === 'fields' && second.kind === 'fields' && first.data !== second.data).toBe(true)
    expect(Object.keys(grayMatterCache())).not.toContain(text)
  })
})

describe('startsWithFrontMatter', () => {
  it.each([
    ['---\ntitle: x\n---\n', true],
    ['---yaml\ntitle: x\n---\n', true],
    ['---\ntitle: x\n', false],
    ['--- title: x\n---\n', false],
    ['---', false],
    ['text\n---\n---\n', false]
  ])('%j → %s', (text, expected) => {
    expect(startsWithFrontMatter(text)).toBe(expected)
  })
})

describe('readFrontMatter in the other dialects', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    [
      'TOML between +++ lines (Hugo, Zola), dates kept with their offset',
      '+++\ntitle = "Tidal clocks"\ndate = 2024-05-01T10:22:31+02:00\nday = 2023-11-30\nauthors = ["Rosa Vidal"]\n[taxonomies]\ntags = ["sea", "time"]\n+++\n\nThe body.',
      { title: 'Tidal clocks', date: '2024-05-01T10:22:31+02:00', day: '2023-11-30', authors: ['Rosa Vidal'], taxonomies: { tags: ['sea', 'time'] } },
      '\nThe body.'
    ],
    ['---toml', '---toml\ntitle = "Named"\n---\nbody', { title: 'Named' }, 'body'],
    [
      'a bare JSON object at the top (Hugo)',
      '{\n  "title": "Braces first",\n  "date": "2022-02-02",\n  "tags": ["a}b", "c"]\n}\n\n# Braces first\n\nText.',
      { title: 'Braces first', date: '2022-02-02', tags: ['a}b', 'c'] },
      '\n# Braces first\n\nText.'
    ],
    ['a bare JSON object opened on the key line', '{ "title": "One line" }\nText.', { title: 'One line' }, 'Text.']
  ])('%s', (_name, text, data, body) => {
    expect(readFrontMatter(text)).toEqual({ kind: 'fields', data, body })
  })

  it.each([
    ['broken TOML, with the file line', '+++\ntitle = "ok"\ndate = \n+++\nbody', /^Front matter is not valid TOML: .+ \(line 3, column \d+\)$/],
    ['broken JSON', '{\n  "title": "x",\n}\nbody', /^Front matter is not valid JSON: /],
    ['a JSON object never closed', '{\n  "title": "x"\nbody', /^Front matter is not valid JSON: the opening \{ is never closed$/]
  ])('reports %s as a problem, not body text', (_name, text, reason) => {
    const result = readFrontMatter(text)
    expect(result.kind).toBe('error')
    expect(result.kind === 'error' && result.reason).toMatch(reason)
  })

  it.each([
    ['+++ with no closing line', '+++\nnot toml at all'],
    ['prose in braces', '{this is an aside} and the text goes on'],
    ['a + list marker', '+ an item\n+ another']
  ])('treats %s as body only', (_name, text) => {
    expect(readFrontMatter(text)).toEqual({ kind: 'none', body: text })
  })
})
