// The journal of a store that cannot be written: the whole data, put on another path
// (the system's temporary folder, usually another file system than a full or read-only
// data disk) so that a kill or a crash while the data folder cannot be written loses
// nothing acknowledged. The next open of the store finds it, takes it (it is newer than
// the file by construction: it is written only after a write of the file failed) and
// removes it once the file has been written.
import { mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { writeDurably } from '../fs/durable-write'

interface JournalFile {
  /** The store the journal belongs to (two stores never share one, but we check). */
  file: string
  savedAt: string
  text: string
}

/** Writes the journal; false when it could not be written either (then memory is all there is). */
export async function writeJournal(journal: string, file: string, text: string, now: Date): Promise<boolean> {
  try {
    await mkdir(path.dirname(journal), { recursive: true, mode: 0o700 })
    const entry: JournalFile = { file, savedAt: now.toISOString(), text }
    await writeDurably(journal, JSON.stringify(entry))
    return true
  } catch {
    return false
  }
}

/** The journal's text for `file`, or null when there is none (or it is not this store's). */
export async function readJournal(journal: string, file: string): Promise<{ text: string; savedAt: string } | null> {
  try {
    const entry = JSON.parse(await readFile(journal, 'utf8')) as Partial<JournalFile>
    if (entry.file !== file || typeof entry.text !== 'string') return null
    return { text: entry.text, savedAt: String(entry.savedAt ?? '') }
  } catch {
    return null
  }
}

export async function clearJournal(journal: string): Promise<void> {
  await rm(journal, { force: true }).catch(() => undefined)
}
