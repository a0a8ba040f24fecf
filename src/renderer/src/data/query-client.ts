// The page's query cache. Contract reads are kept until a change pushed by the core
// says they are stale (data/invalidations.ts), so nothing is refetched on a timer, on
// window focus or on remount; a failed read is shown, not retried behind the user's back.
import { QueryClient } from '@tanstack/react-query'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false }
    }
  })
}
