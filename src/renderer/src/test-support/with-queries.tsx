// The root a component test renders under, as main.tsx gives the app: a fresh query
// cache per test, kept up to date by the change events `events` pushes (usually
// FakeGloss.events(), which emits after the fake's own edits).
import { QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import type { GlossEvents } from '../../../shared/events'
import { createQueryClient } from '../data/query-client'
import { useDataChanges } from '../data/use-data-changes'

function DataChanges({ events, children }: { events: GlossEvents | null; children: ReactNode }) {
  useDataChanges(events)
  return <>{children}</>
}

export function WithQueries({ events = null, children }: { events?: GlossEvents | null; children: ReactNode }) {
  const [client] = useState(createQueryClient)
  return (
    <QueryClientProvider client={client}>
      <DataChanges events={events}>{children}</DataChanges>
    </QueryClientProvider>
  )
}

/** For render(ui, { wrapper: withQueries(events) }). */
export const withQueries =
  (events: GlossEvents | null = null) =>
  ({ children }: { children: ReactNode }) => <WithQueries events={events}>{children}</WithQueries>
