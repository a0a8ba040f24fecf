// User templates for Markdown exports, in Mustache (mustache.js): logic-less, so a
// template can only place values Gloss hands it — it cannot run code, read files or
// include other templates. docs/export-templates.md lists every variable; this file's
// ARTICLE_VARIABLES is the list the docs are checked against.
//
// Choices:
// - Values are prepared for where they go: `quote`, `title`, `note`… are Markdown-ready
//   (escaped literal text, or the user's own Markdown for notes); every one has a
//   `…_raw` twin holding the value as stored; `yaml.*` are quoted YAML scalars for
//   front matter. HTML escaping is off: the output is Markdown, not HTML.
// - Names are checked when a template is compiled: a typo, a partial (`{{> x}}`) or a
//   list used as a value is a BAD_INPUT error with its line and column, instead of a
//   silently empty export. The same check keeps templates away from anything that is
//   not a documented variable (e.g. `{{constructor}}`).
// - A template renders one article (one file). The built-in default template writes
//   exactly what articleToMarkdown writes (tested), so "default" means the same thing
//   with or without templates.
// Just over 400 lines: the variables a template may use and their checks are one list;
// the docs are tested against it.
import Mustache from 'mustache'
import { GlossError } from '../result'
import type { ExportArticle, ExportHighlight } from './export-model'
import { toMarkdownArticle } from './export-model'
import { escapeInline, quoteToBlockquote, quoteToMarkdown } from './markdown-escape'
import {
  articleFrontMatter,
  exportFileName,
  headingMarkdown,
  linkHref,
  oneLine,
  present,
  UNTITLED,
  webLinkHref
} from './markdown'
import { noteToMarkdown } from './note-markdown'
import { frontMatterLines, yamlString } from './yaml-front-matter'
import { fold } from '../text/fold'
import { documentTagger, type ExportStyle } from './markdown'
import { frontMatterTags, inlineTagLine, type Tagger } from './tags-export'
import {
  ARTICLE_EXTRA_VARIABLES,
  articleExtras,
  HELPER_VARIABLES,
  helpers,
  HIGHLIGHT_EXTRA_VARIABLES,
  highlightExtras,
  YAML_EXTRA_VARIABLES,
  yamlExtras,
  type RenderContext
} from './template-helpers'

export type TemplateKind = 'article' | 'fileName'

/**
 * A value a template can place: text, a number, a yes/no flag (for {{#flag}}…{{/flag}}),
 * a helper that formats the text of its section (template-helpers.ts), a list of items,
 * or an object of named values.
 */
export type TemplateVariable = 'text' | 'number' | 'flag' | 'helper' | { list: 'text' | TemplateVariables } | { object: TemplateVariables }
export interface TemplateVariables {
  [name: string]: TemplateVariable
}

export const HIGHLIGHT_VARIABLES: TemplateVariables = {
  id: 'text',
  quote: 'text',
  quote_line: 'text',
  quote_block: 'text',
  quote_raw: 'text',
  note: 'text',
  note_raw: 'text',
  color: 'text',
  tags: { list: 'text' },
  tags_line: 'text',
  created: 'text',
  updated: 'text',
  position: { object: { start: 'number', end: 'number' } },
  block_id: 'text',
  link: 'text',
  ...HIGHLIGHT_EXTRA_VARIABLES
}

export const FILE_NAME_VARIABLES: TemplateVariables = {
  title: 'text',
  title_raw: 'text',
  source: 'text',
  source_raw: 'text',
  published: 'text',
  published_raw: 'text',
  published_date: 'text',
  exported: 'text',
  gloss_id: 'text',
  slug: 'text',
  highlight_count: 'number'
}

export const ARTICLE_VARIABLES: TemplateVariables = {
  ...FILE_NAME_VARIABLES,
  url: 'text',
  url_raw: 'text',
  link: 'text',
  note: 'text',
  note_raw: 'text',
  file: 'text',
  file_raw: 'text',
  topics: { list: 'text' },
  topics_raw: { list: 'text' },
  tags: { list: 'text' },
  front_matter: 'text',
  yaml: {
    object: {
      title: 'text',
      source: 'text',
      url: 'text',
      published: 'text',
      exported: 'text',
      file: 'text',
      gloss_id: 'text',
      topics: { list: 'text' },
      tags: { list: 'text' },
      ...YAML_EXTRA_VARIABLES
    }
  },
  highlights: { list: HIGHLIGHT_VARIABLES },
  ...ARTICLE_EXTRA_VARIABLES,
  ...HELPER_VARIABLES
}

