import { describe, expect, it } from 'vitest'
import { bodyLinkUrl, webUrl } from './safe-url'

describe('link safety', () => {
  it.each([
    ['https://example.org/a?b=c', 'https://example.org/a?b=c', 'https://example.org/a?b=c'],
    ['http://example.org', 'http://example.org/', 'http://example.org/'],
    ['mailto:someone@example.org', null, 'mailto:someone@example.org'],
    ['javascript:alert(1)', null, null],
    [' JavaScript:alert(1)', null, null],
    ['data:text/html,<b>x</b>', null, null],
    ['file:///etc/passwd', null, null],
    ['/relative/path', null, null],
    ['not a url', null, null],
    ['', null, null]
  ])('%s', (href, web, body) => {
    expect(webUrl(href)).toBe(web)
    expect(bodyLinkUrl(href)).toBe(body)
  })
})
