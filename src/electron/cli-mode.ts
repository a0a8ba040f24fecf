// `Gloss --cli <command> …`: the installed app answers every CLI command (scan, export,
// import, search) in the terminal without opening a window, the way `code
// --list-extensions` does, so a user who installed Gloss has its CLI without Node.
// Decided from argv before anything else starts (no single-instance lock, no window):
// a CLI run must neither hand its arguments to an open Gloss nor wait for it.
// The CLI itself is src/hosts/cli.ts, built beside the main process as out/main/cli.js
// (electron.vite.config.ts); the edge loads that file at run time, so the desktop edge
// still imports nothing from src/hosts (.dependency-cruiser.cjs).
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export const CLI_SWITCH = '--cli'

/**
 * The CLI's arguments when the app was started as `Gloss [switches] --cli …`, else null.
 * Chromium and Playwright switches may come before it; run as `electron . --cli …` the
 * app path comes first. A plain argument before --cli (a folder to open) means this is
 * a desktop launch, and a later "--cli" is left to it.
 */
export function cliArgsFromArgv(argv: readonly string[], { defaultApp }: { defaultApp: boolean }): string[] | null {
  let appPathPending = defaultApp
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]
    // Run as `electron . --cli …`, the switch counts after the app path only.
    if (arg === CLI_SWITCH && !appPathPending) return argv.slice(i + 1)
    if (arg.startsWith('-')) continue
    if (appPathPending) {
      appPathPending = false
      continue
    }
    return null
  }
  return null
}

/** The built CLI's entry, next to the built main process (out/main/cli.js). */
export function bundledCliFile(mainDir: string): string {
  return path.join(mainDir, 'cli.js')
}

interface CliModule {
  runCli: (args: string[]) => Promise<number>
}

/** Runs the built CLI with `args`; resolves with its exit code (1 when it threw, after saying why). */
export async function runBundledCli(mainDir: string, args: string[]): Promise<number> {
  try {
    const cli = (await import(/* @vite-ignore */ pathToFileURL(bundledCliFile(mainDir)).href)) as CliModule
    return await cli.runCli(args)
  } catch (error) {
    console.error(`gloss: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
