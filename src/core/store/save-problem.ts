// What the user is told when Gloss's data cannot be written: one sentence per cause
// (the disk is full, the folder is read-only, no permission), where the changes are
// kept meanwhile, and since when. The core pushes it to the page as a banner.
import path from 'node:path'

export interface SaveProblem {
  /** The errno code behind it (ENOSPC, EROFS, EACCES…), or 'UNKNOWN'. */
  code: string
  /** A sentence for the banner: "Your last changes are not saved: the disk is full." */
  message: string
  /** The file that could not be written. */
  file: string
  /** When the first unsaved write failed (ISO time). */
  since: string
  /** Where the unsaved changes were kept meanwhile, or null when nowhere but memory. */
  journal: string | null
}

const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the data folder is read-only',
  EACCES: 'Gloss may not write to the data folder',
  EPERM: 'Gloss may not write to the data folder',
  EIO: 'the disk reported an error'
}

/** The cause in words: "the disk is full". */
export function writeErrorCause(error: unknown, file: string): { code: string; cause: string } {
  const code = String((error as NodeJS.ErrnoException | undefined)?.code ?? 'UNKNOWN')
  return { code, cause: CAUSES[code] ?? `writing ${path.basename(file)} failed (${code})` }
}

export function describeWriteError(error: unknown, file: string, where: { since: string; journal: string | null }): SaveProblem {
  const { code, cause } = writeErrorCause(error, file)
  const kept = where.journal
    ? `They are kept in memory and in ${where.journal}, and Gloss keeps trying.`
    : 'They are kept in memory while Gloss keeps trying: do not quit Gloss until this message goes away.'
  return { code, message: `Your last changes are not saved: ${cause}. ${kept}`, file, since: where.since, journal: where.journal }
}
