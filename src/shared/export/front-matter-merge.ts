// Updating the front matter of a file Gloss exported earlier, without undoing what the
// user did to it since (in Obsidian's property editor or by hand).
//
// Gloss owns the keys its template writes (plus `gloss_id`). On re-export each owned
// key is merged three ways — the value Gloss wrote last time (kept in the export
// manifest), the value in the file now, and the value Gloss would write now:
//   - a key still holding what Gloss wrote is updated (or removed, if Gloss no longer
//     writes it);
//   - a key the user changed is the user's: left as it is;
//   - a list (tags, aliases) takes Gloss's changes item by item — items the user added
//     stay, items the user removed stay removed;
//   - without a record of last time (a new data folder, another machine), scalars take
//     Gloss's value and lists keep every item and gain Gloss's.
// Every other key, comment and the order of lines are kept as they are: only the lines
// of keys that change are rewritten. The result is parsed again and checked; if the
// user's YAML is too unusual to edit safely (or does not parse), the front matter is
// left exactly as it was.
//
// Why line edits and not the `yaml` package's Document API: setting one key and
// printing the Document again re-lays out the user's own lines (`title:   "x"   # c`
// loses its spacing, `[a,  b]` becomes `[ a, b ]`, 4-space indents become 2, lines past
// 80 characters are folded), and users' front matter must stay byte for byte where
// Gloss does not own the key.
import yaml from 'js-yaml'
import { yamlString } from './yaml-front-matter'

export type FrontMatterValues = Record<string, unknown>

export interface FrontMatterParts {
  /** Text before the YAML: a byte-order mark and the opening `---` line. */
  open: string
  /** The YAML between the fences (no trailing newline). */
  yaml: string
  /** The closing fence line with its line break. */
  close: string
  /** Everything after the front matter. */
  body: string
}

/** The front matter at the very start of a file (the only place Obsidian reads it), or null. */
export function splitFrontMatter(text: string): FrontMatterParts | null {
  const opening = /^\uFEFF?---[ \t]*\n/.exec(text)
  if (!opening) return null
  let lineStart = opening[0].length
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline < 0 ? text.length : newline
    if (/^(?:---|\.\.\.)[ \t]*$/.test(text.slice(lineStart, lineEnd))) {
      const closeEnd = newline < 0 ? text.length : newline + 1
      return {
        open: opening[0],
        // The YAML lines without the line break before the closing fence.
        yaml: text.slice(opening[0].length, Math.max(opening[0].length, lineStart - 1)),
        close: text.slice(lineStart, closeEnd),
        body: text.slice(closeEnd)
      }
    }
    if (newline < 0) break
    lineStart = newline + 1
  }
  return null
}

/** The YAML as a mapping of values, or null when it does not parse to one. */
export function parseFrontMatter(yamlText: string): FrontMatterValues | null {
  try {
    const value = yaml.load(yamlText)
    if (value === undefined || value === null) return {}
    return typeof value === 'object' && !Array.isArray(value) ? (value as FrontMatterValues) : null
  } catch {
    return null
  }
}

export interface MergeInput {
  /** The file's YAML now. */
  current: string
  /** The YAML Gloss would write now (its keys are the ones Gloss owns), as text. */
  ours: string
  /** What Gloss wrote last time, key by key; null when there is no record. */
  previous: FrontMatterValues | null
}

export interface MergeResult {
  yaml: string
  /** False when the user's front matter could not be edited safely and was left alone. */
  merged: boolean
}

export function mergeFrontMatter({ current, ours, previous }: MergeInput): MergeResult {
  const unchanged = { yaml: current, merged: false }
  const currentValues = parseFrontMatter(current)
  const ourValues = parseFrontMatter(ours)
  if (!currentValues || !ourValues) return unchanged
  const chunks = chunkTopLevel(current)
  const ourChunks = chunkTopLevel(ours)
  const keys = new Set([...Object.keys(ourValues), ...Object.keys(previous ?? {})])
  const desired = new Map<string, unknown>()
  for (const key of keys) {
    const value = mergeValue(has(currentValues, key) ? currentValues[key] : undefined, previous ? (has(previous, key) ? previous[key] : undefined) : UNKNOWN, has(ourValues, key) ? ourValues[key] : undefined)
    if (!sameValue(value, has(currentValues, key) ? currentValues[key] : undefined)) desired.set(key, value)
  }
  if (desired.size === 0) return { yaml: current, merged: true }
  for (const [key, value] of desired) {
    const at = chunks.findIndex((chunk) => chunk.key === key)
    if (at < 0 && has(currentValues, key)) return unchanged // present, but not where we can edit it
    const ourChunk = ourChunks.find((chunk) => chunk.key === key)
    const lines = value === undefined ? [] : ourChunk && sameValue(value, ourValues[key]) ? entryLines(ourChunk) : serialize(key, value)
    if (at >= 0) chunks[at] = { key, lines: [...lines, ...tailLines(chunks[at])] }
    else insertBeforeTrailingBlank(chunks, { key, lines })
  }
  const text = chunks.flatMap((chunk) => chunk.lines).join('\n')
  // Check: every changed key holds what we meant, every other key what it held.
  const check = parseFrontMatter(text)
  if (!check) return unchanged
  for (const key of new Set([...Object.keys(currentValues), ...desired.keys(), ...Object.keys(check)])) {
    const expected = desired.has(key) ? desired.get(key) : has(currentValues, key) ? currentValues[key] : undefined
    if (!sameValue(has(check, key) ? check[key] : undefined, expected)) return unchanged
  }
  return { yaml: text, merged: true }
}

