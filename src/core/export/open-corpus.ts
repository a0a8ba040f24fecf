// Opens a corpus folder for a headless command (CLI export, import and search): the same
// scan, store and LibrarySession the app uses, so exports and imports behave exactly as
// they do in the app (moved files keep their annotations, highlights anchor the same way).
import { CorpusScanner } from '../corpus/scan'
import { LibrarySession } from '../library/library-session'
import { openCorpusStore, type StoreHooks } from '../store/corpus-store'
import { scanCacheFile } from '../store/data-folder'

export interface OpenCorpus {
  session: LibrarySession
  /** Writes pending store changes (and the scan cache, if used) and closes the store. */
  close(): Promise<void>
}

export interface OpenCorpusOptions extends StoreHooks {
  /**
   * List the folder through the app's scan cache in the data folder (read, then brought
   * up to date): only files whose size or modification time changed are read.
   */
  scanCache?: boolean
}

/**
 * `options.readOnly`: another process writes the data folder; read a snapshot and write
 * nothing (neither the store nor the scan cache).
 */
export async function openCorpus(folder: string, dataDir: string, now: () => Date = () => new Date(), options: OpenCorpusOptions = {}): Promise<OpenCorpus> {
  const { scanCache, ...hooks } = options
  let scanner = await CorpusScanner.open(folder)
  if (scanCache) scanner = await CorpusScanner.open(scanner.root, { cacheFile: scanCacheFile(dataDir, scanner.root) })
  const scan = await scanner.scan()
  const store = await openCorpusStore(dataDir, scan.root, hooks)
  const close = async (): Promise<void> => {
    try {
      await store.close()
    } finally {
      if (!hooks.readOnly) await scanner.flushCache()
    }
  }
  try {
    const session = new LibrarySession(scan, store, false, now)
    return { session, close }
  } catch (error) {
    await close()
    throw error
  }
}
