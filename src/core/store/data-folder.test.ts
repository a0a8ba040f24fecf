import path from 'node:path'
import os from 'node:os'
import { describe, expect, it } from 'vitest'
import {
  corpusStoreFile,
  dataDirFrom,
  defaultDataDir,
  exportManifestFile,
  harnessExportsDir,
  legacyExportManifestFile,
  optionValue,
  scanCacheFile,
  searchIndexFile,
  settingsFile
} from './data-folder'

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

describe('the data folder layout', () => {
  const data = path.join(path.sep, 'data')
  const key = /^[0-9a-f]{16}\.json$/
  // Users already have these files: a name changes only with a way to read the old place.
  it.each([
    ['settings', settingsFile(data), 'settings.json'],
    ['corpus store', corpusStoreFile(data, '/notes'), 'corpora'],
    ['scan cache', scanCacheFile(data, '/notes'), 'cache'],
    ['search index', searchIndexFile(data, '/notes'), 'search'],
    ['export manifest', exportManifestFile(data, '/vault', '/notes'), 'export-manifests'],
    ['export manifest before it had its own folder', legacyExportManifestFile(data, '/vault', '/notes'), 'exports'],
    ['harness exports', harnessExportsDir(data), 'exports']
  ])('%s lives in %s', (_, file, first) => {
    const parts = path.relative(data, file).split(path.sep)
    expect(parts[0]).toBe(first)
    if (parts.length > 1) expect(parts[1]).toMatch(key)
  })

  it('keeps one key per folder, the same on every run', () => {
    expect(path.basename(corpusStoreFile(data, '/notes'))).toBe(path.basename(scanCacheFile(data, '/notes')))
    expect(corpusStoreFile(data, '/notes')).not.toBe(corpusStoreFile(data, '/notes2'))
    expect(exportManifestFile(data, '/a', '/b')).not.toBe(exportManifestFile(data, '/b', '/a'))
  })

  it('keeps export manifests out of the folder the harness exports into', () => {
    expect(path.dirname(exportManifestFile(data, '/vault', '/notes'))).not.toBe(harnessExportsDir(data))
  })
})
