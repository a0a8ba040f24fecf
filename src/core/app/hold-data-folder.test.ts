import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { holdDataFolder } from './hold-data-folder'
import { DataFolderBusyError } from '../store/data-folder-lock'

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gloss-hold-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

const failingWith = (code: string) => async () => {
  throw Object.assign(new Error(`${code}: simulated`), { code })
}
const at = () => new Date('2026-12-07T23:00:00.000Z')

describe('holdDataFolder', () => {
  it.each([
    { code: 'EROFS', says: 'the data folder is read-only' },
    { code: 'EACCES', says: 'Gloss may not write to the data folder' },
    { code: 'ENOSPC', says: 'the disk is full' }
  ])('starts on an unwritable data folder ($code) and says so', async ({ code, says }) => {
    const held = await holdDataFolder(dataDir, 'app', at, failingWith(code))
    expect(held.problem).toMatchObject({ code, since: '2026-12-07T23:00:00.000Z' })
    expect(held.problem?.message).toBe(
      `Gloss cannot save anything in its data folder (${dataDir}): ${says}. You can read, but changes are kept only until Gloss closes.`
    )
  })

  it('does not start while another live writer holds the folder', async () => {
    const busy = async () => {
      throw new DataFolderBusyError(dataDir, { pid: 4242, owner: 'cli', host: os.hostname(), startedAt: 'x' })
    }
    await expect(holdDataFolder(dataDir, 'app', at, busy)).rejects.toThrow(/A Gloss command is open on this data folder/)
  })

  it('holds a writable folder without a problem, and releases it', async () => {
    const held = await holdDataFolder(dataDir, 'harness')
    expect(held.problem).toBeNull()
    await held.release()
  })
})
