// DESIGN.md §3: Electron is imported only at the edge. Everything else in src/main
// must run in plain Node (CLI, harness, tests), and src/shared and the renderer in
// any JavaScript environment.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ALLOWED = new Set(['src/main/index.ts', 'src/main/window.ts', 'src/main/security.ts', 'src/main/ipc.ts', 'src/preload/index.ts'])
const IMPORTS_ELECTRON = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)['"]electron(?:\/[^'"]*)?['"]/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
}

describe('Electron boundary', () => {
  it('recognises the ways a file can import electron', () => {
    for (const line of ["import { app } from 'electron'", 'import type { Session } from "electron"', "const e = require('electron')", "await import('electron')", "import { x } from 'electron/main'"]) {
      expect(line).toMatch(IMPORTS_ELECTRON)
    }
    for (const line of ["import { x } from 'electron-vite'", '// electron is imported only at the edge', "import { app } from './electron-app'"]) {
      expect(line).not.toMatch(IMPORTS_ELECTRON)
    }
  })

  it('keeps electron imports in index, window, security, ipc and the preload', () => {
    const files = sourceFiles('src')
    expect(files.length).toBeGreaterThan(5)
    const offenders = files.filter((file) => !ALLOWED.has(file) && IMPORTS_ELECTRON.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })
})
