// Where the end-to-end tests find a Chromium to drive: the places developers' machines
// have one, in order: an environment variable naming it, the Linux distributions'
// packages, Google Chrome (Linux, macOS, Windows), Chromium.app, then the browser
// Playwright downloads when someone ran its installer. playwright.config.ts launches the
// one found; check-chromium.ts stops `npm test` before the E2E with one message saying
// what to install when there is none (instead of every test failing on the same launch).
// Everything the search reads (platform, environment, the file system, Playwright's own
// path) is passed in, so the order is tested on any machine for every platform.
import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'

export interface ChromiumSearch {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  /** Whether an executable file is at this path. */
  exists: (file: string) => boolean
  /** Where Playwright's own downloaded Chromium would be (undefined: Playwright has none for this platform). */
  playwrightBrowser: () => string | undefined
}

export interface Candidate {
  path: string
  /** Where the path came from, for the log line and the error message. */
  source: string
}

export type ChromiumFound = { path: string; source: string } | { path: null; message: string }

/** Variables naming a browser, ours first; the others are what tools commonly read. */
export const CHROMIUM_ENV_VARS = ['GLOSS_CHROMIUM', 'CHROME_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'] as const

/** The installed-browser places to look on `platform`, in order (environment variables aside). */
export function installedCandidates(platform: NodeJS.Platform, env: ChromiumSearch['env']): Candidate[] {
  if (platform === 'darwin') {
    return [
      { path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', source: 'Google Chrome' },
      { path: '/Applications/Chromium.app/Contents/MacOS/Chromium', source: 'Chromium.app' }
    ]
  }
  if (platform === 'win32') {
    const chrome = ['Google', 'Chrome', 'Application', 'chrome.exe']
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((root): root is string => !!root)
    return roots.map((root) => ({ path: path.win32.join(root, ...chrome), source: 'Google Chrome' }))
  }
  // Linux and the other Unixes: the distribution's package, its snap, then Google Chrome.
  return [
    { path: '/usr/bin/chromium', source: 'Debian chromium package' },
    { path: '/usr/bin/chromium-browser', source: 'Ubuntu chromium-browser package' },
    { path: '/snap/bin/chromium', source: 'chromium snap' },
    { path: '/usr/bin/google-chrome', source: 'Google Chrome' },
    { path: '/usr/bin/google-chrome-stable', source: 'Google Chrome' }
  ]
}

/** What to install on `platform`, one paragraph. */
export function installAdvice(platform: NodeJS.Platform): string {
  const set = `or set GLOSS_CHROMIUM to a Chromium or Chrome executable`
  const playwright = 'or let Playwright download its own (npx playwright install chromium)'
  if (platform === 'darwin') return `Install Google Chrome (https://www.google.com/chrome/) or Chromium (brew install --cask chromium), ${set}, ${playwright}.`
  if (platform === 'win32') return `Install Google Chrome (https://www.google.com/chrome/, or winget install Google.Chrome), ${set}, ${playwright}.`
  return `Install Chromium (Debian: apt-get install chromium; Ubuntu: apt-get install chromium-browser or snap install chromium; Fedora: dnf install chromium) or Google Chrome, ${set}, ${playwright}.`
}

export function findChromium(search: ChromiumSearch = thisMachine()): ChromiumFound {
  // A variable someone set is a decision: when it names nothing, say so rather than
  // quietly driving another browser.
  for (const name of CHROMIUM_ENV_VARS) {
    const value = search.env[name]
    if (!value) continue
    if (search.exists(value)) return { path: value, source: `$${name}` }
    return { path: null, message: `$${name} is set to ${value}, but no executable is there. Point it at a Chromium or Chrome executable, or unset it.` }
  }
  for (const candidate of installedCandidates(search.platform, search.env)) {
    if (search.exists(candidate.path)) return candidate
  }
  const own = playwrightPath(search)
  if (own && search.exists(own)) return { path: own, source: "Playwright's downloaded Chromium" }
  const looked = [...CHROMIUM_ENV_VARS.map((name) => `$${name}`), ...installedCandidates(search.platform, search.env).map((c) => c.path), ...(own ? [own] : [])]
  return {
    path: null,
    message: `The end-to-end tests need Chromium or Google Chrome, and none was found (looked at: ${looked.join(', ')}). ${installAdvice(search.platform)}`
  }
}

function playwrightPath(search: ChromiumSearch): string | undefined {
  try {
    return search.playwrightBrowser()
  } catch {
    // Playwright knows no browser build for this platform.
    return undefined
  }
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false
    if (process.platform !== 'win32') accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The search on the machine running the tests. */
export function thisMachine(): ChromiumSearch {
  return {
    platform: process.platform,
    env: process.env,
    exists: isExecutableFile,
    playwrightBrowser: () => chromium.executablePath()
  }
}
