// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createApi } from '../../../shared/api'
import { App } from '../App'
import { withQueries } from '../test-support/with-queries'
import { buildArticle } from '../test-support/build-article'
import { FakeGloss, librarySummary } from '../test-support/fake-gloss'

const ROOT = '/home/reader/Clippings'
const FULL = 'Your last changes are not saved: the disk is full. They are kept in memory and in /tmp/j.json, and Gloss keeps trying.'

function start() {
  const tides = buildArticle('tides', [{ type: 'paragraph', text: 'The sea rises twice a day.' }], { title: 'Why the sea keeps time' })
  const fake = new FakeGloss(new Map([[ROOT, { summary: { ...librarySummary(ROOT, [tides]), lastArticleId: 'tides' }, articles: [tides] }]]), ROOT, ROOT)
  render(<App api={createApi(fake.transport)} events={fake.events()} />, { wrapper: withQueries() })
  return fake
}

afterEach(() => cleanup())

describe('the save-problem banner', () => {
  it('appears when the core says a save failed, stays without a Dismiss, and goes when saving works again', async () => {
    const fake = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    expect(screen.queryByText(/not saved/)).toBeNull()

    fake.saveProblem = { code: 'ENOSPC', message: FULL, since: '2026-12-07T23:00:00.000Z' }
    act(() => fake.emit({ cause: 'save', saving: true }))
    const banner = await screen.findByText(FULL)
    expect(banner.closest('[role="alert"]')?.querySelector('button')).toBeNull()

    fake.saveProblem = null
    act(() => fake.emit({ cause: 'save', saving: true }))
    await waitFor(() => expect(screen.queryByText(FULL)).toBeNull())
  })

  it('shows a problem that was there before the page started (a read-only data folder)', async () => {
    const tides = buildArticle('tides', [{ type: 'paragraph', text: 'The sea rises twice a day.' }], { title: 'Why the sea keeps time' })
    const fake = new FakeGloss(new Map([[ROOT, { summary: librarySummary(ROOT, [tides]), articles: [tides] }]]), ROOT, ROOT)
    fake.saveProblem = { code: 'EROFS', message: 'Gloss cannot save anything in its data folder (/data): the data folder is read-only.', since: 'x' }
    render(<App api={createApi(fake.transport)} events={fake.events()} />, { wrapper: withQueries() })
    expect(await screen.findByText(/the data folder is read-only/)).toBeTruthy()
  })
})
