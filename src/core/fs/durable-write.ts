// Writing a file so that a crash or a power cut leaves either the old content or the
// new, never a mix: write a temporary file, fsync it, rename it over the target, fsync
// the folder. lowdb's own JSONFile (through steno) does the temporary file and the
// rename but no fsync at all, so after a power cut the renamed file could be empty.
// The one durable write in Gloss: the stores, the scan cache, the search index (its
// worker writes synchronously, see writeDurablySync), export manifests, export files.
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Adapter } from 'lowdb'
import { processIsAlive } from './process-alive'
import { readIfPresent } from './read-if-present'

export interface DurableWriteOptions {
  /** Create the target's folder first (a data-folder file written for the first time). */
  makeFolder?: boolean
}

/**
 * The temporary name a write goes through: `.<name>.<pid>-<random>.tmp` beside the
 * target. Unique per process and per write, so that two processes (or two writes of one
 * process) writing the same target never write into each other's temporary file; the
 * pid lets cleanStaleTemps tell a dead process's leftovers from a live one's.
 */
export const tempPathFor = (target: string, tag = `${process.pid}-${randomBytes(4).toString('hex')}`): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.${tag}.tmp`)

/** `.<name>.<pid>-<hex>.tmp`, or the `.<name>.tmp` of Gloss versions before the pid. */
const TEMP_NAME = /^\..+?(?:\.(\d+)-[0-9a-f]+)?\.tmp$/

/**
 * Removes the temporary files that writes of dead processes left in `dir` (a crash or a
 * kill between writing and renaming, a full disk). A live process's are left alone: it
 * may be renaming one right now. Returns the names removed.
 */
export async function cleanStaleTemps(dir: string, isAlive: (pid: number) => boolean = processIsAlive): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const match = TEMP_NAME.exec(name)
    if (!match) continue
    const pid = match[1] === undefined ? null : Number(match[1])
    if (pid !== null && (pid === process.pid || isAlive(pid))) continue
    await rm(path.join(dir, name), { force: true }).then(
      () => removed.push(name),
      () => undefined
    )
  }
  return removed
}

/**
 * Writes `text` to `target` atomically and durably (as far as the file system allows).
 * A crash before the rename leaves the target as it was plus a stale temporary file,
 * which cleanStaleTemps removes when Gloss next starts.
 */
export async function writeDurably(target: string, text: string, options: DurableWriteOptions = {}): Promise<void> {
  if (options.makeFolder) await mkdir(path.dirname(target), { recursive: true })
  const temp = tempPathFor(target)
  // `wx` below refuses anything planted under the (random) name rather than following it.
  await writeNewFile(temp, text)
  try {
    await renameRetrying(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await syncDirectory(path.dirname(target))
}

/**
 * writeDurably for code that must not yield: the search worker saves its index between
 * two messages, so the file holds exactly the state those messages left. No rename retry
 * (a synchronous wait would block the thread); a failed save is reported and retried later.
 */
export function writeDurablySync(target: string, text: string, options: DurableWriteOptions = {}): void {
  if (options.makeFolder) mkdirSync(path.dirname(target), { recursive: true })
  const temp = tempPathFor(target)
  const fd = openSync(temp, 'wx', 0o644)
  try {
    try {
      writeSync(fd, text, null, 'utf8')
      syncQuietly(() => fsyncSync(fd))
    } finally {
      closeSync(fd)
    }
    renameSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  // As syncDirectory: Windows cannot open a folder, so this is best effort.
  syncQuietly(() => {
    const dir = openSync(path.dirname(target), 'r')
    try {
      fsyncSync(dir)
    } finally {
      closeSync(dir)
    }
  })
}

/**
 * Creates `file` (which must not exist: `wx` refuses to follow or reuse anything there)
 * with `text`, synced to disk; on failure nothing is left behind. Also the first step of
 * the export folder's create-without-replacing and replace-if-unchanged writes.
 */
export async function writeNewFile(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx', 0o644)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync().catch(() => undefined)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(file, { force: true })
    throw error
  }
  await handle.close()
}

function syncQuietly(sync: () => void): void {
  try {
    sync()
  } catch {
    // Some file systems refuse fsync; the write itself has happened.
  }
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
    const text = await readIfPresent(this.file)
    return text === null ? null : (JSON.parse(text) as T)
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2)
    return writeDurably(this.file, text)
  }
}
