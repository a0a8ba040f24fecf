// Exports one Markdown file per annotated article into a folder the user chose (an
// Obsidian vault, say), and re-exports into it safely:
//
// - Files are found again by the `gloss_id` in their front matter, wherever they are
//   in the folder and whatever they are called now (dot-folders such as .obsidian and
//   .trash are not searched, nor symlinked folders, nor the corpus if it sits inside).
// - Only the region between the gloss:begin/gloss:end markers is rewritten, plus the
//   front matter keys Gloss owns (merged, see front-matter-merge.ts); what the user
//   wrote anywhere else stays byte for byte. Files are never renamed.
// - A file that was exported before and is gone now was deleted by the user: it is not
//   written again unless `recreateDeleted` is set. The record of what was exported
//   lives in Gloss's data folder (export-manifest.ts), never in the vault.
// - Nothing outside the folder is touched: new names come from exportFileName (no
//   separators, no `..`, no reserved names), every path is checked after resolving
//   symlinks, symlinks that lead out are ignored, and writes go through a temporary
//   file in the same folder (confined-files.ts).
// - What Gloss wrote between the markers is remembered (a hash in the manifest). A file
//   whose region the user edited is left as it is and reported as a conflict: an edit
//   is never overwritten. A file whose front matter no longer parses is reported as
//   that, not as deleted.
// - A dry run reports the same thing a real run would do, without writing anything,
//   names that cannot be written included (they are checked before any write).
// Just over 400 lines: the plan for each article (create, update, unchanged, deleted,
// left alone) reads best in one place; the checks behind it are in vault-checks.ts.
import { mkdir, open, readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { isAnnotated, type ExportArticle, type ExportCorpus } from '../../shared/export/export-model'
import { identifyFile, newManagedFile, ownedValues, splitRendered, updateManagedFile, type RenderedParts } from '../../shared/export/managed-file'
import { defaultTemplate, renderArticle, renderFileName, type CompiledTemplate } from '../../shared/export/template'
import type { RenderContext } from '../../shared/export/template-helpers'
import { badInput } from '../../shared/result'
import { assertWritableOutside, isInside, refuseRemotePath } from '../corpus/paths'
import { ChangedMeanwhileError, createFileAtomically, OutsideFolderError, replaceFileAtomically } from './confined-files'
import { readManifest, writeManifest, type ManifestEntry } from './export-manifest'
import { lostFile, nameProblem, regionHash, type UnownedFile } from './vault-checks'

export interface FolderExportOptions {
  corpus: ExportCorpus
  /** The folder to export into; created if missing (not in a dry run). */
  folder: string
  /** Gloss's data folder, where the export manifest is kept. */
  dataDir: string
  /** Article template; default the built-in format. */
  template?: CompiledTemplate
  /** File name template for new files; default the title. */
  fileNameTemplate?: CompiledTemplate
  /** Write files again that the user deleted after an earlier export. */
  recreateDeleted?: boolean
  /** Report what would happen; write nothing. */
  dryRun?: boolean
}

export interface FolderExportEntry {
  articleId: string
  title: string
  /** Path relative to the export folder, '/'-separated. */
  file: string
}

export interface FolderExportReport {
  /** The export folder, resolved. */
  folder: string
  dryRun: boolean
  create: FolderExportEntry[]
  update: FolderExportEntry[]
  unchanged: FolderExportEntry[]
  skippedDeleted: FolderExportEntry[]
  /** Files left alone because Gloss could not update them safely, with the reason. */
  problems: Array<FolderExportEntry & { reason: string }>
  /** Something to tell the user about the export as a whole, or null. */
  notice: string | null
}

/** Files larger than this are not searched for a gloss_id (notes are small). */
const MAX_SCANNED_FILE_BYTES = 16 * 1024 * 1024
/** Front matter is at the top: this much of each file is read to find a gloss_id. */
const HEAD_BYTES = 256 * 1024
const MAX_DEPTH = 32
const SCAN_CONCURRENCY = 16

interface FoundFile {
  relative: string
  real: string
}

type Plan = (
  | { kind: 'create'; article: ExportArticle; name: string; content: string; entry: ManifestEntry }
  | { kind: 'update'; article: ExportArticle; found: FoundFile; existing: string; content: string; entry: ManifestEntry }
  | { kind: 'unchanged'; article: ExportArticle; found: FoundFile; entry: ManifestEntry }
  | { kind: 'skippedDeleted'; article: ExportArticle; file: string; entry: ManifestEntry }
  | { kind: 'problem'; article: ExportArticle; file: string; reason: string }
) & {
  /** The article's id at the last export, when its file in the corpus has moved since. */
  movedFrom?: string
}

export async function exportToFolder(options: FolderExportOptions): Promise<FolderExportReport> {
  const { corpus, dataDir, dryRun = false } = options
  const template = options.template ?? defaultTemplate('article')
  const fileNameTemplate = options.fileNameTemplate ?? defaultTemplate('fileName')
  const style = corpus.style ?? {}
  const corpusRoot = await realpath(corpus.root).catch(() => path.resolve(corpus.root))
  const root = await resolveExportFolder(options.folder, dryRun, corpusRoot)

  const { byId, names, unowned } = await scanFolder(root, isInside(root, corpusRoot) ? corpusRoot : null)
  const brokenById = new Map<string, UnownedFile>()
  for (const file of unowned.values()) if (file.problem && file.glossId && !brokenById.has(file.glossId)) brokenById.set(file.glossId, file)
  const { manifest, notice } = await readManifest(dataDir, root, corpusRoot)
  const chosenNames = new Set<string>()
  const plans: Plan[] = []
  const duplicateProblems: Plan[] = []
  const moves = movedArticles(corpus.articles, manifest.entries, byId)
  for (const article of corpus.articles) {
    const movedFrom = moves.get(article.id)
    const previous = manifest.entries[article.id] ?? (movedFrom ? manifest.entries[movedFrom] : null) ?? null
    const candidates = byId.get(article.id) ?? (movedFrom ? byId.get(movedFrom) : undefined) ?? []
    const plan = await (async (): Promise<Plan | null> => {
      if (candidates.length > 0) {
        const found = candidates.find((f) => f.relative === previous?.file) ?? candidates[0]
        for (const other of candidates.filter((f) => f !== found)) {
          duplicateProblems.push({ kind: 'problem', article, file: other.relative, reason: `another file (${found.relative}) has the same gloss_id; only that one is updated` })
        }
        return planUpdate(article, found, previous, corpus.exportedAt, template, style)
      }
      const lost = lostFile(article.id, movedFrom, previous, unowned, brokenById)
      if (lost) return { kind: 'problem', article, file: lost.relative, reason: lost.reason }
      if (!isAnnotated(article)) return null // nothing to write for an article without notes, and no file to update
      if (previous && !options.recreateDeleted) return { kind: 'skippedDeleted', article, file: previous.file, entry: { ...previous, fingerprint: article.fingerprint } }
      return planCreate(article, corpus.exportedAt, template, fileNameTemplate, names, chosenNames, root, style)
    })()
    if (plan) plans.push(movedFrom ? { ...plan, movedFrom } : plan)
  }
  plans.push(...duplicateProblems)

  if (!dryRun) await applyPlans(root, plans)
  const report: FolderExportReport = { folder: root, dryRun, create: [], update: [], unchanged: [], skippedDeleted: [], problems: [], notice }
  for (const plan of plans) {
    const base = { articleId: plan.article.id, title: plan.article.title }
    if (plan.kind === 'create') report.create.push({ ...base, file: plan.name })
    else if (plan.kind === 'update') report.update.push({ ...base, file: plan.found.relative })
    else if (plan.kind === 'unchanged') report.unchanged.push({ ...base, file: plan.found.relative })
    else if (plan.kind === 'skippedDeleted') report.skippedDeleted.push({ ...base, file: plan.file })
    else report.problems.push({ ...base, file: plan.file, reason: plan.reason })
  }
  if (!dryRun) {
    for (const plan of plans) {
      if (plan.kind === 'problem') continue
      if (plan.movedFrom) delete manifest.entries[plan.movedFrom]
      manifest.entries[plan.article.id] = plan.entry
    }
    await writeManifest(dataDir, manifest)
  }
  return report
}

/** The export folder, resolved; checked before anything is created. */
async function resolveExportFolder(folder: string, dryRun: boolean, corpusRoot: string): Promise<string> {
  refuseRemotePath(folder)
  const absolute = path.resolve(folder)
  const resolved = await assertWritableOutside(corpusRoot, absolute, 'an export folder')
  if (resolved === path.parse(resolved).root) throw badInput('Choose a folder to export into, not the root of a disk.')
  try {
    const info = await stat(absolute)
    if (!info.isDirectory()) throw badInput(`${absolute} is not a folder`)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    if (dryRun) return resolved // nothing there yet: everything would be created
    await mkdir(absolute, { recursive: true })
  }
  return realpath(absolute)
}

function render(article: ExportArticle, exportedAt: string, template: CompiledTemplate, context: RenderContext): RenderedParts | { problem: string } {
  const parts = splitRendered(renderArticle(template, article, exportedAt, context))
  if ('problem' in parts) return { problem: `${parts.problem}; for values in front matter use {{yaml.…}}, e.g. title: {{yaml.title}}` }
  return parts
}

function planCreate(
  article: ExportArticle,
  exportedAt: string,
  template: CompiledTemplate,
  fileNameTemplate: CompiledTemplate,
  existingNames: Set<string>,
  chosenNames: Set<string>,
  root: string,
  style: RenderContext
): Plan {
  const name = uniqueName(renderFileName(fileNameTemplate, article, exportedAt), existingNames, chosenNames)
  const rendered = render(article, exportedAt, template, { ...style, lastExport: null })
  if ('problem' in rendered) return { kind: 'problem', article, file: name, reason: rendered.problem }
  // Checked before writing, so that a dry run says what the real run will meet.
  const unwritable = nameProblem(root, name)
  if (unwritable) return { kind: 'problem', article, file: name, reason: unwritable }
  chosenNames.add(name.normalize('NFC').toLowerCase())
  const content = newManagedFile(article.id, rendered)
  return {
    kind: 'create',
    article,
    name,
    content,
    entry: { file: name, exportedAt, fingerprint: article.fingerprint, frontMatter: ownedValues(article.id, rendered), region: regionHash(content), since: null }
  }
}

async function planUpdate(
  article: ExportArticle,
  found: FoundFile,
  previous: ManifestEntry | null,
  exportedAt: string,
  template: CompiledTemplate,
  style: RenderContext
): Promise<Plan> {
  let existing: string
  try {
    existing = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(found.real))
  } catch (error) {
    const reason = error instanceof TypeError ? 'it is not UTF-8 text' : `it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`
    return { kind: 'problem', article, file: found.relative, reason }
  }
  // Rendered with the export time (and "new since" time) written last time, an
  // unchanged article gives back the file as it is: then nothing is written and the old
  // times stay.
  const renders = previous
    ? [
        { at: previous.exportedAt, since: previous.since ?? null },
        { at: exportedAt, since: previous.exportedAt }
      ]
    : [{ at: exportedAt, since: null }]
  const edited = previous?.region !== undefined && regionHash(existing) !== undefined && regionHash(existing) !== previous.region
  for (const { at, since } of renders) {
    const rendered = render(article, at, template, { ...style, lastExport: since })
    if ('problem' in rendered) return { kind: 'problem', article, file: found.relative, reason: rendered.problem }
    const updated = updateManagedFile(existing, article.id, rendered, previous?.frontMatter ?? null)
    if ('problem' in updated) return { kind: 'problem', article, file: found.relative, reason: updated.problem }
    const entry = {
      file: found.relative,
      exportedAt: at,
      fingerprint: article.fingerprint,
      frontMatter: ownedValues(article.id, rendered),
      region: regionHash(updated.text),
      since
    }
    if (updated.text === existing) return { kind: 'unchanged', article, found, entry }
    if (edited) {
      // The user wrote inside the region since Gloss last wrote it: their edit wins.
      return {
        kind: 'problem',
        article,
        file: found.relative,
        reason:
          'you edited inside the Gloss region (between the gloss:begin and gloss:end markers) since the last export, so Gloss left the file as it is; move your lines above or below the markers, or delete the file, and export again'
      }
    }
    if (at === exportedAt) return { kind: 'update', article, found, existing, content: updated.text, entry }
  }
  throw new Error('unreachable: the last render is always at the export time')
}

