// YAML front matter written by hand, every string double-quoted: titles with colons,
// quotes, leading `-`/`#`/`@`, `yes`/`no`, dates or numbers must come back as the same
// strings (js-yaml, Obsidian properties, gray-matter), never as other types.

export type FrontMatterValue = string | string[] | null
export type FrontMatterEntry = [key: string, value: FrontMatterValue]

/**
 * `---` fenced YAML. Keys are written in the given order; null values and empty lists
 * are left out (Gloss writes a key only when it has something to say).
 */
export function frontMatter(entries: FrontMatterEntry[]): string {
  return ['---', ...frontMatterLines(entries), '---'].join('\n')
}

/** The YAML lines between the fences; keys must be plain words (they are written as they are). */
export function frontMatterLines(entries: FrontMatterEntry[]): string[] {
  const lines: string[] = []
  for (const [key, value] of entries) {
    if (value === null) continue
    if (Array.isArray(value)) {
      if (value.length === 0) continue
      lines.push(`${key}:`, ...value.map((item) => `  - ${yamlString(item)}`))
    } else {
      lines.push(`${key}: ${yamlString(value)}`)
    }
  }
  return lines
}

/** A YAML double-quoted scalar. Escapes what YAML needs plus anything a reader would choke on. */
export function yamlString(value: string): string {
  let out = '"'
  for (const ch of value) {
    const code = ch.codePointAt(0) as number
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (needsUnicodeEscape(code)) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return `${out}"`
}

/** Non-printable in YAML (control characters, lone surrogates, BOM) or a line break in YAML 1.1 (NEL, LS, PS). */
function needsUnicodeEscape(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    code === 0xfffe ||
    code === 0xffff
  )
}
