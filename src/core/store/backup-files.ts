// The files around a JSON store: rotating backups, damaged files set aside, and the
// read + parse + validate check that decides whether a file's content can be trusted.
import { rename, stat } from 'node:fs/promises'
import { GlossError } from '../../shared/result'
import { writeDurably } from '../fs/durable-write'
import { readIfPresent } from '../fs/read-if-present'

/** `<file>.bak1` is the newest backup, `<file>.bak<N>` the oldest kept. */
export const backupPath = (file: string, index: number): string => `${file}.bak${index}`

/** Raised when a data file was written by a newer Gloss: we refuse rather than overwrite it. */
export class NewerDataError extends GlossError {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number
  ) {
    super(
      'UNAVAILABLE',
      `${file} was written by a newer version of Gloss (data version ${found}; this version reads up to ${supported}). ` +
        'Update Gloss to open it. The file was left untouched.'
    )
    this.name = 'NewerDataError'
  }
}

export type Checked<T> = { ok: true; data: T } | { ok: false; reason: string }

/**
 * Parses and validates a store file's text. A newer schema version is not "damage":
 * it throws NewerDataError so that the caller can refuse instead of repairing.
 */
export function checkContent<T>(text: string, schemaVersion: number, validate: (raw: unknown) => T, file: string): Checked<T> {
  let raw: unknown
  try {
    // A byte-order mark (an editor's doing) is not damage.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` }
  }
  const found = schemaVersionOf(raw)
  if (found !== null && found > schemaVersion) throw new NewerDataError(file, found, schemaVersion)
  try {
    return { ok: true, data: validate(raw) }
  } catch (error) {
    return { ok: false, reason: `unexpected content (${(error as Error).message.slice(0, 500)})` }
  }
}

function schemaVersionOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const version = (raw as { schemaVersion?: unknown }).schemaVersion
  return typeof version === 'number' && Number.isFinite(version) ? version : null
}


export interface GoodBackup<T> {
  data: T
  file: string
  /** When the backup was taken, which is when its content was current. */
  takenAt: Date
}

/** The newest backup that parses and validates; damaged or newer-version backups are skipped. */
export async function newestGoodBackup<T>(
  file: string,
  count: number,
  schemaVersion: number,
  validate: (raw: unknown) => T
): Promise<GoodBackup<T> | null> {
  for (let index = 1; index <= count; index++) {
    const candidate = backupPath(file, index)
    const text = await readIfPresent(candidate).catch(() => null)
    if (text === null) continue
    let checked: Checked<T>
    try {
      checked = checkContent(text, schemaVersion, validate, candidate)
    } catch {
      continue // a backup from a newer Gloss is no use to this one
    }
    if (!checked.ok) continue
    const info = await stat(candidate)
    return { data: checked.data, file: candidate, takenAt: info.mtime }
  }
  return null
}

/**
 * Moves a damaged file to `<file>.corrupt-<timestamp>` and returns that path. Never
 * deletes: the user (or we) may still recover something from it.
 */
export async function setAside(file: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  let target = `${file}.corrupt-${stamp}`
  for (let n = 1; await exists(target); n++) target = `${file}.corrupt-${stamp}-${n}`
  await rename(file, target)
  return target
}

/**
 * Shifts `.bak1 … .bak<N-1>` down one place and writes `text` as the new `.bak1`.
 * The caller has already checked that `text` parses and validates.
 *
 * Only the backups before the first gap move: a rotation cut short by a crash leaves
 * `.bak1` missing, and the next rotation fills that gap instead of pushing it (and an
 * old backup) further down.
 */
export async function rotateBackups(file: string, count: number, text: string): Promise<void> {
  if (count < 1) return
  let gap = 1
  while (gap < count && (await exists(backupPath(file, gap)))) gap++
  // Without a gap the oldest backup is overwritten by the one before it (rename replaces).
  for (let index = gap - 1; index >= 1; index--) await rename(backupPath(file, index), backupPath(file, index + 1))
  await writeDurably(backupPath(file, 1), text)
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file)
    return true
  } catch {
    return false
  }
}
