// A folder the user or a link names, as Gloss keys it: absolute, symlinks resolved, and
// a clear error when it is missing or not a folder.
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { badInput, notFound } from '../../shared/result'

export async function resolveFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder)
  let info
  try {
    info = await stat(absolute)
  } catch {
    throw notFound(`Folder ${absolute}`)
  }
  if (!info.isDirectory()) throw badInput(`${absolute} is not a folder`)
  return realpath(absolute)
}