async function applyPlans(root: string, plans: Plan[]): Promise<void> {
  for (const [index, plan] of plans.entries()) {
    try {
      if (plan.kind === 'create') await createFileAtomically(root, root, plan.name, plan.content)
      else if (plan.kind === 'update') await replaceFileAtomically(root, plan.found.real, plan.existing, plan.content)
    } catch (error) {
      if (plan.kind !== 'create' && plan.kind !== 'update') throw error
      const file = plan.kind === 'create' ? plan.name : plan.found.relative
      const reason =
        error instanceof ChangedMeanwhileError || error instanceof OutsideFolderError
          ? error.message
          : (error as NodeJS.ErrnoException).code === 'EEXIST'
            ? 'a file with this name appeared meanwhile; export again'
            : `it could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`
      plans[index] = { kind: 'problem', article: plan.article, file, reason, movedFrom: plan.movedFrom }
    }
  }
}

/**
 * Articles whose file moved or was renamed in the corpus since the last export: they
 * have a new id (ids follow the path) but the same content fingerprint as an exported
 * article that is gone. Their file in the export folder is the old one. New id → old id.
 */
function movedArticles(articles: readonly ExportArticle[], entries: Record<string, ManifestEntry>, byId: Map<string, FoundFile[]>): Map<string, string> {
  const present = new Set(articles.map((a) => a.id))
  const gone = new Map<string, string[]>()
  for (const [id, entry] of Object.entries(entries)) {
    if (present.has(id) || !entry.fingerprint) continue
    gone.set(entry.fingerprint, [...(gone.get(entry.fingerprint) ?? []), id])
  }
  const claimants = new Map<string, ExportArticle[]>()
  for (const article of articles) {
    if (!article.fingerprint || entries[article.id] || byId.has(article.id)) continue
    claimants.set(article.fingerprint, [...(claimants.get(article.fingerprint) ?? []), article])
  }
  const moves = new Map<string, string>()
  for (const [fingerprint, candidates] of claimants) {
    const old = gone.get(fingerprint) ?? []
    // Only a one-to-one match is a move; anything else is left as new articles.
    if (candidates.length === 1 && old.length === 1) moves.set(candidates[0].id, old[0])
  }
  return moves
}

