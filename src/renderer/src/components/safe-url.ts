// Only these links are ever made clickable; anything else (javascript:, data:, file:,
// relative paths) is shown as plain text. The main process re-checks before opening.
const WEB = new Set(['http:', 'https:'])
const BODY_LINK = new Set(['http:', 'https:', 'mailto:'])

function parse(href: string | null | undefined): URL | null {
  if (!href) return null
  try {
    return new URL(href.trim())
  } catch {
    return null
  }
}

/** The URL string if it is an absolute http(s) URL, else null. */
export function webUrl(href: string | null | undefined): string | null {
  const url = parse(href)
  return url && WEB.has(url.protocol) ? url.href : null
}

/** The URL string if it may be a link in an article body (http, https, mailto), else null. */
export function bodyLinkUrl(href: string | null | undefined): string | null {
  const url = parse(href)
  return url && BODY_LINK.has(url.protocol) ? url.href : null
}
