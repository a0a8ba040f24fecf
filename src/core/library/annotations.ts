// The one writer of a folder's annotations (the corpus store: highlights, article notes
// and tags, reading progress, the last article). Every change to the stored document
// goes through a method here — the edits the page makes, the tag administration
// (tags.ts), the reconciling of a new scan (reconcile.ts), an import's merge and an
// undo's write-back — so that one module knows every way the document changes.
// Everyone else gets the store without update() (ReadonlyStore); a test
// (one-writer.test.ts) fails on a store.update(...) anywhere else in src/core.
import { randomUUID } from 'node:crypto'
import { describeRange } from '../../shared/anchoring'
import type { Highlight, HighlightColor, TagUseCount } from '../../shared/model'
import { badInput, notFound } from '../../shared/result'
import { checkTagList, tagKey } from '../../shared/tags'
import type { CorpusArticle } from '../corpus/corpus-article'
import type { ArticleNote, CorpusData, StoredHighlight } from '../store/corpus-store'
import type { JsonStore } from '../store/json-store'
import type { ArticleTexts } from './article-texts'
import { clampFraction, type Catalogue } from './catalogue'

/** The corpus store as everyone but this module sees it: readable, not writable. */
export type ReadonlyStore<T> = Omit<JsonStore<T>, 'update'>

export type Move = { from: string; to: string }

export class Annotations {
  constructor(
    private readonly store: JsonStore<CorpusData>,
    private readonly catalogue: Catalogue,
    private readonly texts: ArticleTexts,
    private readonly now: () => Date
  ) {}

  /** The stored document, to read. */
  get data(): Readonly<CorpusData> {
    return this.store.data
  }

  /** The article the page shows now: the folder reopens on it next time. */
  rememberOpened(articleId: string): void {
    this.catalogue.article(articleId)
    if (this.store.data.lastArticleId === articleId) return
    this.store.update((data) => {
      data.lastArticleId = articleId
    })
  }

  /**
   * Remembers how far the user read and where to resume. Sent every second or so while
   * scrolling: an unchanged position writes nothing. True when something was written.
   * The fraction is the furthest point reached in this version of the text (scrolling
   * back up to re-read does not make a read article unread); the offset is where the
   * reader is now, the place to reopen at. An edited file starts counting again.
   */
  setProgress(input: { articleId: string; fraction: number; offset: number }): boolean {
    const article = this.catalogue.article(input.articleId)
    const before = this.store.data.progress[article.id]
    const reached = before && before.articleFingerprint === article.fingerprint ? clampFraction(before.fraction) : 0
    const fraction = Math.max(reached, clampFraction(input.fraction))
    const offset = Math.max(0, Math.floor(input.offset))
    if (before && before.fraction === fraction && before.offset === offset && before.articleFingerprint === article.fingerprint) return false
    this.store.update((data) => {
      data.progress[article.id] = { fraction, offset, updatedAt: this.now().toISOString(), articleFingerprint: article.fingerprint }
    })
    return true
  }

  createHighlight(input: { articleId: string; start: number; end: number; color: HighlightColor; note?: string }): Highlight {
    const article = this.catalogue.article(input.articleId)
    const model = this.texts.textModel(article)
    checkRange(model.text, input.start, input.end)
    const { quote, position } = describeRange(model.text, input.start, input.end)
    const at = this.now().toISOString()
    const stored: StoredHighlight = {
      id: randomUUID(),
      articleId: article.id,
      articleFingerprint: article.fingerprint,
      color: input.color,
      note: input.note ?? '',
      quote,
      position,
      createdAt: at,
      updatedAt: at,
      tags: [],
      ...articleDetails(article)
    }
    this.store.update((data) => {
      data.highlights.push(stored)
    })
    return this.texts.toHighlight(stored, model)
  }

  updateHighlight(patch: { highlightId: string; color?: HighlightColor; note?: string; tags?: readonly string[] }): Highlight {
    const existing = this.storedHighlight(patch.highlightId)
    const article = this.catalogue.find(existing.articleId)
    const tags = patch.tags === undefined ? undefined : validTags(patch.tags)
    this.store.update(() => {
      if (patch.color !== undefined) existing.color = patch.color
      if (patch.note !== undefined) existing.note = patch.note
      if (tags !== undefined) existing.tags = tags
      existing.updatedAt = this.now().toISOString()
      if (article) Object.assign(existing, articleDetails(article))
    })
    return this.texts.toHighlight(existing, article ? this.texts.textModel(article) : null)
  }

  /**
   * Moves a highlight onto a new range of its article's current text (an orphan the
   * user places again). Its id, colour, note and creation time stay.
   */
  reattachHighlight(input: { highlightId: string; start: number; end: number }): Highlight {
    const existing = this.storedHighlight(input.highlightId)
    const article = this.catalogue.find(existing.articleId)
    if (!article) throw notFound('The article of this highlight is not in the folder')
    const model = this.texts.textModel(article)
    checkRange(model.text, input.start, input.end)
    const { quote, position } = describeRange(model.text, input.start, input.end)
    this.store.update(() => {
      existing.quote = quote
      existing.position = position
      existing.updatedAt = this.now().toISOString()
      existing.articleFingerprint = article.fingerprint
      Object.assign(existing, articleDetails(article))
    })
    return this.texts.toHighlight(existing, model)
  }

