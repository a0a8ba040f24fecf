import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Unit tests run in Node against real temp folders and real lowdb files; component
// tests opt into a DOM with `// @vitest-environment jsdom` at the top of the file.
//
// Three projects (`npx vitest run --project dom` runs one), in two steps:
// 1. slow, one file at a time: tests that hold the code to a schedule or need the
//    machine for seconds (folder watching, timed write streams, a 4,000-file scan, the
//    fuzzer, spawned CLI and Electron processes, electron-builder packing the app, parse
//    workers started from source and ended at their budget). Run side by side on a busy 2-core
//    machine they starved each other past their deadlines; alone, each gets what an
//    idle core would give it. Found by per-file durations (`--reporter=verbose`).
// 2. node and dom (the renderer, in jsdom), on every core: short files, where the
//    worker count is what matters. Vitest's default is one worker fewer than the
//    cores, i.e. a single worker on a 2-core CI machine.
const SLOW = [
  'src/hosts/cli.test.ts',
  'src/hosts/gloss-bin.test.ts',
  'src/hosts/fuzz.test.ts',
  'src/hosts/web.test.ts',
  'src/hosts/one-writer.test.ts',
  'src/hosts/web-timeouts.test.ts',
  'src/core/corpus/watch.test.ts',
  'src/core/app/gloss-live.test.ts',
  'src/core/app/gloss-scan.test.ts',
  'src/core/app/gloss-search.test.ts',
  'src/core/store/json-store.test.ts',
  'src/core/corpus/text-model-pool.test.ts',
  'src/core/app/gloss-hostile-files.test.ts',
  'tests/unit/electron-main.test.ts',
  'tests/unit/electron-single-instance.test.ts',
  'tests/unit/electron-cli-mode.test.ts',
  'tests/unit/packaging.test.ts'
]
const ALL = ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts']
const DOM = ['src/renderer/**/*.test.{ts,tsx}']
const PARALLEL = { maxWorkers: Math.max(2, availableParallelism() - 1), sequence: { groupOrder: 2 } }

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'slow', include: SLOW, maxWorkers: 1, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'dom', include: DOM, exclude: SLOW, setupFiles: ['src/renderer/src/test-support/dom-setup.ts'], ...PARALLEL } },
      { extends: true, test: { name: 'node', include: ALL, exclude: [...SLOW, ...DOM], ...PARALLEL } }
    ]
  }
})
