// The template variables that Omnivore and Readwise users reach for, beside the core
// ones in template.ts: author, description, image, reading figures, dates in Obsidian's
// formats, a highlight's place as a percentage, what is new since the last export, and
// helpers that format the text of their section.
//
// Helpers are Mustache lambdas (the only "function" logic-less Mustache has): the
// section's content is rendered with the names around it, then handed to the helper.
//   {{#format_date}}{{created}}|D MMMM YYYY{{/format_date}}   → 1 June 2024
//   {{#upper}}{{source_raw}}{{/upper}}                       → THE LOWLAND COURIER
// format_date takes moment-style tokens (export-dates.ts) after the last `|`
// (`YYYY-MM-DD` without one), in the export's time zone; text that is not a date is
// left as it is, so a template never loses a value to a typo.
import { readingMinutes, readState } from '../reading-stats'
import { formatDate, obsidianDate, obsidianDateTime, obsidianPublished } from './export-dates'
import type { ExportArticle, ExportHighlight } from './export-model'
import { escapeInline } from './markdown-escape'
import { authorNames, authorValue, exportedProperty, linkHref, oneLine, present, UNTITLED, type ExportStyle } from './markdown'
import { inlineTagLine, type Tagger } from './tags-export'
import { yamlString } from './yaml-front-matter'

/** What a render needs besides the article: how to write times and authors, and when the last export to this place was. */
export interface RenderContext extends ExportStyle {
  /** The time of the previous export of this article's file (folder exports know it from their manifest); null/absent: unknown. */
  lastExport?: string | null
}

export const HIGHLIGHT_EXTRA_VARIABLES = {
  location: 'number',
  created_date: 'text',
  created_datetime: 'text',
  updated_date: 'text',
  is_new: 'flag'
} as const

export const ARTICLE_EXTRA_VARIABLES = {
  author: 'text',
  author_raw: 'text',
  authors: { list: 'text' },
  description: 'text',
  description_raw: 'text',
  image: 'text',
  words: 'number',
  reading_time: 'number',
  progress: 'number',
  read_state: 'text',
  is_read: 'flag',
  is_unread: 'flag',
  updated: 'text',
  updated_date: 'text',
  exported_date: 'text',
  exported_datetime: 'text',
  published_datetime: 'text',
  tags_line: 'text',
  last_export: 'text',
  new_highlight_count: 'number',
  has_new: 'flag'
} as const

export const YAML_EXTRA_VARIABLES = {
  aliases: { list: 'text' },
  author: 'text',
  description: 'text',
  image: 'text',
  updated: 'text',
  progress: 'text',
  read_state: 'text'
} as const

export const HELPER_VARIABLES = {
  format_date: 'helper',
  lower: 'helper',
  upper: 'helper'
} as const

type Lambda = () => (text: string, render: (template: string) => string) => string

export function helpers(context: RenderContext): Record<string, Lambda> {
  return {
    format_date: () => (text, render) => {
      const rendered = render(text)
      const bar = rendered.lastIndexOf('|')
      const value = (bar < 0 ? rendered : rendered.slice(0, bar)).trim()
      const pattern = bar < 0 ? 'YYYY-MM-DD' : rendered.slice(bar + 1).trim()
      return formatDate(value, pattern, context.timeZone) ?? value
    },
    lower: () => (text, render) => render(text).toLocaleLowerCase(),
    upper: () => (text, render) => render(text).toLocaleUpperCase()
  }
}

export function articleExtras(article: ExportArticle, exportedAt: string, context: RenderContext, tagger: Tagger): Record<string, unknown> {
  const author = present(article.author)
  const description = present(article.description)
  const progress = article.progress === null ? 0 : Math.round(Math.min(1, Math.max(0, article.progress)) * 100)
  const state = readState(article.progress)
  const lastExport = present(context.lastExport ?? null)
  const published = present(article.published)
  return {
    author: author ? escapeInline(oneLine(author), true) : '',
    author_raw: article.author ?? '',
    authors: authorNames(article.author).map((name) => escapeInline(name, true)),
    description: description ? escapeInline(oneLine(description), true) : '',
    description_raw: article.description ?? '',
    image: imageHref(article.image),
    words: article.words,
    reading_time: readingMinutes(article.words),
    progress,
    read_state: state,
    is_read: state === 'read',
    is_unread: state === 'unread',
    updated: article.updated ? (obsidianDateTime(article.updated, context.timeZone) ?? article.updated) : '',
    updated_date: article.updated ? (obsidianDate(article.updated, context.timeZone) ?? '') : '',
    exported_date: obsidianDate(exportedAt, context.timeZone) ?? '',
    exported_datetime: exportedProperty(exportedAt, context),
    published_datetime: published ? obsidianPublished(published) : '',
    tags_line: inlineTagLine(article.tags, tagger),
    last_export: lastExport ? (obsidianDateTime(lastExport, context.timeZone) ?? lastExport) : '',
    new_highlight_count: article.highlights.filter((h) => isNew(h, context)).length,
    has_new: article.highlights.some((h) => isNew(h, context))
  }
}

export function yamlExtras(article: ExportArticle, exportedAt: string, context: RenderContext): Record<string, unknown> {
  const title = article.title.trim() || UNTITLED
  const author = authorValue(article.author, context.authorLinks === true)
  const published = present(article.published)
  const state = readState(article.progress)
  return {
    aliases: [yamlString(oneLine(title))],
    author: author === null ? '' : Array.isArray(author) ? `[${author.map(yamlString).join(', ')}]` : yamlString(author),
    description: present(article.description) ? yamlString(oneLine(article.description as string)) : '',
    image: article.image ? yamlString(article.image) : '',
    updated: article.updated ? yamlString(obsidianDateTime(article.updated, context.timeZone) ?? article.updated) : '',
    progress: yamlString(String(article.progress === null ? 0 : Math.round(Math.min(1, article.progress) * 100))),
    read_state: yamlString(state),
    // Obsidian's Date & time property formats (they replace the ISO text these held before).
    published: published ? yamlString(obsidianPublished(published)) : '',
    exported: yamlString(exportedProperty(exportedAt, context))
  }
}

export function highlightExtras(highlight: ExportHighlight, context: RenderContext): Record<string, unknown> {
  return {
    location: highlight.location,
    created_date: obsidianDate(highlight.created, context.timeZone) ?? '',
    created_datetime: obsidianDateTime(highlight.created, context.timeZone) ?? '',
    updated_date: obsidianDate(highlight.updated, context.timeZone) ?? '',
    is_new: isNew(highlight, context)
  }
}

/** Made after the last export (false when there was none, or it is unknown). */
function isNew(highlight: ExportHighlight, context: RenderContext): boolean {
  const last = present(context.lastExport ?? null)
  if (!last) return false
  const created = Date.parse(highlight.created)
  const since = Date.parse(last)
  return Number.isFinite(created) && Number.isFinite(since) && created > since
}

/** An http(s) image address ready for `![](…)`, or ''. */
function imageHref(image: string | null): string {
  if (!image) return ''
  try {
    const url = new URL(image)
    return url.protocol === 'http:' || url.protocol === 'https:' ? linkHref(url.href) : ''
  } catch {
    return ''
  }
}
