// The folder watcher against real temp folders: what a user does to their clippings
// folder (add, edit, rename, delete, a sync dropping hundreds of files) must arrive as
// few batches of the right paths; what Gloss never reads must not arrive at all.
import chokidar, { type FSWatcher } from 'chokidar'
import { mkdir, mkdtemp, realpath, rename, rm, unlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CorpusChanges } from './scan'
import { isIgnoredPath, watchCorpus, type CorpusWatcher, type WatchOptions } from './watch'

const cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function tempRoot(): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'gloss-watch-')))
  cleanup.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

async function write(root: string, relative: string, text: string): Promise<void> {
  const target = path.join(root, ...relative.split('/'))
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, text)
}

/** Starts a watcher that records its batches; `next()` waits for the next one. */
async function watch(root: string, options: Partial<WatchOptions> = {}) {
  const batches: CorpusChanges[] = []
  const waiters: Array<() => void> = []
  const watcher: CorpusWatcher = watchCorpus(root, {
    debounceMs: 150,
    writeSettleMs: 80,
    ...options,
    onBatch: async (batch) => {
      batches.push(batch)
      for (const wake of waiters.splice(0)) wake()
      await options.onBatch?.(batch)
    }
  })
  cleanup.push(() => watcher.close())
  await watcher.ready
  let seen = 0
  /** Resolves with the batches that arrived since the last call, once there are some. */
  const next = async (timeoutMs = 10_000): Promise<CorpusChanges[]> => {
    const deadline = Date.now() + timeoutMs
    while (batches.length === seen) {
      if (Date.now() > deadline) throw new Error('no batch arrived')
      await new Promise<void>((resolve) => {
        waiters.push(resolve)
        setTimeout(resolve, 100)
      })
    }
    const fresh = batches.slice(seen)
    seen = batches.length
    return fresh
  }
  /** Every batch until none has come for `quietMs`. */
  const drain = async (quietMs = 1_000): Promise<CorpusChanges[]> => {
    const collected = await next()
    for (;;) {
      try {
        collected.push(...(await next(quietMs)))
      } catch {
        return collected
      }
    }
  }
  /** Waits until `paths` have all been reported (possibly over several batches). */
  const until = async (paths: string[], timeoutMs = 10_000): Promise<CorpusChanges[]> => {
    const collected: CorpusChanges[] = []
    const missing = new Set(paths)
    while (missing.size) {
      for (const batch of await next(timeoutMs)) {
        collected.push(batch)
        for (const p of batch.paths) missing.delete(p)
      }
    }
    return collected
  }
  return { watcher, batches, next, until, drain }
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('watchCorpus', () => {
  it('reports an added, edited, renamed and deleted file, each as one batch', async () => {
    const root = await tempRoot()
    await write(root, 'notes/old.md', '# Old\n\nText.\n')
    const { until } = await watch(root)

    await write(root, 'fresh.md', '# Fresh\n\nJust clipped.\n')
    const added = await until(['fresh.md'])
    expect(added).toEqual([{ paths: ['fresh.md'], structural: true }])

    await write(root, 'fresh.md', '# Fresh\n\nJust clipped, then edited.\n')
    expect(await until(['fresh.md'])).toEqual([{ paths: ['fresh.md'], structural: false }])

    await rename(path.join(root, 'notes/old.md'), path.join(root, 'notes/renamed.md'))
    const renamed = await until(['notes/old.md', 'notes/renamed.md'])
    expect(renamed).toHaveLength(1)
    expect(renamed[0]).toMatchObject({ structural: true })

    await unlink(path.join(root, 'fresh.md'))
    expect(await until(['fresh.md'])).toEqual([{ paths: ['fresh.md'], structural: true }])
  })

  it('turns a burst of 200 new files into one or a few batches', async () => {
    const root = await tempRoot()
    const { drain } = await watch(root)
    const names = Array.from({ length: 200 }, (_, i) => `inbox/clip-${String(i).padStart(3, '0')}.txt`)
    await mkdir(path.join(root, 'inbox'))
    await Promise.all(names.map((name, i) => write(root, name, `Clip ${i}\n\nBody of clip ${i}.\n`)))
    const received = await drain()
    expect(received.length).toBeLessThanOrEqual(3)
    expect(received.every((b) => b.structural)).toBe(true)
    // chokidar can miss a file created while it starts watching a new folder; the
    // folder itself is reported, and a structural batch walks it again (scan.ts).
    const reported = received.flatMap((b) => b.paths)
    expect(reported).toContain('inbox')
    expect(reported.filter((p) => p !== 'inbox').every((p) => names.includes(p))).toBe(true)
    expect(reported.length).toBeGreaterThan(150)
  })

  it('ignores hidden folders, node_modules and files that are not articles', async () => {
    const root = await tempRoot()
    await write(root, '.obsidian/workspace.json', '{}')
    const { until, next } = await watch(root)
    await write(root, '.obsidian/workspace.json', '{"open": 1}')
    await write(root, '.git/notes.md', '# hidden')
    await write(root, 'node_modules/pkg/readme.md', '# a package')
    await write(root, 'pictures/cover.png', 'not really a png')
    await write(root, '.hidden.md', '# hidden file')
    await settle(400)
    await write(root, 'real.md', '# Real\n\nAn article.\n')
    const received = await until(['real.md'])
    const paths = received.flatMap((b) => b.paths)
    // The folder that only holds a picture may be reported; nothing inside it is.
    expect(paths.filter((p) => p !== 'pictures')).toEqual(['real.md'])
    await expect(next(600)).rejects.toThrow('no batch arrived')
  })

  it('hands batches over one at a time and waits for the one in hand on close', async () => {
    const root = await tempRoot()
    let active = 0
    let most = 0
    let finished = 0
    const { watcher } = await watch(root, {
      debounceMs: 50,
      onBatch: async () => {
        active++
        most = Math.max(most, active)
        await settle(300)
        active--
        finished++
      }
    })
    await write(root, 'a.md', '# A\n\nOne.\n')
    await settle(250)
    await write(root, 'b.md', '# B\n\nTwo.\n')
    await settle(150)
    await watcher.close()
    expect(most).toBe(1)
    expect(active).toBe(0)
    expect(finished).toBeGreaterThanOrEqual(1)
    const before = finished
    await write(root, 'c.md', '# C\n\nThree.\n')
    await settle(400)
    expect(finished).toBe(before)
  })

  it('falls back to polling when the system runs out of watches, then reads everything again', async () => {
    const root = await tempRoot()
    await write(root, 'kept.md', '# Kept\n\nAlready here.\n')
    const created: FSWatcher[] = []
    const { watcher, until, next } = await watch(root, {
      pollIntervalMs: 100,
      createWatcher: (target, options) => {
        const instance = chokidar.watch(target, options)
        created.push(instance)
        if (created.length === 1) {
          instance.once('ready', () => {
            const error = Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' })
            instance.emit('error', error)
          })
        }
        return instance
      }
    })
    await expect.poll(() => watcher.mode).toBe('polling')
    expect(created).toHaveLength(2)
    expect(created[1].options.usePolling).toBe(true)
    expect(created[0].closed).toBe(true)
    const rescan = await next()
    expect(rescan).toEqual([{ paths: [], structural: false, rescan: true }])
    await write(root, 'polled.md', '# Polled\n\nSeen by polling.\n')
    expect((await until(['polled.md']))[0]).toMatchObject({ structural: true })
  })
})

describe('isIgnoredPath', () => {
  const root = path.join(path.sep, 'corpus')
  const file = { isFile: () => true, isDirectory: () => false }
  const folder = { isFile: () => false, isDirectory: () => true }
  it.each([
    ['the root itself', '', undefined, false],
    ['an article', 'notes/a.md', file, false],
    ['a file without extension (may hold front matter)', 'notes/README', file, false],
    ['a picture', 'img/cover.jpg', file, true],
    ['a hidden folder', '.obsidian', folder, true],
    ['anything in a hidden folder', '.git/objects/ab', undefined, true],
    ['a hidden file', 'notes/.draft.md', undefined, true],
    ['node_modules', 'node_modules', folder, true],
    ['inside node_modules', 'node_modules/x/readme.md', file, true],
    ['a file named node_modules', 'node_modules', file, false],
    ['a folder before its stats are known', 'node_modules', undefined, false],
    ['outside the root', '../elsewhere/a.md', file, true]
  ] as const)('%s', (_name, relative, stats, ignored) => {
    expect(isIgnoredPath(root, path.join(root, relative), stats)).toBe(ignored)
  })
})
