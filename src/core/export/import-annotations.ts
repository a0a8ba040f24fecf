// Importing a W3C Web Annotation file (Gloss's JSON export, or another tool's) into the
// open corpus — the same folder, or a copy of it on another machine.
//
// - Each annotation's article is found by its file path (or article id, which hashes
//   the path), then its content fingerprint, then its source URL, then its normalised
//   title; a step that finds several articles is skipped, never guessed.
// - Highlights are placed again by quote (src/shared/anchoring) in the article's text,
//   and stored with selectors described from where they landed.
// - Merging: an annotation already here (same id) is updated when the imported one is
//   newer and skipped otherwise; a highlight of the same quote at the same place is
//   skipped. Importing the same file twice changes nothing the second time.
// - Nothing is dropped: a highlight whose quote is not found is kept as an orphan (the
//   user places it by hand), and annotations whose article is not in the folder are
//   kept as annotations of a missing article — they show up with the missing articles
//   and follow the file if it appears later with the same content. Both are listed in
//   the report. Article notes are never overwritten: two different notes for an
//   article are both kept, one after the other.
import { createHash, randomUUID } from 'node:crypto'
import { open } from 'node:fs/promises'
import { anchorQuote, describeRange } from '../../shared/anchoring'
import { exactOccurrences } from '../../shared/anchoring/match-quote'
import type { ReadAnnotation, ReadArticleRef } from '../../shared/export/web-annotation-read'
import { readAnnotationFile } from './annotation-file-read'
import { utf16Position } from '../../shared/export/web-annotation-read'
import type { TextPositionSelector, TextQuoteSelector } from '../../shared/model'
import { badInput } from '../../shared/result'
import { checkTag, sameTag } from '../../shared/tags'
import type { CorpusArticle } from '../corpus/corpus-article'
import type { Annotations } from '../library/annotations'
import type { ArticleNote, CorpusData, StoredHighlight } from '../store/corpus-store'
import { fold } from '../../shared/text/fold'

export interface ImportOptions {
  /** The file's text. */
  text: string
  /** The corpus's articles as scanned (LibrarySession.scan.articles). */
  articles: readonly CorpusArticle[]
  /** Where the merge is written (the folder's one writer of annotations). */
  annotations: Pick<Annotations, 'mergeImport'>
  /** The article's text, as highlights anchor in it (LibrarySession.getArticle(id).text). */
  textOf(articleId: string): string
  now?: () => Date
}

export interface UnplacedAnnotation {
  quote: string
  note: string
  reason: string
}

export interface UnmatchedArticle {
  title: string | null
  file: string | null
  url: string | null
  /** How many of the file's annotations belong to it (all kept as a missing article's). */
  annotations: number
}

export interface ImportReport {
  /** Highlights and article notes added. */
  imported: number
  /** Already here, and brought up to date from the file (newer there), or a second note kept. */
  updated: number
  /** Already here: skipped. */
  duplicates: number
  /** Highlights imported as orphans, annotations of articles not in the folder, and annotations Gloss cannot use. */
  unplaced: UnplacedAnnotation[]
  unmatchedArticles: UnmatchedArticle[]
}

export const MAX_IMPORT_FILE_BYTES = 200 * 1024 * 1024

export const REASONS = {
  notFound: 'The quote was not found in the article; imported as an orphan to place again by hand',
  noArticle: 'Its article is not in this folder; kept with the missing articles',
  unusable: (why: string) => `Not imported: ${why}`,
  ambiguous: 'The quote occurs more than once and is not where its position said; placed by its context — check that it is the right one'
}

/** Reads an import file: BAD_INPUT if it is too large to be an annotations file. */
export async function readImportFile(file: string): Promise<string> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    if (size > MAX_IMPORT_FILE_BYTES) throw badInput(`${file} is ${Math.round(size / 1024 / 1024)} MB; an annotations file is far smaller. Is it the right file?`)
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

