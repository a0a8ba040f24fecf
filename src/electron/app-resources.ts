// Where the app's own files are, run from the repository or installed. Installed,
// electron-builder puts the sample corpus and the window icon beside app.asar in the
// resources folder (electron-builder.yml, extraResources), not inside the archive:
// the corpus is read as plain files, and the archive holds only the built code.
import path from 'node:path'
import { sampleCorpusDir } from '../core/store/data-folder'

export interface AppResourcesInput {
  isPackaged: boolean
  /** app.getAppPath(): the repository when run with `electron .`, resources/app.asar installed. */
  appPath: string
  /** process.resourcesPath. */
  resourcesPath: string
  platform: NodeJS.Platform
}

export interface AppResources {
  sampleRoot: string
  /**
   * The window's icon on Linux (Windows and macOS take it from the executable and the
   * bundle). Rendered from resources/icon.svg by scripts/packaging/render-icons.mjs.
   */
  windowIcon?: string
}

export const ICON_FILE = 'icon.png'

export function appResources({ isPackaged, appPath, resourcesPath, platform }: AppResourcesInput): AppResources {
  const sampleRoot = isPackaged ? path.join(resourcesPath, 'sample-corpus') : sampleCorpusDir(appPath)
  if (platform !== 'linux') return { sampleRoot }
  return { sampleRoot, windowIcon: isPackaged ? path.join(resourcesPath, ICON_FILE) : path.join(appPath, 'out', 'icons', ICON_FILE) }
}