  deleteHighlight(highlightId: string): boolean {
    this.storedHighlight(highlightId)
    this.store.update((data) => {
      data.highlights = data.highlights.filter((h) => h.id !== highlightId)
    })
    return true
  }

  setArticleNote(articleId: string, note: string): string {
    const article = this.catalogue.article(articleId)
    this.store.update((data) => {
      const tags = data.articleNotes[articleId]?.tags ?? []
      // The entry also holds the article's tags: a cleared note keeps them.
      if (note.trim() === '' && !tags.length) delete data.articleNotes[articleId]
      else data.articleNotes[articleId] = { note, tags, updatedAt: this.now().toISOString(), articleFingerprint: article.fingerprint, ...articleDetails(article) }
    })
    return note
  }

  /** Replaces the user's tags on an article (checked, duplicates in any case dropped); the list as stored. */
  setArticleTags(articleId: string, tags: readonly string[]): string[] {
    const article = this.catalogue.article(articleId)
    const checked = validTags(tags)
    this.store.update((data) => {
      const entry = data.articleNotes[articleId]
      if (entry) {
        entry.tags = checked
        if (!checked.length && entry.note.trim() === '') delete data.articleNotes[articleId]
      } else if (checked.length) {
        data.articleNotes[articleId] = {
          note: '',
          tags: checked,
          updatedAt: this.now().toISOString(),
          articleFingerprint: article.fingerprint,
          ...articleDetails(article)
        }
      }
    })
    return [...checked]
  }

  /**
   * Changes the tag lists that carry `key` (tags.ts: rename, merge, delete): `change`
   * gives an item's new list, or null to leave it. NOT_FOUND (naming `tag`) when no
   * item carries it; `touch`: stamp changed highlights as edited. How many items carried it.
   */
  retag(key: string, tag: string, change: (tags: readonly string[]) => string[] | null, options: { touch: boolean }): TagUseCount {
    const carries = (tags: readonly string[]) => tags.some((t) => tagKey(t) === key)
    const highlights = this.store.data.highlights.filter((h) => carries(h.tags))
    const articles = Object.entries(this.store.data.articleNotes).filter(([, entry]) => carries(entry.tags))
    if (!highlights.length && !articles.length) throw notFound(`Tag "${tag}"`)
    const at = this.now().toISOString()
    this.store.update((data) => {
      for (const h of highlights) {
        h.tags = change(h.tags) ?? h.tags
        if (options.touch) h.updatedAt = at
      }
      for (const [id, entry] of articles) {
        entry.tags = change(entry.tags) ?? entry.tags
        if (!entry.tags.length && entry.note.trim() === '') delete data.articleNotes[id]
      }
    })
    return { highlights: highlights.length, articles: articles.length }
  }

  /** Deletes the highlights and note of an article that is not in the folder; how many went. */
  removeMissing(articleId: string): number {
    if (this.catalogue.has(articleId)) throw badInput('This article is in the folder: delete its highlights one by one instead')
    if (this.catalogue.scanning) throw badInput('The folder is still being read: try again when it is done')
    const highlights = this.store.data.highlights.filter((h) => h.articleId === articleId).length
    // Own keys only: `constructor` or `__proto__` would find the prototype's.
    const note = Object.hasOwn(this.store.data.articleNotes, articleId) ? 1 : 0
    if (highlights + note === 0) throw notFound('Missing article')
    this.store.update((data) => {
      data.highlights = data.highlights.filter((h) => h.articleId !== articleId)
      delete data.articleNotes[articleId]
    })
    return highlights + note
  }

  /**
   * An import's merge (export/import-annotations.ts decides what to add or update):
   * applied in one change and written to disk before the import reports.
   */
  async mergeImport(merge: (data: CorpusData) => void): Promise<void> {
    this.store.update(merge)
    await this.store.flush()
  }

  /**
   * An undo or redo writing records back as they were (history/undo-log.ts); any whose
   * article file was moved meanwhile then follow it, as they do after a scan.
   */
  restore(writeBack: (data: Record<string, unknown>) => void): void {
    // The undo log works on records of any collection, not on the document's types.
    this.store.update((data) => writeBack(data as unknown as Record<string, unknown>))
    this.followMovedArticles()
  }

  /** Follows a move of the last article read (a renamed file). */
  followLastArticle(moves: ReadonlyMap<string, string>): void {
    const lastId = this.store.data.lastArticleId
    if (!lastId || !moves.has(lastId)) return
    this.store.update((data) => {
      data.lastArticleId = moves.get(lastId)!
    })
  }

