// Identity of an article: `id` follows the file (its path relative to the corpus
// root), `fingerprint` follows the words, so a moved or renamed file can be matched
// back to its highlights.
import { createHash } from 'node:crypto'

const shortHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)

/** Stable id for the file that carries an article's text ('/'-separated relative path). */
export function articleIdFor(relativePath: string): string {
  return shortHash(relativePath)
}

/**
 * Hash of the body with whitespace runs collapsed, so re-wrapping or a changed line
 * ending does not change it. An empty body (metadata only) would make every such
 * article look alike, so those are fingerprinted by their normalised title instead.
 */
export function fingerprintFor(body: string, title: string): string {
  return fingerprintOf(bodyFingerprint(body), title)
}

/** fingerprintFor from a body's own fingerprint (kept by the scan instead of the body). */
export function fingerprintOf(bodyPrint: string | null, title: string): string {
  return bodyPrint ?? shortHash(`title:${collapseWhitespace(title).toLowerCase()}`)
}

/** The body's part of fingerprintFor; null for an empty body. */
export function bodyFingerprint(body: string): string | null {
  const words = collapseWhitespace(body)
  return words === '' ? null : shortHash(`body:${words}`)
}

/** Hash of the exact text. */
export const exactHash = (text: string): string => shortHash(`exact:${text}`)

/** Words in a body: whitespace-separated runs holding at least one letter or digit. */
export function countWords(body: string): number {
  let count = 0
  for (const token of body.split(/\s+/)) {
    if (/[\p{L}\p{N}]/u.test(token)) count++
  }
  return count
}

const collapseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim()
