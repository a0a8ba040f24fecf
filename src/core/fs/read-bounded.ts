// Reading a file of the user's folder that may be hostile: whatever sits at the path
// now (it may have changed since the scan). The one way a corpus file's bytes are read.
//
// - Opened non-blocking (O_NONBLOCK), so a named pipe (FIFO) with no writer, a socket
//   or a device cannot park the thread in open(); the type is then checked on the
//   open descriptor (fstat), so a file swapped between a check and the open cannot
//   slip through. Only regular files are read; a symlink counts as what it points to.
// - The size limit applies to the bytes actually read, not to a size seen earlier: at
//   most limit + 1 bytes are read, so a file that grew past the limit after the scan
//   is "too large" instead of being read whole.
// The async form serves the scan; the sync form serves code that must answer between
// two messages (the parse and search workers), never the main thread's event loop.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs'
import { open } from 'node:fs/promises'

export type BoundedRead =
  | { kind: 'bytes'; bytes: Buffer; size: number; mtimeMs: number }
  /** More than `maxBytes` bytes: `size` is what fstat said (at least maxBytes + 1). */
  | { kind: 'too-large'; size: number; mtimeMs: number }
  /** Not a regular file (FIFO, socket, device, folder): nothing was read. */
  | { kind: 'not-a-file'; what: string; size: number; mtimeMs: number }

export interface BoundedReadOptions {
  maxBytes: number
  /** Read only the first bytes when they do not start with this (extension-less files). */
  headMustStartWith?: (head: Buffer) => boolean
}

// Windows has no O_NONBLOCK (and no FIFOs in the folder walk): 0 there.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)
const HEAD_BYTES = 8

/** What a non-regular file is, in the user's words. */
export function describeFileType(info: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a named pipe'
  if (info.isSocket()) return 'a socket'
  if (info.isBlockDevice() || info.isCharacterDevice()) return 'a device'
  return 'not a regular file'
}

export function notAFileReason(what: string): string {
  return `Not a regular file (${what}): it is not read`
}

export function tooLargeReason(size: number, limit: number): string {
  return `File is too large (${formatMegabytes(size)}; the limit is ${formatMegabytes(limit)})`
}

const formatMegabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`

/** Head check says skip: `bytes` is then the head only (callers treat it as "not an article"). */
export type HeadSkipped = { kind: 'skip'; size: number; mtimeMs: number }

export async function readBounded(file: string, options: BoundedReadOptions): Promise<BoundedRead | HeadSkipped> {
  const handle = await open(file, OPEN_FLAGS)
  try {
    const info = await handle.stat()
    const base = { size: info.size, mtimeMs: info.mtimeMs }
    if (!info.isFile()) return { kind: 'not-a-file', what: describeFileType(info), ...base }
    if (info.size > options.maxBytes) return { kind: 'too-large', ...base }
    const reader = new GrowingRead(info.size, options.maxBytes)
    if (options.headMustStartWith) {
      const { bytesRead } = await handle.read(reader.buffer, 0, Math.min(HEAD_BYTES, reader.buffer.length), 0)
      if (!options.headMustStartWith(reader.buffer.subarray(0, bytesRead))) return { kind: 'skip', ...base }
      reader.filled = bytesRead
    }
    while (reader.room()) {
      const { bytesRead } = await handle.read(reader.buffer, reader.filled, reader.buffer.length - reader.filled, reader.filled)
      if (bytesRead === 0) break
      reader.filled += bytesRead
    }
    return reader.result(base)
  } finally {
    await handle.close()
  }
}

/** readBounded for a worker thread (no head check: the scan alone sniffs). */
export function readBoundedSync(file: string, options: { maxBytes: number }): BoundedRead {
  const fd = openSync(file, OPEN_FLAGS)
  try {
    const info = fstatSync(fd)
    const base = { size: info.size, mtimeMs: info.mtimeMs }
    if (!info.isFile()) return { kind: 'not-a-file', what: describeFileType(info), ...base }
    if (info.size > options.maxBytes) return { kind: 'too-large', ...base }
    const reader = new GrowingRead(info.size, options.maxBytes)
    while (reader.room()) {
      const bytesRead = readSync(fd, reader.buffer, reader.filled, reader.buffer.length - reader.filled, reader.filled)
      if (bytesRead === 0) break
      reader.filled += bytesRead
    }
    return reader.result(base)
  } finally {
    closeSync(fd)
  }
}

// The buffer is fstat's size + 1, so that reaching its end shows the file grew; it then
// grows once to the limit + 1, and reading stops there whatever the file does.
class GrowingRead {
  buffer: Buffer
  filled = 0
  constructor(
    size: number,
    private readonly maxBytes: number
  ) {
    this.buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1)
  }

  /** False once limit + 1 bytes are in. */
  room(): boolean {
    if (this.filled < this.buffer.length) return true
    if (this.buffer.length > this.maxBytes) return false
    const bigger = Buffer.allocUnsafe(this.maxBytes + 1)
    this.buffer.copy(bigger, 0, 0, this.filled)
    this.buffer = bigger
    return true
  }

  result(base: { size: number; mtimeMs: number }): BoundedRead {
    if (this.filled > this.maxBytes) return { kind: 'too-large', size: Math.max(base.size, this.filled), mtimeMs: base.mtimeMs }
    return { kind: 'bytes', bytes: this.buffer.subarray(0, this.filled), ...base }
  }
}
