// App-wide settings: the folders the user opened, newest first, and the last one.
import { z } from 'zod'
import { DEFAULT_PREFS, readPrefs } from '../../shared/model'
import { settingsFile } from './data-folder'
import { readWindowState } from './window-state'
import { openJsonStore, type JsonStore, type JsonStoreOptions } from './json-store'

export const SETTINGS_SCHEMA_VERSION = 1
export const MAX_RECENT_FOLDERS = 10

export const SettingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  recentFolders: z.array(z.string()),
  lastFolder: z.string().nullable(),
  /** Reading preferences; absent in older files, and read value by value (see readPrefs). */
  prefs: z.unknown().optional().transform(readPrefs),
  /** The main window's bounds (desktop app); absent until first saved, and a bad value is dropped, never fatal. */
  window: z.unknown().optional().transform(readWindowState)
})
export type Settings = z.infer<typeof SettingsSchema>

export const defaultSettings = (): Settings => ({
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  recentFolders: [],
  lastFolder: null,
  prefs: { ...DEFAULT_PREFS },
  window: undefined
})

export function openSettingsStore(dataDir: string, hooks: Pick<JsonStoreOptions<Settings>, 'readOnly' | 'onSaveProblem' | 'journal'> = {}): Promise<JsonStore<Settings>> {
  return openJsonStore(settingsFile(dataDir), {
    defaults: defaultSettings,
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    validate: (raw) => SettingsSchema.parse(raw),
    label: 'Your Gloss settings',
    ...hooks
  })
}

/** Moves `root` to the front of the recent list (no duplicates, at most `max`) and makes it the last folder. */
export function rememberFolder(settings: Settings, root: string, max = MAX_RECENT_FOLDERS): void {
  settings.recentFolders = [root, ...settings.recentFolders.filter((folder) => folder !== root)].slice(0, Math.max(1, max))
  settings.lastFolder = root
}
