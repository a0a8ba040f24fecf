// An article body, parsed once into the blocks the reader shows and the one text string
// every highlight offset refers to.
//
// Decisions a reader of the output needs to know:
// - `text` is the blocks' text joined by "\n\n"; `block.start` is the block's offset in it.
// - A block's text may contain '\n' (hard line breaks, poems, code, raw HTML, a list
//   item of several paragraphs): render it with `white-space: pre-wrap`.
// - Markdown soft line endings become ' ' (prose reflow); plain text keeps its '\n'.
// - Raw HTML is kept as literal text, never interpreted, so nothing the author wrote
//   disappears and nothing in it can run. The one exception is a tiny allowlist of
//   inline tags (inline-html.ts): <kbd>, <sub>, <sup>, <mark>, <abbr title> with their
//   closing tag in the same paragraph become marks (the tags themselves leave the text),
//   and <br> becomes '\n'. <details>, <figure> and every other tag stay literal.
// - Images become their alt text; nothing is fetched.
// - A table is one `table` block: rows joined by '\n', cells by '\t' (a tab or line
//   break inside a cell becomes ' ', so the separators are unambiguous); the first row
//   is the header and `align` holds each column's alignment. Empty cells stay as empty
//   strings between tabs, so the block text may start or end with a tab. Highlights may
//   span cells: the reader draws the part inside each cell.
// - Thematic breaks carry no text: the next block gets `ruleBefore` (a break at the
//   very end of the document is dropped). Link reference definitions are dropped.
// - Footnotes as GitHub shows them: a reference reads '[1]' (numbered by first
//   reference; mark `footnote`, href 'fn-1', the first reference also has id 'fnref-1');
//   definitions leave their place and come after the article in number order, the
//   first block of each carrying `footnote: n` and the first of them `ruleBefore`.
//   Definitions nobody references follow, numbered on; a reference without a definition
//   reads '[^label]' as typed.
// - List items: `ordered`, `depth` (0 = top level) and, for ordered lists, `index`
//   (the item's number). Task items carry `checked`; their box is not text. Paragraphs
//   of an item that come after its nested list or code are `paragraph` blocks carrying
//   the item's `depth`, so the reader can indent them under it.
// - Quotes: paragraphs and headings inside a blockquote are `quote` blocks with `depth`
//   (0 = outermost); lists and code inside a quote stay list items and code.
// - Link hrefs are kept exactly as written; the renderer decides what may be opened.
// Over 400 lines on purpose: one walk over the Markdown tree with a case per node type;
// split by node type the cases would each need the walk's offsets and marks again.
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import type { FootnoteDefinition, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast'
import type { Block, Mark } from '../../shared/model'
import { allowedInlineTag } from './inline-html'

export interface TextModel {
  blocks: Block[]
  text: string
}

export const BLOCK_SEPARATOR = '\n\n'

type DraftBlock = Omit<Block, 'start'>

/** A saved web page's body is the Markdown its article was turned into (corpus/html). */
export function bodyToBlocks(body: string, format: 'markdown' | 'text' | 'html'): TextModel {
  return format === 'text' ? plainTextToBlocks(body) : markdownToBlocks(body)
}

/** Paragraphs split on blank lines; line breaks inside a paragraph are kept (poems, addresses). */
export function plainTextToBlocks(text: string): TextModel {
  return assemble(plainTextDrafts(text))
}

/**
 * `chunkSize` is how much source one parser run takes (see "Chunking" below); tests
 * pass Infinity to compare against a single parse of the whole document.
 */
export function markdownToBlocks(markdown: string, options: { chunkSize?: number } = {}): TextModel {
  const chunks = splitMarkdownChunks(normaliseLineEndings(markdown), options.chunkSize)
  // One chunk already holds its own definitions; several need placeholders for the others'.
  const labels = chunks.length > 1 ? definitionLabels(chunks) : new Map<string, string>()
  const parsed = chunks.map((chunk) => parseChunk(chunk, labels))
  const definitions = collectDefinitions(parsed)
  const drafts: DraftBlock[] = []
  const numbering: WalkState = { next: undefined, ruleBefore: false, footnotes: new Footnotes(definitions.footnotes) }
  for (const part of parsed) {
    if (part.tree) new FlowWalker(definitions.hrefs, drafts, numbering).root(part.tree, part.continuesOrderedList)
    else {
      drafts.push(...plainTextDrafts(part.source))
      numbering.next = undefined
    }
  }
  appendFootnotes(definitions.hrefs, drafts, numbering)
  return assemble(drafts)
}

function assemble(drafts: DraftBlock[]): TextModel {
  const blocks: Block[] = []
  const texts: string[] = []
  let offset = 0
  for (const draft of drafts) {
    if (draft.text.trim() === '') continue
    if (texts.length > 0) offset += BLOCK_SEPARATOR.length
    blocks.push({ ...draft, start: offset })
    texts.push(draft.text)
    offset += draft.text.length
  }
  return { blocks, text: texts.join(BLOCK_SEPARATOR) }
}

function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

function plainTextDrafts(text: string): DraftBlock[] {
  const drafts: DraftBlock[] = []
  let lines: string[] = []
  const flush = () => {
    if (lines.length > 0) drafts.push({ type: 'paragraph', text: lines.join('\n'), marks: [] })
    lines = []
  }
  for (const line of normaliseLineEndings(text).split('\n')) {
    // Trailing spaces are invisible and would only make highlights end in odd places.
    const trimmed = line.trimEnd()
    if (trimmed === '') flush()
    else lines.push(trimmed)
  }
  flush()
  return drafts
}

// ---------------------------------------------------------------------------
// Chunking. micromark spends time proportional to the whole document every time it
// closes a container (a nested list, a quote), so a long outline of nested lists takes
// seconds to parse in one piece (4,000 nested lists in 40 kB: about 4 s, growing
// quadratically; about 0.8 s in chunks). Cutting the source where CommonMark itself
// starts afresh (a line at column 0 after a blank line, or a new top-level list item)
// gives the same blocks and keeps parsing linear; the tests check this against a
// single parse. An ordered list cut in two keeps counting: the chunk is marked as
// continuing it. Reference-style links whose definition sits in another chunk still
// resolve: the chunk is given placeholder definitions for the labels it mentions, and
// hrefs come from the real definitions collected over all chunks.

const CHUNK_TARGET = 1_000
/** More container markers than this at the start of one line is not prose but an attack on the parser. */
const MAX_LINE_NESTING = 48

const BLANK = /^[ \t]*$/
const BULLET_ITEM = /^[-*+][ \t]+\S/
const ORDERED_ITEM = /^\d{1,9}[.)][ \t]+\S/
const ORDERED_MARKER = /^\d{1,9}([.)])(?:[ \t]|$)/
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const INTERRUPTS_PARAGRAPH = /^(?:[#>`~<]|[-*+](?:[ \t]|$)|[-_*=]{3,})/
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/
const HTML_UNTIL_BLANK = /^ {0,3}<[/A-Za-z]/
const HTML_RAW_BLOCKS: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/]
]
const DEFINITION_LINE = /^ {0,3}\[((?:[^\\[\]]|\\.){1,999})\]:/
const BRACKETED = /\[((?:[^\\[\]]|\\.){1,999})\]/g

