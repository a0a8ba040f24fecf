import { describe, expect, it } from 'vitest'
import { articleToMarkdown, type MarkdownArticle } from './markdown'
import { noteToMarkdown } from './note-markdown'

/**
 * What Obsidian hides or typesets: an unescaped `%%` opens a comment and the next one
 * closes it; `$$` likewise for a math block. An opener without a closer runs to the end
 * of the file. Returns the text Obsidian would still show as Markdown.
 */
function obsidianVisible(markdown: string, marker: '%%' | '$$'): string {
  let out = ''
  let open = false
  for (let i = 0; i < markdown.length; i++) {
    const escaped = markdown[i - 1] === '\\' && markdown[i - 2] !== '\\'
    if (markdown.startsWith(marker, i) && !escaped && markdown[i + 1] !== '\\') {
      open = !open
      i += marker.length - 1
      continue
    }
    if (!open) out += markdown[i]
  }
  return out
}

const withNote = (note: string): MarkdownArticle => ({
  title: 'T',
  source: null,
  url: null,
  published: null,
  tags: [],
  note,
  highlights: [{ id: 'after0001', quote: 'The quote after the note.', note: '', color: 'yellow', position: 0 }]
})

describe('Obsidian comments and math in notes', () => {
  it.each([
    ['an unclosed comment', 'Draft %% thoughts for later', 'Draft \\%\\% thoughts for later'],
    ['a closed comment and an open one', 'a %%hidden%% b %% c', 'a %%hidden%% b \\%\\% c'],
    ['an unclosed math block', 'The sum:\n$$\nx + y', 'The sum:\n\\$\\$\nx + y'],
    ['a closed math block', '$$\nx^2\n$$', '$$\nx^2\n$$'],
    ['a price, twice', 'Costs $$ and more $$', 'Costs $$ and more $$'],
    ['a marker in inline code', 'Type `%%` to comment', 'Type `%%` to comment'],
    ['a marker in a fenced block', '```\n%% not a comment\n```', '```\n%% not a comment\n```'],
    ['an escaped marker', 'Literally \\%% here', 'Literally \\%% here'],
    ['both open', '%% one $$ two', '\\%\\% one \\$\\$ two']
  ])('%s', (_case, note, expected) => {
    expect(noteToMarkdown(note)).toBe(expected)
  })

  it.each([
    ['%%', 'Draft %% thoughts for later'],
    ['%%', 'a %%hidden%% b %% c'],
    ['$$', 'The sum:\n$$\nx + y'],
    ['$$', '%% one $$ two']
  ] as const)('a note with an open %s cannot swallow the highlights after it', (marker, note) => {
    const markdown = articleToMarkdown(withNote(note), '2024-01-01T00:00:00.000Z')
    const visible = obsidianVisible(markdown, marker)
    expect(visible).toContain('> The quote after the note.')
    expect(visible).toContain('^hl-after000')
    // The broken version, for contrast: the raw note would have hidden them.
    expect(obsidianVisible(markdown.replace(noteToMarkdown(note) as string, () => note), marker)).not.toContain('^hl-after000')
  })
})
