import path from 'node:path'
import os from 'node:os'
import { describe, expect, it } from 'vitest'
import { dataDirFrom, defaultDataDir, optionValue } from './data-folder'

describe('defaultDataDir mirrors Electron userData for "Gloss"', () => {
  it.each([
    ['linux', {}, path.join(os.homedir(), '.config', 'Gloss')],
    ['linux', { XDG_CONFIG_HOME: '/x/cfg' }, path.join('/x/cfg', 'Gloss')],
    ['darwin', {}, path.join(os.homedir(), 'Library', 'Application Support', 'Gloss')],
    ['win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, path.join('C:\\Users\\a\\AppData\\Roaming', 'Gloss')]
  ] as const)('%s %j', (platform, env, expected) => {
    expect(defaultDataDir(platform, env)).toBe(expected)
  })
})

describe('dataDirFrom', () => {
  it.each([
    [['--data-dir', '/d1'], {}, '/d1'],
    [['--data-dir=/d2'], { GLOSS_DATA_DIR: '/ignored' }, '/d2'],
    [[], { GLOSS_DATA_DIR: '/d3' }, '/d3']
  ])('%j %j → %s', (args, env, expected) => {
    expect(dataDirFrom(args, env)).toBe(path.resolve(expected))
  })

  it('falls back to the app folder', () => {
    expect(dataDirFrom([], {})).toBe(defaultDataDir(process.platform, {}))
  })
})

it('optionValue reads both spellings and reports absence', () => {
  expect(optionValue(['a', '--out', 'f.md'], '--out')).toBe('f.md')
  expect(optionValue(['--out=g.md'], '--out')).toBe('g.md')
  expect(optionValue(['--outside'], '--out')).toBeUndefined()
})
