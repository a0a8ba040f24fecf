// The file a folder export writes for an article, and how a re-export updates it:
//
//   ---
//   gloss_id: "3f9a1c0b7e2d4a65"        ← finds the file again, whatever it is called now
//   title: "…"                           ← keys from the template, merged on re-export
//   ---                                     (front-matter-merge.ts)
//
//   (anything the user writes here is kept)
//   <!-- gloss:begin … -->
//
//   …what the template renders after its front matter…   ← replaced on re-export
//
//   <!-- gloss:end -->
//   (anything the user writes here is kept)
//
// The markers are HTML comments: Obsidian's reading view hides them, and so does every
// other Markdown renderer (GitHub, VS Code, Pandoc), whereas Obsidian's `%% … %%`
// comments show up as text everywhere else. An HTML comment on one line ends its HTML
// block at that line, so the Markdown after it is read normally, and blank lines
// around the markers keep them from joining a paragraph or quote.
import yaml from 'js-yaml'
import { mergeFrontMatter, parseFrontMatter, splitFrontMatter, type FrontMatterValues } from './front-matter-merge'
import { yamlString } from './yaml-front-matter'

export const REGION_BEGIN = '<!-- gloss:begin · Gloss rewrites this part on each export: write your own notes above or below it -->'
export const REGION_END = '<!-- gloss:end -->'
const BEGIN_LINE = /^<!--\s*gloss:begin\b.*-->[ \t]*$/
const END_LINE = /^<!--\s*gloss:end\b.*-->[ \t]*$/
export const GLOSS_ID_KEY = 'gloss_id'

export interface RenderedParts {
  /** The template's front matter YAML without `gloss_id` (its keys are the ones Gloss owns). */
  yaml: string
  /** What goes between the markers. */
  body: string
}

/**
 * Splits what a template rendered into front matter and body. The front matter must be
 * a YAML mapping: a template whose front matter does not parse is a BAD template, not
 * something to write into a vault (the caller reports it).
 */
export function splitRendered(rendered: string): RenderedParts | { problem: string } {
  const text = rendered.replace(/\r\n?/g, '\n')
  const parts = splitFrontMatter(text)
  if (!parts) return { yaml: '', body: neutralizeMarkers(trimBlankLines(text)) }
  const values = parseFrontMatter(parts.yaml)
  if (!values) return { problem: 'the template’s front matter is not valid YAML (a list of "key: value" lines)' }
  const yaml = parts.yaml
    .split('\n')
    .filter((line, i, lines) => !isGlossIdLine(line) && !(i > 0 && isGlossIdLine(lines[i - 1]) && /^\s/.test(line)))
    .join('\n')
  return { yaml, body: neutralizeMarkers(trimBlankLines(parts.body)) }
}

/** A new file for the article. */
export function newManagedFile(glossId: string, rendered: RenderedParts): string {
  const frontMatter = ['---', `${GLOSS_ID_KEY}: ${yamlString(glossId)}`, ...(rendered.yaml ? [rendered.yaml] : []), '---'].join('\n')
  return `${frontMatter}\n\n${region(rendered.body)}\n`
}

/** The values Gloss owns in a file it writes from `rendered`: what the manifest remembers. */
export function ownedValues(glossId: string, rendered: RenderedParts): FrontMatterValues {
  return { [GLOSS_ID_KEY]: glossId, ...(parseFrontMatter(rendered.yaml) ?? {}) }
}

export type ManagedUpdate = { text: string; frontMatterMerged: boolean } | { problem: string }

/**
 * The file after a re-export: the region replaced, Gloss's front matter keys merged,
 * everything else exactly as it was. A file whose markers were removed or duplicated is
 * left alone (a problem), since Gloss can no longer tell its part from the user's.
 */
export function updateManagedFile(existing: string, glossId: string, rendered: RenderedParts, previous: FrontMatterValues | null): ManagedUpdate {
  const crlf = /\r\n/.test(existing)
  const text = crlf ? existing.replace(/\r\n/g, '\n') : existing
  const parts = splitFrontMatter(text)
  if (!parts) return { problem: 'its front matter is gone' }
  const lines = parts.body.split('\n')
  const begins = lines.flatMap((line, i) => (BEGIN_LINE.test(line) ? [i] : []))
  const ends = lines.flatMap((line, i) => (END_LINE.test(line) ? [i] : []))
  if (begins.length === 0 && ends.length === 0) return { problem: 'the gloss:begin and gloss:end markers were removed, so Gloss leaves the file to you' }
  if (begins.length !== 1 || ends.length !== 1 || ends[0] < begins[0]) {
    return { problem: 'the gloss:begin and gloss:end markers are not one pair in order; fix them or delete the file to export it again' }
  }
  const merge = mergeFrontMatter({ current: parts.yaml, ours: withGlossId(glossId, rendered.yaml), previous })
  const body = [...lines.slice(0, begins[0]), region(rendered.body), ...lines.slice(ends[0] + 1)].join('\n')
  const updated = `${parts.open}${merge.yaml}${merge.yaml === '' ? '' : '\n'}${parts.close}${body}`
  return { text: crlf ? updated.replace(/\n/g, '\r\n') : updated, frontMatterMerged: merge.merged }
}

