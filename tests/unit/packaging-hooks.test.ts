// The packaging hooks' decisions (scripts/packaging): which Electron Fuses a shipped
// Gloss gets on each system, when the hook flips them or skips, and what it says about
// signing. The flip itself is run on a made-up binary that carries a fuse wire, since
// Electron's own binary cannot be downloaded here.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterPack, type AfterPackContext } from '../../scripts/packaging/after-pack'
import { electronBinary, fuseDecision, fuseSettings, type PackedApp, type PackPlatform } from '../../scripts/packaging/fuses'
import { signingPlan } from '../../scripts/packaging/signing'

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const out = path.resolve('/build/dist/linux-unpacked')
const app = (platform: PackPlatform, arch = 'x64'): PackedApp => ({ platform, appOutDir: out, productFilename: 'Gloss', executableName: 'gloss', arch })

describe('fuseSettings', () => {
  it.each<[PackPlatform, boolean]>([
    ['linux', false],
    ['win32', true],
    ['darwin', true],
    ['mas', true]
  ])('%s: node entry points off, asar only, cookies encrypted; asar integrity %s', (platform, integrity) => {
    const settings = fuseSettings(platform)
    expect(settings[FuseV1Options.RunAsNode]).toBe(false)
    expect(settings[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(settings[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
    expect(settings[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(settings[FuseV1Options.EnableCookieEncryption]).toBe(true)
    expect(settings[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(integrity ? true : undefined)
  })
})

describe('fuseDecision', () => {
  it.each<[string, PackedApp, string]>([
    ['Linux: the renamed executable', app('linux'), path.join(out, 'gloss')],
    ['Windows: Gloss.exe', app('win32'), path.join(out, 'Gloss.exe')],
    ['macOS: the .app (the fuses live in its framework)', app('darwin'), path.join(out, 'Gloss.app')]
  ])('flips %s when it has a fuse wire', (_name, packed, binary) => {
    const decision = fuseDecision(packed, { found: true, length: 8 })
    expect(decision).toEqual({ flip: true, binary, config: fuseSettings(packed.platform) })
    expect(electronBinary(packed)).toBe(binary)
  })

  it.each([
    ['darwin', 'arm64', true],
    ['darwin', 'universal', true],
    ['darwin', 'x64', false],
    ['linux', 'arm64', false]
  ] as const)('%s %s: reset the ad-hoc signature after flipping: %s', (platform, arch, reset) => {
    const decision = fuseDecision(app(platform, arch), { found: true, length: 8 })
    expect('config' in decision && decision.config.resetAdHocDarwinSignature).toBe(reset)
  })

  it('skips, saying why, a binary without a fuse wire (the stand-in Electron)', () => {
    expect(fuseDecision(app('linux'), { found: false, why: 'Could not find sentinel' })).toEqual({
      flip: false,
      binary: path.join(out, 'gloss'),
      reason: `${path.join(out, 'gloss')} has no Electron fuse wire (Could not find sentinel)`
    })
  })

  it('fails instead when fuses are required (a release build)', () => {
    expect(fuseDecision(app('win32'), { found: false, why: 'no sentinel' }, { require: true })).toMatchObject({ fail: true })
  })
})

describe('signingPlan', () => {
  it.each<[string, PackPlatform, Record<string, string>, RegExp[]]>([
    ['Linux never signs', 'linux', { CSC_LINK: 'cert.p12' }, [/^signing: none on Linux/]],
    ['Windows without a certificate', 'win32', {}, [/^signing: SKIPPED for Windows: neither WIN_CSC_LINK nor CSC_LINK is set/]],
    ['Windows with WIN_CSC_LINK', 'win32', { WIN_CSC_LINK: 'cert.pfx' }, [/^signing: the Windows executables and installer are signed/]],
    ['Windows: a blank variable is not a certificate', 'win32', { CSC_LINK: '  ' }, [/SKIPPED/]],
    ['macOS with nothing', 'darwin', {}, [/^signing: SKIPPED for macOS/, /^notarization: SKIPPED/]],
    [
      'macOS signed, notarized with an Apple ID',
      'darwin',
      { CSC_LINK: 'id.p12', APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' },
      [/^signing: the macOS app is signed/, /^notarization: by Apple's notary service with APPLE_ID$/]
    ],
    ['macOS: an Apple ID without its password does not notarize', 'darwin', { CSC_LINK: 'id.p12', APPLE_ID: 'a@b.c' }, [/^signing: the macOS/, /^notarization: SKIPPED/]],
    [
      'macOS notarized with an API key',
      'darwin',
      { CSC_LINK: 'id.p12', APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' },
      [/^signing: the macOS/, /with APPLE_API_KEY$/]
    ]
  ])('%s', (_name, platform, env, expected) => {
    const lines = signingPlan(platform, env)
    expect(lines).toHaveLength(expected.length)
    expected.forEach((pattern, i) => expect(lines[i]).toMatch(pattern))
  })
})

describe('afterPack', () => {
  let dir = ''
  afterEach(async () => {
    vi.unstubAllEnvs()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  /** An unpacked Linux app whose "executable" is some bytes around a fuse wire of 8 fuses, all '1'. */
  async function linuxApp(withWire: boolean): Promise<{ context: AfterPackContext; binary: string }> {
    dir = await mkdtemp(path.join(tmpdir(), 'gloss-after-pack-'))
    const binary = path.join(dir, 'gloss')
    const wire = withWire ? Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('11111111')]) : Buffer.alloc(0)
    await writeFile(binary, Buffer.concat([Buffer.from('\x7fELF stand-in '), wire, Buffer.from(' tail')]))
    const context = { appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Gloss' }, executableName: 'gloss' } }
    return { context, binary }
  }

  it('flips the fuses of a binary that has a fuse wire, and says what it did', async () => {
    const { context, binary } = await linuxApp(true)
    const lines: string[] = []
    await afterPack(context, (line) => lines.push(line))
    const bytes = await readFile(binary)
    const fuses = bytes.subarray(bytes.indexOf(SENTINEL) + SENTINEL.length + 2, bytes.indexOf(SENTINEL) + SENTINEL.length + 10).toString()
    // RunAsNode 0, cookies 1, NODE_OPTIONS 0, --inspect 0, integrity as shipped (Linux), asar only 1, the rest as shipped.
    expect(fuses).toBe('01001111')
    expect(lines[0]).toMatch(/^fuses: flipped in .*gloss/)
    expect(lines[1]).toMatch(/^signing: none on Linux/)
  })

  it('leaves a binary without a fuse wire alone and says it skipped', async () => {
    const { context, binary } = await linuxApp(false)
    const before = await readFile(binary)
    const lines: string[] = []
    await afterPack(context, (line) => lines.push(line))
    expect(await readFile(binary)).toEqual(before)
    expect(lines[0]).toMatch(/^fuses: SKIPPED: .*gloss has no Electron fuse wire/)
  })

  it('fails a release build (GLOSS_REQUIRE_FUSES=1) whose binary has no fuse wire', async () => {
    const { context } = await linuxApp(false)
    vi.stubEnv('GLOSS_REQUIRE_FUSES', '1')
    await expect(afterPack(context, () => {})).rejects.toThrow(/no Electron fuse wire.*GLOSS_REQUIRE_FUSES=1/)
  })
})
