// Where Gloss keeps its data. The CLI and the harness must find the same databases
// the desktop app uses, so this mirrors Electron's app.getPath('userData') for the
// product name "Gloss" without importing Electron.
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