/** The `gloss_id` a file declares in its front matter, or null. */
export function glossIdOf(text: string): string | null {
  const parts = splitFrontMatter(text.replace(/\r\n/g, '\n'))
  if (!parts) return null
  const values = parseFrontMatter(parts.yaml)
  const id = values?.[GLOSS_ID_KEY]
  return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : null
}

/**
 * The lines between the gloss:begin and gloss:end markers ("\n"-separated), or null when
 * the file has no front matter or not exactly one pair of markers in order. What Gloss
 * wrote there is remembered (as a hash) so that a user's edit inside it is noticed.
 */
export function regionOf(text: string): string | null {
  const parts = splitFrontMatter(text.replace(/\r\n/g, '\n'))
  if (!parts) return null
  const lines = parts.body.split('\n')
  const begins = lines.flatMap((line, i) => (BEGIN_LINE.test(line) ? [i] : []))
  const ends = lines.flatMap((line, i) => (END_LINE.test(line) ? [i] : []))
  if (begins.length !== 1 || ends.length !== 1 || ends[0] < begins[0]) return null
  return lines.slice(begins[0] + 1, ends[0]).join('\n')
}

/** What the start of a Markdown file says about whose it is. */
export type FileIdentity =
  | { kind: 'ours'; glossId: string }
  /** Front matter that does not parse: the gloss_id may be there, but Gloss cannot trust the file's YAML. */
  | { kind: 'broken'; glossId: string | null; problem: string }
  | { kind: 'other' }

/** Reads the gloss_id from a file's front matter (parsed once), telling a broken front matter from none. */
export function identifyFile(text: string): FileIdentity {
  const parts = splitFrontMatter(text.replace(/\r\n/g, '\n'))
  if (!parts) return { kind: 'other' }
  let values: unknown
  try {
    values = yaml.load(parts.yaml)
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark
    const reason = (error as { reason?: string }).reason ?? 'it does not parse'
    // js-yaml counts lines from 0 within the YAML; the file's line 1 is the opening ---.
    const problem = typeof mark?.line === 'number' ? `line ${mark.line + 2}: ${reason}` : reason
    // The gloss_id line is still there to read, even if the YAML around it is not.
    const line = /^(?:gloss_id|"gloss_id"|'gloss_id')[ \t]*:[ \t]*["']?([^"'\s#]+)/m.exec(parts.yaml)
    return { kind: 'broken', glossId: line ? line[1] : null, problem }
  }
  if (values === undefined || values === null) return { kind: 'other' }
  if (typeof values !== 'object' || Array.isArray(values)) return { kind: 'broken', glossId: null, problem: 'it is not a list of "key: value" lines' }
  const id = (values as Record<string, unknown>)[GLOSS_ID_KEY]
  if (typeof id === 'string' && id !== '') return { kind: 'ours', glossId: id }
  if (typeof id === 'number') return { kind: 'ours', glossId: String(id) }
  return { kind: 'other' }
}

function region(body: string): string {
  return body ? `${REGION_BEGIN}\n\n${body}\n\n${REGION_END}` : `${REGION_BEGIN}\n\n${REGION_END}`
}

function withGlossId(glossId: string, yaml: string): string {
  return [`${GLOSS_ID_KEY}: ${yamlString(glossId)}`, ...(yaml ? [yaml] : [])].join('\n')
}

function isGlossIdLine(line: string): boolean {
  return /^(?:gloss_id|"gloss_id"|'gloss_id')[ \t]*:/.test(line)
}

/** A note or quote line that looks like a marker would cut the region short: escape it. */
function neutralizeMarkers(body: string): string {
  return body
    .split('\n')
    .map((line) => (BEGIN_LINE.test(line) || END_LINE.test(line) ? `\\${line}` : line))
    .join('\n')
}

function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '')
}
