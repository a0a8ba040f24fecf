// electron-builder's afterPack hook (electron-builder.yml; loaded by after-pack.cjs):
// flips the Electron Fuses of the unpacked app (fuses.ts) and says what signing will
// happen (signing.ts). Runs before electron-builder signs, as flipping changes the binary.
import { flipFuses, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { electronBinary, fuseDecision, type PackedApp, type PackPlatform, type WireProbe } from './fuses'
import { signingPlan } from './signing'

/** The part of electron-builder's AfterPackContext this hook reads. */
export interface AfterPackContext {
  appOutDir: string
  electronPlatformName: string
  arch: number
  packager: { appInfo: { productFilename: string }; executableName: string }
}

// electron-builder's Arch enum, by number (builder-util's Arch).
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']

export async function probeWire(binary: string): Promise<WireProbe> {
  try {
    const wire = await getCurrentFuseWire(binary)
    return { found: true, length: Object.keys(wire).filter((key) => key !== 'version').length }
  } catch (error) {
    return { found: false, why: error instanceof Error ? error.message.split('\n')[0] : String(error) }
  }
}

export async function afterPack(context: AfterPackContext, log: (line: string) => void = (line) => console.log(`  • gloss ${line}`)): Promise<void> {
  const app: PackedApp = {
    platform: context.electronPlatformName as PackPlatform,
    appOutDir: context.appOutDir,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
    arch: ARCH_NAMES[context.arch] ?? String(context.arch)
  }
  const decision = fuseDecision(app, await probeWire(electronBinary(app)), { require: process.env.GLOSS_REQUIRE_FUSES === '1' })
  if ('fail' in decision) throw new Error(`gloss fuses: ${decision.reason}, and GLOSS_REQUIRE_FUSES=1 (a release) needs them`)
  if (decision.flip) {
    await flipFuses(decision.binary, decision.config)
    const integrity = FuseV1Options.EnableEmbeddedAsarIntegrityValidation in decision.config ? ', with integrity' : ''
    log(`fuses: flipped in ${decision.binary} (RunAsNode, NODE_OPTIONS and --inspect off; app.asar only${integrity}; cookies encrypted)`)
  } else {
    log(`fuses: SKIPPED: ${decision.reason}`)
  }
  for (const line of signingPlan(app.platform, process.env)) log(line)
}