  /**
   * A file that was moved or renamed gets a new id (ids hash the relative path), but
   * its content fingerprint is unchanged: move its highlights and note to the new id
   * when exactly one article carries that fingerprint. Annotations that match nothing
   * are kept as they are, never dropped. Nothing while the first scan runs (an article
   * not read yet is not gone). Returns the moves made.
   */
  followMovedArticles(): Move[] {
    if (this.catalogue.scanning) return []
    const byFingerprint = uniqueBy(this.catalogue.scan.articles, (article) => article.fingerprint)
    const target = (id: string, fingerprint: string): CorpusArticle | null => (this.catalogue.has(id) ? null : (byFingerprint.get(fingerprint) ?? null))
    const moves = this.store.data.highlights.filter((h) => target(h.articleId, h.articleFingerprint))
    const noteMoves = Object.entries(this.store.data.articleNotes).filter(([id, n]) => target(id, n.articleFingerprint))
    const progressMoves = Object.entries(this.store.data.progress).filter(([id, p]) => p.articleFingerprint && target(id, p.articleFingerprint))
    if (!moves.length && !noteMoves.length && !progressMoves.length) return []
    const moved = new Map<string, string>()
    this.store.update((data) => {
      for (const h of moves) {
        const to = target(h.articleId, h.articleFingerprint)!.id
        moved.set(h.articleId, to)
        h.articleId = to
      }
      for (const [oldId, entry] of noteMoves) {
        const newId = target(oldId, entry.articleFingerprint)!.id
        moved.set(oldId, newId)
        // Two notes for one article (the old one followed a move): keep both texts, and both tag lists.
        const kept = data.articleNotes[newId]
        const note = !kept || kept.note === entry.note || !entry.note ? (kept?.note ?? entry.note) : kept.note ? `${kept.note}\n\n${entry.note}` : entry.note
        data.articleNotes[newId] = kept ? { ...kept, note, tags: mergeTags(kept.tags, entry.tags) } : entry
        delete data.articleNotes[oldId]
      }
      for (const [oldId, entry] of progressMoves) {
        const newId = target(oldId, entry.articleFingerprint!)!.id
        moved.set(oldId, newId)
        // The newer position wins if the moved file was already read under its new name.
        const kept = data.progress[newId]
        if (!kept || kept.updatedAt < entry.updatedAt) data.progress[newId] = entry
        delete data.progress[oldId]
      }
    })
    return [...moved].map(([from, to]) => ({ from, to }))
  }

  /**
   * Keeps each annotation's record of its article (title, file, fingerprint) up to date
   * while the article is present, so that it can be named if the file goes away and
   * followed if the file is moved after an edit.
   */
  recordArticleDetails(): void {
    const stale: Array<[StoredHighlight | ArticleNote, CorpusArticle]> = []
    const check = (entry: StoredHighlight | ArticleNote, articleId: string): void => {
      const article = this.catalogue.find(articleId)
      if (!article) return
      if (entry.articleFingerprint !== article.fingerprint || entry.articleTitle !== article.title || entry.articlePath !== article.files[0]) {
        stale.push([entry, article])
      }
    }
    for (const h of this.store.data.highlights) check(h, h.articleId)
    for (const [id, note] of Object.entries(this.store.data.articleNotes)) check(note, id)
    if (!stale.length) return
    this.store.update(() => {
      for (const [entry, article] of stale) {
        entry.articleFingerprint = article.fingerprint
        Object.assign(entry, articleDetails(article))
      }
    })
  }

  storedHighlight(highlightId: string): StoredHighlight {
    const found = this.store.data.highlights.find((h) => h.id === highlightId)
    if (!found) throw notFound('Highlight')
    return found
  }
}

/** Tags as the user sent them, checked (BAD_INPUT naming the bad one). */
function validTags(tags: readonly string[]): string[] {
  const checked = checkTagList(tags)
  if (!checked.ok) throw badInput(`Cannot tag: ${checked.reason}`)
  return checked.tags
}

function mergeTags(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a]
  for (const tag of b) if (!out.some((t) => tagKey(t) === tagKey(tag))) out.push(tag)
  return out
}

function checkRange(text: string, start: number, end: number): void {
  if (end > text.length) badRange(`end ${end} is past the end of the article (${text.length} characters)`)
  if (!text.slice(start, end).trim()) badRange('the selection contains no text')
}

function badRange(message: string): never {
  throw badInput(`Cannot highlight: ${message}`)
}

/** Items by key, leaving out keys that more than one item shares. */
export function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const found = new Map<string, T | null>()
  for (const item of items) {
    const key = keyOf(item)
    found.set(key, found.has(key) ? null : item)
  }
  for (const [key, item] of found) if (item === null) found.delete(key)
  return found as Map<string, T>
}

function articleDetails(article: CorpusArticle): { articleTitle: string; articlePath: string } {
  return { articleTitle: article.title, articlePath: article.files[0] }
}
