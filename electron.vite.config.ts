import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'

// The dev server needs an inline React Refresh preamble and a websocket for HMR, which
// the shipped CSP forbids. Relax the meta tag only while serving; builds keep it as is.
function devCsp(): Plugin {
  return {
    name: 'gloss:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/, (_all, head: string, policy: string) => {
        const relaxed = policy
          .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
          .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
        return `${head}${relaxed}"`
      })
    }
  }
}

export default defineConfig({
  main: {
    build: {
      // Dependencies stay in node_modules (electron-vite's default); only our code is bundled.
      externalizeDeps: true,
      // The search index and article parsing run in worker threads: their own entries,
      // out/main/search-worker.js and out/main/parse-worker.js (src/core/fs/start-worker.ts).
      // The CLI is built apart (scripts/build-cli.ts → out/cli), dependencies bundled in;
      // the installed app loads that build for `Gloss --cli …` (src/electron/cli-mode.ts).
      lib: {
        entry: {
          index: resolve('src/electron/index.ts'),
          'search-worker': resolve('src/core/search/search-worker.ts'),
          'parse-worker': resolve('src/core/corpus/parse-worker.ts')
        }
      },
      outDir: 'out/main'
    }
  },
  preload: {
    build: {
      // A sandboxed preload can neither load ESM nor require anything but `electron`:
      // one CommonJS file with src/shared bundled in.
      externalizeDeps: false,
      outDir: 'out/preload',
      lib: { entry: resolve('src/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false }
      }
    }
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), devCsp()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: resolve('src/renderer/index.html') }
    }
  }
})