export async function importAnnotations(options: ImportOptions): Promise<ImportReport> {
  const now = options.now ?? (() => new Date())
  const { annotations, unusable } = readAnnotationFile(options.text)
  const report: ImportReport = { imported: 0, updated: 0, duplicates: 0, unplaced: [], unmatchedArticles: [] }
  for (const item of unusable) report.unplaced.push({ quote: item.quote, note: item.note, reason: REASONS.unusable(item.reason) })
  const matcher = new ArticleMatcher(options.articles)
  const unmatched = new Map<string, UnmatchedArticle>()
  const texts = new Map<string, string>()
  const textOf = (id: string): string => {
    let text = texts.get(id)
    if (text === undefined) texts.set(id, (text = options.textOf(id)))
    return text
  }

  refuseHostileIds(annotations)

  // All or nothing: the merge works on a copy of the records and the copy replaces them in
  // one assignment at the end, so a failure anywhere in between (an article whose text
  // cannot be read, a bug) leaves the store as it was and nothing is written.
  await options.annotations.mergeImport((stored) => {
    const data: CorpusData = { ...stored, highlights: structuredClone(stored.highlights), articleNotes: structuredClone(stored.articleNotes) }
    const index = new HighlightIndex(data.highlights)
    for (const annotation of annotations) {
      const article = matcher.match(annotation.article)
      let target: Target
      if (article) target = { id: article.id, fingerprint: article.fingerprint, title: article.title, path: article.files[0] }
      else {
        target = missingTarget(annotation.article)
        const entry = unmatched.get(target.id) ?? { title: annotation.article.title, file: annotation.article.file, url: annotation.article.url, annotations: 0 }
        entry.annotations++
        unmatched.set(target.id, entry)
      }
      const stamp = now().toISOString()
      if (annotation.kind === 'articleNote') importNote(data, annotation, target, stamp, report)
      else importHighlight(data, index, annotation, target, article ? textOf(article.id) : null, stamp, report)
    }
    stored.highlights = data.highlights
    stored.articleNotes = data.articleNotes
  })
  report.unmatchedArticles = [...unmatched.values()]
  return report
}

/** Names that are not ids: as a key of a plain object they reach its prototype. */
const NOT_IDS = new Set(['__proto__', 'constructor', 'prototype'])

/** A file that names such an id is refused before anything is placed or stored. */
function refuseHostileIds(annotations: readonly ReadAnnotation[]): void {
  for (const annotation of annotations) {
    if (annotation.article.id !== null && NOT_IDS.has(annotation.article.id)) {
      throw badInput(`The file names the article "${annotation.article.id}", which is not a usable article id. Nothing was imported.`)
    }
    if (annotation.highlightId !== null && NOT_IDS.has(annotation.highlightId)) {
      throw badInput(`The file names the highlight "${annotation.highlightId}", which is not a usable highlight id. Nothing was imported.`)
    }
  }
}

interface Target {
  id: string
  fingerprint: string
  title: string | null
  path: string | null
}

/** The store's highlights by id and by article, kept up to date as imported ones are added. */
class HighlightIndex {
  private readonly byId = new Map<string, StoredHighlight>()
  /** Highlights imported from another tool, by that tool's IRI (they have a Gloss id of their own). */
  private readonly byOrigin = new Map<string, StoredHighlight>()
  private readonly byArticle = new Map<string, StoredHighlight[]>()

  constructor(highlights: StoredHighlight[]) {
    for (const h of highlights) this.add(h)
  }

  add(h: StoredHighlight): void {
    this.byId.set(h.id, h)
    if (h.origin) this.byOrigin.set(h.origin.id, h)
    const list = this.byArticle.get(h.articleId) ?? []
    list.push(h)
    this.byArticle.set(h.articleId, list)
  }

  get(id: string): StoredHighlight | undefined {
    return this.byId.get(id)
  }

  fromOrigin(iri: string): StoredHighlight | undefined {
    return this.byOrigin.get(iri)
  }

  /** A highlight that moved to another article (a newer import placed it there) is filed under both; callers check articleId. */
  ofArticle(articleId: string): StoredHighlight[] {
    return (this.byArticle.get(articleId) ?? []).filter((h) => h.articleId === articleId)
  }
}