/** `Title.md`, else `Title 2.md`, `Title 3.md`… — compared without case, as macOS and Windows do. */
function uniqueName(name: string, existing: Set<string>, chosen: Set<string>): string {
  const key = (candidate: string) => candidate.normalize('NFC').toLowerCase()
  const taken = (candidate: string) => existing.has(key(candidate)) || chosen.has(key(candidate))
  if (!taken(name)) return name
  const extension = path.extname(name)
  const stem = name.slice(0, name.length - extension.length)
  for (let n = 2; ; n++) {
    const candidate = `${stem} ${n}${extension}`
    if (!taken(candidate)) return candidate
  }
}

/**
 * Every .md file under `root` that declares a gloss_id, and the names already used at
 * the top level (where new files go).
 */
async function scanFolder(
  root: string,
  skip: string | null
): Promise<{ byId: Map<string, FoundFile[]>; names: Set<string>; unowned: Map<string, UnownedFile> }> {
  const byId = new Map<string, FoundFile[]>()
  const names = new Set<string>()
  const unowned = new Map<string, UnownedFile>()
  const markdown: FoundFile[] = []
  let rootExists = true
  const walk = async (dir: string, relative: string, depth: number): Promise<void> => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if (depth === 0 && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        rootExists = false
        return
      }
      if (depth === 0) throw error
      return // an unreadable subfolder cannot hold files we could update anyway
    }
    for (const entry of entries) {
      // Compared as NFC: macOS may hand back names in decomposed form.
      if (depth === 0) names.add(entry.name.normalize('NFC').toLowerCase())
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const absolute = path.join(dir, entry.name)
      const rel = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && absolute !== skip) await walk(absolute, rel, depth + 1)
      } else if ((entry.isFile() || entry.isSymbolicLink()) && /\.md$/i.test(entry.name)) {
        markdown.push({ relative: rel, real: absolute })
      }
    }
  }
  await walk(root, '', 0)
  if (!rootExists) return { byId, names, unowned }
  await mapPool(markdown, SCAN_CONCURRENCY, async (file) => {
    const real = await realpath(file.real).catch(() => null)
    // A symlink that leads out of the folder (or into the corpus) is not ours to touch.
    if (!real || !isInside(root, real) || (skip && isInside(skip, real))) return
    const identity = await readIdentity(real)
    if (identity === null) return
    if (identity.kind !== 'ours') {
      unowned.set(file.relative, { relative: file.relative, glossId: identity.kind === 'broken' ? identity.glossId : null, problem: identity.kind === 'broken' ? identity.problem : null })
      return
    }
    const id = identity.glossId
    const list = byId.get(id) ?? []
    list.push({ relative: file.relative, real })
    byId.set(id, list)
  })
  for (const [id, list] of byId) {
    // A symlink inside the folder and the file it points to are one file: keep the file's own name.
    const byReal = new Map<string, FoundFile>()
    for (const found of list) {
      const own = path.join(root, ...found.relative.split('/')) === found.real
      if (!byReal.has(found.real) || own) byReal.set(found.real, found)
    }
    byId.set(id, [...byReal.values()].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0)))
  }
  return { byId, names, unowned }
}

/** What the file's front matter says about whose it is; null when it cannot be read at all. */
async function readIdentity(file: string): Promise<ReturnType<typeof identifyFile> | null> {
  let handle
  try {
    const info = await stat(file)
    if (!info.isFile() || info.size > MAX_SCANNED_FILE_BYTES) return null
    handle = await open(file, 'r')
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, info.size))
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    return identifyFile(buffer.subarray(0, bytesRead).toString('utf8'))
  } catch {
    return null
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

async function mapPool<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await run(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
