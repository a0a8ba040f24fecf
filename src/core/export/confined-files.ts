// File operations for writing into a folder the user chose (an Obsidian vault): every
// path is checked to lie inside the folder after resolving symlinks, and every write
// goes through a temporary file in the same folder, so that a crash leaves either the
// old file or the new one, never half of one. A file that changed between being read
// and being replaced is left alone: the user may be typing in it right now.
import { randomBytes } from 'node:crypto'
import { chmod, link, lstat, readFile, realpath, rename, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import { isInside } from '../corpus/paths'
import { syncDirectory, writeNewFile } from '../fs/durable-write'

export class OutsideFolderError extends Error {
  constructor(target: string) {
    super(`${target} is outside the export folder`)
    this.name = 'OutsideFolderError'
  }
}

export class ChangedMeanwhileError extends Error {
  constructor(target: string) {
    super(`${path.basename(target)} changed while Gloss was exporting; export again to update it`)
    this.name = 'ChangedMeanwhileError'
  }
}

/**
 * Creates `name` in `dir` (a resolved folder inside root) with `content`, never
 * replacing anything: the content is written to a temporary file first and then linked
 * to its name, which fails if the name was taken in the meantime.
 */
export async function createFileAtomically(root: string, dir: string, name: string, content: string): Promise<string> {
  const target = path.join(dir, name)
  if (path.dirname(target) !== dir || !isInside(root, target) || name.includes('/') || name.includes('\\')) throw new OutsideFolderError(target)
  const temp = await writeTemp(dir, name, content)
  try {
    try {
      await link(temp, target)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // File systems without hard links (FAT, some network shares): rename, after checking.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error
      if (await exists(target)) throw Object.assign(new Error(`${name} already exists`), { code: 'EEXIST' })
      await rename(temp, target)
    }
  } finally {
    await unlink(temp).catch(() => undefined)
  }
  await syncDirectory(dir)
  return target
}

/** Replaces the file at `real` (resolved, inside root) if it still holds `expected`. */
export async function replaceFileAtomically(root: string, real: string, expected: string, content: string): Promise<void> {
  const now = await realpath(real)
  if (now !== real || !isInside(root, now)) throw new OutsideFolderError(real)
  const temp = await writeTemp(path.dirname(real), path.basename(real), content)
  try {
    // The new file keeps the old one's permissions.
    await chmod(temp, (await stat(real)).mode & 0o777).catch(() => undefined)
    if ((await readFile(real, 'utf8')) !== expected) throw new ChangedMeanwhileError(real)
    await rename(temp, real)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await syncDirectory(path.dirname(real))
}

/** A new temporary file beside the target, under a name no other export uses. */
async function writeTemp(dir: string, name: string, content: string): Promise<string> {
  const temp = path.join(dir, `.${name.slice(0, 60)}.gloss-${randomBytes(6).toString('hex')}.tmp`)
  await writeNewFile(temp, content)
  return temp
}

async function exists(target: string): Promise<boolean> {
  try {
    await lstat(target)
    return true
  } catch {
    return false
  }
}
