// The export dialog's choices, kept between openings and across restarts (in the page's
// localStorage: losing them costs a few clicks, never a note). A custom template is
// the user's writing, so it is kept even while the default one is selected.
import { useCallback, useState } from 'react'
import { MAX_CREATOR_LENGTH, type ExportFormat } from '../../../../shared/model'

export const EXPORT_FORMATS: ReadonlyArray<{ value: ExportFormat; label: string; hint: string }> = [
  { value: 'md', label: 'Markdown file', hint: 'One Markdown file: front matter, the article note, each quote with its note and a link back to Gloss.' },
  {
    value: 'md-folder',
    label: 'Markdown folder (Obsidian vault)',
    hint: 'One file per annotated article. Exporting again updates only the part between Gloss’s markers: what you write around it stays, and files you delete stay deleted.'
  },
  { value: 'json', label: 'JSON (W3C Web Annotations)', hint: 'Every highlight with its quote, position, note and colour. Gloss can import it again, here or on another computer.' },
  { value: 'csv', label: 'CSV (spreadsheet)', hint: 'One row per highlight and article note, UTF-8 for Excel, Numbers and LibreOffice.' },
  {
    value: 'hypothesis',
    label: 'Hypothesis (JSON)',
    hint: 'Highlights and notes of articles saved from the web, in the Hypothesis API’s shape: post them to Hypothesis to see them on the live page.'
  },
  { value: 'readwise-csv', label: 'Readwise CSV', hint: 'One row per highlight with exactly the columns Readwise’s CSV import reads (Highlight, Title, Author, URL, Note, Location, Date).' }
]

export const isMarkdownFormat = (format: ExportFormat): boolean => format === 'md' || format === 'md-folder'

export interface ExportSettings {
  format: ExportFormat
  /** Use the custom templates below instead of the built-in format. */
  custom: boolean
  /** null until the user starts from the default. */
  template: string | null
  fileNameTemplate: string | null
  recreateDeleted: boolean
  /** Markdown: authors as [[links]] in front matter (Obsidian then lists each author's notes). */
  authorLinks: boolean
  /** JSON: the name written as the annotations' creator; '' = the core's default ("Gloss user"). */
  creator: string
}

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  format: 'md',
  custom: false,
  template: null,
  fileNameTemplate: null,
  recreateDeleted: false,
  authorLinks: false,
  creator: ''
}

const STORAGE_KEY = 'gloss.export-settings'

/** Settings from storage, field by field: anything unexpected falls back to the default. */
export function parseExportSettings(text: string | null): ExportSettings {
  if (!text) return DEFAULT_EXPORT_SETTINGS
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return DEFAULT_EXPORT_SETTINGS
  }
  if (!raw || typeof raw !== 'object') return DEFAULT_EXPORT_SETTINGS
  const r = raw as Record<string, unknown>
  const text_ = (v: unknown) => (typeof v === 'string' ? v : null)
  return {
    format: EXPORT_FORMATS.some((f) => f.value === r.format) ? (r.format as ExportFormat) : DEFAULT_EXPORT_SETTINGS.format,
    custom: r.custom === true,
    template: text_(r.template),
    fileNameTemplate: text_(r.fileNameTemplate),
    recreateDeleted: r.recreateDeleted === true,
    authorLinks: r.authorLinks === true,
    creator: typeof r.creator === 'string' ? r.creator.slice(0, MAX_CREATOR_LENGTH) : ''
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

export function useExportSettings(): [ExportSettings, (patch: Partial<ExportSettings>) => void] {
  const [settings, setSettings] = useState<ExportSettings>(() => parseExportSettings(storage()?.getItem(STORAGE_KEY) ?? null))
  const update = useCallback((patch: Partial<ExportSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...patch }
      try {
        storage()?.setItem(STORAGE_KEY, JSON.stringify(next))
      } catch {
        // Full or unavailable storage: the choices last until the window closes.
      }
      return next
    })
  }, [])
  return [settings, update]
}