interface ParsedChunk extends Chunk {
  tree: Root | null
  /** Length of the placeholder definitions put in front of the source. */
  prefixLength: number
}

interface Chunk {
  source: string
  /** The chunk opens with more items of the ordered list the previous chunk ended with. */
  continuesOrderedList: boolean
}

/** Splits only where a fresh parse of the rest yields the same blocks; see above. */
export function splitMarkdown(markdown: string, chunkSize = CHUNK_TARGET): string[] {
  return splitMarkdownChunks(markdown, chunkSize).map((chunk) => chunk.source)
}

function splitMarkdownChunks(markdown: string, chunkSize = CHUNK_TARGET): Chunk[] {
  const lines = markdown.split('\n')
  const chunks: Chunk[] = []
  let chunkStart = 0
  let size = 0
  let continues = false
  let fence: { char: string; length: number } | null = null
  let rawHtmlEnd: RegExp | null = null
  let htmlUntilBlank = false
  let previousBlank = true
  let lastTopLevelOrdered = false
  /** Delimiter ('.' or ')') of the top-level ordered list still open, if any. */
  let openOrderedList: string | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const blank = BLANK.test(line)
    const atColumnZero = !blank && line[0] !== ' ' && line[0] !== '\t'
    const ordered = atColumnZero ? ORDERED_MARKER.exec(line) : null
    const inRawBlock = fence !== null || rawHtmlEnd !== null
    if (size >= chunkSize && i > chunkStart && atColumnZero && !inRawBlock) {
      const fresh =
        previousBlank ||
        (!htmlUntilBlank && (BULLET_ITEM.test(line) || (lastTopLevelOrdered && ORDERED_ITEM.test(line))))
      if (fresh) {
        chunks.push({ source: lines.slice(chunkStart, i).join('\n'), continuesOrderedList: continues })
        chunkStart = i
        size = 0
        continues = ordered !== null && ordered[1] === openOrderedList
      }
    }
    size += line.length + 1

    if (fence !== null) {
      const close = FENCE_OPEN.exec(line)
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && BLANK.test(close[2])) fence = null
    } else if (rawHtmlEnd !== null) {
      if (rawHtmlEnd.test(line)) rawHtmlEnd = null
    } else {
      const open = FENCE_OPEN.exec(line)
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
        fence = { char: open[1][0], length: open[1].length }
      } else {
        for (const [start, end] of HTML_RAW_BLOCKS) {
          const match = start.exec(line)
          if (match) {
            if (!end.test(line.slice(match[0].length))) rawHtmlEnd = end
            break
          }
        }
      }
    }
    if (atColumnZero && !inRawBlock) {
      // A column-0 line ends the list unless it is another item or a lazy continuation line.
      if (ordered) openOrderedList = ordered[1]
      else if (previousBlank || INTERRUPTS_PARAGRAPH.test(line)) openOrderedList = null
      lastTopLevelOrdered = ORDERED_ITEM.test(line)
    }
    if (blank) htmlUntilBlank = false
    else if (HTML_UNTIL_BLANK.test(line)) htmlUntilBlank = true
    previousBlank = blank
  }
  chunks.push({ source: lines.slice(chunkStart).join('\n'), continuesOrderedList: continues })
  return chunks
}

