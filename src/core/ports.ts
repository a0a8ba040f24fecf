// Ports the Electron edge (or the harness, or a test) supplies to the services.

/** A file type in a native dialog: `{ name: 'CSV', extensions: ['csv'] }`. */
export interface FileFilter {
  name: string
  extensions: string[]
}

export interface Dialogs {
  /** Absolute folder path chosen by the user, or null when cancelled. */
  chooseFolder(): Promise<string | null>
  /** Absolute save path chosen by the user, or null when cancelled. Filters default to Markdown. */
  chooseSavePath(suggestedName: string, filters?: FileFilter[]): Promise<string | null>
  /** A folder to export into (created if the dialog allows), or null when cancelled. */
  chooseExportFolder(suggestedName: string): Promise<string | null>
  /** An existing file to read (an annotations file to import), or null when cancelled. */
  chooseOpenFile(filters: FileFilter[]): Promise<string | null>
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
