// `npm run typecheck`: the three TypeScript projects in two tsc processes side by side
// (the Node side; the page with its unit tests, then the E2E specs), since one tsc uses
// one core and CI has two. The page is checked through tsconfig.web-tests.json, which is
// tsconfig.web.json plus the renderer's *.test.ts(x): one pass checks both. Each is
// incremental (.tmp/tsc), but CI starts from a fresh clone, so the cold time is what
// counts. Fails if either process does.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const groups = [['tsconfig.node.json'], ['tsconfig.web-tests.json', 'tests/e2e/tsconfig.json']]

const codes = await Promise.all(
  groups.map(
    (projects) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [tsc, '-b', ...projects], { stdio: 'inherit' })
        child.on('error', (error) => {
          console.error(`typecheck: could not start tsc for ${projects.join(', ')}`, error)
          resolve(1)
        })
        child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
      })
  )
)
process.exit(codes.some((code) => code !== 0) ? 1 : 0)