function normaliseLabel(label: string): string {
  // The same folding micromark applies to reference identifiers.
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase()
}

/** Normalised label → label as written, for every line that looks like a link definition. */
function definitionLabels(chunks: Chunk[]): Map<string, string> {
  const labels = new Map<string, string>()
  for (const { source } of chunks) {
    if (!source.includes(']:')) continue
    for (const line of source.split('\n')) {
      const match = DEFINITION_LINE.exec(line)
      // '[^x]:' is a footnote: its placeholder lets micromark see the references too.
      if (match) labels.set(normaliseLabel(match[1]), match[1])
    }
  }
  return labels
}

function parseChunk(chunk: Chunk, labels: Map<string, string>): ParsedChunk {
  const plain = { ...chunk, tree: null, prefixLength: 0 }
  if (hasAbsurdNesting(chunk.source)) return plain
  const prefix = placeholderDefinitions(chunk.source, labels)
  try {
    const tree = fromMarkdown(prefix + chunk.source, { extensions: [gfmSyntax], mdastExtensions: [gfmTree] })
    return { ...chunk, tree, prefixLength: prefix.length }
  } catch {
    // A parser failure (e.g. stack exhaustion) must not hide the text: show it plain.
    return plain
  }
}

const gfmSyntax = gfm()
const gfmTree = gfmFromMarkdown()

/**
 * Definitions for the labels this chunk mentions, so that micromark recognises the
 * references; the real hrefs are looked up later over the whole document.
 */
function placeholderDefinitions(chunk: string, labels: Map<string, string>): string {
  if (labels.size === 0 || !chunk.includes('[')) return ''
  const wanted = new Set<string>()
  for (const match of chunk.matchAll(BRACKETED)) {
    const raw = labels.get(normaliseLabel(match[1]))
    if (raw !== undefined) wanted.add(raw)
  }
  if (wanted.size === 0) return ''
  return [...wanted].map((raw) => `[${raw}]: #\n`).join('') + '\n'
}

