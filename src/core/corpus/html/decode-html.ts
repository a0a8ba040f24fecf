// A saved page's bytes → text, honouring the charset the page declares. The order is
// the HTML standard's, cut to what a file on disk has (no HTTP header): a byte order
// mark, then a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first
// 1,024 bytes, then clean UTF-8, then Windows-1252 with a note (decode.ts).
import { decodeText, decodeWindows1252, type DecodeResult } from '../decode'

const PRESCAN_BYTES = 1024

/** The charset label a page declares near its top, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 keeps every byte one character, so offsets and ASCII tags survive any encoding.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1')
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta)
    if (direct) return direct[1].toLowerCase()
  }
  return null
}

export function decodeHtml(bytes: Uint8Array): DecodeResult {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  const label = hasBom ? null : declaredCharset(bytes)
  // A page saved as UTF-8 often still says what the server sent; UTF-16 without a mark
  // cannot be what a meta tag read as ASCII says (the standard treats it as UTF-8).
  if (label === null || label === 'utf-8' || label === 'utf8' || label.startsWith('utf-16') || label === 'unicode') return decodeText(bytes)
  let decoder: InstanceType<typeof TextDecoder>
  try {
    decoder = new TextDecoder(label === 'iso-8859-1' || label === 'latin1' || label === 'us-ascii' ? 'windows-1252' : label)
  } catch {
    // An unknown label: read it the usual way and say so.
    const fallback = decodeText(bytes)
    return fallback.ok ? { ...fallback, encodingNote: fallback.encodingNote ?? `The page declares an unknown charset "${label}"; read as UTF-8` } : fallback
  }
  if (decoder.encoding === 'windows-1252') {
    // Node's decoder maps 0x80–0x9F as ISO-8859-1; decode.ts has the real table.
    return bytes.includes(0) ? { ok: false, reason: 'Binary file' } : { ok: true, text: decodeWindows1252(bytes).replace(/\r\n?/g, '\n'), encodingNote: null }
  }
  if (bytes.includes(0)) return { ok: false, reason: 'Binary file' }
  return { ok: true, text: decoder.decode(bytes).replace(/\r\n?/g, '\n'), encodingNote: null }
}
