// Reading a store file and noticing another writer: the file's text with its size limit
// and UTF-8 check, what the store last saw of it (size, mtime, inode), and the default
// merge with a version another process wrote. json-store.ts's helpers, kept apart from
// its write schedule.
import { readFile, stat } from 'node:fs/promises'

/**
 * The largest store file read. V8's longest string is about 512 MiB: a larger file cannot
 * even be read as text, and one near it needs gigabytes to parse. 400 MiB is about
 * 400,000 highlights with notes; a file beyond it is set aside like a damaged one.
 */
export const MAX_STORE_BYTES = 400 * 1024 * 1024

export type StoreFileRead = { kind: 'missing' } | { kind: 'too-large'; bytes: number } | { kind: 'text'; text: string; invalidUtf8: boolean }

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The store file's text, with whether it held bytes that are not UTF-8 (read as U+FFFD). */
export async function readStoreFile(file: string, seen: FileSeen | null, maxBytes: number): Promise<StoreFileRead> {
  if (seen !== null && seen.size > maxBytes) return { kind: 'too-large', bytes: seen.size }
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    throw error
  }
  if (bytes.length > maxBytes) return { kind: 'too-large', bytes: bytes.length }
  try {
    return { kind: 'text', text: strictUtf8.decode(bytes), invalidUtf8: false }
  } catch {
    return { kind: 'text', text: bytes.toString('utf8'), invalidUtf8: true }
  }
}

export interface FileSeen {
  mtimeMs: number
  size: number
  ino: number
}

export async function statOf(file: string): Promise<FileSeen | null> {
  try {
    const info = await stat(file)
    return { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino }
  } catch {
    return null
  }
}

export const sameStat = (a: FileSeen, b: FileSeen): boolean => a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino

/**
 * The default merge: each top-level field is ours if this process changed it since the
 * base, else the other writer's. Stores with records (the corpus store) merge deeper.
 */
export function mergeTopLevel<T>(base: T, ours: T, theirs: T): T {
  const merged = { ...(theirs as object) } as Record<string, unknown>
  const b = base as Record<string, unknown>
  const o = ours as Record<string, unknown>
  for (const key of Object.keys(o)) {
    if (JSON.stringify(o[key]) !== JSON.stringify(b[key])) merged[key] = o[key]
  }
  return merged as T
}