function hasAbsurdNesting(chunk: string): boolean {
  for (const line of chunk.split('\n')) if (containerMarkers(line) > MAX_LINE_NESTING) return true
  return false
}

/** How many blockquote and list markers open the line ('> - 1. > text' has four). */
function containerMarkers(line: string): number {
  if (THEMATIC_BREAK.test(line)) return 0
  let count = 0
  let i = 0
  const spaceAt = (at: number) => at >= line.length || line[at] === ' ' || line[at] === '\t'
  while (i < line.length) {
    const c = line[i]
    if (c === ' ' || c === '\t') i++
    else if (c === '>') {
      count++
      i++
    } else if ((c === '-' || c === '*' || c === '+') && spaceAt(i + 1)) {
      count++
      i += 2
    } else if (c >= '0' && c <= '9') {
      let j = i
      while (j < line.length && j - i < 9 && line[j] >= '0' && line[j] <= '9') j++
      if ((line[j] !== '.' && line[j] !== ')') || !spaceAt(j + 1)) break
      count++
      i = j + 2
    } else break
  }
  return count
}

interface Definitions {
  hrefs: Map<string, string>
  /** Footnote identifier → its first real definition (placeholders left out), in document order. */
  footnotes: Map<string, FootnoteDefinition>
}

function collectDefinitions(parsed: ParsedChunk[]): Definitions {
  const hrefs = new Map<string, string>()
  const footnotes = new Map<string, FootnoteDefinition>()
  const visit = (node: Nodes, prefixLength: number) => {
    const real = (node.position?.start.offset ?? prefixLength) >= prefixLength
    if (node.type === 'definition') {
      if (real && !hrefs.has(node.identifier)) hrefs.set(node.identifier, node.url)
      return
    }
    if (node.type === 'footnoteDefinition' && real && !footnotes.has(node.identifier)) footnotes.set(node.identifier, node)
    // Definitions live in flow content only; phrasing never holds one.
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') {
      for (const child of node.children) visit(child, prefixLength)
    }
  }
  for (const part of parsed) if (part.tree) visit(part.tree, part.prefixLength)
  return { hrefs, footnotes }
}

/** Footnote numbers, given in the order references are met (as GitHub numbers them). */
class Footnotes {
  readonly numbers = new Map<string, number>()
  readonly order: string[] = []
  constructor(readonly definitions: Map<string, FootnoteDefinition>) {}

  /** The footnote's number and whether this is its first reference; null without a definition. */
  reference(identifier: string): { n: number; first: boolean } | null {
    if (!this.definitions.has(identifier)) return null
    const known = this.numbers.get(identifier)
    if (known !== undefined) return { n: known, first: false }
    return { n: this.number(identifier), first: true }
  }

  number(identifier: string): number {
    let n = this.numbers.get(identifier)
    if (n === undefined) {
      this.order.push(identifier)
      n = this.order.length
      this.numbers.set(identifier, n)
    }
    return n
  }
}

/** The definitions after the article, in number order; see the header. */
function appendFootnotes(hrefs: Map<string, string>, drafts: DraftBlock[], state: WalkState): void {
  const { footnotes } = state
  state.ruleBefore = footnotes.definitions.size > 0
  const walker = new FlowWalker(hrefs, drafts, state)
  // References inside definitions number more footnotes, so the order grows as it is walked.
  for (let i = 0; i < footnotes.order.length; i++) walker.footnote(footnotes.definitions.get(footnotes.order[i])!, i + 1)
  for (const [identifier, definition] of footnotes.definitions) {
    if (!footnotes.numbers.has(identifier)) walker.footnote(definition, footnotes.number(identifier))
  }
  state.ruleBefore = false
}

/** Table text: rows by '\n', cells by '\t'; see the header. */
const CELL_SEPARATOR = '\t'
const ROW_SEPARATOR = '\n'

// ---------------------------------------------------------------------------
// Tree → blocks.

interface FlowContext {
  /** -1 outside any blockquote */
  quoteDepth: number
  /** -1 outside any list */
  listDepth: number
}

const TOP: FlowContext = { quoteDepth: -1, listDepth: -1 }

