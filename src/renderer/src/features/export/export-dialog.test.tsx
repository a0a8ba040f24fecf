// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { createApi, type Transport } from '../../../../shared/api'
import type { ExportRequest } from '../../../../shared/model'
import { buildArticle, buildHighlight } from '../../test-support/build-article'
import { WithQueries } from '../../test-support/with-queries'
import { FAKE_DEFAULT_TEMPLATE, FakeGloss, librarySummary } from '../../test-support/fake-gloss'
import { ExportDialog, type ExportScopeChoice } from './export-dialog'
import { DEFAULT_EXPORT_SETTINGS, parseExportSettings, type ExportSettings } from './export-settings'
import { PREVIEW_DEBOUNCE_MS } from './use-export-preview'

const ROOT = '/home/reader/Clippings'

function makeFake() {
  const tides = buildArticle('tides', [{ type: 'paragraph', text: 'The sea rises twice a day, pulled by the moon.' }], { title: 'Why the sea keeps time' })
  tides.highlights = [{ ...buildHighlight('tides', tides.text, 4, 7, 'green'), id: 'sea' }]
  const keepers = buildArticle('keepers', [{ type: 'paragraph', text: 'Lighthouse keepers kept a log of every storm.' }], { title: 'Keepers of the light' })
  keepers.highlights = [{ ...buildHighlight('keepers', keepers.text, 0, 17, 'blue'), id: 'log' }]
  const library = { summary: librarySummary(ROOT, [tides, keepers]), articles: [tides, keepers] }
  return new FakeGloss(new Map([[ROOT, library]]), ROOT, ROOT)
}

function Harness({
  fake,
  scope = 'article',
  initial = DEFAULT_EXPORT_SETTINGS,
  onClose = () => undefined,
  transport = fake.transport
}: {
  fake: FakeGloss
  scope?: ExportScopeChoice
  initial?: ExportSettings
  onClose?: () => void
  transport?: Transport
}) {
  const [settings, setSettings] = useState(initial)
  const [api] = useState(() => createApi(transport))
  return (
    <WithQueries>
      <button type="button">Outside</button>
      <ExportDialog
        api={api}
        initialScope={scope}
        article={{ id: 'tides', title: 'Why the sea keeps time' }}
        libraryName="Clippings"
        settings={settings}
        onSettingsChange={(patch) => setSettings((s) => ({ ...s, ...patch }))}
        onClose={onClose}
      />
    </WithQueries>
  )
}

const dialog = () => screen.getByRole('dialog', { name: 'Export notes' })
const preview = () => screen.getByTestId('export-preview')
const previews = (fake: FakeGloss) => fake.callsTo('export.preview') as ExportRequest[]

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  localStorage.clear()
})

