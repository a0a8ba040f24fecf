// Turns a file's bytes into text without ever guessing silently: clean UTF-8 is the
// norm, UTF-16 is accepted only with a byte order mark, anything else that is not
// valid UTF-8 is read as Windows-1252 (the usual culprit for old clippings) and the
// article says so.

export type DecodeResult =
  | { ok: true; text: string; encodingNote: string | null }
  | { ok: false; reason: string }

export const WINDOWS_1252_NOTE = 'Decoded as Windows-1252 (not valid UTF-8)'
export const UTF16_NOTE = 'Decoded as UTF-16 (byte order mark)'

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

// Node's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80–0x9F become C1
// control characters instead of curly quotes, dashes, €), so the table is ours.
// Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined and map to themselves (WHATWG).
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
]

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = []
  const CHUNK = 8192
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : byte
    )
    chunks.push(String.fromCharCode(...codes))
  }
  return chunks.join('')
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  const utf16 = utf16Encoding(bytes)
  if (utf16) {
    // ignoreBOM: false strips the mark; NUL bytes are normal here, so no binary check.
    const text = new TextDecoder(utf16, { ignoreBOM: false }).decode(bytes)
    return looksBinary(text) ? { ok: false, reason: 'Binary file' } : { ok: true, text: normaliseNewlines(text), encodingNote: UTF16_NOTE }
  }
  if (bytes.includes(0)) return { ok: false, reason: 'Binary file' }
  try {
    return { ok: true, text: normaliseNewlines(utf8.decode(bytes)), encodingNote: null }
  } catch {
    return { ok: true, text: normaliseNewlines(decodeWindows1252(bytes)), encodingNote: WINDOWS_1252_NOTE }
  }
}

/** True when the bytes begin with a UTF-8 BOM (optional) and then `prefix`. */
export function bytesStartWith(bytes: Uint8Array, prefix: string): boolean {
  const offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  if (bytes.length < offset + prefix.length) return false
  for (let i = 0; i < prefix.length; i++) {
    if (bytes[offset + i] !== prefix.charCodeAt(i)) return false
  }
  return true
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

function looksBinary(text: string): boolean {
  return text.includes('\u0000')
}

// One line-ending convention for everything downstream (titles, blocks, offsets).
function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}