/** Shared by the walkers of consecutive chunks. */
interface WalkState {
  /** Number the next item would get if the last top-level block, an ordered list, went on. */
  next: number | undefined
  /** A thematic break was met: the next block gets `ruleBefore`. */
  ruleBefore: boolean
  footnotes: Footnotes
}

class InlineText {
  text = ''
  marks: Mark[] = []
}

class FlowWalker {
  constructor(
    private readonly hrefs: Map<string, string>,
    private readonly out: DraftBlock[],
    private readonly numbering: WalkState
  ) {}

  /** Walks one footnote definition, marking its first block with the number. */
  footnote(definition: FootnoteDefinition, n: number): void {
    const first = this.out.length
    this.flow(definition.children, TOP)
    if (this.out.length > first) this.out[first].footnote = n
    else this.push({ type: 'paragraph', text: `[^${definition.label ?? definition.identifier}]`, marks: [], footnote: n })
  }

  private push(draft: DraftBlock): void {
    if (this.numbering.ruleBefore) {
      draft.ruleBefore = true
      this.numbering.ruleBefore = false
    }
    this.out.push(draft)
  }

  root(tree: Root, continuesOrderedList: boolean): void {
    let first = true
    for (const node of tree.children) {
      // Definitions (including the placeholders in front of a chunk) show nothing.
      if (node.type === 'definition') continue
      // Footnote definitions come after the article (appendFootnotes).
      if (node.type === 'footnoteDefinition') continue
      if (first && continuesOrderedList && node.type === 'list' && node.ordered && this.numbering.next !== undefined) {
        node.start = this.numbering.next
      }
      first = false
      this.flowNode(node, TOP)
      this.numbering.next = node.type === 'list' && node.ordered ? (node.start ?? 1) + node.children.length : undefined
    }
  }

  private flow(nodes: RootContent[], ctx: FlowContext): void {
    for (const node of nodes) this.flowNode(node, ctx)
  }

  private flowNode(node: RootContent, ctx: FlowContext): void {
    switch (node.type) {
      case 'heading': {
        const inline = this.inlineOf(node.children)
        if (ctx.quoteDepth >= 0) this.emitText('quote', inline, { depth: ctx.quoteDepth })
        else this.emitText('heading', inline, { level: node.depth })
        return
      }
      case 'paragraph':
        this.emitText(ctx.quoteDepth >= 0 ? 'quote' : 'paragraph', this.inlineOf(node.children), this.depthOf(ctx))
        return
      case 'blockquote':
        this.flow(node.children, { ...ctx, quoteDepth: ctx.quoteDepth + 1 })
        return
      case 'list':
        node.children.forEach((item, i) => {
          const index = node.ordered ? (node.start ?? 1) + i : undefined
          this.listItem(item.children, item.checked, node.ordered === true, index, ctx)
        })
        return
      case 'listItem':
        // Only reachable through a malformed tree; treat it as an unordered item.
        this.listItem(node.children, node.checked, false, undefined, ctx)
        return
      case 'code':
        this.push({ type: 'code', text: node.value, marks: [] })
        return
      case 'html': {
        const literal = new InlineText()
        literal.text = node.value
        this.emitText(ctx.quoteDepth >= 0 ? 'quote' : 'paragraph', literal, this.depthOf(ctx))
        return
      }
      case 'table':
        this.table(node)
        return
      case 'footnoteDefinition':
        // Only nested ones reach here (inside a quote or list); top-level ones come last.
        return
      case 'thematicBreak':
        this.numbering.ruleBefore = true
        return
      case 'definition':
        return
      default: {
        // Anything a future parser extension adds: keep its text rather than lose it.
        if ('children' in node) this.flow(node.children as RootContent[], ctx)
        else if ('value' in node && typeof node.value === 'string') {
          const literal = new InlineText()
          literal.text = node.value
          this.emitText('paragraph', literal, {})
        }
      }
    }
  }