function importHighlight(
  data: CorpusData,
  index: HighlightIndex,
  annotation: ReadAnnotation,
  target: Target,
  text: string | null,
  stamp: string,
  report: ImportReport
): void {
  let quote: TextQuoteSelector | null = annotation.quote
  // The file's position in Gloss's UTF-16 offsets (it may count code points); a
  // missing article's is kept as the file says, a hint for when the file comes back.
  let position: TextPositionSelector | null = text !== null ? utf16Position(text, annotation) : annotation.position
  // An annotation with only a position (another tool's) takes its quote from the text.
  if (!quote && position && text !== null) ({ quote, position } = describeRange(text, position.start, position.end))
  if (!quote) {
    report.unplaced.push({ quote: '', note: annotation.note, reason: REASONS.unusable('no text quote to place it by') })
    return
  }
  const anchor = text !== null ? anchorQuote(text, { quote, position: position ?? undefined }) : null
  const selectors = anchor && text !== null ? describeRange(text, anchor.start, anchor.end) : { quote, position: position ?? { type: 'TextPositionSelector' as const, start: 0, end: quote.exact.length } }
  const created = annotation.created ?? annotation.modified ?? stamp
  const updated = annotation.modified ?? created

  const sameId = annotation.highlightId ? index.get(annotation.highlightId) : annotation.origin ? index.fromOrigin(annotation.origin.id) : undefined
  if (sameId) {
    // Only a time the file gives can make it newer: without one, `updated` is this
    // import's own clock, and every re-import would count as an update.
    const fileTime = annotation.modified ?? annotation.created
    if (fileTime !== null && isNewer(fileTime, sameId.updatedAt)) {
      sameId.note = annotation.note
      sameId.tags = importedTags(annotation.tags)
      if (annotation.color) sameId.color = annotation.color
      sameId.updatedAt = updated
      if (anchor) {
        Object.assign(sameId, { quote: selectors.quote, position: selectors.position, articleId: target.id, articleFingerprint: target.fingerprint }, details(target))
        index.add(sameId)
      }
      report.updated++
    } else report.duplicates++
    reportIfOrphan(sameId, target, text, report)
    return
  }
  const samePlace = index.ofArticle(target.id).find(
    (h) =>
      h.quote.exact === selectors.quote.exact &&
      (anchor && text !== null ? sameAnchor(text, h, anchor) : h.position.start === selectors.position.start && h.position.end === selectors.position.end)
  )
  if (samePlace) {
    report.duplicates++
    reportIfOrphan(samePlace, target, text, report)
    return
  }
  const stored: StoredHighlight = {
    id: annotation.highlightId ?? randomUUID(),
    articleId: target.id,
    articleFingerprint: target.fingerprint,
    color: annotation.color ?? 'yellow',
    note: annotation.note,
    tags: importedTags(annotation.tags),
    quote: selectors.quote,
    position: selectors.position,
    createdAt: created,
    updatedAt: updated,
    ...details(target),
    ...(annotation.origin ? { origin: annotation.origin } : {})
  }
  data.highlights.push(stored)
  index.add(stored)
  report.imported++
  if (text === null) report.unplaced.push({ quote: quote.exact, note: annotation.note, reason: REASONS.noArticle })
  else if (!anchor) report.unplaced.push({ quote: quote.exact, note: annotation.note, reason: REASONS.notFound })
  else if (position && anchor.method !== 'position' && exactOccurrences(text, quote.exact).length > 1) {
    report.unplaced.push({ quote: quote.exact, note: annotation.note, reason: REASONS.ambiguous })
  }
}

/**
 * A highlight the file names that is already here (a duplicate or an update) is listed
 * when it is not placed in its article now, like a new one: the report never says every
 * highlight was placed while one is an orphan. Judged by the stored highlight, which is
 * what the reader will see.
 */
function reportIfOrphan(stored: StoredHighlight, target: Target, text: string | null, report: ImportReport): void {
  if (stored.articleId !== target.id) return
  if (text === null) report.unplaced.push({ quote: stored.quote.exact, note: stored.note, reason: REASONS.noArticle })
  else if (!anchorQuote(text, { quote: stored.quote, position: stored.position })) {
    report.unplaced.push({ quote: stored.quote.exact, note: stored.note, reason: REASONS.notFound })
  }
}

function importNote(data: CorpusData, annotation: ReadAnnotation, target: Target, stamp: string, report: ImportReport): void {
  const existing = data.articleNotes[target.id]
  const updatedAt = annotation.modified ?? annotation.created ?? stamp
  const note = annotation.note
  const tags = importedTags(annotation.tags)
  // Tags are added to the article's own, never taken away.
  const newTags = tags.filter((tag) => !existing?.tags.some((t) => sameTag(t, tag)))
  if (!existing) {
    data.articleNotes[target.id] = { note, tags, updatedAt, articleFingerprint: target.fingerprint, ...details(target) }
    report.imported++
  } else if (existing.note.trim() === '' && note.trim() !== '') {
    data.articleNotes[target.id] = { ...existing, note, tags: [...existing.tags, ...newTags], updatedAt }
    report.imported++
  } else if (note.trim() === '' || existing.note === note || existing.note.includes(note)) {
    if (newTags.length) {
      existing.tags = [...existing.tags, ...newTags]
      report.updated++
    } else report.duplicates++
  } else {
    // The imported note grew from this one: take it. Otherwise two different notes: keep both.
    const joined: ArticleNote = { ...existing, note: note.includes(existing.note) ? note : `${existing.note}\n\n${note}`, tags: [...existing.tags, ...newTags] }
    joined.updatedAt = isNewer(updatedAt, existing.updatedAt) ? updatedAt : existing.updatedAt
    data.articleNotes[target.id] = joined
    report.updated++
  }
}

