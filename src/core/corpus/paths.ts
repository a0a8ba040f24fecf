// Every path the rest of the app hands in is relative to the opened root, and every
// one is checked against the root after symlinks are resolved: a corpus may contain
// links, but nothing outside it can be reached through them.
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { badInput, notFound } from '../../shared/result'

/**
 * A UNC path (`\\host\share`, `//host/share`) or a Windows device path (`\\?\`, `\\.\`):
 * refused on every platform before anything touches it. On Windows, merely stat-ing a
 * UNC path makes the system contact that host and offer the user's credentials (NTLM);
 * a link or an export target from elsewhere must never cause that.
 */
export function isRemoteOrDevicePath(target: string): boolean {
  return /^[\\/]{2}/.test(target)
}

/** Throws BAD_INPUT for a path Gloss does not follow or write (see isRemoteOrDevicePath, NUL). */
export function refuseRemotePath(target: string): void {
  if (target.includes('\0')) throw badInput('The path contains a NUL character')
  if (isRemoteOrDevicePath(target)) throw badInput(`Gloss does not use network or device paths (${target.slice(0, 80)}); choose a folder on this computer.`)
}

/**
 * `absolute` resolved through symlinks as far as it exists, the rest appended: what
 * realpath will give once it all exists. A write target is checked on this, before
 * anything is created, so that a missing folder behind a link into the corpus is seen
 * for what it is.
 */
export async function resolveThroughExisting(absolute: string): Promise<string> {
  refuseRemotePath(absolute)
  const rest: string[] = []
  let existing = absolute
  for (;;) {
    try {
      return path.join(await realpath(existing), ...rest)
    } catch {
      const parent = path.dirname(existing)
      if (parent === existing) return absolute
      rest.unshift(path.basename(existing))
      existing = parent
    }
  }
}

/**
 * The one check of a place Gloss writes outside its data folder (an export file or
 * folder): not a network or device path, and not inside the corpus once symlinks are
 * resolved as far as the path exists. Returns the resolved path.
 */
export async function assertWritableOutside(corpusRoot: string, target: string, what = 'a location'): Promise<string> {
  refuseRemotePath(target)
  const resolved = await resolveThroughExisting(path.resolve(target))
  const root = await realpath(corpusRoot).catch(() => path.resolve(corpusRoot))
  if (isInside(root, resolved)) throw badInput(`Gloss never writes into the folder it reads. Choose ${what} outside it.`)
  return resolved
}

/** Resolve a '/'-separated path relative to the corpus root; throws GlossError('BAD_INPUT') if it (or a symlink in it) escapes the root (use fs.realpath). */
export async function resolveInsideRoot(root: string, relPath: string): Promise<string> {
  if (relPath.includes('\0')) throw badInput('Path contains a NUL character')
  if (path.posix.isAbsolute(relPath) || path.win32.isAbsolute(relPath)) {
    throw badInput(`Path must be relative to the folder: ${relPath}`)
  }
  const rootReal = await realpath(root).catch(() => {
    throw notFound(`Folder ${root}`)
  })
  const candidate = path.resolve(rootReal, ...relPath.split('/'))
  if (!isInside(rootReal, candidate)) throw badInput(`Path leaves the folder: ${relPath}`)
  let real: string
  try {
    real = await realpath(candidate)
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') throw notFound(`File ${relPath}`)
    throw badInput(`Path cannot be resolved: ${relPath}`)
  }
  if (!isInside(rootReal, real)) throw badInput(`Path leads outside the folder through a link: ${relPath}`)
  return real
}

/**
 * True when `target` is `root` itself or somewhere below it (both absolute; resolve
 * symlinks first where they matter). The one inside-the-root check in Gloss: a child
 * named `..notes` is inside, only `..` itself or `../…` leaves.
 */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  if (relative === '') return true
  // Absolute means another drive on Windows.
  if (path.isAbsolute(relative)) return false
  return relative !== '..' && !relative.startsWith(`..${path.sep}`)
}

/** True when `target` lies strictly below `root` (not `root` itself). */
export function isBelow(root: string, target: string): boolean {
  return path.relative(root, target) !== '' && isInside(root, target)
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined
}
