import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportManifestFile, legacyExportManifestFile } from '../store/data-folder'
import { MANIFEST_VERSION, readManifest, writeManifest, type Manifest } from './export-manifest'

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gloss-manifest-'))
})
afterEach(() => rm(dataDir, { recursive: true, force: true }))

const manifest: Manifest = {
  schemaVersion: MANIFEST_VERSION,
  folder: '/vault',
  corpus: '/notes',
  entries: { a1: { file: 'A.md', exportedAt: '2024-01-01T00:00:00.000Z', frontMatter: { gloss_id: 'a1' } } }
}

describe('export manifests', () => {
  it('reads back what it wrote', async () => {
    await writeManifest(dataDir, manifest)
    expect(await readManifest(dataDir, '/vault', '/notes')).toEqual({ manifest, notice: null })
  })

  it('finds a manifest at its old place (beside the harness exports) once, then keeps it in its own folder', async () => {
    const legacy = legacyExportManifestFile(dataDir, '/vault', '/notes')
    await mkdir(path.dirname(legacy), { recursive: true })
    await writeFile(legacy, JSON.stringify(manifest))
    const read = await readManifest(dataDir, '/vault', '/notes')
    expect(read).toEqual({ manifest, notice: null })
    await writeManifest(dataDir, read.manifest)
    expect(await readdir(path.dirname(legacy))).toEqual([])
    expect(await readdir(path.dirname(exportManifestFile(dataDir, '/vault', '/notes')))).toEqual([path.basename(legacy)])
    expect(await readManifest(dataDir, '/vault', '/notes')).toEqual({ manifest, notice: null })
  })

  it('starts afresh, without a notice, when there is none', async () => {
    expect(await readManifest(dataDir, '/vault', '/notes')).toEqual({ manifest: { ...manifest, entries: {} }, notice: null })
  })
})