/** The file's tags that are tags by Gloss's rules (tidied), each once; others are left out. */
function importedTags(raw: readonly string[]): string[] {
  const tags: string[] = []
  for (const item of raw) {
    const checked = checkTag(item)
    if (checked.ok && !tags.some((t) => sameTag(t, checked.tag))) tags.push(checked.tag)
  }
  return tags
}

/** Where an annotation of an article that is not in the folder is kept. */
function missingTarget(ref: ReadArticleRef): Target {
  // The article's own id when the file says it (a Gloss export); else one derived from
  // what the file says about the article, so that a second import lands on the same.
  const id =
    ref.id ??
    `imported-${createHash('sha256')
      .update(JSON.stringify([ref.file, ref.url, ref.title, ref.fingerprint]))
      .digest('hex')
      .slice(0, 16)}`
  return { id, fingerprint: ref.fingerprint ?? '', title: ref.title, path: ref.file }
}

function details(target: Target): { articleTitle?: string; articlePath?: string } {
  return { ...(target.title !== null ? { articleTitle: target.title } : {}), ...(target.path !== null ? { articlePath: target.path } : {}) }
}

function sameAnchor(text: string, existing: StoredHighlight, anchor: { start: number; end: number }): boolean {
  const found = anchorQuote(text, { quote: existing.quote, position: existing.position })
  return found !== null && found.start === anchor.start && found.end === anchor.end
}

function isNewer(a: string, b: string): boolean {
  const ta = Date.parse(a)
  const tb = Date.parse(b)
  return !Number.isNaN(ta) && (Number.isNaN(tb) || ta > tb)
}

/**
 * Finds an annotation's article in the corpus: by file path (or the article id, which
 * hashes it), then fingerprint, then source URL, then normalised title. A key that more
 * than one article shares matches nothing.
 */
class ArticleMatcher {
  private readonly byId = new Map<string, CorpusArticle>()
  private readonly byFile: Map<string, CorpusArticle>
  private readonly byFingerprint: Map<string, CorpusArticle>
  private readonly byUrl: Map<string, CorpusArticle>
  private readonly byTitle: Map<string, CorpusArticle>
  private readonly cache = new Map<string, CorpusArticle | null>()

  constructor(articles: readonly CorpusArticle[]) {
    for (const a of articles) this.byId.set(a.id, a)
    // A paired article's text file comes first; its metadata file names it too.
    this.byFile = unique(articles.flatMap((a) => a.files.map((file, rank): [string, CorpusArticle, number] => [file, a, rank])))
    this.byFingerprint = unique(articles.map((a) => [a.fingerprint, a, 0]))
    this.byUrl = unique(articles.flatMap((a): [string, CorpusArticle, number][] => (a.sourceUrl && normalUrl(a.sourceUrl) ? [[normalUrl(a.sourceUrl)!, a, 0]] : [])))
    this.byTitle = unique(articles.flatMap((a): [string, CorpusArticle, number][] => (normalTitle(a.title) ? [[normalTitle(a.title), a, 0]] : [])))
  }

  match(ref: ReadArticleRef): CorpusArticle | null {
    const key = JSON.stringify(ref)
    const cached = this.cache.get(key)
    if (cached !== undefined) return cached
    const found =
      (ref.file ? this.byFile.get(ref.file.replace(/\\/g, '/')) : undefined) ??
      (ref.id ? this.byId.get(ref.id) : undefined) ??
      (ref.fingerprint ? this.byFingerprint.get(ref.fingerprint) : undefined) ??
      (ref.url && normalUrl(ref.url) ? this.byUrl.get(normalUrl(ref.url)!) : undefined) ??
      (ref.title && normalTitle(ref.title) ? this.byTitle.get(normalTitle(ref.title)) : undefined) ??
      null
    this.cache.set(key, found)
    return found
  }
}

/** Keys to articles; a key two articles share is left out (lower rank wins within one article's files). */
function unique(entries: [string, CorpusArticle, number][]): Map<string, CorpusArticle> {
  const best = new Map<string, { article: CorpusArticle; rank: number; shared: boolean }>()
  for (const [key, article, rank] of entries) {
    const seen = best.get(key)
    if (!seen) best.set(key, { article, rank, shared: false })
    else if (seen.article !== article) {
      // The text file of one article beats the metadata file of another with that name.
      if (rank < seen.rank) best.set(key, { article, rank, shared: false })
      else if (rank === seen.rank) seen.shared = true
    }
  }
  return new Map([...best].filter(([, v]) => !v.shared).map(([key, v]) => [key, v.article]))
}

function normalUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim())
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
    return `${parsed.host.toLowerCase().replace(/^www\./, '')}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`
  } catch {
    return null
  }
}

function normalTitle(title: string): string {
  return fold(title)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
