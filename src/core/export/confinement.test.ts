// Confinement in one place (corpus/paths.ts assertWritableOutside): every export target is
// resolved through symlinks as far as it exists and checked before anything is created.
import { chmod, mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeExportFile } from './export-actions'
import { exportToFolder } from './folder-export'
import { assertWritableOutside, isRemoteOrDevicePath } from '../corpus/paths'

let base: string
let corpus: string
beforeEach(async () => {
  base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'gloss-confine-')))
  corpus = path.join(base, 'Clippings')
  await mkdir(corpus)
  await writeFile(path.join(corpus, 'a.md'), '# A\n\nText.\n')
  await symlink(corpus, path.join(base, 'link-to-corpus'))
})
afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

const corpusFiles = async () => (await readdir(corpus, { recursive: true })).sort()

describe('single-file export behind a link into the corpus', () => {
  it.each([
    ['the link itself', 'link-to-corpus/notes.md'],
    ['folders that do not exist yet behind the link', 'link-to-corpus/sub/new/notes.md']
  ])('is refused (%s), and nothing is created in the corpus', async (_name, target) => {
    await expect(writeExportFile(corpus, path.join(base, target), '# notes')).rejects.toThrow(/never writes into the folder it reads/)
    expect(await corpusFiles()).toEqual(['a.md'])
  })

  it('the folder export refuses the same path the same way', async () => {
    const corpusModel = { root: corpus, name: 'Clippings', exportedAt: '2024-06-01T09:30:00.000Z', articles: [] }
    await expect(
      exportToFolder({ corpus: corpusModel as never, folder: path.join(base, 'link-to-corpus/sub/new'), dataDir: path.join(base, 'data') })
    ).rejects.toThrow(/never writes into the folder it reads/)
    expect(await corpusFiles()).toEqual(['a.md'])
  })
})

describe('network and device paths', () => {
  it.each([
    ['\\\\host\\share\\notes.md', true],
    ['//host/share/notes.md', true],
    ['\\\\?\\C:\\notes.md', true],
    ['\\\\.\\pipe\\x', true],
    ['/home/reader/notes.md', false],
    ['C:\\Users\\reader\\notes.md', false]
  ])('%s is remote or a device: %s', (target, remote) => {
    expect(isRemoteOrDevicePath(target)).toBe(remote)
  })

  it('an export to a UNC path is refused before any file system call', async () => {
    await expect(assertWritableOutside(corpus, '\\\\attacker\\share\\notes.md')).rejects.toThrow(/network or device paths/)
    await expect(writeExportFile(corpus, '//attacker/share/notes.md', 'x')).rejects.toThrow(/network or device paths/)
  })
})

describe('a read-only export target', () => {
  it('is not replaced, and keeps its content and mode', async () => {
    const target = path.join(base, 'protected.md')
    await writeFile(target, 'my own words')
    await chmod(target, 0o444)
    await expect(writeExportFile(corpus, target, '# notes')).rejects.toThrow(/read-only; Gloss does not replace it/)
    expect(await readFile(target, 'utf8')).toBe('my own words')
    expect((await stat(target)).mode & 0o777).toBe(0o444)
  })

  it('a writable target is replaced as before', async () => {
    const target = path.join(base, 'notes.md')
    await writeFile(target, 'old')
    expect(await writeExportFile(corpus, target, 'new')).toBe(target)
    expect(await readFile(target, 'utf8')).toBe('new')
  })
})
