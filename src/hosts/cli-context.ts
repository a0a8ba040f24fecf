// What every CLI command is given: where its output goes, the clock, its parsed command
// line, and how paths the user typed are read. Kept apart from cli.ts so that each
// command's module (loaded only when that command runs) can use it without a circle.
import path from 'node:path'
import { dataDirFrom } from '../core/store/data-folder'
import { acquireDataFolderLock, DataFolderBusyError, type DataFolderLock } from '../core/store/data-folder-lock'
import type { CommandLine } from './command-line'

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
}

export interface CliOptions {
  /** The clock (tests fix it so that exports can be compared). */
  now?: () => Date
  /** The zone exports write times in; default the machine's (tests fix it). */
  timeZone?: string
}

export type Parsed = CommandLine

/** --data-dir (relative to where the user was), else GLOSS_DATA_DIR, else the app's own. */
export function dataDirOf(parsed: Parsed): string {
  const flag = parsed.values.get('--data-dir')
  return flag ? fromUserCwd(flag) : dataDirFrom([])
}

/** npm runs scripts from the package root; paths the user typed are relative to where they were. */
export function fromUserCwd(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p)
}

/**
 * The data folder's lock for a command that only reads it (export, search), or null when
 * the app (or another writer) holds it or it cannot be written: the command then reads
 * the stores as they are on disk and writes nothing to them.
 */
export async function lockForReading(dataDir: string): Promise<DataFolderLock | null> {
  try {
    return await acquireDataFolderLock(dataDir, 'cli')
  } catch (error) {
    if (error instanceof DataFolderBusyError) return null
    if (['EROFS', 'EACCES', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) return null
    throw error
  }
}
