// electron-builder.yml holds what the unpacked-app test (packaging.test.ts) cannot show,
// since only the installers carry it: the gloss:// registration on each system, the
// targets and architectures, the `gloss` command, the hook. Read as data and checked
// against the files it names.
import { existsSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

type Target = string | { target: string; arch?: string[] }
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>
const targets = (list: Target[]): Record<string, string[]> =>
  Object.fromEntries(list.map((t) => (typeof t === 'string' ? [t, []] : [t.target, t.arch ?? []])))

describe('electron-builder.yml', () => {
  it('names the app and takes its version from package.json', () => {
    expect(config.appId).toBe('app.gloss.reader')
    expect(config.productName).toBe('Gloss')
    expect(config).not.toHaveProperty('version')
    expect(config.extraMetadata?.version).toBeUndefined()
  })

  it('registers gloss:// (macOS CFBundleURLTypes and the Linux MimeType come from `protocols`; the NSIS script writes the Windows keys)', () => {
    expect(config.protocols).toEqual([{ name: 'Gloss link', schemes: ['gloss'] }])
    const nsh = readFileSync(config.nsis.include, 'utf8')
    expect(nsh).toMatch(/!macro customInstall[\s\S]*Software\\Classes\\gloss" "URL Protocol"[\s\S]*"%1"[\s\S]*!macroend/)
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*DeleteRegKey SHCTX "Software\\Classes\\gloss"[\s\S]*!macroend/)
  })

  it('builds AppImage, deb and rpm with a `gloss` command; dmg and zip for both Mac architectures; NSIS and portable for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm'])
    expect(config.linux.executableName).toBe('gloss')
    // electron-builder's own after-install script links /usr/bin/<executableName>; not replaced.
    expect(config.deb?.afterInstall).toBeUndefined()
    expect(config.rpm?.afterInstall).toBeUndefined()
    expect(config.linux.category).toBe('Office')
    expect(targets(config.mac.target)).toEqual({ dmg: ['x64', 'arm64'], zip: ['x64', 'arm64'] })
    expect(Object.keys(targets(config.win.target))).toEqual(['nsis', 'portable'])
  })

  it('packs only the built code, with the sample corpus and icon beside the archive, and runs the fuse hook', () => {
    expect(config.files).toEqual(['out/main/**', 'out/cli/**', 'out/preload/**', 'out/renderer/**', '!**/*.map'])
    expect(config.extraResources).toEqual([
      { from: 'resources/sample-corpus', to: 'sample-corpus' },
      { from: 'out/icons/icon.png', to: 'icon.png' }
    ])
    expect(config.asar).toBe(true)
    expect(existsSync(config.afterPack)).toBe(true)
    expect(config.mac.icon).toBe('out/icons/icon.icns')
    expect(config.win.icon).toBe('out/icons/icon.ico')
  })
})
