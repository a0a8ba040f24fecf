// Finds the files worth reading under a corpus root, deterministically (entries in
// code-point order, depth first) so that ids and problem lists do not change between
// scans. Hidden entries and node_modules are skipped; symlinks are followed only while
// they stay inside the root, and a link back to one of its own ancestors is reported
// as a loop instead of being walked forever.
import type { Dirent } from 'node:fs'
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Problem } from '../../shared/model'
import { errorCode, isInside } from './paths'
import { compareStrings } from '../../shared/text/order'

/** How a found file is recognised: by its extension, or by content (front matter). */
export type FileKind = 'markdown' | 'text' | 'html' | 'sniff'

export interface FoundFile {
  /** Relative to the root, '/'-separated: the path the user sees and ids hash. */
  path: string
  absolutePath: string
  kind: FileKind
}

export interface WalkResult {
  files: FoundFile[]
  problems: Problem[]
}

const SKIPPED_FOLDERS = new Set(['node_modules'])

/**
 * Entries the walk never enters or reads: anything hidden (`.git`, `.obsidian`, dot
 * files) and node_modules folders. The folder watcher uses the same rule.
 */
export function isSkippedEntry(name: string, isFolder: boolean): boolean {
  return name.startsWith('.') || (isFolder && SKIPPED_FOLDERS.has(name))
}

// Files that are certainly not articles: never opened, not even to look for front
// matter. (YAML files start with `---` too, and are not articles.)
const NOT_ARTICLES = new Set(
  (
    'png jpg jpeg gif webp svg bmp ico tif tiff heic heif avif psd raw ' +
    'pdf epub mobi azw azw3 djvu doc docx odt ods odp rtf xls xlsx ppt pptx pages numbers key ' +
    'zip gz tgz bz2 xz 7z rar tar zst dmg iso exe dll so dylib bin class jar wasm o a ' +
    'mp3 mp4 m4a m4v aac wav ogg oga flac opus mov avi mkv webm wmv ' +
    'woff woff2 ttf otf eot ' +
    'json jsonl yml yaml toml ini cfg conf xml csv tsv sql db sqlite sqlite3 canvas excalidraw ' +
    'js mjs cjs ts tsx jsx css scss less py rb go rs java c h cpp sh bat ps1 ' +
    'log lock pem crt der p12 key'
  ).split(' ')
)

export function kindOf(name: string): FileKind | null {
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  if (extension === 'md' || extension === 'markdown') return 'markdown'
  if (extension === 'txt') return 'text'
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return 'html'
  return NOT_ARTICLES.has(extension) ? null : 'sniff'
}

interface Candidate extends FoundFile {
  realPath: string
  viaLink: boolean
}

