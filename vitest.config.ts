import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { SLOW_PROJECT, SlowFirstSequencer } from './tests/support/slow-first-sequencer.ts'

// Unit tests run in Node against real temp folders and real lowdb files; component
// tests opt into a DOM with `// @vitest-environment jsdom` at the top of the file.
//
// Three projects, so `npm test` can schedule them (`vitest run --project dom` runs one):
// - slow: tests that spawn processes, watch the file system, fuzz the boundary or stream
//   writes for seconds. They start first (SlowFirstSequencer) so none is left running
//   alone at the end; found by per-file durations (`vitest run --reporter=verbose`).
// - node: the rest of core, shared, hosts and tests/unit (no DOM).
// - dom: the renderer (jsdom).
const SLOW = [
  // spawn processes (the CLI, Electronegativity, the built bundles, the Electron main)
  'src/hosts/cli.test.ts',
  'src/hosts/cli-search.test.ts',
  'tests/unit/**/*.test.ts',
  // watch the file system, or stream writes for seconds
  'src/core/corpus/watch.test.ts',
  'src/core/app/gloss-live.test.ts',
  'src/core/store/json-store.test.ts',
  // fuzz the boundary, scan and index whole generated folders (15–35 s each)
  'src/hosts/fuzz.test.ts',
  'src/hosts/web.test.ts',
  'src/core/app/gloss-scan.test.ts',
  'src/core/search/search-service.test.ts',
  'src/core/corpus/blocks.test.ts'
]
const ALL = ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts']
const DOM = ['src/renderer/**/*.test.{ts,tsx}']

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'node',
    testTimeout: 20_000,
    sequence: { sequencer: SlowFirstSequencer },
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core CI
    // machine, leaving a core idle while the slow files run.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: SLOW_PROJECT, include: SLOW } },
      { extends: true, test: { name: 'dom', include: DOM, exclude: SLOW } },
      { extends: true, test: { name: 'node', include: ALL, exclude: [...SLOW, ...DOM] } }
    ]
  }
})
