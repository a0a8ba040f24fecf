// Front matter through gray-matter, made safe. gray-matter 4 evaluates `---js` /
// `---javascript` blocks with eval (CVE-2022-25863) and keeps an unbounded global
// cache of shared result objects whenever it is called without options, so every call
// here passes a fresh options object whose engines refuse JavaScript. YAML goes through
// js-yaml 4's CORE_SCHEMA, which has no timestamp type: dates stay the strings the
// user wrote instead of becoming UTC Date objects.
//
// Besides YAML (`---`), the dialects static-site tools write: TOML between `+++` lines
// (Hugo, Zola) or as `---toml`, read with smol-toml (pure JS, TOML 1.0, keeps a date's
// offset when printed back); JSON as `---json` or as a bare `{ … }` object at the very
// top (Hugo). A block that is there but broken is an error with the parser's reason,
// never body text.
import matter from 'gray-matter'
import yaml from 'js-yaml'
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml'

export type FrontMatterResult =
  /** The text does not start with a front matter block. */
  | { kind: 'none'; body: string }
  | { kind: 'fields'; data: Record<string, unknown>; body: string }
  | { kind: 'error'; reason: string }

export const JS_FRONT_MATTER_REASON = 'JavaScript front matter is not allowed'

class RefusedEngineError extends Error {}

const refuseJavaScript = {
  parse(): object {
    throw new RefusedEngineError(JS_FRONT_MATTER_REASON)
  },
  stringify(): string {
    throw new RefusedEngineError(JS_FRONT_MATTER_REASON)
  }
}

const parseYaml = (source: string): object =>
  // json: true lets a repeated key win instead of failing the whole file.
  yaml.load(source, { schema: yaml.CORE_SCHEMA, json: true }) as object

// TOML dates become the strings they were written as (with their offset), like YAML's.
const parseTomlData = (source: string): object => datesAsText(parseToml(source)) as object

function datesAsText(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=$|[Z+-])/, '')
  if (Array.isArray(value)) return value.map(datesAsText)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, datesAsText(inner)]))
  }
  return value
}

// Built per call: gray-matter's cache is only bypassed when options are given.
const matterOptions = () => ({
  engines: {
    yaml: { parse: parseYaml },
    toml: { parse: parseTomlData },
    js: refuseJavaScript,
    javascript: refuseJavaScript
  }
})

/**
 * Where a front matter block is, the way gray-matter finds it: `---` (optionally
 * followed by a language name) on the first line and a later line starting with `---`.
 * Without a closing line the leading `---` is just a Markdown rule, not front matter.
 * Also `+++` … `+++` (TOML) and a bare JSON object opening the file.
 */
export function startsWithFrontMatter(text: string): boolean {
  return dashedBlock(text) || tomlBlock(text) !== null || startsWithJsonObject(text)
}

function dashedBlock(text: string): boolean {
  if (!text.startsWith('---') || text.charAt(3) === '-') return false
  const firstLineEnd = text.indexOf('\n')
  if (firstLineEnd === -1) return false
  const language = text.slice(3, firstLineEnd).trim()
  if (language !== '' && !/^[A-Za-z][\w-]*$/.test(language)) return false
  return text.indexOf('\n---', firstLineEnd) !== -1
}

/** The TOML between a first line `+++` and the next line `+++`, and what follows. */
function tomlBlock(text: string): { source: string; body: string } | null {
  const opening = /^\+\+\+[ \t]*\n/.exec(text)
  if (!opening) return null
  const closing = /^\+\+\+[ \t]*$/m
  const rest = text.slice(opening[0].length)
  const match = closing.exec(rest)
  if (!match) return null
  const body = rest.slice(match.index + match[0].length).replace(/^\n/, '')
  return { source: rest.slice(0, match.index), body }
}

// Hugo's JSON front matter: the file's first line is `{` (alone or opening the first
// key), and the object ends at its matching brace. Prose never starts that way.
const startsWithJsonObject = (text: string): boolean => /^\{[ \t]*(\n|"[^"\n]*"\s*:)/.test(text)

export function readFrontMatter(text: string): FrontMatterResult {
  const toml = tomlBlock(text)
  if (toml) return readToml(toml)
  if (startsWithJsonObject(text)) return readJsonObject(text)
  if (!dashedBlock(text)) return { kind: 'none', body: text }
  let parsed: { data: unknown; content: string }
  try {
    parsed = matter(text, matterOptions())
  } catch (error) {
    return { kind: 'error', reason: describeError(error) }
  }
  const data = parsed.data
  if (data === null || data === undefined) return { kind: 'fields', data: {}, body: parsed.content }
  if (typeof data !== 'object' || Array.isArray(data)) {
    // A Markdown rule, a line of prose and another rule: not metadata at all.
    return { kind: 'none', body: text }
  }
  return { kind: 'fields', data: data as Record<string, unknown>, body: parsed.content }
}

function readToml({ source, body }: { source: string; body: string }): FrontMatterResult {
  try {
    return { kind: 'fields', data: parseTomlData(source) as Record<string, unknown>, body }
  } catch (error) {
    // The block starts on the file's second line, under the opening `+++`.
    return { kind: 'error', reason: describeError(error, 1) }
  }
}

function readJsonObject(text: string): FrontMatterResult {
  const end = matchingBrace(text)
  if (end === -1) return { kind: 'error', reason: 'Front matter is not valid JSON: the opening { is never closed' }
  let data: unknown
  try {
    data = JSON.parse(text.slice(0, end + 1))
  } catch (error) {
    return { kind: 'error', reason: `Front matter is not valid JSON: ${firstLine(error instanceof Error ? error.message : String(error))}` }
  }
  const body = text.slice(end + 1).replace(/^[ \t]*\n/, '')
  return { kind: 'fields', data: data as Record<string, unknown>, body }
}

/** Index of the `}` closing the object that opens `text`, skipping strings; -1 if none. */
function matchingBrace(text: string): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{' || char === '[') depth++
    else if (char === '}' || char === ']') {
      depth--
      if (depth === 0) return char === '}' ? i : -1
    }
  }
  return -1
}

function describeError(error: unknown, linesBefore = 0): string {
  if (error instanceof RefusedEngineError) return JS_FRONT_MATTER_REASON
  if (error instanceof yaml.YAMLException) {
    // The block handed to js-yaml starts with the rest of the opening `---` line, so
    // js-yaml's 0-based line number is the file's 1-based line number.
    const where = error.mark ? ` (line ${error.mark.line + 1}, column ${error.mark.column + 1})` : ''
    return `Front matter is not valid YAML: ${error.reason ?? firstLine(error.message)}${where}`
  }
  if (error instanceof TomlError) {
    // smol-toml's message is a headline, then the offending line drawn with a caret.
    const headline = firstLine(error.message).replace(/^Invalid TOML document:\s*/, '')
    return `Front matter is not valid TOML: ${headline} (line ${error.line + linesBefore}, column ${error.column})`
  }
  const message = error instanceof Error ? error.message : String(error)
  const engine = /engine "([^"]*)" is not registered/.exec(message)
  if (engine) return `Front matter in "${engine[1]}" is not supported`
  return `Front matter could not be read: ${firstLine(message)}`
}

const firstLine = (message: string): string => message.split('\n', 1)[0]
