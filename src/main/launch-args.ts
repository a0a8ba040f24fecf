// What the user asked for on the command line of the desktop app. Electron's argv
// carries the executable, the app path (when run as `electron .`), Chromium and
// Electron switches and our own --data-dir; the folder to open is what remains.
import path from 'node:path'

/** Our flags that take a separate value (`--data-dir <dir>`). */
const VALUE_FLAGS = new Set(['--data-dir'])

export interface LaunchArgsOptions {
  /** process.defaultApp: argv[1] is the app path (`electron .`), not a user argument. */
  defaultApp: boolean
  /** Relative folders are resolved against the directory the user launched from. */
  cwd: string
}

/** The user arguments: argv without the executable, the app path and the switches. */
export function userArgs(argv: readonly string[], { defaultApp }: Pick<LaunchArgsOptions, 'defaultApp'>): string[] {
  const positional: string[] = []
  // Run as `electron [switches] <app> [args]`, the first plain argument is the app path,
  // wherever switches (--inspect, --remote-debugging-port, ...) put it.
  let appPathPending = defaultApp
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') continue
    if (VALUE_FLAGS.has(arg)) {
      i++
      continue
    }
    if (arg.startsWith('-')) continue
    if (appPathPending) {
      appPathPending = false
      continue
    }
    positional.push(arg)
  }
  return positional
}

/** Absolute path of the folder named on the command line, or null. The last one wins. */
export function folderFromArgv(argv: readonly string[], options: LaunchArgsOptions): string | null {
  const positional = userArgs(argv, options)
  const folder = positional[positional.length - 1]
  return folder ? path.resolve(options.cwd, folder) : null
}
