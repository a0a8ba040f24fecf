// Checks a folder export makes before it writes anything, so that a dry run finds what
// the real run would meet: a name the file system cannot take, a region the user edited
// (against the hash of what Gloss wrote), and a file that was Gloss's but can no longer
// be found by its gloss_id (a broken front matter, a removed gloss_id).
import { createHash } from 'node:crypto'
import { regionOf } from '../../shared/export/managed-file'
import { MAX_FILE_NAME_BYTES, utf8Length } from '../../shared/export/markdown'
import type { ManifestEntry } from './export-manifest'

/** Linux's PATH_MAX (with its NUL); macOS allows 1,024, where the write itself reports it. */
export const MAX_PATH_BYTES = 4095
/** The longest temporary name confined-files.ts writes beside a file: `.` + 60 UTF-16 units (≤ 180 bytes) + `.gloss-` + 12 + `.tmp`. */
export const TEMP_NAME_BYTES = 1 + 180 + 7 + 12 + 4

/** A Markdown file Gloss cannot read as its own any more, though it may once have been. */
export interface UnownedFile {
  relative: string
  /** The gloss_id still readable in a broken front matter, if any. */
  glossId: string | null
  /** Why it is not Gloss's file as it stands. */
  problem: string | null
}

/** Why the file system would refuse this name in this folder, or null. */
export function nameProblem(root: string, name: string): string | null {
  if (utf8Length(name) > MAX_FILE_NAME_BYTES) return `its name is ${utf8Length(name)} bytes long; file systems allow ${MAX_FILE_NAME_BYTES}`
  const longest = Math.max(utf8Length(name), TEMP_NAME_BYTES)
  const pathBytes = utf8Length(root) + 1 + longest
  if (pathBytes > MAX_PATH_BYTES) return `its path would be ${pathBytes} bytes long, more than the ${MAX_PATH_BYTES} this system allows; export to a folder higher up`
  return null
}

/** The hash of a file's managed region, or undefined when it has none to tell. */
export function regionHash(text: string): string | undefined {
  const region = regionOf(text)
  return region === null ? undefined : createHash('sha256').update(region).digest('hex')
}

/**
 * The article's file, when it is still in the folder but no longer Gloss's to find: its
 * front matter broken, or its gloss_id removed from the file Gloss last wrote.
 */
export function lostFile(
  articleId: string,
  movedFrom: string | undefined,
  previous: ManifestEntry | null,
  unowned: Map<string, UnownedFile>,
  brokenById: Map<string, UnownedFile>
): { relative: string; reason: string } | null {
  const broken = brokenById.get(articleId) ?? (movedFrom !== undefined ? brokenById.get(movedFrom) : undefined)
  const atPrevious = previous ? unowned.get(previous.file) : undefined
  const found = broken ?? atPrevious
  if (!found) return null
  if (found.problem) {
    return { relative: found.relative, reason: `its front matter is not valid YAML (${found.problem}), so Gloss cannot update it; the file was left as it is — fix the front matter and export again` }
  }
  return {
    relative: found.relative,
    reason: `its gloss_id (or the front matter holding it) was removed, so Gloss no longer treats it as its file; it was left as it is — put back gloss_id: "${articleId}" to have it updated, or delete the file to export it anew`
  }
}
