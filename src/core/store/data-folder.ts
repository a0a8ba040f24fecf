// Where Gloss keeps its data, and the name of every file and folder in it. The CLI and
// the harness must find the same databases the desktop app uses, so the folder mirrors
// Electron's app.getPath('userData') for the product name "Gloss" without importing
// Electron. Users already have data folders: a name here changes only with a way to
// read the old place (see legacyExportManifestFile).
//
//   settings.json                      recent folders, reading preferences, window bounds
//   corpora/<key(root)>.json           highlights and notes of one folder (the corpus store)
//   cache/<key(root)>.json             the scan's memory of one folder (safe to delete)
//   search/<key(root)>.json            the search index of one folder (safe to delete)
//   export-manifests/<key(folder, root)>.json   what a folder export wrote (re-export)
//   exports/<name>                     the browser harness's exports (tests only); before
//                                      export manifests had their own folder they lay here too
//   gloss.lock                         who writes this folder now (app, harness or CLI; see data-folder-lock.ts)
//
// <key> is the first 16 hex digits of a SHA-256: stable per folder, no path characters.
import { createHash } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'

export const PRODUCT_NAME = 'Gloss'

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir()
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME)
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), PRODUCT_NAME)
}

/** `--data-dir <dir>` (or `--data-dir=<dir>`), then GLOSS_DATA_DIR, then the app's own folder. */
export function dataDirFrom(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const flag = optionValue(args, '--data-dir')
  if (flag) return path.resolve(flag)
  if (env.GLOSS_DATA_DIR) return path.resolve(env.GLOSS_DATA_DIR)
  return defaultDataDir(process.platform, env)
}

export function sampleCorpusDir(appRoot: string): string {
  return path.join(appRoot, 'resources', 'sample-corpus')
}

/** Value of `--name value` or `--name=value`; undefined when absent. */
export function optionValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === name) return args[i + 1]
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1)
  }
  return undefined
}

/** A file-name-safe key for a folder (or a pair of folders): the first 16 hex of SHA-256. */
function folderKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex').slice(0, 16)
}

/**
 * Where a store's unsaved changes go while its file cannot be written (write-journal.ts):
 * the system's temporary folder, usually another disk than the data folder's, one file
 * per store file (and per user: the folder is created private).
 */
export const journalFile = (storeFile: string, tempDir: string = os.tmpdir()): string =>
  path.join(tempDir, `gloss-journal-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`, `${folderKey(storeFile)}.json`)

/** The one-writer lock: the process that may write this data folder (data-folder-lock.ts). */
export const lockFile = (dataDir: string): string => path.join(dataDir, 'gloss.lock')

export const settingsFile = (dataDir: string): string => path.join(dataDir, 'settings.json')

/** The corpus store (highlights, notes) of the folder at `root`. */
export const corpusStoreFile = (dataDir: string, root: string): string => path.join(dataDir, 'corpora', `${folderKey(root)}.json`)

export const scanCacheFile = (dataDir: string, root: string): string => path.join(dataDir, 'cache', `${folderKey(root)}.json`)

export const searchIndexFile = (dataDir: string, root: string): string => path.join(dataDir, 'search', `${folderKey(root)}.json`)

/** The manifest of folder exports from the corpus at `corpusRoot` into `folder`. */
export const exportManifestFile = (dataDir: string, folder: string, corpusRoot: string): string =>
  path.join(dataDir, 'export-manifests', `${folderKey(folder, corpusRoot)}.json`)

/** Where exportManifestFile's file lay until manifests had their own folder: read once, then moved. */
export const legacyExportManifestFile = (dataDir: string, folder: string, corpusRoot: string): string =>
  path.join(dataDir, 'exports', `${folderKey(folder, corpusRoot)}.json`)

/** The browser harness's stand-in for the save dialogs: exports land below here. */
export const harnessExportsDir = (dataDir: string): string => path.join(dataDir, 'exports')
