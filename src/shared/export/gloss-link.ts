// Links back from an export to the place a note came from:
//
//   gloss://open?corpus=<folder>&article=<article id>&highlight=<highlight id>
//
// The folder is the corpus root as Gloss opened it (an absolute path), so the link
// works on the machine that wrote it; the article and highlight ids let Gloss open the
// article scrolled to the highlight. Links end up in Markdown link destinations, CSV
// cells and shell arguments, so every value is percent-encoded, including the few
// characters encodeURIComponent leaves alone that Markdown cares about: ( ) ! ' *.
//
// parseGlossLink is strict on purpose: this URL arrives from outside (the OS hands it
// to Gloss when the user clicks it anywhere), so anything that is not exactly this
// shape is refused rather than guessed at.

export interface GlossLinkTarget {
  /** Absolute path of the corpus folder. */
  corpus: string
  article: string
  highlight?: string | null
}

export interface ParsedGlossLink {
  corpus: string
  article: string
  highlight: string | null
}

export const GLOSS_LINK_SCHEME = 'gloss:'
/** Longest link parseGlossLink accepts: a long Windows path, encoded, fits easily. */
export const MAX_GLOSS_LINK_LENGTH = 8192
const MAX_ID_LENGTH = 200
const PARAMS = ['corpus', 'article', 'highlight'] as const
type Param = (typeof PARAMS)[number]

export function glossLink(target: GlossLinkTarget): string {
  let url = `gloss://open?corpus=${encode(target.corpus)}&article=${encode(target.article)}`
  if (target.highlight) url += `&highlight=${encode(target.highlight)}`
  return url
}

/** The link's parts, or null when `url` is not a well-formed Gloss link. */
export function parseGlossLink(url: unknown): ParsedGlossLink | null {
  if (typeof url !== 'string' || url.length > MAX_GLOSS_LINK_LENGTH) return null
  // Scheme and host are case-insensitive in URLs; an OS may add a slash before the query.
  const match = /^gloss:\/\/open\/?\?([^#]*)$/i.exec(url)
  if (!match) return null
  const values = new Map<Param, string>()
  for (const pair of match[1].split('&')) {
    const equals = pair.indexOf('=')
    if (equals <= 0) return null
    const name = pair.slice(0, equals)
    if (!(PARAMS as readonly string[]).includes(name) || values.has(name as Param)) return null
    const value = decode(pair.slice(equals + 1))
    if (value === null || value === '' || /[\u0000-\u001f\u007f]/.test(value)) return null
    values.set(name as Param, value)
  }
  const corpus = values.get('corpus')
  const article = values.get('article')
  const highlight = values.get('highlight') ?? null
  if (corpus === undefined || article === undefined || !looksAbsolute(corpus)) return null
  if (article.length > MAX_ID_LENGTH || (highlight !== null && highlight.length > MAX_ID_LENGTH)) return null
  return { corpus, article, highlight }
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}

/** POSIX `/…`, Windows `C:\…` or `C:/…`, or a UNC path `\\server\share`. */
function looksAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\')
}
