// Titles found in the text itself, and the normal form used to pair a metadata file
// with its body file.

/**
 * Lower-case, NFKC, curly quotes straightened, and every run of punctuation or
 * whitespace reduced to one space, so `Clearview’s “tool”` and `clearview's "tool"`
 * compare equal.
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()
}

/** Text of the first level-1 heading (`# Title` or `Title` over `===`) outside code fences. */
export function firstMarkdownHeading(markdown: string): string | null {
  const lines = markdown.split('\n')
  let fence: string | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (fenceMatch) {
      const marker = fenceMatch[1]
      if (fence === null) fence = marker
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null
      continue
    }
    if (fence !== null) continue
    const atx = /^ {0,3}#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line)
    if (atx) {
      const text = plainInline(atx[1] ?? '')
      if (text !== '') return text
      continue
    }
    const next = lines[i + 1]
    if (next !== undefined && /^ {0,3}=+[ \t]*$/.test(next) && line.trim() !== '' && !/^ {0,3}([-*+>]|\d+[.)])\s/.test(line)) {
      const text = plainInline(line)
      if (text !== '') return text
    }
  }
  return null
}

// Headings may carry emphasis, code or links; a title is shown as plain text.
function plainInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The title of a plain-text file (its first non-empty line) and the text after it. */
export function splitTitleLine(text: string): { title: string | null; rest: string } {
  let start = 0
  while (start < text.length) {
    const end = text.indexOf('\n', start)
    const line = end === -1 ? text.slice(start) : text.slice(start, end)
    if (line.trim() !== '') {
      return { title: line.trim(), rest: end === -1 ? '' : text.slice(end + 1) }
    }
    if (end === -1) break
    start = end + 1
  }
  return { title: null, rest: '' }
}

/** Drops blank lines at the start and whitespace at the end, keeping inner layout. */
export function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').trimEnd()
}
