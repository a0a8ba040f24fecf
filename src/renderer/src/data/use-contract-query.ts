// One typed way to read the contract through the query cache: the key is
// [method, input], so the same read asked twice is fetched once, an answer to an input
// no longer asked for is dropped, and invalidations name methods (data/invalidations.ts).
import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query'
import type { Api } from '../../../shared/api'
import type { Input, Method, Output } from '../../../shared/contract'

export const contractKey = <M extends Method>(method: M, input: Input<M>): QueryKey => [method, input]

/** The query options for one contract read (for useQueries, fetchQuery and prefetching). */
export function contractQuery<M extends Method>(api: Api, method: M, input: Input<M>) {
  return { queryKey: contractKey(method, input), queryFn: () => api[method](input) as Promise<Output<M>> }
}

type ExtraOptions<M extends Method> = Omit<UseQueryOptions<Output<M>, Error, Output<M>, QueryKey>, 'queryKey' | 'queryFn'>

export function useContractQuery<M extends Method>(api: Api, method: M, input: Input<M>, options: ExtraOptions<M> = {}) {
  return useQuery({ ...contractQuery(api, method, input), ...options })
}
