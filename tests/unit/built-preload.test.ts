// Checks the BUILT preload (npm run build first): Electron loads it into a sandboxed
// renderer, where only a single CommonJS file requiring nothing but `electron` works.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { describe, expect, it, type TestContext } from 'vitest'
import { channelFor, CHANGE_CHANNEL, MENU_CHANNEL, METHOD_NAMES } from '../../src/shared/channels'
import { contract } from '../../src/shared/contract'
import type { DataChange, GlossEvents, GlossFiles, MenuCommand } from '../../src/shared/events'

const preloadDir = path.resolve('out/preload')
const preloadFile = path.join(preloadDir, 'index.cjs')

function builtPreload(ctx: TestContext): string {
  if (!existsSync(preloadFile)) ctx.skip(`${path.relative(process.cwd(), preloadFile)} is missing: run \`npm run build\` first`)
  return readFileSync(preloadFile, 'utf8')
}

type Listener = (event: unknown, ...args: unknown[]) => void

/** Runs the preload as a sandboxed renderer would, with a recording fake of `electron`. */
function loadPreload(code: string) {
  const exposed = new Map<string, unknown>()
  const invokes: Array<{ channel: string; input: unknown }> = []
  const listeners = new Map<string, Set<Listener>>()
  const ipcRenderer = {
    invoke: (channel: string, input: unknown) => {
      invokes.push({ channel, input })
      return Promise.resolve({ ok: true, value: { echoed: channel } })
    },
    on: (channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
      return ipcRenderer
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    }
  }
  const pathsAsked: unknown[] = []
  const webUtils = {
    getPathForFile: (file: unknown) => {
      pathsAsked.push(file)
      return `/dropped/${(file as { name: string }).name}`
    }
  }
  const electron = { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) }, ipcRenderer, webUtils }
  const required: string[] = []
  const fakeRequire = (name: string) => {
    required.push(name)
    if (name === 'electron') return electron
    throw new Error(`a sandboxed preload cannot require ${name}`)
  }
  const module = { exports: {} }
  const context = vm.createContext({ console })
  const run = vm.compileFunction(code, ['require', 'module', 'exports'], { parsingContext: context, filename: preloadFile })
  run(fakeRequire, module, module.exports)
  return { exposed, invokes, listeners, required, ipcRenderer, pathsAsked }
}

describe('built preload', () => {
  it('is one CommonJS file whose only dependency is electron', (ctx) => {
    const code = builtPreload(ctx)
    expect(readdirSync(preloadDir)).toEqual(['index.cjs'])
    const requires = [...code.matchAll(/\brequire\(\s*(['"`])([^'"`]*)\1\s*\)/g)].map((m) => m[2])
    expect(new Set(requires)).toEqual(new Set(['electron']))
    expect(code).not.toMatch(/^\s*(import|export)\b[\s{*]/m)
    expect(code).not.toMatch(/\bimport\s*\(/)
    // zod (and every schema) stays out: the preload only needs method names.
    expect(code).not.toMatch(/\bzod\b|safeParse/)
  })

  it('exposes exactly one function per contract method, an event bridge and dropped-file paths, never ipcRenderer', (ctx) => {
    const { exposed, required, ipcRenderer } = loadPreload(builtPreload(ctx))
    expect(required).toEqual(['electron'])
    expect([...exposed.keys()].sort()).toEqual(['gloss', 'glossEvents', 'glossFiles'])
    const gloss = exposed.get('gloss') as Record<string, unknown>
    expect(Object.keys(gloss)).toEqual(Object.keys(contract))
    expect(Object.keys(gloss)).toEqual([...METHOD_NAMES])
    for (const value of Object.values(gloss)) expect(typeof value).toBe('function')
    for (const value of exposed.values()) {
      expect(value).not.toBe(ipcRenderer)
      expect(Object.values(value as object)).not.toContain(ipcRenderer)
    }
  })

  it('sends each call on its own method channel and returns the main process answer', async (ctx) => {
    const { exposed, invokes } = loadPreload(builtPreload(ctx))
    const gloss = exposed.get('gloss') as Record<string, (input: unknown) => Promise<unknown>>
    for (const method of METHOD_NAMES) {
      const input = { probe: method }
      await expect(gloss[method](input)).resolves.toEqual({ ok: true, value: { echoed: channelFor(method) } })
      expect(invokes.at(-1)).toEqual({ channel: channelFor(method), input })
    }
    expect(invokes).toHaveLength(METHOD_NAMES.length)
  })

  it('delivers menu commands without the IPC event, and unsubscribes', (ctx) => {
    const { exposed, listeners } = loadPreload(builtPreload(ctx))
    const events = exposed.get('glossEvents') as GlossEvents
    const received: unknown[][] = []
    const unsubscribe = events.onMenuCommand((...args: unknown[]) => received.push(args))
    const registered = [...(listeners.get(MENU_CHANNEL) ?? [])]
    expect(registered).toHaveLength(1)
    const command: MenuCommand = { type: 'open-recent', root: '/data/clips' }
    registered[0]({ sender: 'the ipcRenderer event must not leak' }, command)
    expect(received).toEqual([[command]])
    unsubscribe()
    expect(listeners.get(MENU_CHANNEL)?.size).toBe(0)
  })

  it('delivers data changes without the IPC event, and unsubscribes', (ctx) => {
    const { exposed, listeners } = loadPreload(builtPreload(ctx))
    const events = exposed.get('glossEvents') as GlossEvents
    expect(Object.keys(events).sort()).toEqual(['onChange', 'onMenuCommand', 'onScanProgress'])
    const received: unknown[][] = []
    const unsubscribe = events.onChange((...args: unknown[]) => received.push(args))
    const registered = [...(listeners.get(CHANGE_CHANNEL) ?? [])]
    expect(registered).toHaveLength(1)
    expect(listeners.get(MENU_CHANNEL)?.size ?? 0).toBe(0)
    const change: DataChange = {
      root: '/data/clips',
      cause: 'disk',
      folder: false,
      library: true,
      articles: { changed: ['a1'], added: ['c3'], removed: ['b2'], moved: [{ from: 'b2', to: 'c3' }] },
      annotations: ['c3'],
      progress: [],
      highlights: [],
      tags: false,
      missing: true,
      saving: false,
      history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }
    }
    registered[0]({ sender: 'the ipcRenderer event must not leak' }, change)
    expect(received).toEqual([[change]])
    unsubscribe()
    expect(listeners.get(CHANGE_CHANNEL)?.size).toBe(0)
  })

  it('gives the path of a dropped file through webUtils, and nothing else', (ctx) => {
    const { exposed, pathsAsked } = loadPreload(builtPreload(ctx))
    const files = exposed.get('glossFiles') as GlossFiles
    expect(Object.keys(files)).toEqual(['pathForFile'])
    const dropped = { name: 'Clippings' } as unknown as File
    expect(files.pathForFile(dropped)).toBe('/dropped/Clippings')
    expect(pathsAsked).toEqual([dropped])
  })
})
