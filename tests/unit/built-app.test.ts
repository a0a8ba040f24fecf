// Checks the BUILT main process and renderer (npm run build first): the layout the
// Electron entry point expects, and a page whose CSP meta tag is the policy the main
// process and the harness send as a header.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, type TestContext } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy'

function built(ctx: TestContext, file: string): string {
  const full = path.resolve(file)
  if (!existsSync(full)) ctx.skip(`${file} is missing: run \`npm run build\` first`)
  return readFileSync(full, 'utf8')
}

describe('built app', () => {
  it('has the main entry package.json points at, as an ES module', (ctx) => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string }
    const main = built(ctx, pkg.main)
    expect(pkg.main).toBe('out/main/index.js')
    expect(main).toMatch(/^import .* from "electron";?$/m)
    // The main process finds its preload and page next to it.
    expect(main).toContain('index.cjs')
    expect(main).toContain('index.html')
  })

  it('ships a page whose CSP meta tag is the app policy and that loads only its own files', (ctx) => {
    const html = built(ctx, 'out/renderer/index.html')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
    // data: URLs are inline (the empty favicon); everything else must be a bundled file.
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((ref) => !ref.startsWith('data:'))
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) {
      expect(ref).toMatch(/^\.\//)
      expect(existsSync(path.resolve('out/renderer', ref))).toBe(true)
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })
})
