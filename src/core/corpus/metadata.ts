// Maps whatever front matter a clipping tool wrote onto Gloss's few fields. First
// present key wins; a value of the wrong type is skipped as if absent, because front
// matter is written by many tools and by hand, and none of it may crash a scan.
import { normaliseSourceDate } from '../../shared/text/source-date'

export interface ArticleMetadata {
  title: string | null
  published: string | null
  sourceUrl: string | null
  source: string | null
  topics: string[]
  excerpt: string | null
  author: string | null
}

export const EMPTY_METADATA: ArticleMetadata = {
  title: null,
  published: null,
  sourceUrl: null,
  source: null,
  topics: [],
  excerpt: null,
  author: null
}

export function mapMetadata(data: Record<string, unknown>): ArticleMetadata {
  const sourceUrl = firstOf(data, ['originalUrl', 'webUrl', 'url', 'source'], asHttpUrl)
  const listed = firstList(data, ['topics', 'tags', 'categories', 'category'])
  // Zola keeps tags under [taxonomies].
  const topics = listed.length > 0 ? listed : asTopics(nested(data, 'taxonomies', 'tags'))
  return {
    title: firstOf(data, ['title'], asTitle),
    published: firstOf(data, ['publishedDateTime', 'published', 'date', 'created'], asDate),
    sourceUrl,
    source:
      asText(field(data, 'provider')) ??
      asText(nested(data, 'provider', 'name')) ??
      asText(field(data, 'site')) ??
      // `source: The Verge` names the source rather than linking to it.
      (asHttpUrl(field(data, 'source')) === null ? asText(field(data, 'source')) : null) ??
      (sourceUrl ? hostName(sourceUrl) : null),
    topics,
    excerpt: firstOf(data, ['excerpt', 'description', 'summary'], asText),
    author: firstOf(data, ['author', 'authors'], asAuthor)
  }
}

/** `example.org` for `https://www.example.org/a/b`, or null when it is not a URL. */
export function hostName(url: string): string | null {
  try {
    const host = new URL(url).hostname
    return host === '' ? null : host.replace(/^www\./i, '')
  } catch {
    return null
  }
}

function field(data: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined
}

function nested(data: Record<string, unknown>, key: string, inner: string): unknown {
  const value = field(data, key)
  return isRecord(value) ? field(value, inner) : undefined
}

function firstOf<T>(data: Record<string, unknown>, keys: string[], read: (value: unknown) => T | null): T | null {
  for (const key of keys) {
    const value = read(field(data, key))
    if (value !== null) return value
  }
  return null
}

function firstList(data: Record<string, unknown>, keys: string[]): string[] {
  for (const key of keys) {
    const list = asTopics(field(data, key))
    if (list.length > 0) return list
  }
  return []
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

function asText(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = value.trim()
  return text === '' ? null : text
}

// `title: 1984` is a number to YAML but a title to the person who wrote it.
function asTitle(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return asText(value)
}

function asHttpUrl(value: unknown): string | null {
  const text = asText(value)
  if (text === null) return null
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : null
  } catch {
    return null
  }
}

function asDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToIso(value)
  const text = asText(value)
  if (text === null) return null
  // Booleans such as the seeds' `published: true` never get here; strings must at
  // least look like a date so that `published: yes` is not shown as one.
  // Kept as written; src/shared/text/source-date.ts reads every dialect when shown,
  // sorted or filtered (MarkDownload's `… (UTC +02:00)` is not Date.parse's).
  return /^\d{4}(-\d{2}(-\d{2})?)?\b/.test(text) || normaliseSourceDate(text) !== null || !Number.isNaN(Date.parse(text)) ? text : null
}

// Only reached if a parser produced a Date after all: midnight UTC was a bare date.
function dateToIso(date: Date): string {
  const iso = date.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z')
}

function asAuthor(value: unknown): string | null {
  const names = (Array.isArray(value) ? value : [value])
    .map((item) => (isRecord(item) ? asText(field(item, 'name')) : asText(item)))
    .map((name) => (name === null ? null : plainName(name)))
    .filter((name): name is string => name !== null)
  return names.length > 0 ? [...new Set(names)].join(', ') : null
}

// Obsidian Web Clipper writes authors as wiki links, `[[Jane Doe]]` or
// `[[people/Jane Doe|Jane Doe]]`: the shown name is the part after `|`.
function plainName(name: string): string | null {
  const link = /^\[\[([^\]|]*)(?:\|([^\]]*))?\]\]$/.exec(name)
  if (!link) return name
  const shown = (link[2] ?? link[1].slice(link[1].lastIndexOf('/') + 1)).trim()
  return shown === '' ? null : shown
}

function asTopics(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value]
  const seen = new Set<string>()
  const topics: string[] = []
  for (const item of items) {
    const raw = typeof item === 'number' && Number.isFinite(item) ? String(item) : typeof item === 'string' ? item : null
    if (raw === null) continue
    for (const part of raw.split(',')) {
      // Obsidian users sometimes keep the `#` of a tag.
      const topic = part.trim().replace(/^#+/, '').trim()
      const key = topic.normalize('NFKC').toLowerCase()
      if (topic === '' || seen.has(key)) continue
      seen.add(key)
      topics.push(topic)
    }
  }
  return topics
}
