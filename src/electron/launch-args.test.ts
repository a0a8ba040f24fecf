import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { folderFromArgv, linkFromArgv, protocolRegistration, secondLaunchData, secondLaunchRequest, type SecondLaunchRequest } from './launch-args'

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

const LINK = 'gloss://open?corpus=%2Fdata%2Fclips&article=3f9a&highlight=5eed'

describe('linkFromArgv', () => {
  it.each<[string, string[], string | null]>([
    ['no link', ['/opt/Gloss/gloss', '/data/clips'], null],
    ['Windows/Linux: the link as the argument', ['/opt/Gloss/gloss', LINK], LINK],
    ['second instance: Chromium switches after the link', ['/opt/Gloss/gloss', LINK, '--allow-file-access-from-files'], LINK],
    ['development: after the app path', ['/x/electron', '/src/gloss', LINK], LINK],
    ['scheme in capitals', ['/opt/Gloss/gloss', 'GLOSS://open?corpus=%2Fx&article=a'], 'GLOSS://open?corpus=%2Fx&article=a'],
    ['the executable itself is never a link', ['gloss://open?corpus=%2Fx&article=a'], null]
  ])('%s', (_name, argv, expected) => {
    expect(linkFromArgv(argv)).toBe(expected)
  })

  it('is never taken for a folder', () => {
    expect(folderFromArgv(['/opt/Gloss/gloss', LINK], { defaultApp: false, cwd })).toBeNull()
    expect(folderFromArgv(['/opt/Gloss/gloss', '/data/clips', LINK], { defaultApp: false, cwd })).toBe(path.resolve('/data/clips'))
  })
})

describe('protocolRegistration', () => {
  const base = { execPath: '/x/electron', dataDirOverridden: false }
  it.each<[string, Parameters<typeof protocolRegistration>[0], ReturnType<typeof protocolRegistration>]>([
    ['packaged: the app itself', { ...base, argv: ['/opt/Gloss/gloss'], defaultApp: false }, { scheme: 'gloss' }],
    [
      'development: Electron with the app path, as the Electron docs show',
      { ...base, argv: ['/x/electron', '--inspect=0', 'out/main/index.js'], defaultApp: true },
      { scheme: 'gloss', executable: '/x/electron', args: [path.resolve('out/main/index.js')] }
    ],
    ['development without an app path: nothing to register', { ...base, argv: ['/x/electron'], defaultApp: true }, null],
    ['a test or portable instance (own data folder) leaves the system alone', { ...base, argv: ['/opt/Gloss/gloss'], defaultApp: false, dataDirOverridden: true }, null]
  ])('%s', (_name, options, expected) => {
    expect(protocolRegistration(options)).toEqual(expected)
  })
})

describe('secondLaunchRequest', () => {
  const packaged = { defaultApp: false }
  const event = (argv: string[], additionalData?: unknown) => ({ argv, workingDirectory: '/home/other', additionalData })
  it.each<[string, ReturnType<typeof event>, SecondLaunchRequest]>([
    ['started again with nothing: bring the window forward', event(['/opt/Gloss/gloss']), { kind: 'focus' }],
    ['a folder, from the event argv', event(['/opt/Gloss/gloss', '/data/papers', '--allow-file-access-from-files']), { kind: 'folder', path: path.resolve('/data/papers') }],
    ['a relative folder: resolved where the second launch ran', event(['/opt/Gloss/gloss', 'papers']), { kind: 'folder', path: path.resolve('/home/other/papers') }],
    ['a file is passed on as it is (the page says it is not a folder)', event(['/opt/Gloss/gloss', '/data/papers/a.md']), { kind: 'folder', path: path.resolve('/data/papers/a.md') }],
    ['--data-dir and its value are not a folder', event(['/opt/Gloss/gloss', '--data-dir', '/tmp/portable']), { kind: 'focus' }],
    ['a link wins over a folder', event(['/opt/Gloss/gloss', '/data/papers', LINK]), { kind: 'link', url: LINK }],
    [
      'additionalData is preferred to the argv Chromium rewrote',
      event(['/opt/Gloss/gloss', '--some-switch', 'c:\\lowercased'], secondLaunchData(['/x/electron', '.', 'papers'], '/home/dev', true)),
      { kind: 'folder', path: path.resolve('/home/dev/papers') }
    ],
    ['malformed additionalData is ignored', event(['/opt/Gloss/gloss', '/data/papers'], { argv: '/etc', cwd: 7 }), { kind: 'folder', path: path.resolve('/data/papers') }],
    ['oversized additionalData is ignored', event(['/opt/Gloss/gloss'], secondLaunchData(Array(1000).fill('/x'), '/', false)), { kind: 'focus' }]
  ])('%s', (_name, input, expected) => {
    expect(secondLaunchRequest(input, packaged)).toEqual(expected)
  })
})
