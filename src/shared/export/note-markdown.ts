// Notes are the user's own Markdown — people write them for Obsidian, with emphasis,
// links, lists and [[wikilinks]] — so they are exported as written. The only changes
// are for constructs that would break the export around the note:
//
// - a code fence left open would swallow every following highlight: it is closed;
// - an HTML block that only ends at its closing tag (`<script`, `<pre`, `<style`,
//   `<textarea`, `<!--`, `<?`, `<!X`, `<![CDATA[`) left open would swallow the rest
//   too: its `<` is escaped so it is shown as text;
// - a line ending in `^hl-…` would be taken by Obsidian as a block id clashing with
//   Gloss's own: its caret is escaped;
// - an Obsidian comment (`%%`) or math block (`$$`) left open would hide or typeset the
//   rest of the file in Obsidian: the marker without a partner (the last one of an odd
//   count, outside code) is escaped (`\%\%`, `\$\$`), so it shows as typed and the
//   pairs before it keep working;
// - line endings become "\n", and blank lines around the note are dropped (the
//   export supplies the blank lines that separate blocks).
//
// Quotes, by contrast, are the article's words and are always escaped (markdown-escape.ts).

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/
const HTML_BLOCKS: { start: RegExp; end: RegExp }[] = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ }
]
const TRAILING_GLOSS_BLOCK_ID = /(^|[ \t])\^(hl-[A-Za-z0-9-]*[ \t]*)$/

/** The note ready to place between blank lines, or null when it holds nothing. */
export function noteToMarkdown(note: string): string | null {
  const text = note
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd()
  if (text === '') return null
  const lines = text.split('\n')
  // Escaping an unterminated HTML opener turns the lines after it back into Markdown,
  // which may hold fences of their own: scan again until nothing is left open.
  for (;;) {
    const open = scan(lines)
    if (open.kind === 'html') {
      lines[open.line] = lines[open.line].replace(/^( {0,3})</, '$1\\<')
      continue
    }
    if (open.kind === 'fence') lines.push(open.marker)
    break
  }
  for (const marker of ['%%', '$$']) escapeUnpaired(lines, marker)
  return lines.join('\n')
}

/**
 * Escapes the last `marker` when the note holds an odd number of them outside code
 * (fenced blocks and inline code spans) and not already escaped.
 */
function escapeUnpaired(lines: string[], marker: string): void {
  const found: { line: number; column: number }[] = []
  let fence: { char: string; length: number } | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null
      continue
    }
    const opener = FENCE_OPEN.exec(line)
    if (opener && !(opener[1][0] === '`' && opener[2].includes('`'))) {
      fence = { char: opener[1][0], length: opener[1].length }
      continue
    }
    // Code spans blanked out (same length), so positions still match the line.
    const visible = line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length))
    for (let at = visible.indexOf(marker); at >= 0; at = visible.indexOf(marker, at + marker.length)) {
      if (!isEscaped(visible, at)) found.push({ line: i, column: at })
    }
  }
  if (found.length % 2 === 0) return
  const { line, column } = found[found.length - 1]
  const text = lines[line]
  lines[line] = `${text.slice(0, column)}\\${marker[0]}\\${marker[1]}${text.slice(column + marker.length)}`
}

/** Preceded by an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let slashes = 0
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) slashes++
  return slashes % 2 === 1
}

type Open = { kind: 'none' } | { kind: 'fence'; marker: string } | { kind: 'html'; line: number }

/** Finds what is still open at the end of the note; escapes trailing ^hl- ids on the way. */
function scan(lines: string[]): Open {
  let fence: { char: string; length: number } | null = null
  let html: { end: RegExp; line: number } | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null
      continue
    }
    if (html) {
      if (html.end.test(line)) html = null
      continue
    }
    const opener = FENCE_OPEN.exec(line)
    if (opener && !(opener[1][0] === '`' && opener[2].includes('`'))) {
      fence = { char: opener[1][0], length: opener[1].length }
      continue
    }
    const block = HTML_BLOCKS.find((candidate) => candidate.start.test(line))
    if (block) {
      if (!block.end.test(line)) html = { end: block.end, line: i }
      continue
    }
    lines[i] = line.replace(TRAILING_GLOSS_BLOCK_ID, '$1\\^$2')
  }
  if (fence) return { kind: 'fence', marker: fence.char.repeat(fence.length) }
  if (html) return { kind: 'html', line: html.line }
  return { kind: 'none' }
}
