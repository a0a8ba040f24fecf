// The order Chromium is looked for in, per platform, on a made-up file system: each row
// lists the executables that exist and the environment, and says which one is driven.
import { describe, expect, it } from 'vitest'
import { findChromium, type ChromiumSearch } from './find-chromium'

const PLAYWRIGHT_LINUX = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'
const WIN_CHROME = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
const WIN_CHROME_X86 = 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'
const WIN_CHROME_USER = 'C:\\Users\\dev\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'
const WIN_ENV = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local' }
const MAC_CHROME = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
const MAC_CHROMIUM = '/Applications/Chromium.app/Contents/MacOS/Chromium'

function search(platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}, playwright: string | undefined = PLAYWRIGHT_LINUX): ChromiumSearch {
  const present = new Set(files)
  return {
    platform,
    env,
    exists: (file) => present.has(file),
    playwrightBrowser: () => {
      if (playwright === undefined) throw new Error('no browser for this platform')
      return playwright
    }
  }
}

describe('findChromium', () => {
  it.each<[string, ChromiumSearch, string]>([
    ['GLOSS_CHROMIUM before everything', search('linux', ['/opt/c/chrome', '/usr/bin/chromium'], { GLOSS_CHROMIUM: '/opt/c/chrome', CHROME_PATH: '/usr/bin/chromium' }), '/opt/c/chrome'],
    ['CHROME_PATH', search('linux', ['/opt/c/chrome', '/usr/bin/chromium'], { CHROME_PATH: '/opt/c/chrome' }), '/opt/c/chrome'],
    ['PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH', search('darwin', ['/opt/c/chrome', MAC_CHROME], { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/opt/c/chrome' }), '/opt/c/chrome'],
    ['an empty variable is not set', search('linux', ['/usr/bin/chromium'], { GLOSS_CHROMIUM: '' }), '/usr/bin/chromium'],
    ["Debian's chromium first", search('linux', ['/usr/bin/chromium', '/usr/bin/google-chrome', PLAYWRIGHT_LINUX]), '/usr/bin/chromium'],
    ["Ubuntu's chromium-browser", search('linux', ['/usr/bin/chromium-browser', '/snap/bin/chromium']), '/usr/bin/chromium-browser'],
    ['the chromium snap', search('linux', ['/snap/bin/chromium', '/usr/bin/google-chrome']), '/snap/bin/chromium'],
    ['Google Chrome on Linux', search('linux', ['/usr/bin/google-chrome', PLAYWRIGHT_LINUX]), '/usr/bin/google-chrome'],
    ['google-chrome-stable', search('linux', ['/usr/bin/google-chrome-stable']), '/usr/bin/google-chrome-stable'],
    ["Playwright's browser last on Linux", search('linux', [PLAYWRIGHT_LINUX]), PLAYWRIGHT_LINUX],
    ['Google Chrome on macOS before Chromium.app', search('darwin', [MAC_CHROME, MAC_CHROMIUM]), MAC_CHROME],
    ['Chromium.app', search('darwin', [MAC_CHROMIUM, '/usr/bin/chromium']), MAC_CHROMIUM],
    ['Linux paths mean nothing on macOS', search('darwin', ['/usr/bin/chromium', '/pw/mac/chrome'], {}, '/pw/mac/chrome'), '/pw/mac/chrome'],
    ['Chrome under Program Files', search('win32', [WIN_CHROME, WIN_CHROME_USER], WIN_ENV), WIN_CHROME],
    ['Chrome under Program Files (x86)', search('win32', [WIN_CHROME_X86, WIN_CHROME_USER], WIN_ENV), WIN_CHROME_X86],
    ['Chrome installed for one user', search('win32', [WIN_CHROME_USER], WIN_ENV), WIN_CHROME_USER]
  ])('%s', (_name, machine, expected) => {
    expect(findChromium(machine).path).toBe(expected)
  })

  it.each<[NodeJS.Platform, RegExp]>([
    ['linux', /apt-get install chromium/],
    ['darwin', /brew install --cask chromium/],
    ['win32', /winget install Google\.Chrome/]
  ])('with none on %s, one message says what to install', (platform, advice) => {
    const found = findChromium(search(platform, [], platform === 'win32' ? WIN_ENV : {}, undefined))
    expect(found.path).toBeNull()
    if (found.path !== null) return
    expect(found.message).toMatch(advice)
    expect(found.message).toContain('GLOSS_CHROMIUM')
  })

  it("says where it looked, Playwright's path included", () => {
    const found = findChromium(search('linux', []))
    expect(found.path).toBeNull()
    if (found.path !== null) return
    for (const place of ['$GLOSS_CHROMIUM', '/usr/bin/chromium', '/snap/bin/chromium', '/usr/bin/google-chrome', PLAYWRIGHT_LINUX]) expect(found.message).toContain(place)
  })

  it('a variable naming a missing file is reported, not skipped for another browser', () => {
    const found = findChromium(search('linux', ['/usr/bin/chromium'], { GLOSS_CHROMIUM: '/old/chrome' }))
    expect(found).toEqual({ path: null, message: expect.stringContaining('$GLOSS_CHROMIUM is set to /old/chrome') })
  })
})
