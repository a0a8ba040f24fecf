// What the release build will sign and notarize, from the environment, said in one line
// per step so that an unsigned build says so. electron-builder does the work itself from
// the same variables (CSC_LINK and CSC_KEY_PASSWORD for the certificate, WIN_CSC_LINK for
// a Windows one built on macOS/Linux, APPLE_* for notarization: docs/releasing.md); this
// only reads them.
import type { PackPlatform } from './fuses'

type Env = Record<string, string | undefined>

const set = (env: Env, name: string): boolean => Boolean(env[name]?.trim())

export function signingPlan(platform: PackPlatform, env: Env): string[] {
  if (platform === 'linux') return ['signing: none on Linux (AppImage, deb and rpm are published with SHA-256 checksums)']
  if (platform === 'win32') {
    return set(env, 'WIN_CSC_LINK') || set(env, 'CSC_LINK')
      ? ['signing: the Windows executables and installer are signed with the certificate in WIN_CSC_LINK / CSC_LINK']
      : ['signing: SKIPPED for Windows: neither WIN_CSC_LINK nor CSC_LINK is set; SmartScreen will warn users of this build']
  }
  const lines = [
    set(env, 'CSC_LINK') || set(env, 'CSC_NAME')
      ? 'signing: the macOS app is signed with the Developer ID certificate in CSC_LINK / CSC_NAME'
      : 'signing: SKIPPED for macOS: CSC_LINK is not set; the app is unsigned (ad-hoc on arm64) and Gatekeeper will block it'
  ]
  const appleId = set(env, 'APPLE_ID') && set(env, 'APPLE_APP_SPECIFIC_PASSWORD') && set(env, 'APPLE_TEAM_ID')
  const apiKey = set(env, 'APPLE_API_KEY') && set(env, 'APPLE_API_KEY_ID') && set(env, 'APPLE_API_ISSUER')
  lines.push(
    appleId || apiKey || set(env, 'APPLE_KEYCHAIN_PROFILE')
      ? `notarization: by Apple's notary service with ${appleId ? 'APPLE_ID' : apiKey ? 'APPLE_API_KEY' : 'APPLE_KEYCHAIN_PROFILE'}`
      : 'notarization: SKIPPED: none of APPLE_ID (+ APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID), APPLE_API_KEY (+ _ID, _ISSUER) or APPLE_KEYCHAIN_PROFILE is set'
  )
  return lines
}
