import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy'
import { externalUrl, isExternalUrlAllowed, isPermissionAllowed, isRequestAllowed } from './security-policy'
import { appLocation, type AppLocation } from './sender-trust'

describe('externalUrl', () => {
  it.each([
    ['https://example.org/a?b=1#c', 'https://example.org/a?b=1#c'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/Path', 'https://example.org/Path'],
    ['  https://example.org/padded  ', 'https://example.org/padded'],
    // A mailto link in an article looks like a link, so it opens the mail program (issue 13).
    ['mailto:someone@example.org', 'mailto:someone@example.org'],
    ['mailto:a@example.org,b@example.org?subject=Hi', 'mailto:a@example.org,b@example.org?subject=Hi']
  ])('opens %s in the system browser as %s', (raw, expected) => {
    expect(externalUrl(raw)).toBe(expected)
    expect(isExternalUrlAllowed(raw)).toBe(true)
  })

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['file:///etc/passwd'],
    ['data:text/html,<script>alert(1)</script>'],
    ['ftp://example.org/file'],
    ['mailto:'],
    ['mailto:?body=no%20address'],
    ['mailto:not-an-address'],
    ['mailto:a@b%0Aheader'],
    ['smb://server/share'],
    ['vbscript:msgbox'],
    ['not a url'],
    ['/relative/path'],
    [''],
    ['https://'],
    [`https://example.org/${'a'.repeat(9000)}`]
  ])('keeps %s inside', (raw) => {
    expect(externalUrl(raw)).toBeNull()
    expect(isExternalUrlAllowed(raw)).toBe(false)
  })
})

describe('isPermissionAllowed', () => {
  it.each([
    ['clipboard-sanitized-write', true],
    ['clipboard-read', false],
    ['media', false],
    ['geolocation', false],
    ['notifications', false],
    ['openExternal', false],
    ['fullscreen', false],
    ['unknown', false]
  ])('%s → %s', (permission, allowed) => {
    expect(isPermissionAllowed(permission)).toBe(allowed)
  })
})

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only the app itself to run and connect, and loads no remote images', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/)
        return [name, values.join(' ')]
      })
    )
    expect(directives).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      // Neither falls back to default-src (issue 13): no injected <base> or <form> target.
      'base-uri': "'none'",
      'form-action': "'none'"
    })
  })
})

describe('isRequestAllowed', () => {
  const fileApp = appLocation(undefined, 'file:///opt/Gloss/out/renderer/index.html')
  const devApp = appLocation('http://localhost:5173', 'file:///opt/Gloss/out/renderer/index.html')

  it.each<[string, AppLocation, string, boolean]>([
    ['the app page', fileApp, 'file:///opt/Gloss/out/renderer/index.html', true],
    ['a bundled script', fileApp, 'file:///opt/Gloss/out/renderer/assets/index-abc.js', true],
    ['an inline image', fileApp, 'data:image/png;base64,AAAA', true],
    ['a file outside the renderer folder', fileApp, 'file:///home/reader/.ssh/id_rsa', false],
    ['a sibling folder with a matching prefix', fileApp, 'file:///opt/Gloss/out/renderer-evil/x.js', false],
    ['a remote image', fileApp, 'https://cdn.example.org/photo.jpg', false],
    ['plain http', fileApp, 'http://example.org/', false],
    ['a websocket', fileApp, 'wss://example.org/socket', false],
    ['the dev server', devApp, 'http://localhost:5173/src/main.tsx', true],
    ['the dev server websocket', devApp, 'ws://localhost:5173/', true],
    ['another local port while developing', devApp, 'http://localhost:8080/', false],
    ['a remote image while developing', devApp, 'https://cdn.example.org/photo.jpg', false],
    ['files while developing', devApp, 'file:///etc/passwd', false],
    ['garbage', fileApp, 'not a url', false]
  ])('%s → %s', (_name, app, url, expected) => {
    expect(isRequestAllowed(url, app)).toBe(expected)
  })
})
