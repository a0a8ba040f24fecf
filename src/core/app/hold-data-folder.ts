// The core's hold on its data folder: the one-writer lock (store/data-folder-lock.ts),
// or, when the folder cannot be written at all (a read-only disk, no permission), a
// problem the user is told at start-up instead of finding out when changes are lost.
import { acquireDataFolderLock, type DataFolderLock, type LockOwner } from '../store/data-folder-lock'
import { writeErrorCause, type SaveProblem } from '../store/save-problem'
import { lockFile } from '../store/data-folder'

export interface HeldDataFolder {
  /** Set when the data folder cannot be written: changes stay in memory (and the journal). */
  readonly problem: SaveProblem | null
  release(): Promise<void>
}

const UNWRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT'])

export async function holdDataFolder(
  dataDir: string,
  owner: LockOwner,
  now: () => Date = () => new Date(),
  acquire: typeof acquireDataFolderLock = acquireDataFolderLock
): Promise<HeldDataFolder> {
  let lock: DataFolderLock
  try {
    lock = await acquire(dataDir, owner)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (!code || !UNWRITABLE.has(code)) throw error
    // Nobody can write a read-only folder, so nobody needs the lock: open, and say so.
    const file = lockFile(dataDir)
    const { cause } = writeErrorCause(error, file)
    const problem: SaveProblem = {
      code,
      message: `Gloss cannot save anything in its data folder (${dataDir}): ${cause}. You can read, but changes are kept only until Gloss closes.`,
      file,
      since: now().toISOString(),
      journal: null
    }
    return { problem, release: async () => undefined }
  }
  return { problem: null, release: () => lock.release() }
}
