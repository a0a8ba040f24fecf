// Opens a corpus folder for a headless command (CLI export and import): the same scan,
// store and LibrarySession the app uses, so exports and imports behave exactly as they
// do in the app (moved files keep their annotations, highlights anchor the same way).
import { scanCorpus } from '../corpus/scan'
import { LibrarySession } from '../library/library-session'
import { openCorpusStore, type StoreHooks } from '../store/corpus-store'

export interface OpenCorpus {
  session: LibrarySession
  /** Writes pending store changes and closes the store. */
  close(): Promise<void>
}

/** `hooks.readOnly`: another process writes the data folder; read a snapshot and write nothing. */
export async function openCorpus(folder: string, dataDir: string, now: () => Date = () => new Date(), hooks: StoreHooks = {}): Promise<OpenCorpus> {
  const scan = await scanCorpus(folder)
  const store = await openCorpusStore(dataDir, scan.root, hooks)
  try {
    const session = new LibrarySession(scan, store, false, now)
    return { session, close: () => store.close() }
  } catch (error) {
    await store.close()
    throw error
  }
}
