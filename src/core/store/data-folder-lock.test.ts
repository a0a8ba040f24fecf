import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acquireDataFolderLock, DataFolderBusyError, lockHolder } from './data-folder-lock'
import { lockFile } from './data-folder'

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gloss-lock-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

const HOST = os.hostname()

describe('acquireDataFolderLock', () => {
  it('takes a free folder, names its holder, and release removes it', async () => {
    const lock = await acquireDataFolderLock(dataDir, 'app')
    expect(JSON.parse(await readFile(lockFile(dataDir), 'utf8'))).toMatchObject({ pid: process.pid, owner: 'app', host: HOST })
    expect(await lockHolder(dataDir)).toMatchObject({ pid: process.pid, owner: 'app' })
    await lock.release()
    expect(await readdir(dataDir)).toEqual([])
    expect(await lockHolder(dataDir)).toBeNull()
  })

  it.each([
    { case: 'the app', owner: 'app' as const, says: /^Gloss is open on this data folder .*close it/ },
    { case: 'the harness', owner: 'harness' as const, says: /^The Gloss browser harness is open on this data folder/ }
  ])('refuses a second writer while $case (a live process) holds it, naming it', async ({ owner, says }) => {
    await acquireDataFolderLock(dataDir, owner, { pid: 4242, isAlive: () => true })
    const second = acquireDataFolderLock(dataDir, 'cli', { isAlive: () => true })
    await expect(second).rejects.toBeInstanceOf(DataFolderBusyError)
    await expect(acquireDataFolderLock(dataDir, 'cli', { isAlive: () => true })).rejects.toThrow(says)
    expect(JSON.parse(await readFile(lockFile(dataDir), 'utf8'))).toMatchObject({ pid: 4242, owner })
    expect((await readdir(dataDir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it.each([
    { case: 'its process has gone', text: JSON.stringify({ pid: 4242, owner: 'app', host: HOST, startedAt: 'x' }) },
    { case: 'it is empty (a crash while it was created by an older Gloss)', text: '' },
    { case: 'it is not JSON', text: 'garbage' }
  ])('takes over a stale lock when $case', async ({ text }) => {
    await writeFile(lockFile(dataDir), text)
    const lock = await acquireDataFolderLock(dataDir, 'cli', { isAlive: () => false })
    expect(lock.info.pid).toBe(process.pid)
    expect(JSON.parse(await readFile(lockFile(dataDir), 'utf8'))).toMatchObject({ pid: process.pid, owner: 'cli' })
    await lock.release()
  })

  it('never takes over a lock from another machine (a shared data folder): its process cannot be checked', async () => {
    await writeFile(lockFile(dataDir), JSON.stringify({ pid: 1, owner: 'app', host: 'another-laptop', startedAt: 'x' }))
    await expect(acquireDataFolderLock(dataDir, 'cli', { isAlive: () => false })).rejects.toThrow(/process 1 on another-laptop/)
  })

  it('release leaves a lock that is no longer ours alone', async () => {
    const lock = await acquireDataFolderLock(dataDir, 'cli')
    await writeFile(lockFile(dataDir), JSON.stringify({ pid: 4242, owner: 'app', host: HOST, startedAt: 'later' }))
    await lock.release()
    expect(JSON.parse(await readFile(lockFile(dataDir), 'utf8'))).toMatchObject({ pid: 4242 })
  })
})
