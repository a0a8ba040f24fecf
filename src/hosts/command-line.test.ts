import { describe, expect, it } from 'vitest'
import { readCommandLine } from './command-line'

const spec = { values: ['--out', '--format'], flags: ['--json', '--dry-run'] }

describe('readCommandLine', () => {
  it.each<[string, string[], unknown]>([
    ['positionals, values both ways and switches', ['notes', '--out', 'a.md', '--format=csv', '--json'], { positional: ['notes'], values: new Map([['--out', 'a.md'], ['--format', 'csv']]), flags: new Set(['--json']) }],
    ['the last value wins', ['--out', 'a', '--out=b'], { positional: [], values: new Map([['--out', 'b']]), flags: new Set() }],
    ['a value that looks like an option', ['--out', '--json'], { positional: [], values: new Map([['--out', '--json']]), flags: new Set() }],
    ['after --, everything is positional', ['--', '--json', '-x'], { positional: ['--json', '-x'], values: new Map(), flags: new Set() }],
    ['a mistyped switch', ['--dryrun'], { problem: 'unknown', arg: '--dryrun' }],
    ['a switch given a value', ['--json=yes'], { problem: 'unknown', arg: '--json=yes' }],
    ['an unknown option with a value', ['--verbose=2'], { problem: 'unknown', arg: '--verbose=2' }],
    ['a short option', ['-j'], { problem: 'unknown', arg: '-j' }],
    ['a value missing at the end', ['notes', '--format'], { problem: 'needs-value', name: '--format' }],
    ['an empty value', ['--out='], { problem: 'needs-value', name: '--out' }]
  ])('%s', (_, args, expected) => {
    expect(readCommandLine(args, spec)).toEqual(expected)
  })
})