/**
 * The built-in article template: front matter, `# Title`, the article note, then per
 * highlight the quote, its block id, the link back, the orphan line (ORPHAN_LINE in
 * markdown.ts) when it could not be placed, and its note — articleToMarkdown's
 * format, blank line for blank line.
 */
export const DEFAULT_ARTICLE_TEMPLATE = `---
{{front_matter}}
---

# {{title}}
{{#note}}

{{note}}
{{/note}}
{{#highlights}}

{{quote_block}}

^{{block_id}}
{{#link}}

[Open in Gloss]({{link}})
{{/link}}
{{^position}}

*Orphan: not found in the article’s current text.*
{{/position}}
{{#tags_line}}

{{tags_line}}
{{/tags_line}}
{{#note}}

{{note}}
{{/note}}
{{/highlights}}
`

/** The file name, before it is made safe for every file system (exportFileName). */
export const DEFAULT_FILE_NAME_TEMPLATE = '{{title}}'

/** Templates longer than this are refused: a template is a page of text, not a book. */
export const MAX_TEMPLATE_LENGTH = 100_000

/**
 * Budgets, so that no template can hold the process that renders it (the live preview
 * renders one on every pause in typing): sections nest at most this deep (4,999 nested
 * sections overflowed the stack); one render does at most this much work, counted in
 * template pieces rendered (five nested {{#highlights}} over 30 highlights is 24 million
 * passes: 11 s and then "Invalid string length"; stopped at the work limit, a few
 * hundred ms), produces at most this many characters, and stops after this long
 * whatever it is doing (a last resort: the work limit, which does not depend on the
 * machine's load, is what normally stops a bomb). The default template over one article
 * of 10,000 highlights needs 100,000–200,000 pieces.
 */
export const TEMPLATE_BUDGETS = {
  maxSectionDepth: 32,
  maxWork: 300_000,
  maxOutputChars: 32 * 1024 * 1024,
  timeBudgetMs: 10_000
}
export type TemplateBudgets = typeof TEMPLATE_BUDGETS

/** A template that does not compile; `line` and `column` (1-based) point at the problem. */
export class TemplateError extends GlossError {
  constructor(
    readonly problem: string,
    readonly line: number | null,
    readonly column: number | null,
    kind: TemplateKind
  ) {
    const what = kind === 'article' ? 'Template' : 'File name template'
    super('BAD_INPUT', line === null ? `${what}: ${problem}` : `${what}, line ${line}, column ${column}: ${problem}`)
    this.name = 'TemplateError'
  }
}

export interface CompiledTemplate {
  readonly kind: TemplateKind
  readonly source: string
  render(view: object): string
}

/**
 * Parses and checks a template; throws TemplateError (BAD_INPUT) with a line and column.
 * `budgets` (tests shrink them; `now` is the clock the time budget reads) bound rendering:
 * a render over budget throws TemplateError too.
 */
export function compileTemplate(
  source: string,
  kind: TemplateKind = 'article',
  budgets: Partial<TemplateBudgets> & { now?: () => number } = {}
): CompiledTemplate {
  const limits = { ...TEMPLATE_BUDGETS, ...budgets }
  if (typeof source !== 'string') throw new TemplateError('the template must be text', null, null, kind)
  if (source.length > MAX_TEMPLATE_LENGTH) {
    throw new TemplateError(`the template is longer than ${MAX_TEMPLATE_LENGTH.toLocaleString('en')} characters`, null, null, kind)
  }
  // A writer of its own: mustache's shared one caches every template it ever parsed,
  // which a live preview (a parse per keystroke) would grow without end.
  const writer = new Mustache.Writer()
  let tokens: Token[]
  try {
    tokens = writer.parse(source) as Token[]
  } catch (error) {
    throw parseError(source, error, kind)
  }
  // Before the (recursive) name check: depth is measured without recursion.
  checkDepth(source, tokens, limits.maxSectionDepth, kind)
  checkTokens(source, tokens, [{ variables: kind === 'article' ? ARTICLE_VARIABLES : FILE_NAME_VARIABLES, dot: false }], kind)
  return {
    kind,
    source,
    render: (view) => renderWithinBudget(writer, source, view, limits, budgets.now ?? (() => Date.now()), kind)
  }
}

