// Tag rules, shared by the main process (which validates and stores tags) and the
// renderer (which checks what the user types before sending it). A tag keeps the case
// it was typed in, but two tags that differ only in case are the same tag: adding
// "History" where "history" is already present changes nothing, and filters and
// autocomplete match either spelling.

export const MAX_TAG_LENGTH = 100
/** More than this on one highlight or article is not tagging any more. */
export const MAX_TAGS_PER_ITEM = 100

export type TagCheck = { ok: true; tag: string } | { ok: false; reason: string }

/**
 * Tidies a typed tag (trimmed, inner whitespace collapsed to one space) and says why
 * it cannot be a tag when it cannot. A comma separates tags while typing, so a tag
 * never holds one; a line break would break every export's one-line tag lists.
 */
export function checkTag(raw: string): TagCheck {
  if (/[\r\n\u2028\u2029]/.test(raw)) return { ok: false, reason: 'A tag is one line' }
  const tag = raw.replace(/\s+/g, ' ').trim()
  if (tag === '') return { ok: false, reason: 'A tag cannot be empty' }
  if (tag.includes(',')) return { ok: false, reason: 'A tag cannot contain a comma (a comma separates tags)' }
  if (Array.from(tag).length > MAX_TAG_LENGTH) return { ok: false, reason: `A tag is at most ${MAX_TAG_LENGTH} characters` }
  return { ok: true, tag }
}

/** The key two tags are compared by: the same key, the same tag. */
export function tagKey(tag: string): string {
  return tag.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-US')
}

export function sameTag(a: string, b: string): boolean {
  return tagKey(a) === tagKey(b)
}

export type TagListCheck = { ok: true; tags: string[] } | { ok: false; reason: string }

/**
 * A whole list of tags as typed: each checked and tidied, later spellings of a tag
 * already in the list dropped (the first one stays), order kept.
 */
export function checkTagList(raw: readonly string[]): TagListCheck {
  const tags: string[] = []
  for (const item of raw) {
    const checked = checkTag(item)
    if (!checked.ok) return { ok: false, reason: `"${item.slice(0, 40)}": ${checked.reason}` }
    if (!tags.some((t) => sameTag(t, checked.tag))) tags.push(checked.tag)
  }
  if (tags.length > MAX_TAGS_PER_ITEM) return { ok: false, reason: `At most ${MAX_TAGS_PER_ITEM} tags on one item` }
  return { ok: true, tags }
}

/** Adds a tag to a list unless it is there already in any case; returns the new list. */
export function addTag(tags: readonly string[], tag: string): string[] {
  return tags.some((t) => sameTag(t, tag)) ? [...tags] : [...tags, tag]
}

/** Removes every spelling of the tag. */
export function removeTag(tags: readonly string[], tag: string): string[] {
  return tags.filter((t) => !sameTag(t, tag))
}

/**
 * Renames `from` to `to` in one list: the tag keeps its place; where `to` was already
 * there (a merge), the list ends with it once, spelt as `to`. Returns null when `from` is not in it.
 */
export function renameInList(tags: readonly string[], from: string, to: string): string[] | null {
  if (!tags.some((t) => sameTag(t, from))) return null
  const out: string[] = []
  for (const t of tags) {
    // The merged tag takes the new spelling everywhere, not only where it was renamed.
    const next = sameTag(t, from) || sameTag(t, to) ? to : t
    if (!out.some((o) => sameTag(o, next))) out.push(next)
  }
  return out
}

/**
 * Tags a user types into one text box, separated by commas (a pasted "a, b, c"). Blank
 * pieces are dropped; the rest are checked by checkTagList.
 */
export function splitTypedTags(text: string): string[] {
  return text
    .split(',')
    .map((piece) => piece.replace(/\s+/g, ' ').trim())
    .filter((piece) => piece !== '')
}

/** Suggestions for what is typed: tags containing it (any case), those starting with it first, none already chosen. */
export function suggestTags(all: readonly string[], typed: string, chosen: readonly string[], limit = 8): string[] {
  const needle = tagKey(typed)
  const free = all.filter((t) => !chosen.some((c) => sameTag(c, t)))
  if (!needle) return free.slice(0, limit)
  const starts = free.filter((t) => tagKey(t).startsWith(needle))
  const contains = free.filter((t) => !tagKey(t).startsWith(needle) && tagKey(t).includes(needle))
  return [...starts, ...contains].slice(0, limit)
}
