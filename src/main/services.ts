// Ports the Electron edge (or the harness, or a test) supplies to the services.
export interface Dialogs {
  /** Absolute folder path chosen by the user, or null when cancelled. */
  chooseFolder(): Promise<string | null>
  /** Absolute save path chosen by the user, or null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>
}

export interface GlossOptions {
  /** Where Gloss keeps its databases and settings (never inside a corpus). */
  dataDir: string
  /** The sample corpus shipped in resources/, opened on first run. */
  sampleRoot: string
  dialogs: Dialogs
  /** Folder to open at start (command line / harness --corpus); else the last folder, else the sample. */
  initialFolder?: string | null
  /** Injected clock for tests. */
  now?: () => Date
}
