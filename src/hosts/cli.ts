// Headless commands over the same services as the app (the `gloss` executable, built from
// gloss.ts; `npm run cli -- …` from source):
//   gloss scan <folder> [--json]
//   gloss export <folder> [--format md|md-folder|json|csv|hypothesis|readwise-csv] --out <path> [--template <file>]
//                [--file-name-template <template>] [--dry-run] [--recreate-deleted] [--author-links] [--json] [--data-dir <dir>]
//   gloss import <folder> <file> [--json] [--data-dir <dir>]
//   gloss search <folder> "<query>" [--limit <n>] [--json] [--data-dir <dir>]
// This module reads the command line and hands it to the command's own module, imported
// only when that command runs: `gloss scan` never loads the exporters, and `--help` loads
// nothing (start-up is most of a short command's time; docs/benchmarks.md). Export and
// import open the folder exactly as the app does (openCorpus) and call the functions the
// app's export and import call.
import { GlossError } from '../shared/result'
import { isProblem, readCommandLine } from './command-line'
import type { CliIo, CliOptions } from './cli-context'
import { EXIT, EXIT_CODE_HELP } from './exit-codes'
import { localTimeZone } from '../shared/export/export-dates'

export type { CliIo, CliOptions } from './cli-context'

export const USAGE = `Usage:
  gloss scan <folder> [--json]
      Lists the articles Gloss finds in the folder (and the files it could not read).
  gloss export <folder> [--format md|md-folder|json|csv|hypothesis|readwise-csv] --out <path> [--template <file>]
               [--file-name-template <template>] [--creator <name>] [--dry-run] [--recreate-deleted] [--author-links] [--json] [--data-dir <dir>]
      md (default): one Markdown file for the whole corpus; md-folder: one file per article
      in the folder --out (re-export keeps your edits outside the Gloss region); json: W3C
      Web Annotations (--creator names you in them); csv: one row per highlight and article
      note; hypothesis: the Hypothesis API's annotations (articles with a web URL);
      readwise-csv: Readwise's CSV import columns. --author-links writes
      authors as [[links]] in Markdown front matter. md-folder exits 3 when a file was
      left alone or could not be written (a dry run: would be).
  gloss import <folder> <file> [--json] [--data-dir <dir>]
      Imports W3C Web Annotations or Hypothesis JSON, or a Readwise CSV, into the folder's
      annotations (merging, never duplicating).
  gloss search <folder> "<query>" [--limit <n>] [--json] [--data-dir <dir>]
      Searches the full text of the articles, highlights and notes (as the app's search box does),
      with the index the app saved for the folder (built and saved when there is none).
  gloss --help

  --data-dir <dir>  Gloss's data folder (default: GLOSS_DATA_DIR, else the app's own).
  The folder itself is only ever read.

Exit codes:
${EXIT_CODE_HELP.map(([code, meaning]) => `  ${code}  ${meaning}`).join('\n')}`

const COMMANDS: Record<string, { values: string[]; flags: string[]; positional: number }> = {
  scan: { values: [], flags: ['--json'], positional: 1 },
  export: { values: ['--data-dir', '--out', '--format', '--template', '--file-name-template', '--creator'], flags: ['--dry-run', '--recreate-deleted', '--author-links', '--json'], positional: 1 },
  import: { values: ['--data-dir'], flags: ['--json'], positional: 2 },
  search: { values: ['--data-dir', '--limit'], flags: ['--json'], positional: 2 }
}

const HELP = new Set(['--help', '-h', 'help'])

export async function runCli(args: string[], io: CliIo = { out: console.log, err: console.error }, options: CliOptions = {}): Promise<number> {
  const [command, ...rest] = args
  // `gloss --help`, `gloss help` and `gloss <command> --help` answer on stdout, as asked for.
  if ((command && HELP.has(command)) || (command && COMMANDS[command] && rest.some((arg) => arg === '--help' || arg === '-h'))) {
    io.out(USAGE)
    return EXIT.ok
  }
  const spec = command ? COMMANDS[command] : undefined
  if (!spec) {
    io.err(command ? `Unknown command "${command}"\n\n${USAGE}` : USAGE)
    return EXIT.usage
  }
  const parsed = readCommandLine(rest, spec)
  if (isProblem(parsed)) {
    io.err(`${parsed.problem === 'unknown' ? `Unknown option ${parsed.arg}` : `${parsed.name} needs a value`}\n\n${USAGE}`)
    return EXIT.usage
  }
  if (parsed.positional.length !== spec.positional) {
    io.err(USAGE)
    return EXIT.usage
  }
  const now = options.now ?? (() => new Date())
  try {
    if (command === 'scan') return await (await import('./cli-scan')).scanCommand(parsed, io)
    if (command === 'search') return await (await import('./cli-search')).searchCommand(parsed, io, now)
    if (command === 'export') return await (await import('./cli-export')).exportCommand(parsed, io, now, options.timeZone ?? localTimeZone())
    return await (await import('./cli-import')).importCommand(parsed, io, now)
  } catch (error) {
    if (error instanceof GlossError) {
      io.err(`gloss: ${error.message}`)
      return EXIT.failure
    }
    throw error
  }
}