/** Sections nested deeper than `max`: an error at the first one too deep. */
function checkDepth(source: string, tokens: Token[], max: number, kind: TemplateKind): void {
  const stack: Array<{ tokens: Token[]; depth: number }> = [{ tokens, depth: 0 }]
  while (stack.length > 0) {
    const { tokens: level, depth } = stack.pop()!
    for (const token of level) {
      const children = token[4]
      if (!children) continue
      if (depth + 1 > max) {
        const { line, column } = lineAndColumn(source, token[2])
        throw new TemplateError(`sections are nested more than ${max} deep here; a template needs only a few levels`, line, column, kind)
      }
      stack.push({ tokens: children, depth: depth + 1 })
    }
  }
}

class TemplateBudgetExceeded extends Error {}

// mustache.js renders a section by calling renderTokens for each pass over its
// content: counting there bounds the work, and each call's result the output, without
// changing what is rendered. The clock is read every 1,024 calls.
function renderWithinBudget(
  writer: Mustache.Writer,
  source: string,
  view: object,
  limits: TemplateBudgets,
  now: () => number,
  kind: TemplateKind
): string {
  const started = now()
  let work = 0
  let calls = 0
  type RenderTokens = (this: unknown, tokens: unknown[], ...rest: unknown[]) => string
  // An object whose prototype is the writer: its own renderTokens wraps the writer's.
  const budgeted = Object.create(writer) as Mustache.Writer
  const renderTokens = (writer as unknown as { renderTokens: RenderTokens }).renderTokens
  ;(budgeted as unknown as { renderTokens: RenderTokens }).renderTokens = function (tokens, ...rest) {
    work += tokens.length
    if (work > limits.maxWork) throw new TemplateBudgetExceeded('it repeats its sections too many times (nested lists inside lists?)')
    if (++calls % 1024 === 0 && now() - started > limits.timeBudgetMs) {
      throw new TemplateBudgetExceeded(`it took longer than ${limits.timeBudgetMs / 1000} s to render`)
    }
    const output = renderTokens.call(this, tokens, ...rest)
    if (output.length > limits.maxOutputChars) {
      throw new TemplateBudgetExceeded(`its output is longer than ${Math.round(limits.maxOutputChars / (1024 * 1024))} MB`)
    }
    return output
  }
  try {
    return budgeted.render(source, view, undefined, { escape: (value: unknown) => String(value) })
  } catch (error) {
    if (error instanceof TemplateBudgetExceeded) throw new TemplateError(`this template cannot be rendered: ${error.message}`, null, null, kind)
    throw error
  }
}

/** The article's file content; `context` says how to write times and authors and when the last export was. */
export function renderArticle(template: CompiledTemplate, article: ExportArticle, exportedAt: string, context: RenderContext = {}): string {
  if (template.kind !== 'article') throw new Error('renderArticle needs an article template')
  return template.render(articleView(article, exportedAt, context))
}

/** A safe file name (`….md`) for the article: the template's text, made safe by exportFileName. */
export function renderFileName(template: CompiledTemplate, article: ExportArticle, exportedAt: string, extension = '.md'): string {
  if (template.kind !== 'fileName') throw new Error('renderFileName needs a file name template')
  return exportFileName(template.render(fileNameView(article, exportedAt)), extension)
}

let defaultTemplates: { article: CompiledTemplate; fileName: CompiledTemplate } | null = null
export function defaultTemplate(kind: TemplateKind): CompiledTemplate {
  defaultTemplates ??= {
    article: compileTemplate(DEFAULT_ARTICLE_TEMPLATE, 'article'),
    fileName: compileTemplate(DEFAULT_FILE_NAME_TEMPLATE, 'fileName')
  }
  return defaultTemplates[kind]
}

// ---------------------------------------------------------------- the values