describe('ExportDialog', () => {
  it('is a labelled modal dialog: focus starts on the format, Tab stays inside, Escape closes', async () => {
    const fake = makeFake()
    const onClose = vi.fn()
    render(<Harness fake={fake} onClose={onClose} />)
    expect(dialog().getAttribute('aria-modal')).toBe('true')
    expect(document.activeElement).toBe(within(dialog()).getByRole('radio', { name: 'Markdown file' }))
    await screen.findByText(/Preview/)
    const close = within(dialog()).getByRole('button', { name: 'Close' })
    close.focus()
    fireEvent.keyDown(close, { key: 'Tab' })
    expect(dialog().contains(document.activeElement)).toBe(true)
    expect(document.activeElement).not.toBe(screen.getByRole('button', { name: 'Outside' }))
    const first = document.activeElement
    fireEvent.keyDown(first!, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(close)
    fireEvent.keyDown(close, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('previews at once, and again for each format; the preview shows what the main process rendered', async () => {
    const fake = makeFake()
    render(<Harness fake={fake} />)
    await waitFor(() => expect(preview().textContent).toContain('# Why the sea keeps time'))
    expect(previews(fake)).toEqual([{ scope: 'article', articleId: 'tides', format: 'md' }])
    expect(within(dialog()).getByText(': Why the sea keeps time.md')).toBeTruthy()

    fireEvent.click(within(dialog()).getByRole('radio', { name: 'JSON (W3C Web Annotations)' }))
    await waitFor(() => expect(preview().textContent).toBe('{"items":["sea"]}'))
    // JSON has no templates.
    expect(within(dialog()).queryByRole('radio', { name: 'Custom (Mustache)' })).toBeNull()
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'CSV (spreadsheet)' }))
    await waitFor(() => expect(preview().textContent).toBe('kind,quote\nhighlight,sea'))
    fireEvent.click(within(dialog()).getByRole('radio', { name: /All notes/ }))
    await waitFor(() => expect(preview().textContent).toBe('kind,quote\nhighlight,sea\nhighlight,Lighthouse keeper'))
    expect(previews(fake).at(-1)).toEqual({ scope: 'corpus', format: 'csv' })
  })

  it('JSON asks for the creator’s name and sends it; other formats neither show nor send it', async () => {
    const fake = makeFake()
    render(<Harness fake={fake} />)
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'JSON (W3C Web Annotations)' }))
    const name = within(dialog()).getByRole('textbox', { name: /creator/ })
    fireEvent.change(name, { target: { value: '  Ana Ortiz ' } })
    await waitFor(() => expect(previews(fake).at(-1)).toEqual({ scope: 'article', articleId: 'tides', format: 'json', creator: 'Ana Ortiz' }))
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'Readwise CSV' }))
    await waitFor(() => expect(previews(fake).at(-1)).toEqual({ scope: 'article', articleId: 'tides', format: 'readwise-csv' }))
    expect(within(dialog()).queryByRole('textbox', { name: /creator/ })).toBeNull()
  })

  it('starts a custom template from the default, previews it once typing pauses, and shows a broken one inline', async () => {
    const fake = makeFake()
    render(<Harness fake={fake} />)
    await waitFor(() => expect(previews(fake)).toHaveLength(1))
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'Custom (Mustache)' }))
    const editor = (await within(dialog()).findByRole('textbox', { name: 'Template' })) as HTMLTextAreaElement
    expect(editor.value).toBe(FAKE_DEFAULT_TEMPLATE)
    await waitFor(() => expect(previews(fake).at(-1)).toMatchObject({ template: FAKE_DEFAULT_TEMPLATE }))

    vi.useFakeTimers({ shouldAdvanceTime: true })
    const before = previews(fake).length
    for (const text of ['T', 'Ti', 'Tit', 'Title: {{title}}']) fireEvent.change(editor, { target: { value: text } })
    await act(() => vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS - 50))
    expect(previews(fake)).toHaveLength(before)
    await act(() => vi.advanceTimersByTimeAsync(100))
    // One request for the burst of typing, with what was typed last.
    expect(previews(fake).slice(before)).toEqual([{ scope: 'article', articleId: 'tides', format: 'md', template: 'Title: {{title}}' }])
    await waitFor(() => expect(preview().textContent).toBe('Title: Why the sea keeps time'))
    vi.useRealTimers()

    fireEvent.change(editor, { target: { value: 'Title: {{title' } })
    const error = await within(dialog()).findByRole('alert')
    expect(error.textContent).toBe('Template, line 1, column 8: a tag opened here is not closed with }}')
    expect(editor.getAttribute('aria-invalid')).toBe('true')
    expect(preview().textContent).toBe('')
    expect(within(dialog()).getByRole('button', { name: 'Export…' })).toHaveProperty('disabled', true)

    // The custom template is kept while the default is selected, and comes back.
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'Default' }))
    await waitFor(() => expect(within(dialog()).queryByRole('alert')).toBeNull())
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'Custom (Mustache)' }))
    expect((within(dialog()).getByRole('textbox', { name: 'Template' }) as HTMLTextAreaElement).value).toBe('Title: {{title')
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Reset to default' }))
    expect((within(dialog()).getByRole('textbox', { name: 'Template' }) as HTMLTextAreaElement).value).toBe(FAKE_DEFAULT_TEMPLATE)
  })

  it('shows only the answer to the latest request when an older one comes back late', async () => {
    // The test holds the clock (time still passes, for waitFor), so "late" is certain:
    // the md answer comes back after the json one is shown, however busy the machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true })
    onTestFinished(() => void vi.useRealTimers())
    const fake = makeFake()
    // The first (md) preview is slow, the next (json) fast.
    fake.previewDelayMs = (request) => (request.format === 'md' ? 60_000 : 0)
    let mdAnswered = false
    const transport: Transport = async (method, input) => {
      const result = await fake.transport(method, input)
      if (method === 'export.preview' && (input as ExportRequest).format === 'md') mdAnswered = true
      return result
    }
    render(<Harness fake={fake} transport={transport} />)
    await waitFor(() => expect(previews(fake)).toHaveLength(1))
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'JSON (W3C Web Annotations)' }))
    await waitFor(() => expect(preview().textContent).toBe('{"items":["sea"]}'))
    expect(mdAnswered).toBe(false)
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(mdAnswered).toBe(true)
    expect(preview().textContent).toBe('{"items":["sea"]}')
  })

  it('exports a folder: file name template, dry run with the lists, recreate deleted files', async () => {
    const fake = makeFake()
    render(<Harness fake={fake} scope="corpus" initial={{ ...DEFAULT_EXPORT_SETTINGS, format: 'md-folder', custom: true }} />)
    const fileName = (await within(dialog()).findByRole('textbox', { name: 'File name template' })) as HTMLInputElement
    // The default arrives with export.defaults, after the field is shown (later still on a busy machine).
    await waitFor(() => expect(fileName.value).toBe('{{title}}'))
    fireEvent.change(fileName, { target: { value: '{{slug}}' } })
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Dry run' }))
    const report = await screen.findByTestId('folder-report')
    expect(report.textContent).toContain('Dry run, nothing written: /tmp/export/Vault')
    expect(within(report).getByText('Would create 1')).toBeTruthy()
    expect(within(report).getByText('Deleted by you, not recreated 1')).toBeTruthy()
    expect(within(report).getByText('Keepers of the light.md')).toBeTruthy()
    expect(fake.callsTo('export.run')).toEqual([
      { scope: 'corpus', format: 'md-folder', template: FAKE_DEFAULT_TEMPLATE, fileNameTemplate: '{{slug}}', dryRun: true, recreateDeleted: false }
    ])

    fireEvent.click(within(dialog()).getByRole('checkbox', { name: 'Recreate deleted files' }))
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(within(screen.getByTestId('folder-report')).getByText('Created 2')).toBeTruthy())
    expect(screen.getByTestId('folder-report').textContent).toContain('Exported to /tmp/export/Vault')
    expect(fake.callsTo('export.run')[1]).toMatchObject({ dryRun: false, recreateDeleted: true })
  })

  it('asks for authors as [[links]] in Markdown exports when ticked, and offers it only there', async () => {
    const fake = makeFake()
    render(<Harness fake={fake} />)
    await waitFor(() => expect(previews(fake)).toHaveLength(1))
    fireEvent.click(within(dialog()).getByRole('checkbox', { name: 'Authors as [[links]]' }))
    await waitFor(() => expect(previews(fake).at(-1)).toEqual({ scope: 'article', articleId: 'tides', format: 'md', authorLinks: true }))
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'CSV (spreadsheet)' }))
    await waitFor(() => expect(previews(fake).at(-1)).toEqual({ scope: 'article', articleId: 'tides', format: 'csv' }))
    expect(within(dialog()).queryByRole('checkbox', { name: 'Authors as [[links]]' })).toBeNull()
  })

  it('has no dry run or file name template outside folder exports', async () => {
    const fake = makeFake()
    render(<Harness fake={fake} initial={{ ...DEFAULT_EXPORT_SETTINGS, custom: true }} />)
    await within(dialog()).findByRole('textbox', { name: 'Template' })
    expect(within(dialog()).queryByRole('button', { name: 'Dry run' })).toBeNull()
    expect(within(dialog()).queryByRole('textbox', { name: 'File name template' })).toBeNull()
    expect(within(dialog()).queryByRole('checkbox', { name: 'Recreate deleted files' })).toBeNull()
  })

  it('says what went wrong when an export fails', async () => {
    const fake = makeFake()
    fake.exportFolder = null
    render(<Harness fake={fake} initial={{ ...DEFAULT_EXPORT_SETTINGS, format: 'md-folder' }} />)
    await waitFor(() => expect(previews(fake)).toHaveLength(1))
    // A cancelled folder dialog: nothing to report.
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.callsTo('export.run')).toHaveLength(1))
    expect(screen.queryByTestId('export-outcome')).toBeNull()
    fake.runError = 'Gloss never writes into the folder it reads. Choose an export folder outside it.'
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Export…' }))
    expect((await within(dialog()).findByRole('alert')).textContent).toBe(fake.runError)
    // Buttons are usable again for another try.
    expect(within(dialog()).getByRole('button', { name: 'Export…' })).toHaveProperty('disabled', false)
  })
})

describe('parseExportSettings', () => {
  it.each<[string, string | null, Partial<ExportSettings>]>([
    ['nothing stored', null, DEFAULT_EXPORT_SETTINGS],
    ['not JSON', '{', DEFAULT_EXPORT_SETTINGS],
    ['a stored choice', '{"format":"csv","custom":true,"template":"# {{title}}","fileNameTemplate":null,"recreateDeleted":true}', { format: 'csv', custom: true, template: '# {{title}}', recreateDeleted: true }],
    ['an unknown format and odd types', '{"format":"pdf","custom":"yes","template":5}', DEFAULT_EXPORT_SETTINGS]
  ])('%s', (_name, text, expected) => {
    expect(parseExportSettings(text)).toEqual({ ...DEFAULT_EXPORT_SETTINGS, ...expected })
  })
})
