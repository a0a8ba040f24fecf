// What a folder export wrote, kept in Gloss's data folder (never in the vault): one
// file per export folder and corpus. It tells a re-export which articles were exported
// before (so that a file the user deleted is not brought back) and which front matter
// values Gloss wrote (so that values the user changed are recognised as theirs).
// Losing it is not serious: files are still found by their gloss_id, deleted ones come
// back on the next export, and front matter keys take Gloss's values again.
import { rm } from 'node:fs/promises'
import { z } from 'zod'
import { writeDurably } from '../fs/durable-write'
import { readIfPresent } from '../fs/read-if-present'
import { exportManifestFile, legacyExportManifestFile } from '../store/data-folder'

export const MANIFEST_VERSION = 1

const ManifestEntry = z.object({
  /** Where the file was last seen, relative to the export folder, '/'-separated. */
  file: z.string(),
  /** The export time written into it (the unchanged check renders with it again). */
  exportedAt: z.string(),
  /** The article's content fingerprint then: finds the file again after the article moved in the corpus. */
  fingerprint: z.string().nullable().optional(),
  /** The front matter values Gloss wrote, gloss_id included. */
  frontMatter: z.record(z.string(), z.unknown()),
  /**
   * SHA-256 (hex) of what Gloss wrote between the gloss:begin and gloss:end markers: a
   * region that no longer matches was edited by the user, and is not overwritten.
   * Absent in manifests written before it existed (no edit can be told then).
   */
  region: z.string().optional(),
  /** The last export before this one, as the file's "new since" values were rendered with; null for none. */
  since: z.string().nullable().optional()
})
export type ManifestEntry = z.infer<typeof ManifestEntry>

const Manifest = z.object({
  schemaVersion: z.literal(MANIFEST_VERSION),
  folder: z.string(),
  corpus: z.string(),
  entries: z.record(z.string(), ManifestEntry)
})
export type Manifest = z.infer<typeof Manifest>

/** The manifest, or a fresh one when there is none or it cannot be read. */
export async function readManifest(dataDir: string, folder: string, corpusRoot: string): Promise<{ manifest: Manifest; notice: string | null }> {
  const fresh: Manifest = { schemaVersion: MANIFEST_VERSION, folder, corpus: corpusRoot, entries: {} }
  const text =
    (await readIfPresent(exportManifestFile(dataDir, folder, corpusRoot))) ??
    // Written before manifests had their own folder; the next writeManifest moves it.
    (await readIfPresent(legacyExportManifestFile(dataDir, folder, corpusRoot)))
  if (text === null) return { manifest: fresh, notice: null }
  try {
    const parsed = Manifest.parse(JSON.parse(text))
    if (parsed.folder === folder && parsed.corpus === corpusRoot) return { manifest: parsed, notice: null }
  } catch {
    // fall through
  }
  return { manifest: fresh, notice: 'Gloss’s record of earlier exports to this folder could not be read; files you deleted may be exported again.' }
}

export async function writeManifest(dataDir: string, manifest: Manifest): Promise<void> {
  await writeDurably(exportManifestFile(dataDir, manifest.folder, manifest.corpus), `${JSON.stringify(manifest, null, 2)}\n`, { makeFolder: true })
  await rm(legacyExportManifestFile(dataDir, manifest.folder, manifest.corpus), { force: true })
}
