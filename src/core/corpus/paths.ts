// Every path the rest of the app hands in is relative to the opened root, and every
// one is checked against the root after symlinks are resolved: a corpus may contain
// links, but nothing outside it can be reached through them.
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { badInput, notFound } from '../../shared/result'

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