/** Every article variable, ready for rendering (see docs/export-templates.md). */
export function articleView(article: ExportArticle, exportedAt: string, context: RenderContext = {}): Record<string, unknown> {
  const title = article.title.trim() || UNTITLED
  const source = present(article.source)
  const published = present(article.published)
  const url = present(article.url)
  const markdownArticle = toMarkdownArticle(article)
  // One tag mapping for the front matter, the article's tags and every highlight's.
  const tagger = documentTagger([markdownArticle])
  const tags = frontMatterTags(article.tags, tagger)
  const style: ExportStyle = { timeZone: context.timeZone, authorLinks: context.authorLinks }
  return {
    ...fileNameView(article, exportedAt),
    title: headingMarkdown(article.title),
    source: source ? escapeInline(oneLine(source), true) : '',
    published: published ? escapeInline(oneLine(published), true) : '',
    url: webLinkHref(url) ?? '',
    url_raw: article.url ?? '',
    link: article.link ? linkHref(article.link) : '',
    note: noteToMarkdown(article.note) ?? '',
    note_raw: article.note,
    file: article.file ? escapeInline(article.file, true) : '',
    file_raw: article.file ?? '',
    topics: article.topics.map((topic) => escapeInline(oneLine(topic), true)),
    topics_raw: [...article.topics],
    tags,
    front_matter: frontMatterLines(articleFrontMatter(markdownArticle, exportedAt, style, tagger)).join('\n'),
    yaml: {
      title: yamlString(title),
      source: source ? yamlString(source) : '',
      url: url ? yamlString(url) : '',
      published: published ? yamlString(published) : '',
      exported: yamlString(exportedAt),
      file: article.file ? yamlString(article.file) : '',
      gloss_id: yamlString(article.id),
      topics: article.topics.map(yamlString),
      tags: tags.map(yamlString),
      ...yamlExtras(article, exportedAt, context)
    },
    highlights: article.highlights.map((h) => ({ ...highlightView(h, tagger), ...highlightExtras(h, context) })),
    ...articleExtras(article, exportedAt, context, tagger),
    ...helpers(context)
  }
}

function fileNameView(article: ExportArticle, exportedAt: string): Record<string, unknown> {
  const published = article.published ?? ''
  return {
    title: article.title,
    title_raw: article.title,
    source: article.source ?? '',
    source_raw: article.source ?? '',
    published,
    published_raw: published,
    published_date: /^\d{4}-\d{2}-\d{2}/.exec(published.trim())?.[0] ?? '',
    exported: exportedAt,
    gloss_id: article.id,
    slug: slugify(article.title),
    highlight_count: article.highlightCount
  }
}

function highlightView(highlight: ExportHighlight, tagger: Tagger): Record<string, unknown> {
  return {
    id: highlight.id,
    quote: quoteToMarkdown(highlight.quote),
    quote_line: escapeInline(oneLine(highlight.quote), true),
    quote_block: quoteToBlockquote(highlight.quote),
    quote_raw: highlight.quote,
    note: noteToMarkdown(highlight.note) ?? '',
    note_raw: highlight.note,
    color: highlight.color,
    tags: frontMatterTags(highlight.tags, tagger),
    tags_line: inlineTagLine(highlight.tags, tagger),
    created: highlight.created,
    updated: highlight.updated,
    position: highlight.position ? { start: highlight.position.start, end: highlight.position.end } : null,
    block_id: highlight.blockId,
    link: highlight.link ? linkHref(highlight.link) : ''
  }
}

/** "Rivers: a “field” guide" → "rivers-a-field-guide"; "untitled" when nothing is left. */
export function slugify(title: string): string {
  const slug = fold(title)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return Array.from(slug).slice(0, 80).join('').replace(/-+$/, '') || 'untitled'
}

// ---------------------------------------------------------------- checking a template

/** mustache.js tokens: [type, value, start, end, children?, sectionEnd?]. */
type Token = [type: string, value: string, start: number, end: number, children?: Token[], sectionEnd?: number]
interface Scope {
  variables: TemplateVariables | null
  /** `{{.}}` means something here (inside a list of text or a text section). */
  dot: boolean
}

