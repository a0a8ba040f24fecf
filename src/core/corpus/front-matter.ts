// Front matter through gray-matter, made safe. gray-matter 4 evaluates `---js` /
// `---javascript` blocks with eval (CVE-2022-25863) and keeps an unbounded global
// cache of shared result objects whenever it is called without options, so every call
// here passes a fresh options object whose engines refuse JavaScript. YAML goes through
// js-yaml 4's CORE_SCHEMA, which has no timestamp type: dates stay the strings the
// user wrote instead of becoming UTC Date objects.
import matter from 'gray-matter'
import yaml from 'js-yaml'

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

// Built per call: gray-matter's cache is only bypassed when options are given.
const matterOptions = () => ({
  engines: {
    yaml: { parse: parseYaml },
    js: refuseJavaScript,
    javascript: refuseJavaScript
  }
})

/**
 * Where a front matter block is, the way gray-matter finds it: `---` (optionally
 * followed by a language name) on the first line and a later line starting with `---`.
 * Without a closing line the leading `---` is just a Markdown rule, not front matter.
 */
export function startsWithFrontMatter(text: string): boolean {
  if (!text.startsWith('---') || text.charAt(3) === '-') return false
  const firstLineEnd = text.indexOf('\n')
  if (firstLineEnd === -1) return false
  const language = text.slice(3, firstLineEnd).trim()
  if (language !== '' && !/^[A-Za-z][\w-]*$/.test(language)) return false
  return text.indexOf('\n---', firstLineEnd) !== -1
}

export function readFrontMatter(text: string): FrontMatterResult {
  if (!startsWithFrontMatter(text)) return { kind: 'none', body: text }
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

function describeError(error: unknown): string {
  if (error instanceof RefusedEngineError) return JS_FRONT_MATTER_REASON
  if (error instanceof yaml.YAMLException) {
    // The block handed to js-yaml starts with the rest of the opening `---` line, so
    // js-yaml's 0-based line number is the file's 1-based line number.
    const where = error.mark ? ` (line ${error.mark.line + 1}, column ${error.mark.column + 1})` : ''
    return `Front matter is not valid YAML: ${error.reason ?? firstLine(error.message)}${where}`
  }
  const message = error instanceof Error ? error.message : String(error)
  const engine = /engine "([^"]*)" is not registered/.exec(message)
  if (engine) return `Front matter in "${engine[1]}" is not supported`
  return `Front matter could not be read: ${firstLine(message)}`
}

const firstLine = (message: string): string => message.split('\n', 1)[0]
