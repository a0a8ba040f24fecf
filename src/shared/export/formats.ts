// The export formats and the single-file ones rendered from an ExportCorpus. The
// folder export (one file per article, re-exportable) lives in src/core/export.
import { isAnnotated, toMarkdownArticle, type ExportCorpus } from './export-model'
import { articleToMarkdown, corpusToMarkdown, exportFileName } from './markdown'
import { toCsv, toReadwiseCsv } from './csv'
import { hypothesisJson } from './hypothesis'
import { renderArticle, renderFileName, type CompiledTemplate } from './template'
import { webAnnotationsJson } from './web-annotation'
import { notFound } from '../result'

export const EXPORT_FORMATS = ['md', 'md-folder', 'json', 'csv', 'hypothesis', 'readwise-csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export type SingleFileFormat = Exclude<ExportFormat, 'md-folder'>

export const isExportFormat = (value: unknown): value is ExportFormat => (EXPORT_FORMATS as readonly unknown[]).includes(value)

export interface FileExport {
  content: string
  /** A safe file name to suggest in a save dialog. */
  fileName: string
  mediaType: string
}

export interface FileExportOptions {
  /** One article instead of the whole corpus. */
  articleId?: string
  /** Markdown only: the article template (default: the built-in format). */
  template?: CompiledTemplate
  /** Markdown, one article only: the file name template (default: the title). */
  fileNameTemplate?: CompiledTemplate
  /** json: the name given as the annotations' creator (default DEFAULT_CREATOR_NAME). */
  creator?: string
}

/**
 * One file for the corpus or one article.
 * - md: the corpus export (a section per annotated article) or the article's file. With
 *   a template, each article is rendered by it and the results follow one another,
 *   separated by a blank line — a template is written for one article.
 * - json: W3C Web Annotations (web-annotation.ts); the corpus export includes the
 *   annotations of articles no longer in the folder.
 * - csv: a row per highlight and article note (csv.ts).
 * - hypothesis: the Hypothesis API's annotations, for articles with a web URL (hypothesis.ts).
 * - readwise-csv: Readwise's CSV import columns, a row per highlight (csv.ts).
 */
export function exportFile(corpus: ExportCorpus, format: SingleFileFormat, options: FileExportOptions = {}): FileExport {
  const scoped = options.articleId === undefined ? corpus : articleOnly(corpus, options.articleId)
  const single = options.articleId !== undefined ? scoped.articles[0] : null
  const baseName = single ? single.title : `${corpus.name} ${format === 'md' ? 'notes' : 'annotations'}`
  const style = corpus.style ?? {}
  switch (format) {
    case 'md': {
      if (single) {
        const content = options.template
          ? renderArticle(options.template, single, corpus.exportedAt, style)
          : articleToMarkdown(toMarkdownArticle(single), corpus.exportedAt, style)
        const fileName = options.fileNameTemplate ? renderFileName(options.fileNameTemplate, single, corpus.exportedAt) : exportFileName(single.title)
        return { content, fileName, mediaType: 'text/markdown' }
      }
      const articles = scoped.articles.filter(isAnnotated)
      const content = options.template
        ? `${articles.map((a) => renderArticle(options.template as CompiledTemplate, a, corpus.exportedAt, style).trimEnd()).join('\n\n')}\n`
        : corpusToMarkdown(articles.map(toMarkdownArticle), corpus.exportedAt, corpus.name, style)
      return { content, fileName: exportFileName(baseName), mediaType: 'text/markdown' }
    }
    case 'json':
      return { content: webAnnotationsJson(scoped, { creator: options.creator }), fileName: exportFileName(baseName, '.json'), mediaType: 'application/ld+json' }
    case 'csv':
      return { content: toCsv(scoped), fileName: exportFileName(baseName, '.csv'), mediaType: 'text/csv' }
    case 'hypothesis':
      return { content: hypothesisJson(scoped), fileName: exportFileName(`${baseName} hypothesis`, '.json'), mediaType: 'application/json' }
    case 'readwise-csv':
      return { content: toReadwiseCsv(scoped), fileName: exportFileName(`${baseName} readwise`, '.csv'), mediaType: 'text/csv' }
  }
}

function articleOnly(corpus: ExportCorpus, articleId: string): ExportCorpus {
  const article = corpus.articles.find((a) => a.id === articleId) ?? corpus.missing.find((a) => a.id === articleId)
  if (!article) throw notFound('Article')
  return { ...corpus, articles: [article], missing: [] }
}
