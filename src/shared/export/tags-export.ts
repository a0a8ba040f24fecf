// Gloss tags → Obsidian tags, one mapping for the front matter `tags:` list and the
// inline `#tags` of a file, so that a tag is the same tag in both places.
//
// Obsidian's rules (help.obsidian.md, "Tags"): a tag holds letters of any script,
// digits, emoji, `_`, `-` and `/` (nesting: `#history/cold-war`); no spaces or other
// punctuation; and it must hold something other than digits (`#1984` is not a tag).
// Tags compare without case.
//
// The mapping keeps everything Obsidian accepts as it is and changes only the rest:
// - whitespace becomes `-` ("Cold War" → `Cold-War`);
// - symbols that carry meaning are spelled out, so `C++` is `C-plus-plus` and never
//   `C` (which would merge it with a real `#C`): `+` plus, `&` and, `#` sharp, `@` at,
//   `%` percent;
// - any other character Obsidian does not take becomes `-`; runs of `-` shrink to
//   one, and `-`/`/` at the ends go;
// - digits only get a `_` in front (`1984` → `_1984`), in front matter as inline.
// Distinct tags can still meet (`what?` and `what`): within one document the tags
// are mapped together, and a tag that would take another's name gets a short, stable
// suffix from its own spelling (`what-k3f9`), so two tags never silently become one.

/** Letters (with their combining marks), digits, `_`, `-`, `/`, and what emoji are made of. */
import { tagKey } from '../tags'

const ALLOWED = /[\p{L}\p{M}\p{N}_\-/\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3]/u
const SPELLED: Record<string, string> = { '+': 'plus', '&': 'and', '#': 'sharp', '@': 'at', '%': 'percent' }

/** The tag as Obsidian accepts it (without `#`), or null when nothing of it is left. Pure: the same tag always maps the same way. */
export function obsidianTag(tag: string): string | null {
  const body = tag.normalize('NFC').trim().replace(/^#+/, '')
  let out = ''
  for (const ch of body) {
    if (ALLOWED.test(ch)) out += ch
    else if (Object.hasOwn(SPELLED, ch)) out += `-${SPELLED[ch]}-`
    else out += '-'
  }
  out = out
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/-*\/-*/g, '/')
    .replace(/^[-/]+|[-/]+$/g, '')
  if (out === '') return null
  // A tag of digits only is not a tag to Obsidian.
  if (/^\p{N}+$/u.test(out)) out = `_${out}`
  return out
}

/** Maps the tags of one document: obsidianTag, with collisions between distinct tags broken (see above). */
export type Tagger = (tag: string) => string | null

export function obsidianTagger(tags: Iterable<string>): Tagger {
  const byOutput = new Map<string, Set<string>>()
  for (const tag of tags) {
    const out = obsidianTag(tag)
    if (out === null) continue
    const key = out.toLowerCase()
    const group = byOutput.get(key) ?? new Set<string>()
    group.add(sourceKey(tag))
    byOutput.set(key, group)
  }
  return (tag) => {
    const out = obsidianTag(tag)
    if (out === null) return null
    const group = byOutput.get(out.toLowerCase())
    if (!group || group.size < 2) return out
    // The tag that is already valid as written (bar spaces) keeps the plain name; the others get a suffix.
    const own = sourceKey(tag)
    const plain = [...group].find((key) => key === out.toLowerCase()) ?? [...group].sort()[0]
    return own === plain ? out : `${out}-${shortHash(own)}`
  }
}

/** Front matter `tags:` values (no `#`): mapped, each once in any case, order kept. */
export function frontMatterTags(tags: readonly string[], tagger: Tagger = obsidianTagger(tags)): string[] {
  const out: string[] = []
  for (const tag of tags) {
    const mapped = tagger(tag)
    if (mapped !== null && !out.some((t) => t.toLowerCase() === mapped.toLowerCase())) out.push(mapped)
  }
  return out
}

/** Inline tags (`#tag`), the same mapping. */
export function inlineTags(tags: readonly string[], tagger: Tagger = obsidianTagger(tags)): string[] {
  return frontMatterTags(tags, tagger).map((tag) => `#${tag}`)
}

/** The tags as one Markdown paragraph (`#a #b`), or '' without tags. */
export function inlineTagLine(tags: readonly string[], tagger?: Tagger): string {
  return inlineTags(tags, tagger).join(' ')
}

/** Two spellings of one Gloss tag (any case, a leading `#`) are one source tag; "Cold War" and "Cold-War" are two. */
function sourceKey(tag: string): string {
  return tagKey(tag.normalize('NFC').trim().replace(/^#+/, ''))
}

/** 4 base-36 characters of FNV-1a over the tag: stable, short, distinct enough within one document. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5
  for (const ch of text) {
    hash ^= ch.codePointAt(0) as number
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return (hash % 36 ** 4).toString(36).padStart(4, '0')
}
