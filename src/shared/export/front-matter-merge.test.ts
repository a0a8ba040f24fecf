import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { mergeFrontMatter, parseFrontMatter, sameValue, splitFrontMatter, type FrontMatterValues } from './front-matter-merge'

const lines = (...l: string[]) => l.join('\n')

const GLOSS_BEFORE = lines('gloss_id: "a1"', 'title: "Old title"', 'source: "Daily"', 'exported: "2024-01-01T00:00:00.000Z"', 'tags:', '  - "a"', '  - "b"')
const PREVIOUS: FrontMatterValues = { gloss_id: 'a1', title: 'Old title', source: 'Daily', exported: '2024-01-01T00:00:00.000Z', tags: ['a', 'b'] }

interface Case {
  case: string
  current: string
  ours: string
  previous?: FrontMatterValues | null
  /** Values after the merge. */
  expected: FrontMatterValues
  /** Exact text after the merge, when the layout matters. */
  text?: string
  merged?: boolean
}

const cases: Case[] = [
  {
    case: 'nothing changed: the text stays as it is',
    current: GLOSS_BEFORE,
    ours: GLOSS_BEFORE,
    expected: PREVIOUS,
    text: GLOSS_BEFORE
  },
  {
    case: 'Gloss’s new values replace values the user left alone, in place',
    current: GLOSS_BEFORE,
    ours: lines('gloss_id: "a1"', 'title: "New title"', 'source: "Daily"', 'exported: "2024-02-02T00:00:00.000Z"', 'tags:', '  - "a"', '  - "b"'),
    expected: { ...PREVIOUS, title: 'New title', exported: '2024-02-02T00:00:00.000Z' },
    text: lines('gloss_id: "a1"', 'title: "New title"', 'source: "Daily"', 'exported: "2024-02-02T00:00:00.000Z"', 'tags:', '  - "a"', '  - "b"')
  },
  {
    case: 'a value the user changed is theirs',
    current: GLOSS_BEFORE.replace('Old title', 'My title'),
    ours: GLOSS_BEFORE.replace('Old title', 'New title'),
    expected: { ...PREVIOUS, title: 'My title' }
  },
  {
    case: 'the user’s keys, comments and blank lines are kept byte for byte',
    current: lines('# my comment', 'gloss_id: "a1"', 'rating: 5', 'title: "Old title"', '', '# about the source', 'source: "Daily"', 'exported: "2024-01-01T00:00:00.000Z"', 'tags:', '  - "a"', '  - "b"', 'status: reading  # inline'),
    ours: lines('gloss_id: "a1"', 'title: "Old title"', 'source: "Daily"', 'exported: "2024-03-03T00:00:00.000Z"', 'tags:', '  - "a"', '  - "b"'),
    expected: { ...PREVIOUS, exported: '2024-03-03T00:00:00.000Z', rating: 5, status: 'reading' },
    text: lines('# my comment', 'gloss_id: "a1"', 'rating: 5', 'title: "Old title"', '', '# about the source', 'source: "Daily"', 'exported: "2024-03-03T00:00:00.000Z"', 'tags:', '  - "a"', '  - "b"', 'status: reading  # inline')
  },
  {
    case: 'lists take Gloss’s changes item by item: added tags stay, removed ones stay removed',
    current: GLOSS_BEFORE.replace('  - "b"', '  - "mine"'),
    ours: GLOSS_BEFORE.replace('  - "b"', '  - "b"\n  - "d"'),
    expected: { ...PREVIOUS, tags: ['a', 'mine', 'd'] }
  },
  {
    case: 'a key Gloss no longer writes goes, unless the user changed it',
    current: GLOSS_BEFORE,
    ours: lines('gloss_id: "a1"', 'title: "Old title"', 'exported: "2024-01-01T00:00:00.000Z"', 'tags:', '  - "a"', '  - "b"'),
    expected: { gloss_id: 'a1', title: 'Old title', exported: '2024-01-01T00:00:00.000Z', tags: ['a', 'b'] }
  },
  {
    case: 'a key Gloss no longer writes stays when the user changed it',
    current: GLOSS_BEFORE.replace('"Daily"', '"Weekly"'),
    ours: lines('gloss_id: "a1"', 'title: "Old title"', 'exported: "2024-01-01T00:00:00.000Z"', 'tags:', '  - "a"', '  - "b"'),
    expected: { ...PREVIOUS, source: 'Weekly' }
  },
  {
    case: 'tags Gloss no longer writes go, tags the user added stay',
    current: GLOSS_BEFORE.replace('  - "b"', '  - "b"\n  - "mine"'),
    ours: lines('gloss_id: "a1"', 'title: "Old title"', 'source: "Daily"', 'exported: "2024-01-01T00:00:00.000Z"'),
    expected: { ...PREVIOUS, tags: ['mine'] }
  },
  {
    case: 'all of Gloss’s tags gone and none of the user’s: the key goes',
    current: GLOSS_BEFORE,
    ours: lines('gloss_id: "a1"', 'title: "Old title"', 'source: "Daily"', 'exported: "2024-01-01T00:00:00.000Z"'),
    expected: { gloss_id: 'a1', title: 'Old title', source: 'Daily', exported: '2024-01-01T00:00:00.000Z' }
  },
  {
    case: 'a new key is added at the end, before trailing blank lines',
    current: `${GLOSS_BEFORE}\nrating: 4\n\n`,
    ours: `${GLOSS_BEFORE}\nurl: "https://x.example"`,
    expected: { ...PREVIOUS, rating: 4, url: 'https://x.example' },
    text: `${GLOSS_BEFORE}\nrating: 4\nurl: "https://x.example"\n\n`
  },
  {
    case: 'without a record of last time, scalars take Gloss’s value and lists gain its items',
    current: GLOSS_BEFORE.replace('Old title', 'My title').replace('  - "b"', '  - "mine"'),
    ours: GLOSS_BEFORE.replace('Old title', 'New title'),
    previous: null,
    expected: { ...PREVIOUS, title: 'New title', tags: ['a', 'mine', 'b'] }
  },
  {
    case: 'front matter Obsidian rewrote (unquoted, flow lists, dashes at column 0)',
    current: lines('gloss_id: a1', 'title: Old title', 'source: Daily', "exported: '2024-01-01T00:00:00.000Z'", 'tags:', '- a', '- b', 'aliases: [x, y]'),
    ours: GLOSS_BEFORE.replace('Old title', 'New title').replace('  - "b"', '  - "b"\n  - "c"'),
    expected: { ...PREVIOUS, title: 'New title', tags: ['a', 'b', 'c'], aliases: ['x', 'y'] }
  },
  {
    case: 'dates and other typed values of the user survive',
    current: `${GLOSS_BEFORE}\ndate: 2023-01-01\ndone: true\nweights: {a: 1}`,
    ours: GLOSS_BEFORE.replace('Old title', 'New title'),
    expected: { ...PREVIOUS, title: 'New title', date: new Date('2023-01-01T00:00:00Z'), done: true, weights: { a: 1 } }
  },
  {
    case: 'YAML that does not parse is left alone',
    current: lines('gloss_id: "a1"', 'title: [unclosed'),
    ours: GLOSS_BEFORE,
    expected: {},
    text: lines('gloss_id: "a1"', 'title: [unclosed'),
    merged: false
  },
  {
    case: 'a complex key Gloss cannot edit line by line: left alone',
    current: lines('? title', ': Old title', 'gloss_id: "a1"'),
    ours: lines('gloss_id: "a1"', 'title: "New title"'),
    previous: { gloss_id: 'a1', title: 'Old title' },
    expected: { gloss_id: 'a1', title: 'Old title' },
    text: lines('? title', ': Old title', 'gloss_id: "a1"'),
    merged: false
  },
  {
    case: 'a multi-line value is replaced whole, the key after it kept',
    current: lines('gloss_id: "a1"', 'title: >', '  Old', '  title', 'mine: 1'),
    ours: lines('gloss_id: "a1"', 'title: "New title"'),
    previous: { gloss_id: 'a1', title: 'Old title\n' },
    expected: { gloss_id: 'a1', title: 'New title', mine: 1 },
    text: lines('gloss_id: "a1"', 'title: "New title"', 'mine: 1')
  }
]

