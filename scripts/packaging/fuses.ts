// Electron Fuses for a shipped Gloss: switches compiled into Electron's binary that no
// command line or environment can turn back. Flipped by the afterPack hook
// (after-pack.ts) before electron-builder signs the app.
//   RunAsNode off                    ELECTRON_RUN_AS_NODE cannot turn Gloss into a Node shell
//                                    (the CLI runs inside the app instead: `Gloss --cli …`)
//   EnableNodeOptionsEnvironmentVariable off, EnableNodeCliInspectArguments off
//                                    NODE_OPTIONS / --inspect cannot inject code or a debugger
//   OnlyLoadAppFromAsar on           only app.asar is loaded, not an app folder put beside it
//   EnableEmbeddedAsarIntegrityValidation on (macOS, Windows)
//                                    app.asar must match the hash electron-builder embeds; Electron
//                                    does not support it on Linux, where it stays as shipped
//   EnableCookieEncryption on        the session's cookies are encrypted with the OS key store
import path from 'node:path'
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses'

export type PackPlatform = 'linux' | 'darwin' | 'mas' | 'win32'

/** The fuse settings for a platform (platforms without asar integrity leave that fuse alone). */
export function fuseSettings(platform: PackPlatform, { resetAdHocDarwinSignature = false } = {}): FuseV1Config {
  const integrity = platform === 'darwin' || platform === 'mas' || platform === 'win32'
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    ...(integrity ? { [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true } : {})
  }
}

export interface PackedApp {
  platform: PackPlatform
  /** electron-builder's appOutDir: the unpacked app. */
  appOutDir: string
  /** "Gloss": the .app and .exe names. */
  productFilename: string
  /** "gloss": the Linux executable (linux.executableName). */
  executableName: string
  /** electron-builder's Arch name of this build (x64, arm64, universal, …). */
  arch: string
}

/** The file @electron/fuses is given: the executable, or the .app on macOS (it finds the framework inside). */
export function electronBinary(app: PackedApp): string {
  if (app.platform === 'darwin' || app.platform === 'mas') return path.join(app.appOutDir, `${app.productFilename}.app`)
  if (app.platform === 'win32') return path.join(app.appOutDir, `${app.productFilename}.exe`)
  return path.join(app.appOutDir, app.executableName)
}

/** What reading the binary's fuse wire found. */
export type WireProbe = { found: true; length: number } | { found: false; why: string }

export type FuseDecision =
  | { flip: true; binary: string; config: FuseV1Config }
  | { flip: false; binary: string; reason: string }
  | { fail: true; binary: string; reason: string }

/**
 * Flip when the binary has a fuse wire. A binary without one is not a real Electron (the
 * stand-in distribution the packaging test builds with): skipped, with the reason, rather
 * than failing the build. A release must not slip through unfused: release.yml sets
 * GLOSS_REQUIRE_FUSES=1 (`require`), and then a missing wire fails the build.
 */
export function fuseDecision(app: PackedApp, wire: WireProbe, { require = false } = {}): FuseDecision {
  const binary = electronBinary(app)
  if (!wire.found) {
    const reason = `${binary} has no Electron fuse wire (${wire.why})`
    return require ? { fail: true, binary, reason } : { flip: false, binary, reason }
  }
  // Flipping fuses changes the binary, which breaks the ad-hoc signature every arm64 macOS binary needs.
  const resetAdHocDarwinSignature = app.platform === 'darwin' && (app.arch === 'arm64' || app.arch === 'universal')
  return { flip: true, binary, config: fuseSettings(app.platform, { resetAdHocDarwinSignature }) }
}
