import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { appResources } from './app-resources'

const repo = path.resolve('/src/gloss')
const installed = path.resolve('/opt/Gloss/resources')

describe('appResources', () => {
  it.each([
    ['installed on Linux: beside app.asar', true, 'linux', path.join(installed, 'sample-corpus'), path.join(installed, 'icon.png')],
    ['from the repository on Linux: the rendered icon in out/icons', false, 'linux', path.join(repo, 'resources', 'sample-corpus'), path.join(repo, 'out', 'icons', 'icon.png')],
    ['installed on Windows: the icon is the executable\'s', true, 'win32', path.join(installed, 'sample-corpus'), undefined],
    ['installed on macOS: the icon is the bundle\'s', true, 'darwin', path.join(installed, 'sample-corpus'), undefined]
  ] as const)('%s', (_name, isPackaged, platform, sampleRoot, windowIcon) => {
    const appPath = isPackaged ? path.join(installed, 'app.asar') : repo
    expect(appResources({ isPackaged, appPath, resourcesPath: installed, platform })).toEqual({ sampleRoot, ...(windowIcon ? { windowIcon } : {}) })
  })
})
