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

// Chinese and Japanese have no spaces to count words by: each Han, kana character
// counts as one word. Readers of Chinese take in about 255 characters a minute and
// readers of English about 230 words (Trauzettel-Klosinski et al. 2012), so the reading
// time computed from this count at one speed stays within about 10% for both.
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu

/**
 * Words in a body: whitespace-separated runs holding at least one letter or digit,
 * plus one for every Chinese or Japanese character.
 */
export function countWords(body: string): number {
  let count = 0
  const hasCjk = CJK_CHARACTER.test(body)
  CJK_CHARACTER.lastIndex = 0
  for (const token of body.split(/\s+/)) {
    if (!hasCjk) {
      if (/[\p{L}\p{N}]/u.test(token)) count++
      continue
    }
    const characters = token.match(CJK_CHARACTER)?.length ?? 0
    count += characters
    if (/[\p{L}\p{N}]/u.test(characters > 0 ? token.replace(CJK_CHARACTER, ' ') : token)) count++
  }
  return count
}

const collapseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim()
