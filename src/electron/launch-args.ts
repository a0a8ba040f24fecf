// What the user asked for on the command line of the desktop app. Electron's argv
// carries the executable, the app path (when run as `electron .`), Chromium and
// Electron switches and our own --data-dir; the folder to open is what remains. On
// Windows and Linux a clicked gloss:// link arrives the same way, as an argument.
import path from 'node:path'

export const GLOSS_PROTOCOL = 'gloss'
const LINK = /^gloss:/i

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

/** Absolute path of the folder named on the command line, or null. The last one wins; links are not folders. */
export function folderFromArgv(argv: readonly string[], options: LaunchArgsOptions): string | null {
  const positional = userArgs(argv, options).filter((arg) => !LINK.test(arg))
  const folder = positional[positional.length - 1]
  return folder ? path.resolve(options.cwd, folder) : null
}

/**
 * The gloss:// link the system launched Gloss with (Windows, Linux), or null. Found
 * anywhere after the executable, since Chromium may put its switches after it; its
 * shape is checked later, by parseGlossLink, in the core.
 */
export function linkFromArgv(argv: readonly string[]): string | null {
  for (let i = argv.length - 1; i >= 1; i--) if (LINK.test(argv[i])) return argv[i]
  return null
}

export interface ProtocolRegistration {
  scheme: string
  /** Passed on in development, where the executable is Electron and the app is an argument. */
  executable?: string
  args?: string[]
}

/**
 * How to register Gloss as the handler of gloss:// links (app.setAsDefaultProtocolClient),
 * or null not to. An instance with its own data folder (--data-dir or GLOSS_DATA_DIR: a
 * test or portable copy) leaves the system's handler alone, as it keeps apart from the
 * everyday instance in every other way. Run as `electron <app>`, the app path must be
 * passed along, as Electron's documentation shows.
 */
export function protocolRegistration(options: {
  argv: readonly string[]
  defaultApp: boolean
  execPath: string
  dataDirOverridden: boolean
}): ProtocolRegistration | null {
  if (options.dataDirOverridden) return null
  if (!options.defaultApp) return { scheme: GLOSS_PROTOCOL }
  const appPath = options.argv.slice(1).find((arg) => !arg.startsWith('-'))
  if (!appPath) return null
  return { scheme: GLOSS_PROTOCOL, executable: options.execPath, args: [path.resolve(appPath)] }
}

/**
 * What a second launch sends to the running instance (requestSingleInstanceLock's
 * additionalData): its own argv and working directory, as it saw them. Chromium
 * rewrites the argv that the 'second-instance' event carries on some platforms
 * (switches inserted, on Windows even reordered), so this copy is preferred.
 */
export interface SecondLaunchData {
  argv: string[]
  cwd: string
  defaultApp: boolean
}

export function secondLaunchData(argv: readonly string[], cwd: string, defaultApp: boolean): SecondLaunchData {
  return { argv: [...argv], cwd, defaultApp }
}

/** Long enough for any real command line; another process's data is checked before use. */
const MAX_ARGS = 256
const MAX_ARG_LENGTH = 32_768

function isSecondLaunchData(value: unknown): value is SecondLaunchData {
  if (!value || typeof value !== 'object') return false
  const { argv, cwd, defaultApp } = value as Record<string, unknown>
  return (
    Array.isArray(argv) &&
    argv.length <= MAX_ARGS &&
    argv.every((arg) => typeof arg === 'string' && arg.length <= MAX_ARG_LENGTH) &&
    typeof cwd === 'string' &&
    cwd.length <= MAX_ARG_LENGTH &&
    typeof defaultApp === 'boolean'
  )
}

/** What a second launch asks the running Gloss to do. */
export type SecondLaunchRequest = { kind: 'link'; url: string } | { kind: 'folder'; path: string } | { kind: 'focus' }

/**
 * Reads a second launch from the 'second-instance' event: its additionalData when it
 * is well formed, else the event's argv and working directory. A gloss:// link wins
 * (that is what a click on a link starts); then the folder named; else the user only
 * started Gloss again, and the running window comes to the front.
 */
export function secondLaunchRequest(
  event: { argv: readonly string[]; workingDirectory: string; additionalData?: unknown },
  fallback: Pick<LaunchArgsOptions, 'defaultApp'>
): SecondLaunchRequest {
  const data = isSecondLaunchData(event.additionalData)
    ? event.additionalData
    : { argv: [...event.argv], cwd: event.workingDirectory, defaultApp: fallback.defaultApp }
  const url = linkFromArgv(data.argv)
  if (url) return { kind: 'link', url }
  const folder = folderFromArgv(data.argv, { defaultApp: data.defaultApp, cwd: data.cwd })
  return folder ? { kind: 'folder', path: folder } : { kind: 'focus' }
}