  private table(node: Table): void {
    const table = new InlineText()
    node.children.forEach((row, r) => {
      if (r > 0) table.text += ROW_SEPARATOR
      row.children.forEach((cell, c) => {
        if (c > 0) table.text += CELL_SEPARATOR
        const inline = this.inlineOf(cell.children)
        // Same length, so the cell's marks stay where they are.
        inline.text = inline.text.replace(/[\t\n]/g, ' ')
        const { text, marks } = trimInline(inline)
        const offset = table.text.length
        table.text += text
        for (const mark of marks) table.marks.push({ ...mark, start: mark.start + offset, end: mark.end + offset })
      })
    })
    if (table.text.trim() === '') return
    const align = (node.align ?? []).map((a) => a ?? 'none')
    // Not trimmed: a leading or trailing empty cell is part of the table's shape.
    this.push({ type: 'table', text: table.text, marks: table.marks, align })
  }

  private depthOf(ctx: FlowContext): Partial<DraftBlock> {
    if (ctx.quoteDepth >= 0) return { depth: ctx.quoteDepth }
    // A paragraph inside a list item, after its nested list: indent it under the item.
    if (ctx.listDepth >= 0) return { depth: ctx.listDepth }
    return {}
  }

  private listItem(
    children: RootContent[],
    checked: boolean | null | undefined,
    ordered: boolean,
    index: number | undefined,
    ctx: FlowContext
  ): void {
    const depth = ctx.listDepth + 1
    const inner: FlowContext = { ...ctx, listDepth: depth }
    let lead: InlineText | null = new InlineText()
    let leadHasText = false
    const flushLead = () => {
      if (lead === null) return
      const block: Partial<DraftBlock> = { ordered, depth }
      if (index !== undefined) block.index = index
      if (checked === true || checked === false) block.checked = checked
      this.emitText('listItem', lead, block)
      lead = null
    }
    for (const child of children) {
      // The item's own paragraphs (before any nested block) form the item's text.
      if (lead !== null && (child.type === 'paragraph' || child.type === 'heading')) {
        if (leadHasText) lead.text += BLOCK_SEPARATOR
        this.inline(child.children, lead)
        leadHasText = true
        continue
      }
      flushLead()
      if (child.type === 'paragraph' || child.type === 'heading') {
        this.emitText(ctx.quoteDepth >= 0 ? 'quote' : 'paragraph', this.inlineOf(child.children), {
          depth: ctx.quoteDepth >= 0 ? ctx.quoteDepth : depth
        })
      } else {
        this.flowNode(child, inner)
      }
    }
    flushLead()
  }

  private emitText(type: DraftBlock['type'], inline: InlineText, extra: Partial<DraftBlock>): void {
    const { text, marks } = trimInline(inline)
    if (text === '') return
    this.push({ type, text, marks, ...extra })
  }

  private inlineOf(nodes: PhrasingContent[]): InlineText {
    const inline = new InlineText()
    this.inline(nodes, inline)
    return inline
  }