function checkTokens(source: string, tokens: Token[], scopes: Scope[], kind: TemplateKind): void {
  for (const token of tokens) {
    const [type, name, start] = token
    const problemAt = (problem: string): TemplateError => {
      const { line, column } = lineAndColumn(source, start)
      return new TemplateError(problem, line, column, kind)
    }
    if (type === 'text' || type === '!' || type === '=') continue
    if (type === '>') throw problemAt(`{{> ${name}}} includes another template; templates cannot include files or other templates`)
    const variable = lookup(name, scopes)
    if (variable === undefined) throw problemAt(unknownName(name, scopes))
    if (type === 'name' || type === '&') {
      if (variable === 'helper') throw problemAt(`{{${name}}} formats the text of its section: use {{#${name}}}…{{/${name}}}`)
      if (typeof variable === 'object' && 'list' in variable) throw problemAt(`{{${name}}} is a list: use {{#${name}}}…{{/${name}}}`)
      if (typeof variable === 'object') {
        const example = `${name}.${Object.keys(variable.object)[0]}`
        throw problemAt(`{{${name}}} is a group of values: use one of them, e.g. {{${example}}}`)
      }
      continue
    }
    // '#' renders its content with the value on top of the names; '^' when the value is empty.
    let inner = scopes
    // A helper's section is rendered with the names around it, then formatted.
    if (type === '#' && variable !== 'dot' && variable !== 'helper') {
      if (typeof variable !== 'object') inner = [...scopes, { variables: null, dot: true }]
      else if ('list' in variable) {
        inner = [...scopes, typeof variable.list === 'object' ? { variables: variable.list, dot: false } : { variables: null, dot: true }]
      } else inner = [...scopes, { variables: variable.object, dot: false }]
    }
    checkTokens(source, token[4] ?? [], inner, kind)
  }
}

function lookup(name: string, scopes: Scope[]): TemplateVariable | 'dot' | undefined {
  if (name === '.') return scopes[scopes.length - 1].dot ? 'dot' : undefined
  const [first, ...rest] = name.split('.')
  for (let i = scopes.length - 1; i >= 0; i--) {
    const variables = scopes[i].variables
    if (!variables || !Object.hasOwn(variables, first)) continue
    let found: TemplateVariable | undefined = variables[first]
    for (const part of rest) {
      if (typeof found !== 'object') found = undefined
      // `list.length` is how a logic-less template asks "is this list empty?".
      else if ('list' in found) found = part === 'length' ? 'number' : undefined
      else found = Object.hasOwn(found.object, part) ? found.object[part] : undefined
    }
    return found
  }
  return undefined
}

function unknownName(name: string, scopes: Scope[]): string {
  if (name === '.') return '{{.}} only means something inside a list of text, e.g. {{#topics}}{{.}}{{/topics}}'
  const known = new Set<string>()
  for (const scope of scopes) for (const key of Object.keys(scope.variables ?? {})) known.add(key)
  const first = name.split('.')[0]
  const hint = Object.hasOwn(HIGHLIGHT_VARIABLES, first) && !known.has(first) ? ` ({{${first}}} belongs inside {{#highlights}}…{{/highlights}})` : ''
  return `unknown variable {{${name}}}${hint}; known here: ${[...known].sort().join(', ')}`
}

function parseError(source: string, error: unknown, kind: TemplateKind): TemplateError {
  const message = error instanceof Error ? error.message : String(error)
  const at = /^(.*) at (\d+)$/.exec(message)
  let position = at ? Number(at[2]) : null
  let problem = at ? at[1] : message
  const section = /^(Unclosed|Unopened) section "(.*)"$/.exec(problem)
  if (problem === 'Unclosed tag' && position !== null) {
    // mustache reports where it gave up (the end); the tag that was left open is more use.
    const opened = source.lastIndexOf('{{', position)
    if (opened >= 0) position = opened
    problem = 'a tag opened here is not closed with }}'
  } else if (section && section[1] === 'Unclosed') {
    const name = section[2]
    if (position !== null && position >= source.length) {
      // mustache reports the end of the template; the section left open is more use.
      problem = `{{#${name}}} is not closed: add {{/${name}}}`
      const opener = lastOpener(source, name)
      if (opener !== null) position = opener
    } else {
      problem = `expected {{/${name}}} here, to close {{#${name}}} first`
    }
  } else if (section) {
    problem = `{{/${section[2]}}} closes a section that was never opened`
  } else if (/^Invalid tags/.test(problem)) {
    problem = `invalid delimiter change (${problem})`
  }
  if (position === null) return new TemplateError(problem, null, null, kind)
  const { line, column } = lineAndColumn(source, position)
  return new TemplateError(problem, line, column, kind)
}

/** Where the last `{{#name}}` (or `{{^name}}`) opens, if it can be found. */
function lastOpener(source: string, name: string): number | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  let found: number | null = null
  for (const match of source.matchAll(new RegExp(`\\{\\{\\s*[#^]\\s*${escaped}\\s*\\}\\}`, 'g'))) found = match.index ?? null
  return found
}

function lineAndColumn(source: string, index: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, Math.min(index, source.length)))
  const lines = before.split('\n')
  return { line: lines.length, column: lines[lines.length - 1].length + 1 }
}
