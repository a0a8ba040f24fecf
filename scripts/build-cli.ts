// Builds the `gloss` executable: out/cli/gloss.js (package.json "bin") and the search
// worker beside it, out/cli/search-worker.js (found next to the bundle by search-service),
// and out/cli/cli-main.js, which the installed desktop app loads for `Gloss --cli …`
// (src/electron/cli-mode.ts): one build of the CLI for both.
//
// esbuild rather than another electron-vite entry: the CLI runs on plain Node, not
// Electron, and start-up is most of a short command's time. So every dependency is
// bundled in (no module resolution through node_modules at run time; out/cli works on its
// own, e.g. inside a packaged app) and code splitting puts each command in its own chunk,
// loaded when the command runs: `gloss --help` and `gloss scan` never parse the exporters
// or zod. Plain JavaScript, ESM, with a shebang; no tsx at run time.
//   npm run build:cli            (part of npm run build)
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const DEFAULT_CLI_OUT = path.join(repo, 'out', 'cli')

/** Builds into `outdir` (emptied first); returns the executable's path. */
export async function buildCli(outdir: string = DEFAULT_CLI_OUT): Promise<string> {
  await rm(outdir, { recursive: true, force: true })
  await mkdir(outdir, { recursive: true })
  await build({
    absWorkingDir: repo,
    entryPoints: { gloss: 'src/hosts/gloss.ts', 'cli-main': 'src/hosts/cli-main.ts', 'search-worker': 'src/core/search/search-worker.ts' },
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'linked',
    logLevel: 'warning',
    // CommonJS dependencies (gray-matter, js-yaml) call require() for Node built-ins,
    // which an ES module does not have: give every output file one.
    banner: { js: 'import { createRequire as __glossCreateRequire } from "node:module"; const require = __glossCreateRequire(import.meta.url);' }
  })
  // The folder runs wherever it is copied: its .js files are ES modules.
  await writeFile(path.join(outdir, 'package.json'), '{ "type": "module" }\n')
  const executable = path.join(outdir, 'gloss.js')
  await chmod(executable, 0o755)
  return executable
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const executable = await buildCli(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
  console.log(`Built ${path.relative(process.cwd(), executable)}`)
}