  private inline(nodes: PhrasingContent[], into: InlineText): void {
    const closers = nodes.some((n) => n.type === 'html') ? matchAllowedTags(nodes) : null
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]
      if (closers !== null && node.type === 'html') {
        const used = this.allowedHtml(nodes, i, closers, into)
        if (used > 0) {
          i += used - 1
          continue
        }
      }
      this.inlineNode(node, into)
    }
  }

  /**
   * An allowlisted tag at nodes[at] (see inline-html.ts): renders it and returns how many
   * nodes it used, or 0 when the token must stay literal text.
   */
  private allowedHtml(nodes: PhrasingContent[], at: number, closers: Map<number, number>, into: InlineText): number {
    const tag = allowedInlineTag((nodes[at] as { value: string }).value)
    if (tag === null || tag.kind === 'close') return 0
    if (tag.kind === 'break') {
      into.text += '\n'
      return 1
    }
    const close = closers.get(at)
    if (close === undefined) return 0
    const mark: Omit<Mark, 'start' | 'end'> = tag.title === undefined ? { type: tag.mark } : { type: tag.mark, title: tag.title }
    this.marked(into, mark, () => this.inline(nodes.slice(at + 1, close), into))
    return close - at + 1
  }

  private inlineNode(node: PhrasingContent, into: InlineText): void {
    switch (node.type) {
      case 'text':
        // A soft line ending inside a Markdown paragraph is prose reflow, not a break.
        into.text += node.value.replace(/\n/g, ' ')
        return
      case 'break':
        into.text += '\n'
        return
      case 'emphasis':
        this.marked(into, { type: 'emphasis' }, () => this.inline(node.children, into))
        return
      case 'strong':
        this.marked(into, { type: 'strong' }, () => this.inline(node.children, into))
        return
      case 'delete':
        this.marked(into, { type: 'strike' }, () => this.inline(node.children, into))
        return
      case 'inlineCode':
        this.marked(into, { type: 'code' }, () => {
          into.text += node.value.replace(/\n/g, ' ')
        })
        return
      case 'link':
        this.marked(into, { type: 'link', href: node.url }, () => {
          const before = into.text.length
          this.inline(node.children, into)
          if (into.text.length === before) into.text += node.url
        })
        return
      case 'linkReference': {
        const href = this.hrefs.get(node.identifier)
        if (href !== undefined) {
          this.marked(into, { type: 'link', href }, () => this.inline(node.children, into))
          return
        }
        // No definition anywhere in the document: show what the author typed.
        into.text += '['
        this.inline(node.children, into)
        if (node.referenceType === 'full') into.text += `][${node.label ?? node.identifier}]`
        else into.text += node.referenceType === 'collapsed' ? '][]' : ']'
        return
      }
      case 'image':
      case 'imageReference':
        into.text += (node.alt ?? '').replace(/\n/g, ' ')
        return
      case 'html':
        into.text += node.value.replace(/\n/g, ' ')
        return
      case 'footnoteReference': {
        const ref = this.numbering.footnotes.reference(node.identifier)
        if (ref === null) {
          into.text += `[^${node.label ?? node.identifier}]`
          return
        }
        const mark: Omit<Mark, 'start' | 'end'> = { type: 'footnote', href: `fn-${ref.n}` }
        if (ref.first) mark.id = `fnref-${ref.n}`
        this.marked(into, mark, () => {
          into.text += `[${ref.n}]`
        })
        return
      }
      default: {
        const unknown = node as Nodes
        if ('children' in unknown) this.inline(unknown.children as PhrasingContent[], into)
        else if ('value' in unknown && typeof unknown.value === 'string') into.text += unknown.value
      }
    }
  }

  private marked(into: InlineText, mark: Omit<Mark, 'start' | 'end'>, fill: () => void): void {
    const start = into.text.length
    const slot = into.marks.length
    const full: Mark = { ...mark, start, end: start }
    // Pushed before the children so outer marks precede the marks nested inside them.
    into.marks.push(full)
    fill()
    full.end = into.text.length
    if (full.end === full.start) into.marks.splice(slot, 1)
  }
}

/**
 * Index of each allowlisted opening tag → index of its closing tag among the same
 * siblings (tags of one name nest), in one pass so that a paragraph of thousands of
 * unclosed tags stays linear. Tags of different names may overlap; the outer one wins
 * and the inner tokens inside it are matched again when its children are walked.
 */
function matchAllowedTags(nodes: PhrasingContent[]): Map<number, number> {
  const open = new Map<string, number[]>()
  const closers = new Map<number, number>()
  nodes.forEach((node, i) => {
    if (node.type !== 'html') return
    const tag = allowedInlineTag(node.value)
    if (tag === null || tag.kind === 'break') return
    const stack = open.get(tag.name) ?? []
    open.set(tag.name, stack)
    if (tag.kind === 'open') stack.push(i)
    else if (stack.length > 0) closers.set(stack.pop()!, i)
  })
  return closers
}

/** Strips surrounding whitespace and moves the marks with the text. */
function trimInline(inline: InlineText): { text: string; marks: Mark[] } {
  const { text } = inline
  const lead = text.length - text.trimStart().length
  const trimmed = text.trim()
  if (trimmed === '') return { text: '', marks: [] }
  if (lead === 0 && trimmed.length === text.length) return { text, marks: inline.marks }
  const end = lead + trimmed.length
  const marks: Mark[] = []
  for (const mark of inline.marks) {
    const start = Math.max(mark.start, lead) - lead
    const stop = Math.min(mark.end, end) - lead
    if (stop > start) marks.push({ ...mark, start, end: stop })
  }
  return { text: trimmed, marks }
}
