// `Gloss --cli <command> …`: the installed app answers every CLI command (scan, export,
// import, search) in the terminal without opening a window, the way `code
// --list-extensions` does, so a user who installed Gloss has its CLI without Node.
// Decided from argv before anything else starts (no single-instance lock, no window):
// a CLI run must neither hand its arguments to an open Gloss nor wait for it.
// The CLI is the `gloss` executable's own build, out/cli (scripts/build-cli.ts, every
// dependency bundled in); the edge loads out/cli/cli-main.js at run time, so the desktop
// edge still imports nothing from src/hosts (.dependency-cruiser.cjs), and the output is
// drained through pipes exactly as `gloss` drains it.
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

/** The built CLI's entry: out/cli/cli-main.js, beside out/main (the built main process). */
export function bundledCliFile(mainDir: string): string {
  return path.join(mainDir, '..', 'cli', 'cli-main.js')
}

interface CliModule {
  runGloss: (args: string[], exit: (code: number) => never) => Promise<never>
}

/**
 * Runs the built CLI with `args`; it drains its output and then calls `exit` with the
 * command's code. When the build cannot be loaded, says why and exits 1.
 */
export async function runBundledCli(mainDir: string, args: string[], exit: (code: number) => never): Promise<void> {
  let cli: CliModule
  try {
    cli = (await import(/* @vite-ignore */ pathToFileURL(bundledCliFile(mainDir)).href)) as CliModule
  } catch (error) {
    console.error(`gloss: ${error instanceof Error ? error.message : String(error)}`)
    exit(1)
    return
  }
  await cli.runGloss(args, exit)
}