export async function walkCorpus(rootReal: string): Promise<WalkResult> {
  const candidates: Candidate[] = []
  const problems: Problem[] = []
  const walkedFolders = new Set<string>()
  // Linked folders are walked after every folder reachable directly, so their
  // articles keep their direct paths when both routes exist.
  const linkedFolders: Array<{ relative: string; target: string; ancestors: string[] }> = []

  async function walkFolder(relative: string, real: string, ancestors: string[]): Promise<void> {
    walkedFolders.add(real)
    let entries: Dirent[]
    try {
      entries = await readdir(real, { withFileTypes: true })
    } catch (error) {
      problems.push({ path: relative || '.', reason: folderError(error) })
      return
    }
    entries.sort((a, b) => compareStrings(a.name, b.name))
    const chain = [...ancestors, real]
    const pages = savedPageNames(entries)
    for (const entry of entries) {
      if (isSkippedEntry(entry.name, false)) continue
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name
      const childPath = path.join(real, entry.name)
      const type = await entryType(entry, childPath)
      if (type === 'directory') {
        // "Save Page As, complete" keeps a page's images, scripts and frames in
        // `<name>_files/` beside it: parts of that page, never articles of their own.
        if (isSkippedEntry(entry.name, true) || pages.has(entry.name)) continue
        await walkFolder(childRelative, childPath, chain)
      } else if (type === 'file') {
        const kind = kindOf(entry.name)
        if (kind) candidates.push({ path: childRelative, absolutePath: childPath, kind, realPath: childPath, viaLink: false })
      } else if (type === 'link') {
        await followLink(childRelative, childPath, entry.name, chain)
      }
    }
  }

  async function followLink(relative: string, linkPath: string, name: string, ancestors: string[]): Promise<void> {
    const kind = kindOf(name)
    let target: string
    let isFolder: boolean
    try {
      target = await realpath(linkPath)
      const info = await stat(target)
      isFolder = info.isDirectory()
      if (!isFolder && !info.isFile()) return
    } catch (error) {
      const code = errorCode(error)
      if (code === 'ELOOP') problems.push({ path: relative, reason: 'Symbolic link loop: the link never reaches a real file or folder' })
      // A dangling link to an image is not worth a word; one to an article is.
      else if (kind === 'markdown' || kind === 'text' || kind === 'html') problems.push({ path: relative, reason: linkError(error) })
      return
    }
    if (!isInside(rootReal, target)) {
      if (isFolder || kind === 'markdown' || kind === 'text' || kind === 'html') {
        problems.push({ path: relative, reason: 'Symbolic link points outside the folder, so it was not followed' })
      }
      return
    }
    if (!isFolder) {
      // Read the checked target, not the link, which could be changed in between.
      if (kind) candidates.push({ path: relative, absolutePath: target, kind, realPath: target, viaLink: true })
      return
    }
    if (isSkippedEntry(name, true)) return
    if (ancestors.includes(target)) {
      const back = path.relative(rootReal, target).split(path.sep).join('/') || '.'
      problems.push({ path: relative, reason: `Symbolic link loop: the link points back to ${back}` })
      return
    }
    linkedFolders.push({ relative, target, ancestors })
  }

  await walkFolder('', rootReal, [])
  for (let i = 0; i < linkedFolders.length; i++) {
    const { relative, target, ancestors } = linkedFolders[i]
    // A second route to a folder already read would list its articles twice.
    if (!walkedFolders.has(target)) await walkFolder(relative, target, ancestors)
  }
  return { files: withoutDuplicates(candidates), problems }
}

/** The `<name>_files` folder name of every saved page among a folder's entries. */
function savedPageNames(entries: Dirent[]): Set<string> {
  const folders = new Set<string>()
  for (const entry of entries) {
    if (kindOf(entry.name) === 'html') folders.add(`${entry.name.slice(0, entry.name.lastIndexOf('.'))}_files`)
  }
  return folders
}

// The same file reached through a link and directly is one article: keep the direct
// path, else the first link in path order.
function withoutDuplicates(candidates: Candidate[]): FoundFile[] {
  const byReal = new Map<string, Candidate>()
  for (const candidate of candidates) {
    const kept = byReal.get(candidate.realPath)
    if (!kept || (kept.viaLink && !candidate.viaLink)) byReal.set(candidate.realPath, candidate)
  }
  return [...byReal.values()]
    .sort((a, b) => compareStrings(a.path, b.path))
    .map(({ path: relative, absolutePath, kind }) => ({ path: relative, absolutePath, kind }))
}

// Some file systems (network shares, FUSE) report every entry as type unknown.
async function entryType(entry: Dirent, fullPath: string): Promise<'directory' | 'file' | 'link' | 'other'> {
  let info: Pick<Dirent, 'isDirectory' | 'isFile' | 'isSymbolicLink'> = entry
  if (!entry.isDirectory() && !entry.isFile() && !entry.isSymbolicLink() && !entry.isFIFO() && !entry.isSocket() && !entry.isBlockDevice() && !entry.isCharacterDevice()) {
    info = await lstat(fullPath).catch(() => entry)
  }
  if (info.isDirectory()) return 'directory'
  if (info.isFile()) return 'file'
  return info.isSymbolicLink() ? 'link' : 'other'
}

function folderError(error: unknown): string {
  const code = errorCode(error)
  if (code === 'EACCES' || code === 'EPERM') return 'Permission denied: this folder cannot be opened'
  return `Folder could not be read (${code ?? 'unknown error'})`
}

function linkError(error: unknown): string {
  const code = errorCode(error)
  if (code === 'ENOENT') return 'Broken symbolic link: its target does not exist'
  if (code === 'EACCES' || code === 'EPERM') return 'Permission denied: the link target cannot be opened'
  return `Symbolic link could not be followed (${code ?? 'unknown error'})`
}
