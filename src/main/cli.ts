// Headless commands over the same services as the app:
//   gloss scan <folder> [--json]
//   gloss export <folder> [--data-dir <dir>] --out <file>
// Electron-free, so it runs with plain Node (npm run cli -- …).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { scanCorpus } from './corpus/scan'
import { startGloss } from './gloss'
import { dataDirFrom, optionValue, sampleCorpusDir } from './paths'

const USAGE = `Usage:
  npm run cli -- scan <folder> [--json]
  npm run cli -- export <folder> [--data-dir <dir>] --out <file>`

export async function runCli(args: string[], io = { out: console.log, err: console.error }): Promise<number> {
  const [command, ...rest] = args
  const positional = positionalArgs(rest, ['--data-dir', '--out'])
  if (command === 'scan' && positional.length === 1) return scan(fromUserCwd(positional[0]), rest.includes('--json'), io)
  if (command === 'export' && positional.length === 1) {
    const out = optionValue(rest, '--out')
    if (!out) {
      io.err('export needs --out <file>')
      return 2
    }
    return exportCorpus(fromUserCwd(positional[0]), fromUserCwd(out), rest, io)
  }
  io.err(USAGE)
  return 2
}

async function scan(folder: string, json: boolean, io: { out: (s: string) => void }): Promise<number> {
  const result = await scanCorpus(folder)
  const articles = result.articles.map(({ id, title, published, source, sourceUrl, topics, files, words }) => ({
    id,
    title,
    published,
    source,
    sourceUrl,
    topics,
    files,
    words
  }))
  if (json) {
    io.out(JSON.stringify({ root: result.root, articles, problems: result.problems }, null, 2))
    return 0
  }
  io.out(`${result.root}: ${articles.length} articles, ${result.problems.length} problems`)
  for (const a of articles) io.out(`  ${a.published ?? '          '}  ${a.title}${a.source ? ` — ${a.source}` : ''}  (${a.files.join(', ')})`)
  if (result.problems.length) io.out('Problems:')
  for (const p of result.problems) io.out(`  ${p.path}: ${p.reason}`)
  return 0
}

async function exportCorpus(folder: string, out: string, args: string[], io: { out: (s: string) => void; err: (s: string) => void }) {
  const gloss = await startGloss({
    dataDir: dataDirFrom(args),
    sampleRoot: sampleCorpusDir(appRoot()),
    initialFolder: folder,
    rememberFolders: false,
    dialogs: {
      chooseFolder: async () => null,
      chooseSavePath: async () => out
    }
  })
  try {
    const result = await gloss.dispatch('export.save', { scope: 'corpus' })
    if (!result.ok) {
      io.err(`export failed: ${result.error.message}`)
      return 1
    }
    io.out(`Wrote ${(result.value as { path: string }).path}`)
    return 0
  } finally {
    await gloss.close()
  }
}

/** npm runs scripts from the package root; paths the user typed are relative to where they were. */
function fromUserCwd(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p)
}

function positionalArgs(args: string[], valueFlags: string[]): string[] {
  const result: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (valueFlags.includes(args[i])) i++
    else if (!args[i].startsWith('--')) result.push(args[i])
  }
  return result
}

function appRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (invokedDirectly) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`gloss: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    }
  )
}
