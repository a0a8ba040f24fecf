// Writing a file so that a crash or a power cut leaves either the old content or the
// new, never a mix: write a temporary file, fsync it, rename it over the target, fsync
// the folder. lowdb's own JSONFile (through steno) does the temporary file and the
// rename but no fsync at all, so after a power cut the renamed file could be empty.
import { open, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Adapter } from 'lowdb'

/** The temporary name a write goes through: `.<name>.tmp` beside the target. */
export const tempPathFor = (target: string): string => path.join(path.dirname(target), `.${path.basename(target)}.tmp`)

/**
 * Writes `text` to `target` atomically and durably (as far as the file system allows).
 * A crash before the rename leaves the target as it was plus a stale temporary file,
 * which the next write simply overwrites.
 */
export async function writeDurably(target: string, text: string): Promise<void> {
  const temp = tempPathFor(target)
  await writeFile(temp, text, 'utf8')
  await syncFile(temp)
  await renameRetrying(temp, target)
  await syncDirectory(path.dirname(target))
}

/**
 * On Windows a rename over a file that an indexer or virus scanner holds open fails
 * for a moment with EPERM/EACCES/EBUSY; steno retries for the same reason.
 */
async function renameRetrying(from: string, to: string, attempts = 10, waitMs = 100): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (attempt >= attempts || !['EPERM', 'EACCES', 'EBUSY'].includes(code ?? '')) throw error
      await new Promise((resolve) => setTimeout(resolve, waitMs))
    }
  }
}

/**
 * Best-effort fsync of a file's content. Some file systems refuse fsync: the write
 * itself already succeeded, so that is not fatal.
 */
export async function syncFile(file: string): Promise<void> {
  await syncPath(file, 'r+')
}

/**
 * Best-effort fsync of a folder, which is what makes a rename in it durable on Linux.
 * Windows cannot open a folder this way; there the call does nothing.
 */
export async function syncDirectory(dir: string): Promise<void> {
  await syncPath(dir, 'r')
}

async function syncPath(target: string, flags: string): Promise<void> {
  let handle
  try {
    handle = await open(target, flags)
    await handle.sync()
  } catch {
    // see above
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/**
 * A lowdb adapter that writes through writeDurably. It serialises the data when
 * write() is called, before anything asynchronous, so a write holds exactly the state
 * at that call even if the data changes while the file is being written.
 */
export class DurableJSONFile<T> implements Adapter<T> {
  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2)
    return writeDurably(this.file, text)
  }
}
