// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApi } from '../../../../shared/api'
import { buildArticle, buildHighlight } from '../../test-support/build-article'
import { FakeGloss, librarySummary } from '../../test-support/fake-gloss'
import { ManageTagsDialog } from './manage-tags-dialog'

afterEach(cleanup)

const ROOT = '/home/reader/Clippings'

function start() {
  const text = 'The ferry runs twice a day in winter.'
  const ferry = buildArticle('ferry', [{ type: 'paragraph', text }], { title: 'Ferries', tags: ['Transport'] })
  ferry.highlights = [buildHighlight('ferry', text, 4, 9, 'yellow', { tags: ['boats', 'winter'] }), buildHighlight('ferry', text, 20, 27, 'green', { tags: ['Winter'] })]
  const fake = new FakeGloss(new Map([[ROOT, { summary: librarySummary(ROOT, [ferry]), articles: [ferry] }]]), ROOT, ROOT)
  const onChanged = vi.fn()
  render(<ManageTagsDialog api={createApi(fake.transport)} onClose={() => undefined} onChanged={onChanged} />)
  return { fake, ferry, onChanged }
}

const dialog = () => screen.getByRole('dialog', { name: 'Manage tags' })
const rows = () => within(dialog()).getAllByRole('listitem').map((li) => li.textContent)

describe('ManageTagsDialog', () => {
  it('lists the tags with their counts, most used first', async () => {
    start()
    await waitFor(() => expect(rows()).toEqual(['winter2 highlightsRename…Delete…', 'boats1 highlightRename…Delete…', 'Transport1 articleRename…Delete…']))
  })

  it('says a rename to an existing tag merges, before anything changes, then merges', async () => {
    const { fake, ferry, onChanged } = start()
    await waitFor(() => screen.getByRole('button', { name: 'Rename boats' }))
    fireEvent.click(screen.getByRole('button', { name: 'Rename boats' }))
    const input = screen.getByRole('textbox', { name: 'New name for “boats”' })
    await waitFor(() => expect(document.activeElement).toBe(input))
    fireEvent.change(input, { target: { value: 'WINTER' } })
    expect(screen.getByTestId('manage-tags-note').textContent).toMatch(/“winter” already exists: the two tags will be merged into “WINTER”/)
    // The first highlight carries both tags: 2 highlights in all, not "2 highlights + 1 highlight".
    await waitFor(() => expect(screen.getByTestId('manage-tags-note').textContent).toMatch(/on 2 highlights in all\.$/))
    expect(fake.callsTo('tags.mergePreview')).toEqual([{ from: 'boats', to: 'WINTER' }])
    expect(fake.callsTo('tags.rename')).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }))
    await waitFor(() => expect(screen.getByText('Merged “boats” into “WINTER” (1 item).')).toBeTruthy())
    expect(fake.callsTo('tags.rename')).toEqual([{ from: 'boats', to: 'WINTER' }])
    expect(ferry.highlights.map((h) => h.tags)).toEqual([['WINTER'], ['Winter']])
    expect(onChanged).toHaveBeenCalledTimes(1)
  })

  it('refuses a name that cannot be a tag, and deletes a tag after asking', async () => {
    const { ferry } = start()
    await waitFor(() => screen.getByRole('button', { name: 'Rename Transport' }))
    fireEvent.click(screen.getByRole('button', { name: 'Rename Transport' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'New name for “Transport”' }), { target: { value: 'a,b' } })
    expect(screen.getByTestId('manage-tags-note').textContent).toMatch(/comma/)
    expect((screen.getByRole('button', { name: 'Rename' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Delete Transport' }))
    fireEvent.click(screen.getByRole('button', { name: 'Delete tag' }))
    await waitFor(() => expect(screen.getByText('Deleted “Transport” from 1 item.')).toBeTruthy())
    expect(ferry.tags).toEqual([])
  })
})
