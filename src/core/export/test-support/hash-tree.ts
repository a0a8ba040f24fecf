// A fingerprint of everything under a folder (files, folders, symlinks, dot-files), to
// prove that an operation wrote nothing there.
import { createHash } from 'node:crypto'
import { lstat, readdir, readFile, readlink } from 'node:fs/promises'
import path from 'node:path'

export async function hashTree(dir: string, skip: (relative: string) => boolean = () => false): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (current: string, relative: string): Promise<void> => {
    for (const entry of (await readdir(current, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name
      if (skip(rel)) continue
      const absolute = path.join(current, entry.name)
      const info = await lstat(absolute)
      if (info.isSymbolicLink()) out[rel] = `link:${await readlink(absolute)}`
      else if (info.isDirectory()) {
        out[rel] = `dir:${info.mode}`
        await walk(absolute, rel)
      } else out[rel] = `file:${info.mode}:${info.mtimeMs}:${createHash('sha256').update(await readFile(absolute)).digest('hex')}`
    }
  }
  await walk(dir, '')
  return out
}
