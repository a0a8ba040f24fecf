// The folder's tags as a whole: every tag with its counts, and renaming (merging) or
// deleting one everywhere. The changes themselves are written by annotations.ts.
import type { TagCount, TagUseCount } from '../../shared/model'
import { badInput } from '../../shared/result'
import { checkTag, removeTag, renameInList, tagKey } from '../../shared/tags'
import type { Annotations } from './annotations'
import { collator } from '../../shared/text/collator'

export class LibraryTags {
  constructor(private readonly annotations: Annotations) {}

  /**
   * Every tag in the folder's store (highlights and articles, missing ones included),
   * spelt as first used, with its counts: most used first, then by name.
   */
  counts(): TagCount[] {
    const counts = new Map<string, TagCount>()
    const count = (tags: readonly string[], field: 'highlights' | 'articles'): void => {
      for (const tag of tags) {
        const key = tagKey(tag)
        let found = counts.get(key)
        if (!found) counts.set(key, (found = { tag, highlights: 0, articles: 0 }))
        found[field]++
      }
    }
    const { data } = this.annotations
    for (const h of data.highlights) count(h.tags, 'highlights')
    for (const entry of Object.values(data.articleNotes)) count(entry.tags, 'articles')
    return [...counts.values()].sort((a, b) => b.highlights + b.articles - (a.highlights + a.articles) || collator.compare(a.tag, b.tag))
  }

  /**
   * Renames a tag on every highlight and article. When `to` is already a tag (in any
   * case) the two merge: an item that had both ends with one. How many items changed.
   */
  rename(from: string, to: string): TagUseCount {
    const oldTag = checkTag(from)
    if (!oldTag.ok) throw badInput(`Tag to rename: ${oldTag.reason}`)
    const newTag = checkTag(to)
    if (!newTag.ok) throw badInput(`New name: ${newTag.reason}`)
    const changed = this.annotations.retag(tagKey(oldTag.tag), oldTag.tag, (tags) => renameInList(tags, oldTag.tag, newTag.tag), { touch: true })
    // A merge: items that had only the other tag take the new spelling too, so the
    // folder has one name for it.
    const key = tagKey(newTag.tag)
    const respell = (tags: readonly string[]) => tags.some((t) => tagKey(t) === key && t !== newTag.tag)
    const { data } = this.annotations
    if (data.highlights.some((h) => respell(h.tags)) || Object.values(data.articleNotes).some((entry) => respell(entry.tags))) {
      this.annotations.retag(key, newTag.tag, (tags) => (respell(tags) ? tags.map((t) => (tagKey(t) === key ? newTag.tag : t)) : null), { touch: false })
    }
    return changed
  }

  /**
   * What merging `from` into `to` would leave carrying the one tag: the distinct
   * highlights and articles that carry either (any case). A read: nothing changes.
   */
  mergePreview(from: string, to: string): TagUseCount {
    const keys = new Set<string>()
    for (const [what, tag] of [['Tag to rename', from], ['New name', to]] as const) {
      const checked = checkTag(tag)
      if (!checked.ok) throw badInput(`${what}: ${checked.reason}`)
      keys.add(tagKey(checked.tag))
    }
    const carries = (tags: readonly string[]) => tags.some((t) => keys.has(tagKey(t)))
    const { data } = this.annotations
    return {
      highlights: data.highlights.filter((h) => carries(h.tags)).length,
      articles: Object.values(data.articleNotes).filter((entry) => carries(entry.tags)).length
    }
  }

  /** Removes a tag from every highlight and article; how many items changed. */
  delete(tag: string): TagUseCount {
    const checked = checkTag(tag)
    if (!checked.ok) throw badInput(checked.reason)
    const key = tagKey(checked.tag)
    return this.annotations.retag(key, checked.tag, (tags) => (tags.some((t) => tagKey(t) === key) ? removeTag(tags, checked.tag) : null), { touch: true })
  }
}
