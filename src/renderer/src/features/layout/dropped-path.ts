// The folder a drop names. In the desktop app a dropped File has a path (the preload's
// glossFiles.pathForFile); a browser has none, but file managers also put file:// URLs
// on the drag (text/uri-list, or text/plain), which name the folder as well.

/**
 * The local path of the first file:// URL in a uri-list or plain text, or null.
 * Windows forms become Windows paths (file:///C:/x → C:\x, file://server/share →
 * \\server\share); everything else is a POSIX path. Other schemes are not folders.
 */
export function pathFromDroppedText(text: string): string | null {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    // text/uri-list comments start with '#'.
    if (!line || line.startsWith('#')) continue
    const path = pathFromFileUrl(line)
    if (path) return path
  }
  return null
}

export function pathFromFileUrl(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'file:') return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  // A NUL can never be part of a path; refuse rather than pass it on.
  if (pathname.includes('\0')) return null
  const host = url.hostname && url.hostname !== 'localhost' ? url.hostname : ''
  if (host) return `\\\\${host}${pathname.replace(/\//g, '\\')}`
  if (/^\/[A-Za-z]:(\/|$)/.test(pathname)) return pathname.slice(1).replace(/\//g, '\\')
  // A folder URL often ends in '/': the folder's own path has no trailing slash.
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
}
