// Following a gloss:// link (Obsidian and other tools link back to a highlight this
// way): which folder, which article, which highlight, and why not when it cannot be.
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseGlossLink } from '../../shared/export/gloss-link'
import type { LibrarySummary, OpenLinkResult } from '../../shared/model'
import { badInput, GlossError } from '../../shared/result'
import type { LibrarySession } from '../library/library-session'
import { corpusStoreFile, type Settings } from '../store/corpus-store'
import { resolveFolder } from './resolve-folder'
import { refuseRemotePath } from '../corpus/paths'

/** What following a link needs of the core. */
export interface LinkHost {
  session(): LibrarySession | null
  open(root: string): Promise<LibrarySession>
  /** Resolves once the open folder's background scan (if any) has finished. */
  scanned(): Promise<void>
  summary(session: LibrarySession): LibrarySummary
  knowsFolder(root: string): Promise<boolean>
}

/**
 * Follows a gloss:// link: opens its folder if another one is open (only a folder Gloss
 * has opened before: a link from anywhere must not make Gloss read any folder it
 * names), then finds the article — through the highlight when there is one, since a
 * highlight follows its article when the file is moved.
 */
export async function followLink(url: string, host: LinkHost): Promise<OpenLinkResult> {
  const link = parseGlossLink(url)
  if (!link) throw badInput('This is not a Gloss link (gloss://open?corpus=…&article=…)')
  // Before anything touches the path: a network or device path is refused outright (on
  // Windows a stat of \\host\share contacts that host), and a folder Gloss has not opened
  // before is refused by name, so a link cannot make Gloss look at any path it likes.
  refuseRemotePath(link.corpus)
  if (!path.isAbsolute(link.corpus)) throw badInput(`The folder in this link is not a full path: ${link.corpus}`)
  const named = path.resolve(link.corpus)
  const current = host.session()
  if (current?.root !== named && !(await host.knowsFolder(named))) {
    throw badInput(`Gloss has no notes for ${named}. Open that folder in Gloss first, then follow the link again.`)
  }
  let root: string
  try {
    root = await resolveFolder(link.corpus)
  } catch (error) {
    if (error instanceof GlossError && error.code === 'NOT_FOUND') {
      throw new GlossError('NOT_FOUND', `The folder this link points to is not on this computer: ${link.corpus}`)
    }
    throw error
  }
  let session = host.session()
  if (!session || session.root !== root) {
    if (!(await host.knowsFolder(root))) {
      throw badInput(`Gloss has no notes for ${root}. Open that folder in Gloss first, then follow the link again.`)
    }
    session = await host.open(root)
  }
  // A large folder opens with its first rows: the linked article may not be read yet.
  if (session.scanning) await host.scanned()
  let articleId = link.article
  let highlightId = link.highlight
  let notice: string | null = null
  if (highlightId) {
    const stored = session.store.data.highlights.find((h) => h.id === highlightId)
    if (stored) articleId = stored.articleId
    else {
      notice = 'The highlight this link points to has been deleted; here is its article.'
      highlightId = null
    }
  }
  if (!session.scan.articles.some((a) => a.id === articleId)) {
    const kept = session.missingArticles().some((m) => m.articleId === articleId)
    throw new GlossError(
      'NOT_FOUND',
      kept
        ? 'The article this link points to is no longer in the folder; its notes are under Missing articles.'
        : 'The article this link points to is not in the folder.'
    )
  }
  return { library: host.summary(session), articleId, highlightId, notice }
}

/** A folder opened before: in the recent list, the last one, the sample, or one with Gloss data. */
export async function openedBefore(root: string, where: { settings: Settings; dataDir: string; sampleRoot: string }): Promise<boolean> {
  const { recentFolders, lastFolder } = where.settings
  if (recentFolders.includes(root) || lastFolder === root) return true
  if (root === (await realpath(where.sampleRoot).catch(() => where.sampleRoot))) return true
  return stat(corpusStoreFile(where.dataDir, root)).then(
    (info) => info.isFile(),
    () => false
  )
}