const UNKNOWN = Symbol('unknown')

function mergeValue(current: unknown, previous: unknown, next: unknown): unknown {
  const listy = Array.isArray(next) || Array.isArray(previous)
  if (listy && (current === undefined || Array.isArray(current))) {
    const now = (current as unknown[] | undefined) ?? []
    const want = Array.isArray(next) ? next : []
    if (previous === UNKNOWN) {
      const merged = [...now, ...want.filter((item) => !now.some((x) => sameValue(x, item)))]
      return merged.length === 0 && current === undefined ? undefined : merged
    }
    const before = Array.isArray(previous) ? previous : []
    const inBefore = (item: unknown) => before.some((x) => sameValue(x, item))
    const inWant = (item: unknown) => want.some((x) => sameValue(x, item))
    const kept = now.filter((item) => !(inBefore(item) && !inWant(item)))
    const added = want.filter((item) => !inBefore(item) && !kept.some((x) => sameValue(x, item)))
    const merged = [...kept, ...added]
    // An empty list Gloss emptied is removed, as Gloss writes no empty lists.
    return merged.length === 0 && (current === undefined || now.every(inBefore)) ? undefined : merged
  }
  if (previous === UNKNOWN) return next === undefined ? current : next
  return sameValue(current, previous) ? next : current
}

interface Chunk {
  /** The top-level key this chunk holds; null for leading comments or lines we cannot read. */
  key: string | null
  lines: string[]
}

/**
 * Splits YAML into top-level entries: a new entry starts at every line that begins at
 * column 0 with something other than a comment, a list dash or a space.
 */
function chunkTopLevel(text: string): Chunk[] {
  const chunks: Chunk[] = [{ key: null, lines: [] }]
  for (const line of text === '' ? [] : text.split('\n')) {
    if (/^[^\s#-]/.test(line) || /^-[^\s-]/.test(line)) chunks.push({ key: keyOf(line), lines: [line] })
    else chunks[chunks.length - 1].lines.push(line)
  }
  return chunks
}

function keyOf(line: string): string | null {
  const double = /^"((?:[^"\\]|\\.)*)"[ \t]*:(?:[ \t]|$)/.exec(line)
  if (double) {
    try {
      return JSON.parse(`"${double[1]}"`) as string
    } catch {
      return null
    }
  }
  const single = /^'((?:[^']|'')*)'[ \t]*:(?:[ \t]|$)/.exec(line)
  if (single) return single[1].replace(/''/g, "'")
  const plain = /^([^'"\s?&*!|>%@`{[,\]}][^\n]*?)[ \t]*:(?:[ \t]|$)/.exec(line)
  return plain ? plain[1] : null
}

/** A chunk's lines without its trailing blank and column-0 comment lines (which belong to what follows). */
function entryLines(chunk: Chunk): string[] {
  return chunk.lines.slice(0, chunk.lines.length - tailLines(chunk).length)
}

function tailLines(chunk: Chunk): string[] {
  let start = chunk.lines.length
  while (start > 1 && /^(?:#.*)?$/.test(chunk.lines[start - 1])) start--
  return chunk.lines.slice(start)
}

function insertBeforeTrailingBlank(chunks: Chunk[], chunk: Chunk): void {
  const last = chunks[chunks.length - 1]
  let blank = 0
  while (blank < last.lines.length && last.lines[last.lines.length - 1 - blank] === '') blank++
  if (blank === 0 || blank === last.lines.length) {
    chunks.push(chunk)
    return
  }
  const trailing = last.lines.splice(last.lines.length - blank, blank)
  chunks.push(chunk, { key: null, lines: trailing })
}

function serialize(key: string, value: unknown): string[] {
  const name = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key)
  if (typeof value === 'string') return [`${name}: ${yamlString(value)}`]
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.length === 0 ? [`${name}: []`] : [`${name}:`, ...value.map((item) => `  - ${yamlString(item as string)}`)]
  }
  return yaml.dump({ [key]: value }, { lineWidth: -1, noRefs: true }).replace(/\n$/, '').split('\n')
}

/**
 * Deep equality of YAML values, key order aside. A date equals its ISO string (JSON's
 * form of it), which is how dates come back from the manifest.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
    }
    return v
  }) ?? 'undefined'
}

function has(values: FrontMatterValues, key: string): boolean {
  return Object.hasOwn(values, key)
}
