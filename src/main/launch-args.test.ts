import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { folderFromArgv } from './launch-args'

const cwd = path.resolve('/home/reader')

describe('folderFromArgv', () => {
  it.each<[string, string[], boolean, string | null]>([
    ['packaged, no folder', ['/opt/Gloss/gloss'], false, null],
    ['packaged, absolute folder', ['/opt/Gloss/gloss', '/data/clips'], false, '/data/clips'],
    ['packaged, relative folder', ['/opt/Gloss/gloss', 'clips'], false, '/home/reader/clips'],
    ['electron ., no folder', ['/x/electron', '.'], true, null],
    ['electron ., folder after the app path', ['/x/electron', '.', 'clips'], true, '/home/reader/clips'],
    ['electron-vite preview passes args after --', ['/x/electron', '.', '--', '/data/clips'], true, '/data/clips'],
    ['switches are ignored', ['/x/electron', '.', '--no-sandbox', '--inspect=9229', '/data/clips', '--enable-logging'], true, '/data/clips'],
    ['--data-dir value is not the folder', ['/opt/Gloss/gloss', '--data-dir', '/tmp/data'], false, null],
    ['--data-dir=value form', ['/opt/Gloss/gloss', '--data-dir=/tmp/data', '/data/clips'], false, '/data/clips'],
    ['folder before --data-dir', ['/opt/Gloss/gloss', '/data/clips', '--data-dir', '/tmp/data'], false, '/data/clips'],
    ['second instance: Chromium appends switches', ['/opt/Gloss/gloss', '/data/clips', '--allow-file-access-from-files', '--original-process-start-time=1'], false, '/data/clips'],
    ['Playwright puts its switches before the app path', ['/x/electron', '--inspect=0', '--remote-debugging-port=0', '.', '/data/clips'], true, '/data/clips'],
    ['switches only, run as electron .', ['/x/electron', '--inspect=0', '.'], true, null],
    ['the last folder wins', ['/opt/Gloss/gloss', '/a', '/b'], false, '/b']
  ])('%s', (_name, argv, defaultApp, expected) => {
    expect(folderFromArgv(argv, { defaultApp, cwd })).toBe(expected === null ? null : path.resolve(expected))
  })
})