describe('mergeFrontMatter', () => {
  it.each(cases)('$case', ({ current, ours, previous, expected, text, merged }) => {
    const result = mergeFrontMatter({ current, ours, previous: previous === undefined ? PREVIOUS : previous })
    if (merged === false) expect(result.merged).toBe(false)
    else {
      expect(result.merged).toBe(true)
      expect(yaml.load(result.yaml)).toEqual(expected)
    }
    if (text !== undefined) expect(result.yaml).toBe(text)
  })
})

describe('splitFrontMatter', () => {
  it.each([
    ['---\na: 1\n---\nbody', { open: '---\n', yaml: 'a: 1', close: '---\n', body: 'body' }],
    ['\uFEFF---\na: 1\n...\nbody', { open: '\uFEFF---\n', yaml: 'a: 1', close: '...\n', body: 'body' }],
    ['---\n---\nbody', { open: '---\n', yaml: '', close: '---\n', body: 'body' }],
    ['---\na: 1\n---', { open: '---\n', yaml: 'a: 1', close: '---', body: '' }],
    ['---  \na: |\n  x\n  ---x\n---  \n', { open: '---  \n', yaml: 'a: |\n  x\n  ---x', close: '---  \n', body: '' }]
  ])('%j', (text, parts) => {
    expect(splitFrontMatter(text)).toEqual(parts)
  })

  it.each([['no front matter'], ['\n---\na: 1\n---\n'], ['---\na: 1\n'], ['----\na: 1\n----\n']])('none in %j', (text) => {
    expect(splitFrontMatter(text)).toBeNull()
  })
})

describe('parseFrontMatter and sameValue', () => {
  it('reads a mapping, an empty front matter as no values, anything else as null', () => {
    expect(parseFrontMatter('a: 1')).toEqual({ a: 1 })
    expect(parseFrontMatter('')).toEqual({})
    expect(parseFrontMatter('- a')).toBeNull()
    expect(parseFrontMatter('just text')).toBeNull()
    expect(parseFrontMatter('a: [')).toBeNull()
  })

  it('compares values deeply, key order aside, dates by their ISO form', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true)
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false)
    expect(sameValue(new Date('2023-01-01T00:00:00Z'), '2023-01-01T00:00:00.000Z')).toBe(true)
    expect(sameValue(undefined, null)).toBe(false)
  })
})
